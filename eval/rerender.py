"""The developer corpus through every text renderer: does the parser hold up on each?

Each corpus case is one page saved one way (w3m, lynx, inscriptis, a browser's copy). The
parser will meet every site saved every way, so this renders each case's original HTML
(`html/NAME.html.gz`) with each of the corpus's five renderers, writes the texts beside a
copy of the expected values, and scores them all with the corpus's own scorer: 88 pages five
ways instead of one. w3m, lynx and inscriptis reproduce the corpus's own texts byte for byte
(trailing spaces aside); the browser's copy (Chromium's innerText, the page's scripts left
out) 8 of its 17 pages, the rest within a few per cent of their length.

With --others it renders with three ways of saving the corpus does not use instead: elinks
at 80 columns, html2text, which saves Markdown as article clippers do, and lynx with its
list of links (its default).

Needs w3m, lynx, elinks and chromium (`apt-get install w3m lynx elinks chromium`) and
inscriptis and html2text (`pip install inscriptis html2text`, the `rerender` extra).

    .venv/bin/python eval/rerender.py [--corpus ../shared/corpus] [--keep DIR] [--others]
                                      [-- score options]
"""
from __future__ import annotations

import argparse
import functools
import gzip
import html as html_module
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"

# Renderer name (as the corpus README has it) -> command reading HTML on stdin, UTF-8 out.
COMMANDS = {
    "w3m-wide": ["w3m", "-dump", "-cols", "10000", "-T", "text/html", "-I", "utf-8",
                 "-O", "utf-8"],
    "w3m-80": ["w3m", "-dump", "-cols", "80", "-T", "text/html", "-I", "utf-8", "-O", "utf-8"],
    "lynx-80": ["lynx", "-dump", "-stdin", "-nolist", "-width=80", "-assume_charset=utf-8",
                "-display_charset=utf-8"],
    # lynx as most people run it: each link numbered, and the list of links after the page.
    "lynx-links": ["lynx", "-dump", "-stdin", "-width=80", "-assume_charset=utf-8",
                   "-display_charset=utf-8"],
    "elinks-80": ["elinks", "-dump", "-dump-width", "80", "-no-references", "-no-numbering",
                  "-dump-charset", "utf-8", "-eval", 'set document.codepage.assume = "utf-8"',
                  "-eval", "set document.codepage.force_assumed = 1"],
}
# The corpus's own renderers, and three it does not use, for a look at how the parser does
# on ways of saving it was never tuned on: elinks, another text browser; html2text, which
# saves Markdown as article clippers do; and lynx with its list of links, its default.
RENDERERS = ("w3m-wide", "w3m-80", "lynx-80", "inscriptis", "chromium-innertext")
OTHER_RENDERERS = ("elinks-80", "html2text", "lynx-links")
# What each renderer needs: a program on PATH, or (a module name) a Python library.
NEEDS = {"w3m-wide": "w3m", "w3m-80": "w3m", "lynx-80": "lynx", "lynx-links": "lynx",
         "elinks-80": "elinks",
         "chromium-innertext": "chromium", "inscriptis": "module inscriptis",
         "html2text": "module html2text"}


# The page is handed over as UTF-8, so its own charset declaration must say so too (lynx
# believes the page's <meta> over -assume_charset).
META_CHARSET = re.compile(r"(<meta[^>]*?charset\s*=\s*[\"']?)[\w-]+", re.IGNORECASE)


# A browser's select-all-and-copy is the page's innerText once laid out: Chromium loads the
# page (its own scripts and frames left out; its addresses based on a web host that no name
# resolves to, as every other host: "//host/..." against the file the page is read from is
# a file share, and hung it), and a script put at its end swaps the body for a <pre> holding
# that text, which --dump-dom prints (put first: a page may end inside an unclosed comment).
CHROMIUM = ["chromium", "--headless", "--no-sandbox", "--disable-gpu",
            "--host-resolver-rules=MAP * ~NOTFOUND", "--dump-dom"]
SCRIPT = re.compile(r"<(script|iframe)\b.*?</\1\s*>|<iframe\b[^>]*/>",
                    re.IGNORECASE | re.DOTALL)
BASE = '<base href="https://feedpub.invalid/">'
INNER_TEXT = (
    "<script>window.addEventListener('load', () => {const text = document.body.innerText;"
    "const pre = document.createElement('pre'); pre.id = 'feedpub-text';"
    "pre.textContent = text; document.body.replaceChildren(pre);});</script>")
DUMPED_TEXT = re.compile(r'<pre id="feedpub-text">(.*?)</pre>', re.DOTALL)


def missing(renderers: tuple[str, ...] = RENDERERS) -> list[str]:
    """The renderers' programs and libraries this machine lacks."""
    lacking = []
    for need in dict.fromkeys(NEEDS[renderer] for renderer in renderers):
        kind, _, name = need.rpartition(" ")
        found = importlib.util.find_spec(name) if kind == "module" else shutil.which(name)
        if found is None:
            lacking.append(name)
    return lacking


def render(renderer: str, html: str) -> str:
    html = META_CHARSET.sub(r"\g<1>utf-8", html)
    if renderer == "inscriptis":
        import inscriptis

        text = inscriptis.get_text(html)
    elif renderer == "html2text":
        import html2text

        converter = html2text.HTML2Text()
        converter.body_width = 0  # one line per paragraph, as Markdown clippers save
        text = converter.handle(html)
    elif renderer == "chromium-innertext":
        text = inner_text(html)
    else:
        text = subprocess.run(COMMANDS[renderer], input=html.encode("utf-8"),
                              capture_output=True, check=True).stdout.decode("utf-8", "replace")
    return "\n".join(line.rstrip() for line in text.splitlines()) + "\n"


def inner_text(html: str) -> str:
    with tempfile.TemporaryDirectory(prefix="feedpub-chromium-") as work:
        page = Path(work, "page.html")
        page.write_text(BASE + INNER_TEXT + SCRIPT.sub("", html), encoding="utf-8")
        dumped = subprocess.run([*CHROMIUM, f"--user-data-dir={work}/profile", page.as_uri()],
                                capture_output=True, check=True, timeout=60).stdout
    found = DUMPED_TEXT.search(dumped.decode("utf-8", "replace"))
    return html_module.unescape(found.group(1)) if found else ""




def write_cases(corpus: Path, out: Path, renderers: tuple[str, ...] = RENDERERS) -> int:
    """Render every case of `corpus` that has its HTML each way into `out`; how many texts
    (a rendering that shows nothing is left out). Pages are rendered side by side (the
    renderers are other processes)."""
    pages = [path for path in sorted(corpus.glob("*.json"))
             if (corpus / "html" / f"{path.stem}.html.gz").exists()]
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        return sum(pool.map(functools.partial(write_page, out=out, renderers=renderers), pages))


def write_page(expected_path: Path, out: Path, renderers: tuple[str, ...] = RENDERERS) -> int:
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    source = expected_path.parent / "html" / f"{expected_path.stem}.html.gz"
    html = gzip.decompress(source.read_bytes()).decode(expected.get("encoding") or "utf-8",
                                                       "replace")
    written = 0
    for renderer in renderers:
        text = render(renderer, html)
        if not text.strip():  # a page that shows nothing without its own scripts
            continue
        name = f"{expected_path.stem}.{renderer}"
        (out / f"{name}.txt").write_text(text, encoding="utf-8")
        (out / f"{name}.json").write_text(
            json.dumps({**expected, "renderer": renderer}, ensure_ascii=False),
            encoding="utf-8")
        written += 1
    return written


def score(cases: Path, options: list[str]) -> int:
    """Score the rendered `cases` with the corpus's own scorer, running this checkout's
    `feedpub parse --json` as a user would; its exit code."""
    feedpub = Path(sys.executable).with_name("feedpub")
    return subprocess.run([sys.executable, str(SHARED / "tools" / "score.py"), str(cases),
                           "--cmd", f"{feedpub} parse {{}} --json", "--jobs", "2",
                           *options]).returncode


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=SHARED / "corpus")
    ap.add_argument("--keep", type=Path, help="write the rendered cases here and keep them")
    ap.add_argument("--others", action="store_true",
                    help=f"render with {' and '.join(OTHER_RENDERERS)} instead")
    ap.add_argument("score", nargs="*", help="options passed on to score.py (after --)")
    args = ap.parse_args()
    renderers = OTHER_RENDERERS if args.others else RENDERERS
    if missing(renderers):
        print(f"rerender: this machine lacks {', '.join(missing(renderers))}", file=sys.stderr)
        return 2
    out = args.keep or Path(tempfile.mkdtemp(prefix="feedpub-rerender-"))
    out.mkdir(parents=True, exist_ok=True)
    try:
        count = write_cases(args.corpus, out, renderers)
        print(f"{count} rendered cases in {out}", flush=True)
        return score(out, args.score)
    finally:
        if args.keep is None:
            shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
