"""The parse cache: unchanged inputs are not parsed again; the output is the same to the byte."""
from __future__ import annotations

import os

import pytest

from feedpub import build as build_module
from feedpub import cache as cache_module
from feedpub import parse_article
from feedpub.cli import main
from feedpub.codec import article_from_json, article_to_json

from .conftest import SEED, make_config
from .sitehelp import article_text, build, snapshot, write

T0 = 1609459200.0


@pytest.fixture
def site(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "in" / "seed.txt", SEED.read_text(encoding="utf-8"), T0)
    write(tmp_path / "in" / "summer.txt",  # a date-only value in a zone with summer time
          article_text("Heat wave grips the city", date="2020-07-01"), T0)
    write(tmp_path / "in" / "undated.txt", article_text("A story without a date", date=None), T0)
    write(tmp_path / "in" / "sub" / "nested.txt",
          article_text("Nested story with a warning", front="colour: blue\n"), T0)
    return tmp_path


@pytest.fixture
def parses(monkeypatch):
    """Counts real parses by wrapping the one function that parses input bytes."""
    calls: list[str] = []
    real = build_module.parse_bytes

    def counting(data, display, config):
        calls.append(display)
        return real(data, display, config)

    monkeypatch.setattr(build_module, "parse_bytes", counting)
    return calls


BERLIN = ("--timezone", "Europe/Berlin")


def test_cached_build_is_byte_identical_to_a_cache_free_build(site, tmp_path_factory):
    assert build(site, *BERLIN) == 0
    assert build(site, *BERLIN) == 0  # this one is served from the cache
    cached = snapshot(site / "out")
    fresh = tmp_path_factory.mktemp("fresh")
    os.rename(site / ".out.state.json", fresh / "state.json")
    assert build(site, *BERLIN, "--no-cache", "--output", str(fresh / "out"),
                 "--state", str(fresh / "state.json")) == 0
    assert snapshot(fresh / "out") == cached


def test_unchanged_inputs_are_not_parsed_again(site, parses):
    build(site)
    assert len(parses) == 4
    parses.clear()
    build(site)
    assert parses == []


def test_an_edited_input_alone_is_parsed_again(site, parses):
    build(site)
    parses.clear()
    write(site / "in" / "summer.txt", article_text("Heat wave grips the region",
                                                   date="2020-07-01"), T0)
    build(site)
    assert parses == [str(site / "in" / "summer.txt")]


def test_a_touched_input_with_the_same_bytes_is_not_parsed_again(site, parses):
    build(site)
    parses.clear()
    os.utime(site / "in" / "seed.txt", (T0 + 50, T0 + 50))
    build(site)
    assert parses == []


@pytest.fixture
def reads(monkeypatch):
    """The inputs whose bytes a build reads (to parse them or to compare them with an entry)."""
    calls: list[str] = []
    real = build_module.read_input

    def counting(path, display):
        calls.append(os.path.basename(display))
        return real(path, display)

    monkeypatch.setattr(build_module, "read_input", counting)
    return calls


def clock_at(monkeypatch, seconds: float) -> None:
    """Builds look at their inputs at `seconds` (the cache's clock; no output uses it)."""
    monkeypatch.setattr(build_module, "now_ns", lambda: int(seconds * 1e9))


def test_an_entry_made_within_the_racy_window_is_trusted_once_seen_again_later(
        site, reads, parses, monkeypatch):
    clock_at(monkeypatch, T0 + 1)  # the inputs changed a second before the build
    build(site)
    reads.clear()
    clock_at(monkeypatch, T0 + 60)
    build(site)   # reads each input to compare its bytes, and trusts them from now on
    assert sorted(reads) == ["nested.txt", "seed.txt", "summer.txt", "undated.txt"]
    reads.clear()
    build(site)
    assert reads == [] and len(parses) == 4


def test_the_racy_window_runs_from_when_the_input_was_looked_at(site, reads, monkeypatch):
    # Looked at a second after its change, cached whenever the parse ends: an edit made in
    # the same tick as the change, after the read, must still be found.
    clock_at(monkeypatch, T0 + 1)
    build(site)
    reads.clear()
    build(site)
    assert len(reads) == 4


def test_the_input_directory_named_another_way_shares_the_cache(site, parses, capsys):
    """cron names the input directory by its absolute path, a person at the shell by a
    relative one: the second build parses nothing and names files as it was told to."""
    options = ("--input", "in", "--output", "out")
    main(["build", *options])  # relative, from the site directory (the fixture's cwd)
    before = snapshot(site / "out")
    capsys.readouterr()
    parses.clear()
    build(site, "--state", str(site / ".out.state.json"))  # absolute
    assert parses == []
    assert snapshot(site / "out") == before
    warned = capsys.readouterr().err
    assert f"{site / 'in' / 'sub' / 'nested.txt'}: unknown front matter key" in warned
    main(["build", *options, "--quiet"])
    assert parses == []
    assert "warning: in/sub/nested.txt: unknown front matter key" in capsys.readouterr().err


def test_warnings_come_from_the_cache_too(site, capsys):
    build(site)
    first = capsys.readouterr().err
    build(site)
    assert capsys.readouterr().err == first
    assert "unknown front matter key 'colour'" in first


def test_changing_the_time_zone_parses_again(site, parses):
    build(site)
    parses.clear()
    build(site, *BERLIN)
    assert len(parses) == 4


def test_upgrading_the_date_library_parses_again(site, parses, monkeypatch):
    build(site)
    parses.clear()
    real = cache_module.library_version
    monkeypatch.setattr(cache_module, "library_version",
                        lambda name: "99.0" if name == "python-dateutil" else real(name))
    cache_module.parser_code.cache_clear()
    try:
        build(site)
    finally:
        cache_module.parser_code.cache_clear()
    assert len(parses) == 4


@pytest.mark.parametrize("damage", [b"", b"{", b'{"format": 1}', b"\xff\xfe garbage",
                                    b'{"format": 1, "settings": null}'])
def test_corrupt_cache_entries_are_ignored_with_one_warning(site, capsys, damage):
    build(site)
    before = snapshot(site / "out")
    capsys.readouterr()
    for path in (site / ".out.cache").glob("*.json"):
        path.write_bytes(damage)
    assert build(site) == 0
    assert snapshot(site / "out") == before
    err = capsys.readouterr().err
    assert "Traceback" not in err
    if damage in (b"{", b"\xff\xfe garbage"):
        assert err.count(": 4 unreadable cache entries ignored") == 1


def test_an_entry_left_empty_by_a_stopped_run_is_parsed_again_quietly(site, parses, capsys):
    """A new entry is written where it goes (diskio.create_file): a run stopped between
    creating and writing it leaves it empty, which is no damage worth a warning."""
    build(site)
    before = snapshot(site / "out")
    entries = sorted((site / ".out.cache").glob("*.json"))
    entries[0].write_bytes(b"")
    (site / ".out.cache" / "index").unlink()  # as when the run stopped before saving it
    parses.clear()
    capsys.readouterr()
    assert build(site) == 0
    assert len(parses) == 1
    assert "unreadable" not in capsys.readouterr().err
    assert snapshot(site / "out") == before
    assert entries[0].stat().st_size > 0  # written again, whole


def test_corrupt_article_inside_a_valid_entry_is_parsed_again(site, parses, capsys):
    build(site)
    parses.clear()
    capsys.readouterr()
    for path in (site / ".out.cache").glob("*.json"):
        path.write_text(path.read_text().replace('"body": [[', '"body": [[42, '), "utf-8")
    build(site)
    assert len(parses) == 4
    assert ": 4 unreadable cache entries ignored" in capsys.readouterr().err


def test_entries_of_deleted_inputs_are_pruned(site):
    build(site)
    assert len(list((site / ".out.cache").glob("*.json"))) == 4
    (site / "in" / "undated.txt").unlink()
    build(site)
    assert len(list((site / ".out.cache").glob("*.json"))) == 3


def test_bodies_read_back_after_the_index_is_saved_are_not_indexed_again(site):
    """Pages read every article back from the cache after the index is written: recording
    them again would hold a second index of every article for nothing."""
    build(site)
    cache = cache_module.ParseCache(site / ".out.cache", "UTC")
    assert cache.article("in/seed.txt") is not None  # while looking up: recorded
    assert cache.index.kept
    cache.save_index()
    assert cache.article("in/seed.txt").body
    assert not cache.index.kept


def test_article_json_round_trip_is_exact(seed_text):
    for zone in ("UTC", "Europe/Berlin"):
        from zoneinfo import ZoneInfo
        article = parse_article(seed_text, source="seeds/x.txt", zone=ZoneInfo(zone))
        again = article_from_json(article_to_json(article))
        assert again == article and again.warnings == article.warnings
        assert again.published.tzinfo == article.published.tzinfo


@pytest.mark.parametrize("cached", [False, True])
def test_a_build_holds_each_article_s_listing_and_reads_the_rest_back(site, cached):
    """What a build keeps of every article in memory is what index pages show (model.UNLISTED);
    the seed's image, credit and sign-off come back from the cache for its own page."""
    if cached:
        assert build(site) == 0
    config = make_config(site / "in", site / "out")
    cache = cache_module.ParseCache(config.cache_path, config.timezone)
    loaded, failures, articles = build_module.load_inputs(config, cache)
    assert not failures
    (seed,) = [item.article for item in loaded if item.name == "seed"]
    assert seed.title and seed.summary and seed.published
    assert (seed.body, seed.image, seed.related, seed.credit, seed.authors) == \
        ((), None, (), None, ())
    full = articles.full(seed.source)
    assert full.body and full.image and full.image.credit and full.credit
    assert full == parse_article(SEED.read_text(encoding="utf-8"), source=seed.source)


def test_entries_and_records_are_the_json_of_their_values(site):
    # An entry and its index record are the text json.dumps gives their values: a record
    # made again from its entry (an entry read back whole) then equals the one in the index,
    # which is kept as it is instead of rewritten.
    import json

    from feedpub.cacheindex import INDEX_NAME, make_record

    build(site)
    directory = site / ".out.cache"
    lines = (directory / INDEX_NAME).read_text("ascii").splitlines()[1:]
    assert len(lines) == 4
    for line in lines:
        key, record_text = line.split("\t", 1)
        name = cache_module.ParseCache._name(json.loads(key))
        entry_text = (directory / name).read_text("ascii")
        entry = json.loads(entry_text)
        assert entry_text == json.dumps(entry)
        record = json.loads(record_text)
        assert record_text == json.dumps(make_record(entry, record["stamp"]))
