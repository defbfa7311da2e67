"""The parse cache's index: everything a build needs of every entry, in one file.

A build in which nothing changed still needs each input's cached article listing (titles,
dates and fingerprints for ids, order, index pages and keys: model.UNLISTED). Opening and
decoding one entry per input, each holding its whole article, was most of such a build, so
the cache also keeps one index: per input, its entry with the article's listing, plus the
size and mtime_ns of the entry file when the index last saw it (its stamp). A record is used
only while its entry file still has that stamp (one stat, no read): an entry rewritten,
damaged or deleted behind the index's back is read, checked and parsed again as without an
index. An index that cannot be read is ignored with one warning; one from another feedpub
or time zone is ignored quietly (its entries are parsed again anyway). Whole articles are
read from the entries when a page or feed document is rendered, and checked then.
"""
from __future__ import annotations

import errno
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, NamedTuple

from .codec import listing_json

# Bumped whenever a record's shape changes. 2: a record holds the article's listing.
INDEX_FORMAT = 2
# No ".json" suffix: ParseCache.prune removes every *.json file this build did not use.
INDEX_NAME = "index"
# The fields of an entry a record must carry, and their types: a damaged record is not used.
RECORD_FIELDS = (("source", str), ("size", int), ("mtime_ns", int), ("checked_ns", int),
                 ("sha256", str), ("fingerprint", str), ("article", dict), ("stamp", list))

Stamp = list  # [size, mtime_ns] of an entry file, as JSON keeps it
# Records are decoded with raw_decode, their end checked by Index.lookup: json.loads also
# matches white space before and after the value with a regular expression, which took a
# quarter of decoding a record (9.1 -> 6.6 µs), once per input in every build.
RECORD_DECODER = json.JSONDecoder()


def stamp_of(stat: os.stat_result) -> Stamp:
    return [stat.st_size, stat.st_mtime_ns]


def file_stamp(path: str) -> Stamp | None:
    """The entry file's stamp, or None when it is gone or cannot be looked at."""
    try:
        return stamp_of(os.stat(path))
    except OSError:
        return None


def make_record(entry: dict, stamp: Stamp) -> dict:
    """An entry as the index keeps it: with the article's listing (model.UNLISTED), what a
    build holds of it, and its file's stamp; without the settings the whole index is checked
    against. Leaving out the body, authors, image, related links and sign-off makes a record
    a seventh smaller and three tenths quicker to decode, once per input in every build."""
    record = {**entry, "article": listing_json(entry["article"]), "stamp": stamp}
    del record["format"], record["settings"]
    return record


def is_record(record: object) -> bool:
    """Whether `record` (from the index) came from an entry file rather than the file itself."""
    return isinstance(record, dict) and "stamp" in record


def well_formed(record: object, source: str) -> bool:
    """Whether `record` has every field a lookup reads, of the right type, for input `source`
    (its key: ParseCache._key)."""
    if not isinstance(record, dict) or record.get("source") != source:
        return False
    for name, kind in RECORD_FIELDS:  # a loop, not all(): this runs once per input
        if not isinstance(record.get(name), kind):
            return False
    return True


def line_key(source: str) -> str:
    # json's escapes: ASCII without tab or newline, so it can start an index line.
    return json.dumps(source)


class Read(NamedTuple):
    """Where a record is in the index file as read: data[start:end]."""

    start: int
    end: int


class Spooled(NamedTuple):
    """Where a record is in the spool file."""

    offset: int
    length: int


class Index:
    """The records of the index file and those this build keeps, by input, as JSON text.

    The file is read whole into one buffer and each record decoded from it as its input is
    looked up: 10,000 records are 11 MB of text but several times that as Python dicts, and
    one buffer is given back to the system whole once the index is written, where 10,000
    strings would leave their memory scattered for the rest of the build. The records a build
    makes anew (a full build: every one) wait in a spool file beside the entries instead of
    in memory: they would be held while the parse workers run, and each worker counts in the
    build's memory.
    """

    def __init__(self, data: bytes = b"", spans: dict[str, Read] | None = None,
                 directory: Path | None = None) -> None:
        self.data = data
        self.read = spans or {}
        # A record's text, where it is in `data` or in the spool file.
        self.kept: dict[str, str | Read | Spooled] = {}
        self.changed = False
        self.spool = Spool(directory)

    def lookup(self, source: str) -> dict | None:
        """The index's record for `source`, if it has a well-formed one."""
        span = self.read.get(line_key(source))
        if span is None:
            return None
        text = self.data[span.start:span.end].decode("ascii")  # read_index checked it is
        try:
            record, end = RECORD_DECODER.raw_decode(text)
        except ValueError:
            return None
        return record if end == len(text) and well_formed(record, source) else None

    def keep_read(self, source: str) -> None:
        """Keep the record read for `source` as it is."""
        key = line_key(source)
        self.kept[key] = self.read[key]

    def keep(self, source: str, entry: dict, stamp: Stamp) -> None:
        """Keep `entry`, whose file has `stamp`, as the record for `source`."""
        key, line = line_key(source), json.dumps(make_record(entry, stamp))
        span = self.read.get(key)
        if span is not None and self.data[span.start:span.end] == line.encode("ascii"):
            self.kept[key] = span
        else:
            self.kept[key] = self.spool.put(line) or line
            self.changed = True

    def drop(self, source: str) -> None:
        self.changed |= self.kept.pop(line_key(source), None) is not None

    def unchanged(self) -> bool:
        return not self.changed and self.kept.keys() == self.read.keys()

    def chunks(self, settings: str) -> Iterator[bytes]:
        """A header line, then one line per record: its input's key, a tab, the record.

        Line by line, so that writing it never holds a second copy of the whole index."""
        yield json.dumps({"format": INDEX_FORMAT, "settings": settings}).encode("ascii") + b"\n"
        for key in sorted(self.kept):
            yield key.encode("ascii") + b"\t" + self.text(self.kept[key]) + b"\n"

    def text(self, kept: str | Read | Spooled) -> bytes:
        if isinstance(kept, str):
            return kept.encode("ascii")
        if isinstance(kept, Spooled):
            return self.spool.get(kept)
        return self.data[kept.start:kept.end]

    def close(self) -> None:
        self.spool.close()


class Spool:
    """Records written aside to an unnamed file in `directory` (none: kept in memory), read
    back one at a time when the index is written. A spool that cannot be made is given up:
    records are then kept in memory, as without a directory. One that fails while written to
    (a full disk) keeps later records in memory too, and the records it had are reported
    unreadable when the index is written: that build writes no index, and the next reads its
    inputs' entries instead."""

    def __init__(self, directory: Path | None) -> None:
        self.directory = directory
        self.file: BinaryIO | None = None
        self.size = 0
        self.failure: OSError | None = None

    def put(self, line: str) -> Spooled | None:
        """Where `line` (ASCII) now is in the spool, or None: keep it in memory."""
        if self.directory is None or self.failure is not None:
            return None
        data = line.encode("ascii")
        try:
            if self.file is None:
                # Unnamed where the system allows (O_TMPFILE): nothing is left behind by a
                # build that is killed.
                self.file = tempfile.TemporaryFile(dir=self.directory)
            self.file.write(data)
        except OSError as exc:
            self.failure = exc
            return None
        where = Spooled(self.size, len(data))
        self.size += len(data)
        return where

    def get(self, where: Spooled) -> bytes:
        offset, length = where
        if self.failure is not None:
            raise OSError(self.failure.errno, self.failure.strerror)
        if self.file is None:
            raise OSError(errno.EBADF, "its index spool file was closed")
        self.file.flush()
        data = os.pread(self.file.fileno(), length, offset)
        if len(data) != length:
            raise OSError(errno.EIO, "its index spool file was cut short")
        return data

    def close(self) -> None:
        if self.file is not None:
            self.file.close()
            self.file = None


def read_index(directory: Path, settings: str) -> tuple[Index, str | None]:
    """The index of the last build, and a warning if its file is unreadable."""
    path = directory / INDEX_NAME
    try:
        with open(path, "rb") as handle:
            data = handle.read()
        header_end = data.find(b"\n")
        if not data.isascii():  # every line is JSON with ASCII escapes: damaged
            raise ValueError("not ASCII")
        found = json.loads(data[:header_end] if header_end >= 0 else data)
    except FileNotFoundError:
        return Index(directory=directory), None
    except (OSError, ValueError):
        return (Index(directory=directory),
                f"{path}: unreadable parse cache index ignored; cache entries read instead")
    if not isinstance(found, dict) or found.get("format") != INDEX_FORMAT \
            or found.get("settings") != settings:
        # Another feedpub or time zone: its entries are not used either.
        return Index(directory=directory), None
    return Index(data, record_spans(data, header_end + 1), directory), None


def record_spans(data: bytes, start: int) -> dict[str, Read]:
    """Where each line's record is, by its key: the line up to its first tab. A line without
    a tab is damaged: its input is looked up in its entry file."""
    spans: dict[str, Read] = {}
    while start < len(data):
        end = data.find(b"\n", start)
        if end < 0:
            end = len(data)
        tab = data.find(b"\t", start, end)
        if tab >= 0:
            spans[data[start:tab].decode("ascii")] = Read(tab + 1, end)
        start = end + 1
    return spans
