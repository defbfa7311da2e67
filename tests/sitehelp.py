"""Helpers for tests that build real sites in temporary directories."""
from __future__ import annotations

import os
from pathlib import Path

import feedparser

from feedpub.cli import main

BODY = ("{title} happened on the day, officials said in a statement on Thursday. "
        "Witnesses described the scene at length and in detail for reporters.\n\n"
        "A second paragraph gives the background that readers need to follow the story, "
        "with quotes from people who were there and figures from the agencies.\n")


def article_text(title: str, date: str | None = "2020-03-13 09:30 +00:00",
                 extra: str = "", front: str = "") -> str:
    """A saved article with a headline, an optional dated front matter, and two paragraphs."""
    head = f"---\ndate: {date}\n{front}---\n" if date else (f"---\n{front}---\n" if front else "")
    return f"{head}{title}\n\n{BODY.format(title=title)}{extra}"


def write(path: Path, text: str, mtime: float | None = None) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    if mtime is not None:
        os.utime(path, (mtime, mtime))
    return path


def build(site: Path, *options: str, config: str = "") -> int:
    """`feedpub build` on site/in into site/out, state and cache beside them."""
    args = ["build", "--input", str(site / "in"), "--output", str(site / "out"), "--quiet"]
    if config:
        write(site / "feedpub.toml", config)
        args += ["--config", str(site / "feedpub.toml")]
    return main(args + list(options))


def read_feed(path: Path) -> feedparser.FeedParserDict:
    parsed = feedparser.parse(path.read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed


def feed_entries(site: Path, name: str = "feed.atom") -> list[tuple[str, str, str]]:
    """(id, title, updated) of each entry of a published feed document, in document order."""
    return [(e.id, e.title, e.updated) for e in read_feed(site / "out" / name).entries]


def snapshot(directory: Path) -> dict[str, bytes]:
    """Every file under `directory` by relative path."""
    return {p.relative_to(directory).as_posix(): p.read_bytes()
            for p in sorted(directory.rglob("*")) if p.is_file()}
