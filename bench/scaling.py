"""Whether parsing stays linear in input size: one line of a kind repeated n and 4n times.

    .venv/bin/python bench/scaling.py [--count 1500]

For each kind of line the parser treats specially (dates, bylines, chrome, captions, repeated
headlines ...), a page holds that line `count` times, then four times as often, in front of a
short article and after it; the script prints the CPU time of each parse and their ratio.
Linear work gives about 4; a ratio far above it (say 6 or more) is work that grows faster
than the page and worth a look. Figures are for this machine; nothing asserts.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from feedpub import InputError, parse_article  # noqa: E402

PARAGRAPH = ("The council voted on Tuesday to extend the night bus service to the outer "
             "districts, a change residents had asked for over several years.")
LINES = {
    "date": "March 3, 2021",
    "dated line": "Updated 3:05 PM ET, Fri March 13, 2020",
    "byline": "By Ann Lee",
    "name": "Ann Lee",
    "share button": "Share",
    "read more": "Read more: Buses run late again",
    "caption + credit": "A bus at night Credit: Ann Lee/AP",
    "image credit": "Image: AP",
    "sign-off": "see/dr (AP, dpa)",
    "comments heading": "12 Comments",
    "more stories": "More stories",
    "address": "https://example.org/a/b",
    "cells": "Industry   Open-source software",
    "CJK heading": "関連記事のタイトルです",
    "formula opening": "[MATH: x",
    "code": "SELECT a FROM b;",
    "introduced row": "What you need:\nCloche\nRuler\nSpoon",
    "table row": "Screen  UX draft  UX review  Final\nLoad map  done  done  done",
    "bullet": "* item",
    "title | site": "Night buses | Example News",
    "headline": "Night buses reach the outer districts",
    "headline + paragraph": "Night buses reach the outer districts\n\n" + PARAGRAPH,
    "paragraph": PARAGRAPH,
    "Markdown link": "Buses run [every night](https://example.org/night) and **often**",
    "Markdown heading": "## Night buses reach the outer districts",
    "framed line": "│ Night buses reach the outer districts, the council said. │",
    "Markdown emphasis": "Buses run [every night](/n), *often* and _late_",
    "grid line": "+----------+\n| Night buses reach the outer districts, the council said. |",
    "lynx link list": "[12]Night buses reach the [13]outer districts\n\nReferences\n\n"
                      "   1. https://example.org/night",
    "Thai": "รถเมล์กลางคืนวิ่งถึงชานเมืองแล้ว หลังจากรอมาหลายปี",
    "script": '!function(t,e){"object"==typeof exports&&"undefined"!=typeof module?e(t):e()}',
}
ARTICLE = "A headline\n\nBy Ann Lee\n\n" + "\n\n".join([PARAGRAPH] * 5)


def seconds(text: str) -> float:
    start = time.process_time()
    try:
        parse_article(text)
    except InputError:
        pass  # a page of chrome is rejected, which is an answer too
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1500, help="copies in the smaller page")
    args = parser.parse_args()
    print(f"{'line repeated':22} {'where':7} {'n':>7} {'4n':>7} ratio")
    for name, line in LINES.items():
        for where in ("before", "after"):
            times = []
            for count in (args.count, 4 * args.count):
                run = "\n\n".join([line] * count)
                text = f"{run}\n\n{ARTICLE}" if where == "before" else f"{ARTICLE}\n\n{run}"
                times.append(seconds(text))
            print(f"{name:22} {where:7} {times[0]:6.2f}s {times[1]:6.2f}s "
                  f"{times[1] / max(times[0], 1e-3):5.1f}", flush=True)


if __name__ == "__main__":
    main()
