"""The developer corpus through every text renderer: does the parser hold up on each?

Each corpus case is one page saved one way (w3m, lynx, inscriptis, a browser's copy). The
parser will meet every site saved every way, so this renders each case's original HTML
(`html/NAME.html.gz`) with each of the corpus's five renderers, writes the texts beside a
copy of the expected values, and scores them all with the corpus's own scorer: 88 pages five
ways instead of one. w3m, lynx and inscriptis reproduce the corpus's own texts byte for byte
(trailing spaces aside); the browser's copy (Chromium's innerText, the page's scripts left
out) 8 of its 17 pages, the rest within a few per cent of their length.

Needs w3m, lynx and chromium (`apt-get install w3m lynx chromium`) and inscriptis (`pip
install inscriptis`, the `rerender` extra).

    .venv/bin/python eval/rerender.py [--corpus ../shared/corpus] [--keep DIR] [-- score options]
"""
from __future__ import annotations

import argparse
import functools
import gzip
import html as html_module
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
}


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


def missing() -> list[str]:
    """The renderers' programs and libraries this machine lacks."""
    lacking = [name for name in ("w3m", "lynx", "chromium") if shutil.which(name) is None]
    try:
        import inscriptis  # noqa: F401
    except ImportError:
        lacking.append("inscriptis")
    return lacking


def render(renderer: str, html: str) -> str:
    html = META_CHARSET.sub(r"\g<1>utf-8", html)
    if renderer == "inscriptis":
        import inscriptis

        text = inscriptis.get_text(html)
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


RENDERERS = (*COMMANDS, "inscriptis", "chromium-innertext")


def write_cases(corpus: Path, out: Path) -> int:
    """Render every case of `corpus` that has its HTML each way into `out`; how many texts
    (a rendering that shows nothing is left out). Pages are rendered side by side (the
    renderers are other processes)."""
    pages = [path for path in sorted(corpus.glob("*.json"))
             if (corpus / "html" / f"{path.stem}.html.gz").exists()]
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        return sum(pool.map(functools.partial(write_page, out=out), pages))


def write_page(expected_path: Path, out: Path) -> int:
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    source = expected_path.parent / "html" / f"{expected_path.stem}.html.gz"
    html = gzip.decompress(source.read_bytes()).decode(expected.get("encoding") or "utf-8",
                                                       "replace")
    written = 0
    for renderer in RENDERERS:
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


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=SHARED / "corpus")
    ap.add_argument("--keep", type=Path, help="write the rendered cases here and keep them")
    ap.add_argument("score", nargs="*", help="options passed on to score.py (after --)")
    args = ap.parse_args()
    if missing():
        print(f"rerender: this machine lacks {', '.join(missing())}", file=sys.stderr)
        return 2
    out = args.keep or Path(tempfile.mkdtemp(prefix="feedpub-rerender-"))
    out.mkdir(parents=True, exist_ok=True)
    try:
        count = write_cases(args.corpus, out)
        print(f"{count} rendered cases in {out}", flush=True)
        feedpub = Path(sys.executable).with_name("feedpub")
        return subprocess.run([sys.executable, str(SHARED / "tools" / "score.py"), str(out),
                               "--cmd", f"{feedpub} parse {{}} --json", "--jobs", "2",
                               *args.score]).returncode
    finally:
        if args.keep is None:
            shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
