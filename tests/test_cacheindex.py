"""The parse cache's index: one file read instead of every entry, never trusted over an entry."""
from __future__ import annotations

import errno
import json
import os
import shutil
import tempfile

import pytest

from feedpub.cache import ParseCache
from feedpub.cacheindex import INDEX_NAME, Spool

from .sitehelp import article_text, build, snapshot, write
from .test_cache import T0, parses, site  # noqa: F401 (fixtures)


@pytest.fixture
def entry_reads(monkeypatch):
    """Counts entry files read whole, by wrapping the one method that reads them."""
    calls: list[str] = []
    real = ParseCache._read_entry

    def counting(self, display):
        calls.append(display)
        return real(self, display)

    monkeypatch.setattr(ParseCache, "_read_entry", counting)
    return calls


def fresh_build(site, tmp_path_factory, state: bytes | None = None) -> dict[str, bytes]:
    """The site built without cache or manifest, from `state` (the last build's) if given."""
    fresh = tmp_path_factory.mktemp("fresh")
    if state is not None:
        (fresh / "state.json").write_bytes(state)
    assert build(site, "--no-cache", "--output", str(fresh / "out"),
                 "--state", str(fresh / "state.json")) == 0
    return snapshot(fresh / "out")


def cache_lines(err: str) -> list[str]:
    """What a build said besides the warning the site's nested.txt draws in every build."""
    return [line for line in err.splitlines() if "unknown front matter key" not in line]


def index_path(site):
    return site / ".out.cache" / INDEX_NAME


def read_index_file(site) -> tuple[dict, dict]:
    """The index's header and its records by input key, decoded."""
    header, *lines = index_path(site).read_text("ascii").splitlines()
    return json.loads(header), {key: json.loads(raw) for key, raw in
                                (line.split("\t", 1) for line in lines)}


def write_index_file(site, header: dict, records: dict) -> None:
    lines = [json.dumps(header)] + [f"{key}\t{json.dumps(r)}" for key, r in records.items()]
    index_path(site).write_text("\n".join(lines) + "\n", "ascii")


def test_a_no_op_build_reads_the_index_and_no_entry(site, entry_reads):
    build(site)
    entry_reads.clear()
    written = os.stat(index_path(site)).st_mtime_ns
    assert build(site) == 0
    assert entry_reads == []
    assert os.stat(index_path(site)).st_mtime_ns == written  # nothing changed: not rewritten


def test_the_index_holds_listings_only(site):
    build(site)
    records = read_index_file(site)[1]
    assert len(records) == 4
    for record in records.values():
        article = record["article"]
        assert article["title"] and article["summary"]  # what index pages show
        assert article["body"] == article["authors"] == article["related"] == []
        assert article["image"] is article["credit"] is None
    # The seed's entry file keeps what its record leaves out.
    entries = [json.loads(path.read_bytes())["article"]
               for path in (site / ".out.cache").glob("*.json")]
    assert any(a["image"] and a["related"] and a["credit"] for a in entries)


def test_an_edited_input_reads_its_body_from_the_entry(site, tmp_path_factory):
    build(site)
    state = (site / ".out.state.json").read_bytes()
    write(site / "in" / "summer.txt", article_text("Heat wave grips the region",
                                                   date="2020-07-01"), T0)
    assert build(site) == 0
    assert snapshot(site / "out") == fresh_build(site, tmp_path_factory, state)


@pytest.mark.parametrize("damage", [b"", b"{", b"\xff\xfe garbage", b"[]", b"{}",
                                    b'{"format": 1, "settings": null}'])
def test_an_unreadable_index_is_ignored_with_one_warning(site, capsys, parses, damage):
    build(site)
    before = snapshot(site / "out")
    parses.clear()
    capsys.readouterr()
    index_path(site).write_bytes(damage)
    assert build(site) == 0
    err = capsys.readouterr().err
    assert snapshot(site / "out") == before and parses == []
    assert "Traceback" not in err and len(cache_lines(err)) <= 1
    assert build(site) == 0  # rebuilt: the next build has nothing to say
    assert cache_lines(capsys.readouterr().err) == []


def test_damaged_records_are_not_used(site, capsys, parses):
    build(site)
    before = snapshot(site / "out")
    parses.clear()
    header, records = read_index_file(site)
    damages = ({"size": "many"}, {"stamp": None}, {"article": {"title": 1}}, {"source": "x"})
    for record, damage in zip(records.values(), damages):
        record.update(damage)
    write_index_file(site, header, records)
    capsys.readouterr()
    assert build(site) == 0
    assert snapshot(site / "out") == before
    assert "Traceback" not in capsys.readouterr().err
    assert len(parses) <= 1  # the damaged article is parsed again, the others read


@pytest.mark.parametrize("around", [("", " "), (" ", ""), ("", "{}"), ("", "]")])
def test_a_record_with_anything_around_it_is_not_used(site, entry_reads, around):
    # Records are decoded without json.loads' pass over white space (RECORD_DECODER): what
    # stands before or after one still makes it unusable, and its entry is read instead.
    build(site)
    before = snapshot(site / "out")
    header, *lines = index_path(site).read_text("ascii").splitlines()
    key, record = lines[0].split("\t", 1)
    lines[0] = f"{key}\t{around[0]}{record}{around[1]}"
    index_path(site).write_text("\n".join([header, *lines]) + "\n", "ascii")
    entry_reads.clear()
    assert build(site) == 0
    assert snapshot(site / "out") == before
    assert entry_reads == [json.loads(key)]


@pytest.mark.parametrize("change", [{"format": 99}, {"settings": "another feedpub"}])
def test_an_index_from_another_feedpub_is_ignored_quietly(site, capsys, parses, change):
    build(site)
    before = snapshot(site / "out")
    parses.clear()
    header, records = read_index_file(site)
    write_index_file(site, {**header, **change}, records)
    capsys.readouterr()
    assert build(site) == 0
    assert snapshot(site / "out") == before and parses == []
    assert cache_lines(capsys.readouterr().err) == []


def test_a_truncated_index_serves_the_records_it_still_has(site, parses, entry_reads):
    build(site)
    before = snapshot(site / "out")
    data = index_path(site).read_bytes()
    index_path(site).write_bytes(data[:len(data) // 2])
    parses.clear()
    entry_reads.clear()
    assert build(site) == 0
    assert snapshot(site / "out") == before and parses == []
    assert 1 <= len(entry_reads) < 4


def test_an_index_older_than_an_entry_gives_way_to_the_entry(site, tmp_path_factory, parses):
    build(site)
    old_index = index_path(site).read_bytes()
    write(site / "in" / "summer.txt", article_text("Heat wave grips the region",
                                                   date="2020-07-01"), T0)
    build(site)
    state = (site / ".out.state.json").read_bytes()
    index_path(site).write_bytes(old_index)  # the index of the build before the edit
    shutil.rmtree(site / "out")  # so that every page is rendered, from the cache
    parses.clear()
    assert build(site) == 0
    assert parses == []
    assert snapshot(site / "out") == fresh_build(site, tmp_path_factory, state)


def test_an_entry_deleted_behind_the_index_is_parsed_again(site, capsys, parses):
    build(site)
    before = snapshot(site / "out")
    parses.clear()
    for entry in (site / ".out.cache").glob("*.json"):
        entry.unlink()
    capsys.readouterr()
    assert build(site) == 0
    assert snapshot(site / "out") == before and len(parses) == 4
    assert cache_lines(capsys.readouterr().err) == []


def test_an_entry_damaged_behind_the_index_is_caught(site, capsys, parses):
    build(site)
    before = snapshot(site / "out")
    parses.clear()
    capsys.readouterr()
    for entry in (site / ".out.cache").glob("*.json"):
        entry.write_bytes(b"{")
    assert build(site) == 0
    assert snapshot(site / "out") == before and len(parses) == 4
    assert capsys.readouterr().err.count(": 4 unreadable cache entries ignored") == 1


def test_a_lost_cache_directory_with_a_copied_index_is_rebuilt(site, tmp_path_factory):
    build(site)
    saved = tmp_path_factory.mktemp("saved") / INDEX_NAME
    shutil.copy(index_path(site), saved)
    shutil.rmtree(site / ".out.cache")
    (site / ".out.cache").mkdir()
    shutil.copy(saved, index_path(site))
    assert build(site) == 0
    assert snapshot(site / "out") == fresh_build(site, tmp_path_factory)


def entries_without_bodies(site) -> dict[str, dict]:
    """Each entry file's content as the index should record it, by input key."""
    found = {}
    for path in (site / ".out.cache").glob("*.json"):
        entry = json.loads(path.read_bytes())
        del entry["format"], entry["settings"]
        entry["article"].update(body=[], authors=[], image=None, related=[], credit=None)
        found[json.dumps(entry["source"])] = entry
    return found


def test_new_records_wait_in_a_spool_file_that_leaves_nothing_behind(site, monkeypatch):
    # A full build makes every record anew; they wait in a file, not in the build's memory.
    spooled = []
    real = Spool.put
    monkeypatch.setattr(Spool, "put", lambda self, line: spooled.append(real(self, line))
                        or spooled[-1])
    assert build(site) == 0
    assert len(spooled) == 4 and None not in spooled
    records = read_index_file(site)[1]
    assert {key: {k: v for k, v in r.items() if k != "stamp"} for key, r in records.items()} \
        == entries_without_bodies(site)
    left = sorted(p.name for p in (site / ".out.cache").iterdir() if p.suffix != ".json")
    assert left == [INDEX_NAME]


def test_records_stay_in_memory_when_no_spool_file_can_be_made(site, monkeypatch, capsys):
    asked = []

    def refused(*args, **kwargs):
        asked.append(kwargs["dir"])
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "TemporaryFile", refused)
    assert build(site) == 0
    assert len(asked) == 1  # given up after the first refusal
    records = read_index_file(site)[1]
    assert {key: {k: v for k, v in r.items() if k != "stamp"} for key, r in records.items()} \
        == entries_without_bodies(site)
    assert "parse cache" not in capsys.readouterr().err


def test_a_spool_file_that_fills_the_disk_costs_the_index_not_the_build(site, monkeypatch,
                                                                         capsys):
    real = tempfile.TemporaryFile

    def filling(*args, **kwargs):
        handle = real(*args, **kwargs)
        writes = []

        def write(data):
            writes.append(data)
            if len(writes) > 1:
                raise OSError(errno.ENOSPC, "No space left on device")
            return type(handle).write(handle, data)

        handle.write = write
        return handle

    monkeypatch.setattr(tempfile, "TemporaryFile", filling)
    assert build(site) == 0
    assert "cannot write the parse cache: No space left on device" in capsys.readouterr().err
    assert not index_path(site).exists()
    monkeypatch.undo()
    assert build(site) == 0  # the next build reads the entries and writes the index
    assert len(read_index_file(site)[1]) == 4
