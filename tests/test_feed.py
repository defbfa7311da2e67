"""The Atom feed as a feed reader's parser (feedparser) sees it."""
from __future__ import annotations

import calendar
from datetime import datetime, timezone

import feedparser
import pytest

from feedpub.build import build_site, load_articles, make_entries

from .conftest import SEED, make_config, write_article


def build(input_dir, output_dir, **overrides) -> dict[str, bytes]:
    config = make_config(input_dir, output_dir, **overrides)
    loaded, failures = load_articles(config)
    resolved = make_entries(loaded, config)
    entries, duplicates = resolved.entries, resolved.failures
    assert not failures and not duplicates
    return build_site(entries, config)


@pytest.fixture
def three_articles(site_dirs):
    input_dir, output_dir = site_dirs
    write_article(input_dir, "bus.txt", "Night buses reach the outer districts", "March 3, 2021")
    write_article(input_dir, "bridge.txt", "Old bridge closes for repairs", "12 January 2022",
                  front={"url": "https://example.org/bridge", "author": "Ann Lee and Bo Chen",
                         "category": "Transport"})
    write_article(input_dir, "park.txt", "A new park opens by the river", "2020-07-01 14:30 +02:00")
    return input_dir, output_dir


def parsed(site: dict[str, bytes]):
    result = feedparser.parse(site["feed.atom"])
    assert not result.bozo, result.get("bozo_exception")
    return result


def test_feed_is_well_formed_atom_with_feed_metadata(three_articles):
    feed = parsed(build(*three_articles, title="Town news")).feed
    assert feed.title == "Town news"
    assert feed.id == "tag:feedpub,2020:feed"
    links = {link.rel: link.href for link in feed.links}
    assert links["self"] == "https://news.example.org/feeds/feed.atom"
    assert links["alternate"] == "https://news.example.org/feeds/index.html"
    assert feed.generator == "feedpub"
    assert feed.author


def test_entries_newest_first_with_timezone_aware_dates(three_articles):
    result = parsed(build(*three_articles))
    titles = [e.title for e in result.entries]
    assert titles == ["Old bridge closes for repairs", "Night buses reach the outer districts",
                      "A new park opens by the river"]
    park = result.entries[2]
    assert park.published == "2020-07-01T14:30:00+02:00"
    assert calendar.timegm(park.published_parsed) == datetime(
        2020, 7, 1, 12, 30, tzinfo=timezone.utc).timestamp()
    # The feed's updated is the newest entry's updated, never the build time.
    assert result.feed.updated == result.entries[0].updated


def test_entry_ids_links_authors_categories(three_articles):
    entries = {e.title: e for e in parsed(build(*three_articles)).entries}
    bridge = entries["Old bridge closes for repairs"]
    assert bridge.id == "tag:feedpub,2020:bridge"
    assert bridge.link == "https://example.org/bridge"
    assert [a.name for a in bridge.authors] == ["Ann Lee", "Bo Chen"]
    assert [t.term for t in bridge.tags] == ["Transport"]
    bus = entries["Night buses reach the outer districts"]
    assert bus.link == "https://news.example.org/feeds/articles/bus.html"
    assert bus.summary.startswith("The city council voted")
    assert "every thirty minutes" in bus.content[0].value
    assert bus.content[0].type == "text/html"


def test_entry_ids_survive_edits_and_other_articles(three_articles):
    input_dir, output_dir = three_articles
    before = {e.title: e.id for e in parsed(build(input_dir, output_dir)).entries}
    write_article(input_dir, "bus.txt", "Night buses reach the outer districts", "March 3, 2021",
                  paragraphs=("An entirely rewritten paragraph about the night buses and their "
                              "drivers, long enough to count as article text for the parser.",))
    (input_dir / "park.txt").unlink()
    write_article(input_dir, "zoo.txt", "The zoo welcomes twin otters", "May 5, 2023")
    after = {e.title: e.id for e in parsed(build(input_dir, output_dir)).entries}
    assert after["Night buses reach the outer districts"] == before[
        "Night buses reach the outer districts"]
    assert after["Old bridge closes for repairs"] == before["Old bridge closes for repairs"]


def test_same_input_gives_the_same_bytes(three_articles):
    assert build(*three_articles) == build(*three_articles)


def test_ties_are_broken_by_id(site_dirs):
    input_dir, output_dir = site_dirs
    for name in ("b.txt", "c.txt", "a.txt"):
        write_article(input_dir, name, f"Story {name}", "June 1, 2022")
    ids = [e.id for e in parsed(build(input_dir, output_dir)).entries]
    assert ids == ["tag:feedpub,2020:a", "tag:feedpub,2020:b", "tag:feedpub,2020:c"]


HOSTILE_TITLE = 'Tom & Jerry <script>alert("x")</script> ]]> \'quoted\''


def test_hostile_text_is_escaped_and_round_trips(site_dirs):
    input_dir, output_dir = site_dirs
    write_article(input_dir, "x.txt", HOSTILE_TITLE, "May 5, 2023",
                  paragraphs=("A paragraph with <b>tags</b> & ampersands ]]> and \"quotes\" that "
                              "is long enough to be read as the article's own text by feedpub.",))
    site = build(input_dir, output_dir)
    entry = parsed(site).entries[0]
    assert entry.title == HOSTILE_TITLE
    assert "<script>" not in site["feed.atom"].decode()
    # The content is HTML in which the text's markup is shown, not obeyed.
    assert "&lt;b&gt;tags&lt;/b&gt; &amp; ampersands" in entry.content[0].value
    page = site["articles/x.html"].decode()
    assert "<script>alert" not in page and "&lt;script&gt;" in page
    assert "<script>alert" not in site["index.html"].decode()


def test_seed_entry_carries_every_part(site_dirs):
    input_dir, output_dir = site_dirs
    (input_dir / SEED.name).write_bytes(SEED.read_bytes())
    entry = parsed(build(input_dir, output_dir)).entries[0]
    assert entry.title == "US launches airstrikes in Iraq against Iran-backed militia"
    assert entry.published.startswith("2020-03-13T00:00:00")
    assert [t.term for t in entry.tags] == ["Conflicts"]
    assert entry.summary.startswith("The Pentagon has confirmed")
    html = entry.content[0].value
    for part in ("US armored vehicle in Iraq", "picture-alliance/AP Photo/K. Mohammed",
                 "US-led coalition says three killed in Iraq rocket attack",
                 "see/dr (AP, dpa, Reuters)", "in Iraq and the region."):
        assert part in html
