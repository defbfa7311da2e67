"""Every Atom document a build writes is valid against RFC 4287's RELAX NG grammar, and
feedparser reads every field we meant to publish (bozo false)."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import feedparser
import pytest
from lxml import etree

from .realtools import SCHEMA, SITE_URL, STORIES, build

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("feedvalid")
    (root / "in").mkdir()
    for story in STORIES:
        story.write(root / "in")
    result = build(root / "in", root / "out")
    assert result.returncode == 0, result.stderr
    return root / "out"


@pytest.fixture(scope="module")
def archived_site(tmp_path_factory) -> Path:
    """The same stories with one entry per document: feed.atom plus RFC 5005 archives."""
    root = tmp_path_factory.mktemp("archived")
    (root / "in").mkdir()
    for story in STORIES:
        story.write(root / "in")
    (root / "feedpub.toml").write_text("feed_entries = 1\narchive_size = 1\n", encoding="utf-8")
    result = build(root / "in", root / "out", "--config", str(root / "feedpub.toml"))
    assert result.returncode == 0, result.stderr
    return root / "out"


def atom_documents(output: Path) -> list[Path]:
    """feed.atom and any archive documents: every *.atom the build wrote."""
    return sorted(output.rglob("*.atom"))


def test_every_atom_document_validates_against_rfc4287_schema(site):
    schema = etree.RelaxNG(etree.parse(str(SCHEMA)))
    documents = atom_documents(site)
    assert site / "feed.atom" in documents
    for path in documents:
        assert schema.validate(etree.parse(str(path))), f"{path}: {schema.error_log}"


def test_archive_documents_validate_and_together_hold_every_entry(archived_site):
    schema = etree.RelaxNG(etree.parse(str(SCHEMA)))
    documents = atom_documents(archived_site)
    assert len(documents) >= len(STORIES)  # feed.atom + archive/1.atom, archive/2.atom, ...
    titles = []
    for path in documents:
        assert schema.validate(etree.parse(str(path))), f"{path}: {schema.error_log}"
        parsed = feedparser.parse(str(path))
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        titles += [e.title for e in parsed.entries]
    assert sorted(titles) == sorted(s.title for s in STORIES)


def test_schema_rejects_a_broken_feed(tmp_path):
    """The grammar really checks: a feed without its id is invalid."""
    schema = etree.RelaxNG(etree.parse(str(SCHEMA)))
    doc = etree.fromstring(b'<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>'
                           b"<updated>2020-01-01T00:00:00Z</updated></feed>")
    assert not schema.validate(doc)


def test_every_date_in_every_document_has_a_time_zone(site, archived_site):
    """xsd:dateTime allows a date without a zone; RFC 3339 does not, so check it here."""
    for path in atom_documents(site) + atom_documents(archived_site):
        tree = etree.parse(str(path))
        stamps = [el.text for el in tree.iter(f"{ATOM}updated", f"{ATOM}published")]
        assert stamps
        for stamp in stamps:
            assert datetime.fromisoformat(stamp).tzinfo is not None, f"{path}: {stamp}"


def test_one_alternate_link_per_entry_and_unique_ids(site):
    tree = etree.parse(str(site / "feed.atom"))
    ids = [entry.findtext(f"{ATOM}id") for entry in tree.iter(f"{ATOM}entry")]
    assert len(ids) == len(set(ids)) == len(STORIES)
    for entry in tree.iter(f"{ATOM}entry"):
        links = [link for link in entry.iter(f"{ATOM}link")
                 if link.get("rel", "alternate") == "alternate"]
        assert len(links) == 1


def test_feedparser_reads_the_feed_without_complaint(site):
    parsed = feedparser.parse(str(site / "feed.atom"))
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert parsed.feed.id
    assert parsed.feed.title
    assert {link.rel for link in parsed.feed.links} >= {"self", "alternate"}
    assert [e.title for e in parsed.entries] == [s.title for s in STORIES]  # newest first


def entry_by_title(site: Path, title: str):
    parsed = feedparser.parse(str(site / "feed.atom"))
    return next(e for e in parsed.entries if e.title == title)


def test_feedparser_sees_every_field_of_an_entry(site):
    storm = STORIES[0]
    entry = entry_by_title(site, storm.title)
    assert entry.id.startswith("tag:")
    assert entry.link == SITE_URL + "articles/storm-harbour.html"
    assert datetime.fromisoformat(entry.published) == datetime(
        2020, 3, 14, 9, 30, tzinfo=timezone(timedelta(hours=1)))
    assert datetime.fromisoformat(entry.updated) >= datetime.fromisoformat(entry.published)
    assert [a.name for a in entry.authors] == ["Ana Lima", "Bo Chen"]
    assert [t.term for t in entry.tags] == ["World"]
    assert entry.summary == storm.paragraphs[0]
    content = entry.content[0]
    assert content.type == "text/html"
    for paragraph in storm.paragraphs[1:]:
        assert paragraph.replace('"', "&quot;") in content.value or paragraph in content.value


def test_front_matter_url_and_id_reach_the_feed(site):
    rail = STORIES[2]
    entry = entry_by_title(site, rail.title)
    assert entry.link == "https://example.org/news/rail-strike"
    assert entry.id.endswith(":rail-2020-03")
    # A date without a time is midnight in the configured zone (Europe/Berlin, +01:00 in March).
    assert entry.published == "2020-03-11T00:00:00+01:00"


def test_chrome_never_reaches_the_feed(site):
    data = (site / "feed.atom").read_text(encoding="utf-8")
    for chrome in ("Skip to content", "Share this article", "© 2020 Example News"):
        assert chrome not in data
