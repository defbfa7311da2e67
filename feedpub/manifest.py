"""The manifest beside the output directory: every file a build published, and what from.

For each file it records the key of what the file was rendered from (plan.py), the SHA-256,
size and modification time of the bytes written. A later build whose key for the file is
the same, and finds those very bytes still served, leaves the file alone without rendering
it. The served file is trusted when size and mtime_ns are the recorded ones (as make and git
do; a file replaced by feedpub always gets a later mtime), else when its SHA-256 is.
"""
from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace

MANIFEST_FORMAT = 2
# The manifest's first line as manifest_chunks writes it.
MANIFEST_HEAD = '{"files": {\n'


@dataclass(frozen=True, slots=True)
class Record:
    """One published file: what it was rendered from, and the bytes that were written."""

    key: str | None        # plan.py's key; None: rendered every build
    sha256: str
    size: int
    mtime_ns: int
    notes: tuple[str, ...] = ()  # warnings about the file, repeated while it is left alone


def served_record(stat: os.stat_result, key: str | None, digest: str,
                  notes: tuple[str, ...]) -> Record:
    """The record of the bytes with SHA-256 `digest` that are now served, `stat` their file's."""
    return Record(key, digest, stat.st_size, stat.st_mtime_ns, notes)


def still_served(path: str, stat: os.stat_result, record: Record) -> Record | None:
    """`record`, its stat refreshed, if `path` (whose stat is `stat`) still holds the bytes it
    describes; else None."""
    if stat.st_size != record.size:
        return None
    if stat.st_mtime_ns == record.mtime_ns:
        return record
    try:
        with open(path, "rb") as handle:
            if hashlib.sha256(handle.read()).hexdigest() != record.sha256:
                return None
    except OSError:
        return None
    return replace(record, mtime_ns=stat.st_mtime_ns)  # touched, same bytes


def parse_manifest(text: str) -> dict[str, Record | None]:
    """Records by file name; a manifest of an older feedpub (names only) gives no records."""
    if not text.startswith("{"):
        return {line: None for line in text.splitlines() if safe_name(line)}
    try:
        files = json.loads(text)["files"]
        return {name: record_from_json(raw) for name, raw in files.items() if safe_name(name)}
    except (ValueError, KeyError, TypeError, AttributeError):
        return {}  # unreadable: every file is rendered again and compared


# Manifest lines decoded at once: as fast as the whole text, a few hundred KB of dicts at most.
RECORDS_PER_READ = 500


def records_by_line(lines: Iterator[str]) -> dict[str, Record | None] | None:
    """parse_manifest of a manifest laid out as manifest_chunks writes it, from its `lines`
    (with their ends), decoded RECORDS_PER_READ lines at a time: never the whole manifest's
    dicts at once (megabytes on a large site). None if it is laid out otherwise, or cut
    short."""
    if next(lines, "") != MANIFEST_HEAD:
        return None
    records: dict[str, Record | None] = {}
    batch: list[str] = []
    try:
        for line in lines:
            if line.startswith("}"):  # the last line: '}, "format": 2}'
                records.update(decode_lines(batch))
                end = json.loads("{" + line[1:].lstrip(", "))
                whole = end == {"format": MANIFEST_FORMAT} and next(lines, None) is None
                return records if whole else None
            batch.append(line)
            if len(batch) == RECORDS_PER_READ:
                records.update(decode_lines(batch))
                batch = []
    except (ValueError, KeyError, TypeError, AttributeError):
        return None
    return None


def decode_lines(lines: list[str]) -> dict[str, Record | None]:
    """The records of consecutive lines of a manifest's "files" (each '"name": {...},')."""
    files = json.loads("{" + "".join(lines).rstrip(",\n") + "}")
    return {name: record_from_json(raw) for name, raw in files.items() if safe_name(name)}


def safe_name(name: str) -> bool:
    return bool(name) and ".." not in name.split("/")


def record_from_json(raw: dict | None) -> Record | None:
    if raw is None:
        return None
    return Record(raw["key"], str(raw["sha256"]), int(raw["size"]), int(raw["mtime_ns"]),
                  tuple(str(note) for note in raw["notes"]))


def manifest_chunks(records: Mapping[str, Record | None]) -> Iterator[bytes]:
    """The same bytes for the same records: JSON, one line per file, a line at a time. A
    build writes them out as they come, never holding the whole text (megabytes on a large
    site, at the build's busiest moment)."""
    # Line by line: json.dumps with `indent` takes the pure-Python encoder, ten times slower,
    # and a site of 10,000 pages writes this once per build that changes a file.
    yield MANIFEST_HEAD.encode("ascii")
    separator = ""
    for name in sorted(records):
        yield f"{separator}{record_line(name, records[name])}".encode("ascii")
        separator = ",\n"
    yield f'\n}}, "format": {MANIFEST_FORMAT}}}\n'.encode("ascii")


def record_line(name: str, rec: Record | None) -> str:
    """A file's line in the manifest: its name and record as JSON, the record's members in
    json's sorted order (as json.dumps(..., sort_keys=True) writes them), written out rather
    than encoded from a dict: the manifest of 10,388 files took 31 ms of CPU that way, 17 ms
    this way."""
    dumps = json.dumps
    if rec is None:
        return f"{dumps(name)}: null"
    notes = dumps(list(rec.notes)) if rec.notes else "[]"
    return (f'{dumps(name)}: {{"key": {dumps(rec.key)}, "mtime_ns": {int(rec.mtime_ns)}, '
            f'"notes": {notes}, "sha256": {dumps(rec.sha256)}, "size": {int(rec.size)}}}')
