"""Coverage-guided fuzzing of the parser and the feed writer with atheris.

    .venv/bin/pip install -e '.[fuzz]'
    .venv/bin/python fuzz/fuzz_parse.py fuzz/corpus -max_total_time=600

Any bytes go through decode -> parse_article; an InputError is a clean rejection, any other
exception is a finding (atheris stops and writes the input as crash-*). Every article that
parses is also rendered to Atom and must come out well-formed XML with aware dates. Put each
finding into a regression test (tests/test_fuzz_regressions.py) before fixing it.
"""
from __future__ import annotations

import sys
from datetime import datetime, timezone
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from lxml import etree

    from feedpub.config import Config
    from feedpub.errors import InputError
    from feedpub.feed import render_feed
    from feedpub.model import Entry
    from feedpub.parse import parse_article
    from feedpub.source import decode

CONFIG = Config()
# Articles without a date are dated by their file's mtime in a build; any fixed instant here.
UNDATED = datetime(2020, 1, 1, tzinfo=timezone.utc)


def test_one_input(data: bytes) -> None:
    try:
        article = parse_article(decode(data), source="fuzz.txt")
    except InputError:
        return
    published = article.published or UNDATED
    if published.tzinfo is None:
        raise AssertionError(f"naive date {published!r}")
    entry = Entry(article, "tag:feedpub,2020:fuzz", "fuzz", published, published)
    etree.fromstring(render_feed([entry], CONFIG))


def seed_corpus(directory: Path) -> None:
    """Start from real saved pages: the sample and the test cases, if not seeded yet."""
    directory.mkdir(parents=True, exist_ok=True)
    if any(directory.iterdir()):
        return
    root = Path(__file__).resolve().parent.parent
    for n, path in enumerate(sorted([*root.glob("seeds/*.txt"), *root.glob("tests/cases/*.txt")])):
        (directory / f"seed-{n:03d}").write_bytes(path.read_bytes()[:20000])


def main() -> None:
    args = sys.argv[1:]
    corpus = next((Path(a) for a in args if not a.startswith("-")), None)
    if corpus is not None:
        seed_corpus(corpus)
    atheris.Setup([sys.argv[0], *args], test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
