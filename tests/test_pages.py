"""The HTML side: index and article pages, checked against golden files and for what a reader sees."""
from __future__ import annotations

import re

import pytest

from feedpub.build import build_site, load_articles, make_entries

from .conftest import SEED, make_config, write_article


@pytest.fixture
def sample_site(site_dirs):
    """The seed plus two written articles, built with a fixed configuration."""
    input_dir, output_dir = site_dirs
    (input_dir / SEED.name).write_bytes(SEED.read_bytes())
    write_article(input_dir, "bus.txt", "Night buses reach the outer districts", "March 3, 2021",
                  front={"url": "https://example.org/bus", "author": "Ann Lee"})
    write_article(input_dir, "undated.txt", "A story that shows no date")
    config = make_config(input_dir, output_dir, title="Saved news", author="Jane Doe")
    loaded, _ = load_articles(config)
    entries = make_entries(loaded, config).entries
    return build_site(entries, config)


def test_site_matches_golden_files(sample_site, golden):
    assert sorted(sample_site) == ["articles/bus.html", "articles/dw-us-airstrikes-iraq.html",
                                   "articles/undated.html", "feed.atom", "index.html"]
    for name, data in sample_site.items():
        golden(f"site/{name}", data)


def test_index_lists_articles_and_offers_the_feed(sample_site):
    index = sample_site["index.html"].decode()
    assert '<link rel="alternate" type="application/atom+xml"' in index
    assert 'href="feed.atom"' in index
    titles = re.findall(r'<h2><a href="([^"]+)">([^<]+)</a>', index)
    assert titles == [
        ("articles/bus.html", "Night buses reach the outer districts"),
        ("articles/undated.html", "A story that shows no date"),
        ("articles/dw-us-airstrikes-iraq.html",
         "US launches airstrikes in Iraq against Iran-backed militia"),
    ]
    assert "2020-03-13" in index and "The Pentagon has confirmed" in index


def test_article_page_has_the_text_and_links_back(sample_site):
    page = sample_site["articles/dw-us-airstrikes-iraq.html"].decode()
    assert "<h1>US launches airstrikes in Iraq against Iran-backed militia</h1>" in page
    assert 'href="../index.html"' in page and 'href="../feed.atom"' in page
    assert "launched airstrikes in Iraq on five weapons storage facilities" in page
    assert "Skip to" not in page and "More stories from DW" not in page


def test_undated_article_is_dated_by_its_file(sample_site):
    index = sample_site["index.html"].decode()
    assert 'datetime="2020-09-13T12:26:40+00:00"' in index  # conftest.FIXED_MTIME


def test_content_gathers_list_items_into_lists_and_escapes_every_text():
    from feedpub.model import Article, BodyPart, Kind
    from feedpub.pages import render_content

    body = (BodyPart(Kind.LIST_ITEM, "first <b>"), BodyPart(Kind.LIST_ITEM, "second"),
            BodyPart(Kind.TEXT, "A & B"), BodyPart(Kind.HEADING, "Then"),
            BodyPart(Kind.LIST_ITEM, "alone"))
    html = render_content(Article(source="x.txt", title="T", body=body))
    assert html == ("<ul>\n<li>first &lt;b&gt;</li>\n<li>second</li>\n</ul>\n"
                    "<p>A &amp; B</p>\n<h3>Then</h3>\n<ul>\n<li>alone</li>\n</ul>\n")
