"""The floor: feedgen writing the benchmark's feed from entries that were already parsed.

`python bench/floor.py ENTRIES.json FEED.atom`: no reading of articles, no parsing, no pages;
only what any tool must do at least to publish the same 50-entry feed.
"""
from __future__ import annotations

import json
import sys
from datetime import datetime

from feedgen.feed import FeedGenerator


def write_feed(entries: list[dict], target: str) -> None:
    fg = FeedGenerator()
    fg.id("tag:bench,2020:feed")
    fg.title("feedpub benchmark")
    fg.author({"name": "bench"})
    fg.link(href="http://localhost:8000/feed.atom", rel="self")
    fg.updated(max(datetime.fromisoformat(e["updated"]) for e in entries))
    for item in entries:
        fe = fg.add_entry(order="append")
        fe.id(item["id"])
        fe.title(item["title"])
        fe.published(datetime.fromisoformat(item["published"]))
        fe.updated(datetime.fromisoformat(item["updated"]))
        fe.link(href=item["link"], rel="alternate")
        fe.content(item["content_html"], type="html")
    fg.atom_file(target, pretty=True)


if __name__ == "__main__":
    write_feed(json.loads(open(sys.argv[1], encoding="utf-8").read()), sys.argv[2])
