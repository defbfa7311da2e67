"""build: articles on disk to the site's files; the feed window."""
from __future__ import annotations

import dataclasses

import feedparser
import pytest

from feedpub.build import build_site, load_articles, make_entries
from feedpub.config import Config, validate
from feedpub.errors import ConfigError

PROSE = "Officials said the plan would be reviewed again after the summer break. " * 3


def write_articles(directory, count):
    for day in range(1, count + 1):
        text = f"---\ndate: 2021-05-{day:02d}\n---\nHeadline number {day}\n\n{PROSE}\n"
        (directory / f"a{day}.txt").write_text(text, encoding="utf-8")


@pytest.mark.parametrize("window, expected", [(0, 3), (2, 2), (5, 3)])
def test_feed_holds_the_newest_entries_pages_hold_all(tmp_path, window, expected):
    write_articles(tmp_path, 3)
    config = dataclasses.replace(Config(), input_dir=tmp_path, feed_entries=window)
    loaded, failures = load_articles(config)
    entries, _ = make_entries(loaded, config)
    site = build_site(entries, config)
    feed = feedparser.parse(site["feed.atom"])
    assert not failures and not feed.bozo
    titles = [e.title for e in feed.entries]
    assert titles == [f"Headline number {day}" for day in (3, 2, 1)][:expected]
    assert len([name for name in site if name.startswith("articles/")]) == 3


def test_negative_feed_window_is_a_config_error():
    with pytest.raises(ConfigError, match="feed_entries"):
        validate({"feed_entries": -1}, "feedpub.toml")
