"""Publishing stage: the order in which bytes reach the disk (publish.py, diskio.py).

A power cut must leave every served file old or new, never empty: each file's bytes are on
disk before the rename that serves them, and the renames are on disk before the build ends.
The kill tests (test_kill.py) cover a killed process; these watch the system calls.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from feedpub import diskio, manifest, publish, renderpool
from feedpub.manifest import (MANIFEST_FORMAT, Record, manifest_chunks, parse_manifest,
                              records_by_line)


@pytest.fixture
def calls(monkeypatch) -> list[tuple[str, str]]:
    """Every fsync and rename publish makes, in order, by path; a syncfs of a file system
    counts as an fsync of every file then in the directories it was given."""
    seen: list[tuple[str, str]] = []
    real_fsync_path, real_syncfs_all, real_replace = \
        diskio.fsync_path, diskio.syncfs_all, os.replace

    def fsync_path(path: Path) -> None:
        real_fsync_path(path)
        seen.append(("fsync", str(path)))

    def syncfs_all(directories) -> bool:
        present = [path for directory in directories for path in Path(directory).iterdir()]
        done = real_syncfs_all(directories)
        if done:
            seen.extend(("fsync", str(path)) for path in present)
        return done

    def replace(source, target) -> None:
        real_replace(source, target)
        seen.append(("rename", f"{source} -> {target}"))

    monkeypatch.setattr(diskio, "fsync_path", fsync_path)
    monkeypatch.setattr(diskio, "syncfs_all", syncfs_all)
    monkeypatch.setattr(os, "replace", replace)
    return seen


def site(count: int, version: str) -> dict[str, bytes]:
    pages = {f"articles/{n}.html": f"<p>{version} {n}</p>".encode() for n in range(count)}
    return {**pages, "index.html": version.encode(), "feed.atom": version.encode()}


def publish_rendered(files: dict[str, bytes], output: Path, workers: int):
    """publish_site, rendering on `workers` processes however few the files."""
    planned = [publish.SiteFile(name, None, publish.Rendered, data)
               for name, data in files.items()]
    return publish.publish_files(planned, output, workers)


# A few files are flushed one by one, many with one syncfs (diskio.SYNCFS_MIN_FILES); files
# staged by render workers (renderpool.py) are flushed by the build before it renames them.
@pytest.mark.parametrize("count, workers", [(3, 1), (3 * diskio.SYNCFS_MIN_FILES, 1),
                                            (3, 2), (3 * diskio.SYNCFS_MIN_FILES, 2)])
def test_every_file_is_on_disk_before_it_is_renamed_in(tmp_path, calls, count, workers,
                                                      monkeypatch):
    monkeypatch.setattr(renderpool, "POOL_MIN_FILES", 1)
    output = tmp_path / "out"
    publish_rendered(site(count, "old"), output, workers)
    calls.clear()
    report = publish_rendered(site(count, "new"), output, workers)
    assert len(report.written) == count + 2
    synced: set[str] = set()
    last_rename_into: dict[str, int] = {}
    for index, (call, what) in enumerate(calls):
        if call == "fsync":
            synced.add(what)
            continue
        source, target = what.split(" -> ")
        assert source in synced, f"{source} renamed before its bytes were flushed"
        last_rename_into[str(Path(target).parent)] = index
    # ...and each directory renamed into is flushed after its last rename.
    for directory, index in last_rename_into.items():
        assert ("fsync", directory) in calls[index:], f"{directory} not flushed after renames"
    assert (output / "articles" / "2.html").read_bytes() == b"<p>new 2</p>"


def test_unchanged_files_are_neither_flushed_nor_renamed(tmp_path, calls):
    output = tmp_path / "out"
    publish.publish_site(site(5, "same"), output)
    calls.clear()
    report = publish.publish_site(site(5, "same"), output)
    assert report.written == ()
    assert calls == []


def test_files_a_stopped_build_added_are_removed_by_the_next(tmp_path, monkeypatch):
    """A build names the files it adds (publish.PENDING) before writing any: stopped after
    the renames but before its manifest names them, the next build still knows them as its
    own and removes those it no longer publishes."""
    output = tmp_path / "out"
    publish.publish_site(site(2, "old"), output)

    def stopped(*args) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(publish, "write_manifest", stopped)
    with pytest.raises(KeyboardInterrupt):
        publish.publish_site(site(4, "new"), output)
    assert (output / "articles" / "3.html").read_bytes() == b"<p>new 3</p>"
    assert publish.read_pending(output) == {"articles/2.html", "articles/3.html"}
    monkeypatch.undo()
    report = publish.publish_site(site(2, "old"), output)
    assert sorted(report.removed) == ["articles/2.html", "articles/3.html"]
    assert sorted(p.name for p in (output / "articles").iterdir()) == ["0.html", "1.html"]
    assert not publish.sidecar(output, publish.PENDING).exists()


def test_a_build_that_adds_files_writes_the_manifest_once(tmp_path, monkeypatch):
    output = tmp_path / "out"
    publish.publish_site(site(2, "old"), output)
    written = []
    real = publish.write_manifest
    monkeypatch.setattr(publish, "write_manifest",
                        lambda *args: written.append(sorted(args[1])) or real(*args))
    publish.publish_site(site(3, "old"), output)
    assert written == [["articles/0.html", "articles/1.html", "articles/2.html", "feed.atom",
                        "index.html"]]
    assert not publish.sidecar(output, publish.PENDING).exists()
    assert set(publish.read_manifest(output)) == set(site(3, "old"))


@pytest.mark.parametrize("count", [0, 1, 3, 5])
def test_the_manifest_written_a_line_at_a_time_reads_back_as_written(count, monkeypatch):
    monkeypatch.setattr(manifest, "RECORDS_PER_READ", 2)  # lines decoded in several batches
    records = {f"articles/{n}.html": Record(f"key{n}", "ab" * 32, n, 10**18 + n, ("a note",) * n)
               for n in range(count)}
    records["feed.atom"] = None  # a file named by a stopped build, with no record yet
    text = b"".join(manifest_chunks(records)).decode("ascii")
    assert json.loads(text)["format"] == MANIFEST_FORMAT
    assert parse_manifest(text) == records
    assert text.count("\n") == len(records) + 2  # one line per file, as diffs read it
    # A build reads it back a line at a time, each line decoded alone.
    assert records_by_line(iter(text.splitlines(keepends=True))) == records


MANIFEST_TEXT = st.text(st.characters(blacklist_categories=["Cs"]), max_size=12) | st.just("a\udcff")
MANIFEST_RECORDS = st.dictionaries(MANIFEST_TEXT, st.none() | st.builds(
    Record, st.none() | MANIFEST_TEXT, MANIFEST_TEXT, st.integers(0, 2**64),
    st.integers(-2**63, 2**65), st.lists(MANIFEST_TEXT, max_size=3).map(tuple)), max_size=5)


@settings(max_examples=200, deadline=None)
@given(MANIFEST_RECORDS)
def test_the_manifest_is_the_json_of_its_records_for_any_names(records):
    # Each line is written out member by member (manifest.record_line): the very bytes json
    # gives the record as a dict, for names, keys and notes of any characters, file names
    # that are not UTF-8 among them, and numbers of any size.
    text = b"".join(manifest_chunks(records)).decode("ascii")
    as_dicts = {name: None if rec is None else {
        "key": rec.key, "sha256": rec.sha256, "size": rec.size, "mtime_ns": rec.mtime_ns,
        "notes": list(rec.notes)} for name, rec in records.items()}
    lines = [f"{json.dumps(name)}: {json.dumps(as_dicts[name], sort_keys=True)}"
             for name in sorted(records)]
    assert text == '{"files": {\n' + ",\n".join(lines) + '\n}, "format": 2}\n'
    assert records_by_line(iter(text.splitlines(keepends=True))) == \
        {name: rec for name, rec in records.items() if manifest.safe_name(name)}


def manifest_read_back(tmp_path, text: str) -> dict:
    output = tmp_path / "out"
    publish.sidecar(output, "manifest").write_text(text, encoding="utf-8")
    return publish.read_manifest(output)


def test_a_manifest_laid_out_otherwise_is_read_whole_and_one_cut_short_not_at_all(tmp_path):
    records = {f"articles/{n}.html": Record(f"key{n}", "ab" * 32, n, n, ()) for n in range(3)}
    text = b"".join(manifest_chunks(records)).decode("ascii")
    assert manifest_read_back(tmp_path, text) == records
    # Reformatted by hand or by another tool: still JSON, read whole.
    assert manifest_read_back(tmp_path, json.dumps(json.loads(text), indent=4)) == records
    # Cut short (a full disk while another tool copied it): no record is trusted, so every
    # file is rendered again and compared.
    assert manifest_read_back(tmp_path, text[:text.rindex("}, ")]) == {}
    assert manifest_read_back(tmp_path, "") == {}
