"""RFC 5005 archives, the feed's byte budget and the paged index, on real builds."""
from __future__ import annotations

import shutil
import tempfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from feedpub.archive import archive_path, plan_documents
from feedpub.config import Config
from feedpub.model import Article, Entry
from feedpub.sealing import Sealed, lay_out

from .realtools import SCHEMA
from .sitehelp import article_text, build, feed_entries, read_feed, snapshot, write

T0 = 1609459200.0
HISTORY = "{http://purl.org/syndication/history/1.0}archive"
ARCHIVE_SIZE = 2
SMALL = f"feed_entries = 3\narchive_size = {ARCHIVE_SIZE}\nindex_page_size = 4\n"


def add_story(site, n, **kwargs):
    write(site / "in" / f"story-{n:02d}.txt",
          article_text(f"Story number {n} makes news", date=f"2020-03-{n:02d} 09:30 +00:00",
                       **kwargs), T0)


@pytest.fixture
def site(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for n in range(1, 8):
        add_story(tmp_path, n)
    return tmp_path


def links(site, name):
    return {link.rel: link.href for link in read_feed(site / "out" / name).feed.links}


def ids_in(site, name):
    return [entry_id.rsplit(":", 1)[1] for entry_id, _, _ in feed_entries(site, name)]


def is_archive(site, name):
    return etree.parse(str(site / "out" / name)).getroot().find(HISTORY) is not None


def test_subscription_feed_holds_the_newest_and_links_the_newest_archive(site):
    build(site, config=SMALL)
    assert ids_in(site, "feed.atom") == ["story-07", "story-06", "story-05"]
    assert links(site, "feed.atom")["prev-archive"] == "http://localhost:8000/archive/3.atom"
    assert not is_archive(site, "feed.atom")


def test_archives_are_fixed_size_pages_oldest_first_with_rfc5005_links(site):
    build(site, config=SMALL)
    assert ids_in(site, "archive/1.atom") == ["story-02", "story-01"]
    assert ids_in(site, "archive/2.atom") == ["story-04", "story-03"]
    assert ids_in(site, "archive/3.atom") == []  # the newest archive is the one filling up
    first, middle, newest = (links(site, f"archive/{n}.atom") for n in (1, 2, 3))
    assert "prev-archive" not in first and first["next-archive"].endswith("archive/2.atom")
    assert middle["prev-archive"].endswith("archive/1.atom")
    assert middle["next-archive"].endswith("archive/3.atom")
    assert "next-archive" not in newest
    assert all(page["current"] == "http://localhost:8000/feed.atom"
               for page in (first, middle, newest))
    assert all(is_archive(site, f"archive/{n}.atom") for n in (1, 2, 3))


def walk(site):
    """Follow prev-archive from the subscription document, as an RFC 5005 client does."""
    seen, name = [], "feed.atom"
    while name:
        seen += ids_in(site, name)
        href = links(site, name).get("prev-archive")
        name = href.split("/", 3)[3] if href else None
    return seen


def test_walking_the_archives_finds_every_entry_once(site):
    build(site, config=SMALL)
    assert sorted(walk(site)) == [f"story-{n:02d}" for n in range(1, 8)]


def test_full_archives_keep_their_bytes_as_new_articles_arrive(site):
    build(site, config=SMALL)
    before = snapshot(site / "out")
    for n in (8, 9, 10):
        add_story(site, n)
        build(site, config=SMALL)
        after = snapshot(site / "out")
        for name in ("archive/1.atom", "archive/2.atom"):
            assert after[name] == before[name]
    assert ids_in(site, "archive/3.atom") == ["story-06", "story-05"]
    assert ids_in(site, "archive/4.atom") == ["story-07"]
    assert sorted(walk(site)) == [f"story-{n:02d}" for n in range(1, 11)]
    # archive/3.atom got its next-archive link in the build that filled it, then never changed
    add_story(site, 11)
    build(site, config=SMALL)
    assert snapshot(site / "out")["archive/3.atom"] == after["archive/3.atom"]


def test_an_edited_archived_entry_is_also_in_the_subscription_feed(site):
    build(site, config=SMALL)
    add_story(site, 1, extra="\nA correction was added later to this story, with more facts "
                             "from the ministry.\n")
    (site / "in" / "story-01.txt").touch()  # the edit's file time is now, after 2020-03-05
    build(site, config=SMALL)
    assert ids_in(site, "feed.atom") == ["story-07", "story-06", "story-05", "story-01"]
    assert "story-01" in ids_in(site, "archive/1.atom")


def test_byte_budget_keeps_the_newest_entries_and_warns(site, capsys):
    build(site, config="feed_entries = 7\n")
    full = (site / "out" / "feed.atom").stat().st_size
    capsys.readouterr()
    budget = full * 3 // 5
    assert build(site, config=f"feed_entries = 7\nfeed_max_bytes = {budget}\n") == 0
    kept = ids_in(site, "feed.atom")
    assert 1 <= len(kept) < 7 and kept == [f"story-{n:02d}" for n in range(7, 7 - len(kept), -1)]
    assert (site / "out" / "feed.atom").stat().st_size <= budget
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"over feed_max_bytes ({budget})" in err


def test_default_settings_write_no_archive_for_a_small_site(site):
    build(site)
    assert len(ids_in(site, "feed.atom")) == 7
    assert "prev-archive" not in links(site, "feed.atom")
    assert not (site / "out" / "archive").exists()


PAGED = "index_page_size = 2\n"


def listed(site, page):
    text = (site / "out" / page).read_text()
    return [n for n in range(1, 10) if f"Story number {n} makes news" in text]


def test_index_pages_are_cut_from_the_oldest_and_stale_ones_removed(site):
    build(site, config=PAGED)
    # Seven stories, two a page: the oldest four on numbered pages, the newest three on top.
    assert listed(site, "index.html") == [5, 6, 7]
    assert listed(site, "index-2.html") == [3, 4] and listed(site, "index-1.html") == [1, 2]
    nav = {page: (site / "out" / page).read_text() for page in
           ("index.html", "index-2.html", "index-1.html")}
    assert 'href="index-2.html">Older' in nav["index.html"]
    assert 'href="index.html">Newer' in nav["index-2.html"]
    assert 'href="index-1.html">Older' in nav["index-2.html"]
    assert 'href="index-2.html">Newer' in nav["index-1.html"] and "Older" not in nav["index-1.html"]
    for n in (5, 6, 7):
        (site / "in" / f"story-{n:02d}.txt").unlink()
    build(site, config=PAGED)
    assert listed(site, "index.html") == [3, 4] and listed(site, "index-1.html") == [1, 2]
    assert not (site / "out" / "index-2.html").exists()
    assert "index-2.html" not in (site / "out" / "index.html").read_text()


def test_a_new_article_leaves_the_numbered_index_pages_alone(site):
    build(site, config=PAGED)
    before = snapshot(site / "out")
    add_story(site, 8)
    build(site, config=PAGED)
    after = snapshot(site / "out")
    # index.html had 5-7; with 8 it would hold twice the page size, so 5 and 6 are cut off
    # as the next numbered page. The pages before it keep their bytes, but for the link
    # from the newest of them to the new one.
    assert listed(site, "index.html") == [7, 8] and listed(site, "index-3.html") == [5, 6]
    assert after["index-1.html"] == before["index-1.html"]
    assert after["index-2.html"] == before["index-2.html"].replace(
        b'href="index.html">Newer', b'href="index-3.html">Newer')
    add_story(site, 9)
    build(site, config=PAGED)
    assert listed(site, "index.html") == [7, 8, 9]
    assert {page: data for page, data in snapshot(site / "out").items()
            if page.startswith("index-")} == {page: data for page, data in after.items()
                                              if page.startswith("index-")}


@pytest.mark.parametrize("bad", ["feed_entries = 0", "archive_size = -1", "feed_max_bytes = 'x'"])
def test_bad_archive_settings_are_usage_errors(site, capsys, bad):
    assert build(site, config=bad + "\n") == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "feedpub.toml" in err


def test_budget_sheds_edited_archived_entries_before_any_of_the_newest(site, capsys):
    build(site, config=SMALL)
    add_story(site, 1, extra="\nA correction was added later to this story, with more facts "
                             "from the ministry.\n")
    (site / "in" / "story-01.txt").touch()
    build(site, config=SMALL)
    four = (site / "out" / "feed.atom").stat().st_size
    capsys.readouterr()
    build(site, config=SMALL + f"feed_max_bytes = {four - 1}\n")
    assert ids_in(site, "feed.atom") == ["story-07", "story-06", "story-05"]
    assert "edited entries that stay in their archives" in capsys.readouterr().err


def test_every_archive_document_is_valid_atom(site):
    build(site, config=SMALL)
    schema = etree.RelaxNG(etree.parse(str(SCHEMA)))
    for path in sorted((site / "out").rglob("*.atom")):
        assert schema.validate(etree.parse(str(path))), f"{path}: {schema.error_log}"


def fake_entries(count):
    base = datetime(2020, 1, 1, tzinfo=timezone.utc)
    article = Article(source="x.txt", title="t")
    return [Entry(article, f"id-{n:04d}", f"s{n}", base + timedelta(days=n // 2),
                  base + timedelta(days=n // 2)) for n in range(count)]


@settings(max_examples=60, deadline=None)
@given(count=st.integers(0, 60), window=st.integers(1, 12), size=st.integers(1, 9))
def test_archive_plan_holds_every_entry_once_in_full_linked_pages(count, window, size):
    config = Config(feed_entries=window, archive_size=size)
    entries = sorted(fake_entries(count), key=lambda e: (-e.published.timestamp(), e.id))
    current, *archives = plan_documents(entries, config)
    seen = [e.id for doc in [current, *archives] for e in doc.entries]
    assert sorted(seen) == sorted(e.id for e in entries) and len(seen) == len(set(seen))
    assert [e.id for e in current.entries] == [e.id for e in entries[:window]]
    assert all(len(doc.entries) == size for doc in archives[:-1])
    assert not archives or len(archives[-1].entries) < size
    for number, doc in enumerate(archives, start=1):
        rels = dict(doc.links)
        assert doc.archive and rels["current"] == "feed.atom"
        assert rels.get("prev-archive") == (archive_path(number - 1) if number > 1 else None)
        assert rels.get("next-archive") == (archive_path(number + 1)
                                            if number < len(archives) else None)
    newest = dict(current.links).get("prev-archive")
    assert newest == (archive_path(len(archives)) if archives else None)


@settings(max_examples=30, deadline=None)
@given(count=st.integers(1, 40), window=st.integers(1, 6), size=st.integers(1, 5),
       extra=st.integers(1, 10))
def test_full_archive_pages_do_not_depend_on_newer_entries(count, window, size, extra):
    config = Config(feed_entries=window, archive_size=size)
    older = fake_entries(count)
    newer = fake_entries(count + extra)  # the same entries, plus `extra` newer ones
    order = lambda es: sorted(es, key=lambda e: (-e.published.timestamp(), e.id))  # noqa: E731
    before = plan_documents(order(older), config)[1:]
    after = {doc.path: doc for doc in plan_documents(order(newer), config)[1:]}
    for doc in before:
        if len(doc.entries) == size:
            assert after[doc.path] == doc


def test_a_sealed_page_emptied_by_deletions_keeps_its_place(site):
    build(site, config=SMALL)
    second = snapshot(site / "out")["archive/2.atom"]
    for n in (1, 2, 3):
        (site / "in" / f"story-{n:02d}.txt").unlink()
    build(site, config=SMALL)
    # archive/1.atom lost both its entries but keeps its number, so the pages after it keep
    # theirs: archive/2.atom lost one of its own entries and changed only for that.
    assert [ids_in(site, f"archive/{n}.atom") for n in (1, 2, 3)] == [[], ["story-04"], []]
    assert links(site, "archive/2.atom")["prev-archive"].endswith("archive/1.atom")
    assert snapshot(site / "out")["archive/2.atom"] != second
    (site / ".out.state.json").unlink()  # without the seals, pages are cut by date
    build(site, config=SMALL)
    assert sorted(p.name for p in (site / "out" / "archive").iterdir()) == ["1.atom"]
    assert ids_in(site, "archive/1.atom") == ["story-04"]


def test_deleting_the_newest_reopens_the_newest_sealed_pages_so_the_feed_stays_full(site):
    build(site, config=SMALL)
    for n in (5, 6, 7):
        (site / "in" / f"story-{n:02d}.txt").unlink()
    build(site, config=SMALL)
    # feed.atom must still hold the newest three, for readers that never fetch archives.
    assert ids_in(site, "feed.atom") == ["story-04", "story-03", "story-02"]
    assert ids_in(site, "archive/1.atom") == ["story-01"]
    assert sorted(p.name for p in (site / "out" / "archive").iterdir()) == ["1.atom"]


def test_an_oversized_archive_is_reported_not_cut(site, capsys):
    one_then_threes = "feed_entries = 1\narchive_size = 3\n"
    build(site, config=one_then_threes)
    page = (site / "out" / "archive" / "1.atom").read_bytes()
    assert (site / "out" / "feed.atom").stat().st_size < len(page) - 1
    capsys.readouterr()
    build(site, config=one_then_threes + f"feed_max_bytes = {len(page) - 1}\n")
    assert (site / "out" / "archive" / "1.atom").read_bytes() == page
    err = capsys.readouterr().err
    assert "archive/1.atom:" in err and "lower archive_size" in err


def test_archive_directory_goes_when_no_archive_is_left(site):
    build(site, config=SMALL)
    for n in range(1, 5):
        (site / "in" / f"story-{n:02d}.txt").unlink()
    build(site, config=SMALL)
    assert not (site / "out" / "archive").exists()
    assert "prev-archive" not in links(site, "feed.atom")


def add_back_dated(site, name="story-old", date="2020-02-01 09:30 +00:00"):
    """An article dated before every story: in a cut by date it would go to archive/1.atom."""
    write(site / "in" / f"{name}.txt", article_text(f"An old story {name} found later", date=date),
          T0)


def stamped(site, name):
    path = site / "out" / name
    return path.read_bytes(), path.stat().st_mtime_ns, path.stat().st_ino


def test_a_back_dated_article_joins_the_filling_page_and_full_pages_are_untouched(site):
    build(site, config=SMALL)
    full = {name: stamped(site, name) for name in ("archive/1.atom", "archive/2.atom")}
    add_back_dated(site)
    assert build(site, config=SMALL) == 0
    assert {name: stamped(site, name) for name in full} == full
    assert ids_in(site, "archive/3.atom") == ["story-old"]
    assert ids_in(site, "feed.atom") == ["story-07", "story-06", "story-05"]
    assert sorted(walk(site)) == sorted(["story-old"] + [f"story-{n:02d}" for n in range(1, 8)])
    # One more fills archive/3.atom, which is sealed as it is: both back-dated articles
    # stay in it, and archive/4.atom starts filling.
    add_back_dated(site, "story-older", "2020-01-01 09:30 +00:00")
    add_story(site, 8)
    assert build(site, config=SMALL) == 0
    assert {name: stamped(site, name) for name in full} == full
    assert ids_in(site, "archive/3.atom") == ["story-old", "story-older"]
    assert ids_in(site, "archive/4.atom") == ["story-05"]


def test_state_lost_after_a_back_dated_article_cuts_by_date_again(site, capsys, tmp_path_factory):
    build(site, config=SMALL)
    add_back_dated(site)
    build(site, config=SMALL)
    feed = ids_in(site, "feed.atom")
    ids = sorted(walk(site))
    capsys.readouterr()
    (site / ".out.state.json").write_text("{not json", encoding="utf-8")
    assert build(site, config=SMALL) == 0
    assert len(capsys.readouterr().err.splitlines()) == 1  # "state file unreadable"
    assert ids_in(site, "feed.atom") == feed and sorted(walk(site)) == ids
    assert ids_in(site, "archive/1.atom") == ["story-01", "story-old"]  # by date now
    assert ids_in(site, "archive/3.atom") == ["story-04"]
    assert not (site / "out" / "archive" / "4.atom").exists()
    # The same site as a first build elsewhere, where no state ever was; and a state file
    # that is simply gone draws no warning at all.
    other = tmp_path_factory.mktemp("elsewhere")
    shutil.copytree(site / "in", other / "in")
    build(other, config=SMALL)
    assert snapshot(other / "out") == snapshot(site / "out")
    (site / ".out.state.json").unlink()
    assert build(site, config=SMALL) == 0 and capsys.readouterr().err == ""
    assert snapshot(other / "out") == snapshot(site / "out")


@pytest.mark.parametrize("changed", ["feed_entries = 2\narchive_size = 2\n",
                                     "feed_entries = 3\narchive_size = 3\n"])
def test_new_page_settings_cut_by_date_and_seal_from_there(site, changed, tmp_path_factory):
    build(site, config=SMALL)
    add_back_dated(site)
    build(site, config=SMALL)
    build(site, config=changed)
    other = tmp_path_factory.mktemp("fresh")
    shutil.copytree(site / "in", other / "in")
    build(other, config=changed)
    assert snapshot(site / "out") == snapshot(other / "out")
    assert "story-old" in ids_in(site, "archive/1.atom")


def dated_entry(key, day, version=0):
    when = datetime(2020, 1, 1, tzinfo=timezone.utc) + timedelta(hours=day)
    article = Article(source=f"{key}.txt", title=f"{key} version {version}")
    return Entry(article, f"tag:feedpub,2020:{key}", key, when, when + timedelta(seconds=version),
                 key=key)


def feed_order(entries):
    return sorted(entries, key=lambda e: (-e.published.timestamp(), e.id))


# Steps of a site's life: add an article dated `hour` (any hour: also before everything
# published), edit the `which`-th article (its content and, to `hour`, its date) or delete it.
LIFE = st.lists(st.tuples(st.sampled_from(["add", "add", "add", "edit", "delete"]),
                          st.integers(0, 99), st.integers(0, 40)), max_size=40)


@settings(max_examples=200, deadline=None)
@given(steps=LIFE, window=st.integers(1, 5), size=st.integers(1, 4))
def test_sealed_pages_change_only_with_their_own_entries(steps, window, size):
    config = Config(feed_entries=window, archive_size=size)
    entries, sealed, documents = {}, Sealed(), []
    for number, (step, which, hour) in enumerate(steps):
        keys = sorted(entries)
        touched = keys[which % len(keys)] if keys and step != "add" else None
        if touched is None:
            entries[f"k{number:02d}"] = dated_entry(f"k{number:02d}", hour)
        elif step == "edit":
            entries[touched] = dated_entry(touched, hour, number + 1)
        else:
            del entries[touched]
        ordered = feed_order(entries.values())
        layout = lay_out(ordered, config, sealed)
        before, documents = documents, plan_documents(ordered, config, sealed)
        # Every sealed page that stays sealed keeps its document unless it held the entry
        # touched; sealed pages are given up only when an entry was deleted.
        assert step == "delete" or len(layout.sealed) >= len(sealed.pages)
        for old in before[1:min(len(sealed.pages), len(layout.sealed)) + 1]:
            if f"tag:feedpub,2020:{touched}" not in {e.id for e in old.entries}:
                assert documents[int(old.path.split("/")[1].split(".")[0])] == old
        # Every entry is in exactly one archive page or in feed.atom's window, which holds
        # as many of them as it may.
        archived = [e.id for doc in documents[1:] for e in doc.entries]
        assert len(archived) == len(set(archived))
        assert set(archived) | {e.id for e in documents[0].entries} == {e.id for e in ordered}
        assert len(layout.current) == min(window, len(ordered))
        assert all(len(page) == size for page in layout.sealed[len(sealed.pages):])
        # The seals a build keeps give the very pages it published.
        sealed = layout.seal(config)
        assert plan_documents(ordered, config, sealed) == documents


def archive_walk(site):
    """The ids of each archive page reached from feed.atom by prev-archive links, by path."""
    pages, href = {}, links(site, "feed.atom").get("prev-archive")
    while href:
        name = href.split("/", 3)[3]
        pages[name] = ids_in(site, name)
        href = links(site, name).get("prev-archive")
    return pages


LATER_PARAGRAPH = ("\nA further paragraph came later, with figures from the agencies and "
                   "quotes from the officials who spoke to reporters at the scene.\n")


def add_at(site, name, hour, extra=""):
    """Article `name` dated `hour` hours into 2020 (an edit keeps the date it had)."""
    path = site / "in" / f"{name}.txt"
    when = path.read_text(encoding="utf-8").split("\n")[1][6:] if path.exists() else \
        (datetime(2020, 1, 1, tzinfo=timezone.utc) + timedelta(hours=hour)).isoformat()
    write(path, article_text(f"Story {name} makes news", date=when, extra=extra), T0)


# Builds of a growing site: each adds articles dated at the given hours (any hour, so also
# before entries already archived), or edits the `n`-th article.
BUILDS = st.lists(st.one_of(st.lists(st.integers(0, 300), min_size=1, max_size=3),
                            st.integers(0, 99)), min_size=1, max_size=6)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(builds=BUILDS)
def test_builds_never_change_a_full_archive_page_but_for_its_own_entries(builds):
    with tempfile.TemporaryDirectory() as temp:
        site, names, full = Path(temp), [], {}
        for change in [[100, 200, 300]] + builds:
            edited = names[change % len(names)] if isinstance(change, int) else None
            if edited:
                add_at(site, edited, 0, LATER_PARAGRAPH)
            for hour in change if isinstance(change, list) else ():
                names.append(f"story-{len(names):02d}")
                add_at(site, names[-1], hour)
            assert build(site, config=SMALL) == 0
            pages, served = archive_walk(site), snapshot(site / "out")
            for name, (ids, data) in list(full.items()):
                if edited in ids:
                    del full[name]
                else:
                    assert served[name] == data, name
            full.update({name: (ids, served[name]) for name, ids in pages.items()
                         if len(ids) == ARCHIVE_SIZE and name not in full})
            archived = [key for ids in pages.values() for key in ids]
            assert len(archived) == len(set(archived))
            assert set(archived) | set(ids_in(site, "feed.atom")) == set(names)

