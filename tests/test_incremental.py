"""Incremental builds: a file is rendered only when what it shows changed, and the site an
incremental build leaves is byte for byte the one a fresh full build makes from the same
state file (cache and manifest lost): the state's sealed archive pages decide which archive
holds a back-dated article. Without the state file that holds for articles added in date
order, and feed.atom and every id are the same either way."""
from __future__ import annotations

import gc
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from feedpub import archive, plan
from feedpub.build import load_inputs
from feedpub.cache import ParseCache
from feedpub.config import Config

from .sitehelp import article_text, build, snapshot, write

# Small documents, so that a handful of articles make archives and several index pages.
SMALL = "feed_entries = 2\narchive_size = 2\nindex_page_size = 3\n"
T0 = 1_600_000_000
# Long enough to be read as a paragraph of the article (a short line is page chrome).
LATER = ("\nA further paragraph came later, with figures from the agencies and quotes from "
         "the officials who spoke to reporters at the scene on the day.\n")


def day(n: int) -> str:
    return f"2020-03-{n:02d} 09:30 +00:00"


def add(site: Path, name: str, n: int, extra: str = "", front: str = "") -> None:
    """Article `name` dated day `n` of March 2020 (so the order of the feed is known)."""
    write(site / "in" / f"{name}.txt",
          article_text(f"Story {name} from day {n}", day(n), extra, front), T0 + n)


@pytest.fixture
def site(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for n in range(1, 8):
        add(tmp_path, f"a{n}", n)
    return tmp_path


@pytest.fixture
def renders(monkeypatch):
    """The paths of the files rendered, by wrapping the three renderers plan.py calls."""
    seen: list[str] = []

    def counting(real, name):
        def wrapper(*args, **kwargs):
            seen.append(name(*args))
            return real(*args, **kwargs)
        return wrapper

    monkeypatch.setattr(plan, "render_article", counting(
        plan.render_article, lambda entry, config: entry.page))
    monkeypatch.setattr(plan, "render_index", counting(
        plan.render_index, lambda page, config: page.path))
    monkeypatch.setattr(archive, "render_document", counting(
        archive.render_document, lambda doc, config: doc.path))
    return seen


def stamps(directory: Path) -> dict[str, tuple[int, int]]:
    """Each served file's (inode, mtime_ns): a rewrite changes one of them."""
    return {p.relative_to(directory).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns)
            for p in directory.rglob("*") if p.is_file()}


def test_no_op_rebuild_renders_nothing_and_writes_nothing(site, renders):
    assert build(site, config=SMALL) == 0
    assert "articles/a1.html" in renders and "archive/1.atom" in renders
    before, served = stamps(site / "out"), snapshot(site / "out")
    sidecars = [site / ".out.manifest", site / ".out.state.json", site / ".out.cache" / "index"]
    kept = [(path.stat().st_ino, path.stat().st_mtime_ns) for path in sidecars]
    renders.clear()
    assert build(site, config=SMALL) == 0
    assert renders == []
    assert stamps(site / "out") == before and snapshot(site / "out") == served
    assert [(path.stat().st_ino, path.stat().st_mtime_ns) for path in sidecars] == kept


def test_an_edited_article_renders_its_page_its_archive_feed_and_index_only(site, renders):
    assert build(site, config=SMALL) == 0
    renders.clear()
    # a1 is the oldest: it sits in archive/1.atom; its edit is carried in feed.atom too.
    add(site, "a1", 1, extra=LATER)
    assert build(site, config=SMALL) == 0
    assert sorted(renders) == ["archive/1.atom", "articles/a1.html", "feed.atom", "index-1.html"]


def test_a_new_article_renders_its_page_feed_filling_archive_and_index(site, renders):
    assert build(site, config=SMALL) == 0
    renders.clear()
    add(site, "a8", 8)
    assert build(site, config=SMALL) == 0
    # The newest goes to the top: the feed moves its oldest entry into the filling archive,
    # which is then full (so a new, empty one starts), and index.html lists it. The full
    # archives and the numbered index pages are left alone.
    assert sorted(renders) == ["archive/3.atom", "archive/4.atom", "articles/a8.html",
                               "feed.atom", "index.html"]


@pytest.mark.parametrize("change", [("--title", "Another title"),
                                    ("--base-url", "https://news.example.org/")])
def test_a_setting_change_renders_every_file(site, renders, change, tmp_path_factory):
    assert build(site, config=SMALL) == 0
    renders.clear()
    assert build(site, *change, config=SMALL) == 0
    assert sorted(renders) == sorted(snapshot(site / "out"))
    fresh = fresh_build(site, tmp_path_factory.mktemp("fresh"), *change)
    assert snapshot(site / "out") == fresh


def test_a_changed_template_renders_every_file(site, renders, monkeypatch):
    assert build(site, config=SMALL) == 0
    renders.clear()
    monkeypatch.setattr(plan, "renderer_version", lambda: "feedpub of another version")
    assert build(site, config=SMALL) == 0
    assert sorted(renders) == sorted(snapshot(site / "out"))


def fresh_build(site: Path, where: Path, *options: str, state: Path | None = None) -> dict:
    """The site a full build makes with no cache, no manifest, no earlier output; with a copy
    of `state` (entry dates depend on it), or none."""
    if state is not None and state.exists():
        shutil.copy(state, where / "state.json")
    write(site / "feedpub.toml", SMALL)
    from feedpub.cli import main

    assert main(["build", "--input", str(site / "in"), "--output", str(where / "out"),
                 "--config", str(site / "feedpub.toml"), "--state", str(where / "state.json"),
                 "--no-cache", "--quiet", *options]) == 0
    return snapshot(where / "out")


STEPS = [
    ("add three", lambda s: [add(s, f"b{n}", 10 + n) for n in range(3)]),
    # Its `updated` comes from the text, so an edit changes nothing but its content.
    ("add one updated", lambda s: add(s, "u", 5, front=f"updated: {day(20)}\n")),
    ("edit it", lambda s: add(s, "u", 5, LATER, front=f"updated: {day(20)}\n")),
    ("edit a newest one", lambda s: add(s, "b2", 12, LATER)),
    ("edit an archived one", lambda s: add(s, "a3", 3, LATER)),
    ("delete one", lambda s: (s / "in" / "a5.txt").unlink()),
    ("rename one", lambda s: os.rename(s / "in" / "a6.txt", s / "in" / "renamed.txt")),
    ("add one as old as the oldest", lambda s: add(s, "old", 1, LATER)),
    ("nothing", lambda s: None),
    ("touch one", lambda s: os.utime(s / "in" / "a2.txt", (T0 + 99, T0 + 99))),
    ("delete the newest", lambda s: (s / "in" / "b2.txt").unlink()),
]


def test_incremental_builds_equal_fresh_full_builds(site, tmp_path_factory):
    assert build(site, config=SMALL) == 0
    for name, step in STEPS:
        state_before = tmp_path_factory.mktemp("state") / "state.json"
        shutil.copy(site / ".out.state.json", state_before)
        step(site)
        assert build(site, config=SMALL) == 0, name
        fresh = fresh_build(site, tmp_path_factory.mktemp("fresh"), state=state_before)
        assert snapshot(site / "out") == fresh, name


@pytest.mark.parametrize("lost", [".out.manifest", ".out.cache", ".out.state.json"])
def test_lost_sidecars_give_the_same_bytes(site, renders, lost, tmp_path_factory):
    assert build(site, config=SMALL) == 0
    served, before = snapshot(site / "out"), stamps(site / "out")
    renders.clear()
    path = site / lost
    shutil.rmtree(path) if path.is_dir() else path.unlink()
    assert build(site, config=SMALL) == 0
    assert snapshot(site / "out") == served and stamps(site / "out") == before
    if lost == ".out.manifest":  # nothing says what the served files were made from
        assert sorted(renders) == sorted(served)


def test_a_served_file_changed_by_hand_is_rendered_again(site, renders):
    assert build(site, config=SMALL) == 0
    served = snapshot(site / "out")
    page = site / "out" / "articles" / "a4.html"
    page.write_bytes(b"x" * len(served["articles/a4.html"]))  # same size, new mtime
    (site / "out" / "index.html").write_bytes(b"defaced")
    renders.clear()
    assert build(site, config=SMALL) == 0
    assert sorted(renders) == ["articles/a4.html", "index.html"]
    assert snapshot(site / "out") == served


def test_a_touched_served_file_is_checked_by_its_hash_not_rendered(site, renders):
    assert build(site, config=SMALL) == 0
    os.utime(site / "out" / "articles" / "a4.html", (T0, T0))
    renders.clear()
    assert build(site, config=SMALL) == 0
    assert renders == []
    assert build(site, config=SMALL) == 0  # the manifest took the new mtime: not hashed again
    assert renders == []


def test_a_build_keeps_no_article_body_in_memory(site, tmp_path):
    config = Config(input_dir=site / "in")
    cache = ParseCache(tmp_path / "cache", config.timezone)
    for _ in range(2):  # parsed, then from the cache
        loaded, failures, articles = load_inputs(config, cache)
        assert failures == [] and len(loaded) == 7
        assert all(item.article.body == () for item in loaded)
        assert not articles.held
        assert all(articles.full(item.article.source).body for item in loaded)


def test_without_a_cache_the_bodies_are_held(site):
    loaded, _, articles = load_inputs(Config(input_dir=site / "in"), None)
    assert all(item.article.body == () for item in loaded)
    assert sorted(articles.held) == sorted(item.article.source for item in loaded)


def test_publishing_holds_no_input_as_it_was_read(site, monkeypatch):
    # Each input's Loaded (at 10,000 inputs about 1.2 MB) is let go once its entry is made,
    # and the pages to publish hold their entries, not a function each.
    from feedpub import cli
    from feedpub.build import Loaded
    from feedpub.publish import SiteFile

    build(site)
    add(site, "a8", 8)
    seen: list[tuple[int, int]] = []
    real = cli.publish_files

    def publishing(files, *args, **kwargs):
        gc.collect()
        objects = gc.get_objects()
        makers = {id(f.make) for f in files if isinstance(f, SiteFile)}
        seen.append((sum(isinstance(o, Loaded) for o in objects), len(makers)))
        return real(files, *args, **kwargs)

    monkeypatch.setattr(cli, "publish_files", publishing)
    assert build(site) == 0
    assert seen == [(0, 3)]  # feed documents, article pages, index pages


def test_a_warning_about_a_file_left_alone_is_repeated(site, renders, capsys):
    too_small = SMALL + "feed_max_bytes = 2000\n"
    assert build(site, config=too_small) == 0
    first = capsys.readouterr().err
    assert "feed.atom: 2 entries make" in first
    renders.clear()
    assert build(site, config=too_small) == 0
    assert renders == [] and capsys.readouterr().err == first


# Random sequences of changes to the inputs (dates anywhere, so also back-dated additions):
# after each, the incremental build must equal a fresh full build from the same state.
CHANGES = st.lists(st.tuples(st.sampled_from(["add", "edit", "delete", "rename", "touch"]),
                             st.integers(0, 5), st.integers(1, 28)), min_size=1, max_size=4)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(changes=CHANGES)
def test_random_changes_build_as_a_fresh_build_does(changes):
    with tempfile.TemporaryDirectory() as temp:
        site = Path(temp)
        for n in (1, 2, 3):
            add(site, f"s{n}", n)
        assert build(site, config=SMALL) == 0
        for number, (change, which, n) in enumerate(changes):
            state_before = site / f"state-{number}.json"
            shutil.copy(site / ".out.state.json", state_before)
            apply_change(site, change, f"s{which}", n)
            assert build(site, config=SMALL) == 0
            where = site / f"fresh-{number}"
            where.mkdir()
            assert snapshot(site / "out") == fresh_build(site, where, state=state_before)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(batches=st.lists(st.integers(1, 3), min_size=1, max_size=4))
def test_additions_in_date_order_build_as_a_fresh_build_without_state_does(batches):
    with tempfile.TemporaryDirectory() as temp:
        site, day_of_month = Path(temp), 1
        for number, count in enumerate(batches):
            for _ in range(count):
                add(site, f"d{day_of_month}", day_of_month)
                day_of_month += 1
            assert build(site, config=SMALL) == 0
            where = site / f"fresh-{number}"
            where.mkdir()
            assert snapshot(site / "out") == fresh_build(site, where)


def test_a_back_dated_addition_without_state_keeps_feed_and_ids(site, tmp_path_factory):
    assert build(site, config=SMALL) == 0
    add(site, "old", 1, LATER)  # as old as the oldest: sealed, it joins the filling page
    assert build(site, config=SMALL) == 0
    fresh = fresh_build(site, tmp_path_factory.mktemp("fresh"))  # no state: cut by date
    served = snapshot(site / "out")
    assert fresh["feed.atom"] == served["feed.atom"]
    assert fresh["archive/1.atom"] != served["archive/1.atom"]
    assert sorted(fresh) == sorted(served)  # the same pages, ids and article pages


def apply_change(site: Path, change: str, name: str, n: int) -> None:
    path = site / "in" / f"{name}.txt"
    if change == "add" or (change == "edit" and not path.exists()):
        add(site, name, n)
    elif change == "edit":
        add(site, name, n, LATER)
    elif change == "delete" and len(list((site / "in").glob("*.txt"))) > 1:
        path.unlink(missing_ok=True)
    elif change == "rename" and path.exists():
        os.rename(path, path.with_name(f"r{n}.txt"))
    elif change == "touch" and path.exists():
        os.utime(path, (T0 + n, T0 + n))


def test_pages_rendered_from_a_touched_inputs_cache_entry_keep_their_body(site, renders):
    assert build(site, config=SMALL) == 0
    served = snapshot(site / "out")
    os.utime(site / "in" / "a4.txt", (T0 - 99, T0 - 99))  # same bytes: the entry is restamped
    assert build(site, config=SMALL) == 0
    (site / ".out.manifest").unlink()
    renders.clear()
    assert build(site, config=SMALL) == 0
    assert "articles/a4.html" in renders and snapshot(site / "out") == served


def test_a_cache_emptied_during_the_build_is_one_line_and_exit_3(site, monkeypatch, capsys):
    from feedpub import articles

    real = articles.Articles.full

    def emptied(self, source):
        shutil.rmtree(site / ".out.cache", ignore_errors=True)
        return real(self, source)

    assert build(site, config=SMALL) == 0
    served = snapshot(site / "out")
    (site / ".out.manifest").unlink()  # every page must be rendered, so bodies are read
    capsys.readouterr()
    monkeypatch.setattr(articles.Articles, "full", emptied)
    assert build(site, config=SMALL) == 3
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "parse cache entry vanished during the build" in err
    assert snapshot(site / "out") == served
