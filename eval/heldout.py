"""Pages from sites the parser was never tuned on: a held-out corpus, every way of saving it.

The developer corpus is what the parser was built against; this scores it on 22 news pages it
has never seen (CNN, Time, Wired, Yonhap, a Blogger site, Chinese, Japanese, Arabic, Burmese,
Thai, Latvian and Spanish news sites), saved the eight ways eval/rerender.py knows. The pages
and their article text come from the test data that the newspaper4k package (MIT) ships in
its source distribution on PyPI, fetched with pip and kept in a cache; the title, date and
authors each page shows are labelled by hand in heldout.json, by the corpus's rules (see
../shared/corpus/README.md: the headline as printed, the day only when the text shows it,
byline names without outlets or editors), each with where it was read. The body is
newspaper4k's own extraction, as the corpus's is Readability's: expect a perfect parser to
score a little under 1.0.

    .venv/bin/python eval/heldout.py [--renderers NAME ...] [--keep DIR] [-- score options]
"""
from __future__ import annotations

import argparse
import gzip
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from eval import rerender  # noqa: E402

SOURCE = "newspaper4k==0.9.6"
DATA = "tests/data"
CACHE = Path.home() / ".cache" / "feedpub-eval"
LABELS = HERE / "heldout.json"


def fetch(cache: Path = CACHE) -> Path:
    """The source distribution's test data, downloaded once into `cache`."""
    name, _, version = SOURCE.partition("==")
    data = cache / f"{name}-{version}" / DATA
    if data.is_dir():
        return data
    cache.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
                    "--no-binary", ":all:", "-d", str(cache), SOURCE],
                   check=True)
    archive = cache / f"{name}-{version}.tar.gz"
    with tarfile.open(archive) as tar:
        members = [m for m in tar.getmembers()
                   if m.isfile() and f"/{DATA}/" in m.name and ".." not in m.name]
        tar.extractall(cache, members=members)
    return data


def write_corpus(data: Path, corpus: Path) -> int:
    """The labelled pages as a corpus of the developer corpus's shape: NAME.json with the
    expected values and html/NAME.html.gz; how many pages."""
    labels = json.loads(LABELS.read_text(encoding="utf-8"))
    (corpus / "html").mkdir(parents=True, exist_ok=True)
    for name, label in labels.items():
        body = (data / "txt" / f"{name}.txt").read_text(encoding="utf-8")
        expected = {**label, "published_partial": None, "body": body.strip(),
                    "source_dataset": SOURCE, "encoding": "utf-8"}
        (corpus / f"{name}.json").write_text(json.dumps(expected, ensure_ascii=False),
                                             encoding="utf-8")
        html = (data / "html" / f"{name}.html").read_bytes()
        (corpus / "html" / f"{name}.html.gz").write_bytes(gzip.compress(html, mtime=0))
    return len(labels)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    everything = rerender.RENDERERS + rerender.OTHER_RENDERERS
    ap.add_argument("--renderers", nargs="+", choices=everything, default=list(everything))
    ap.add_argument("--cache", type=Path, default=CACHE)
    ap.add_argument("--keep", type=Path, help="write the rendered cases here and keep them")
    ap.add_argument("score", nargs="*", help="options passed on to score.py (after --)")
    args = ap.parse_args()
    renderers = tuple(args.renderers)
    if rerender.missing(renderers):
        print(f"heldout: this machine lacks {', '.join(rerender.missing(renderers))}",
              file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="feedpub-heldout-"))
    out = args.keep or work / "rendered"
    out.mkdir(parents=True, exist_ok=True)
    try:
        pages = write_corpus(fetch(args.cache), work / "corpus")
        count = rerender.write_cases(work / "corpus", out, renderers)
        print(f"{pages} held-out pages, {count} rendered cases in {out}", flush=True)
        return rerender.score(out, args.score)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
