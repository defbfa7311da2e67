"""The parse cache's index: everything a build needs of every entry but the bodies, in one file.

A build in which nothing changed still needs each input's cached article without its body
(titles, dates and fingerprints for ids, order, index pages and keys). Opening and decoding
one entry per input, each holding its whole article, was most of such a build, so the cache
also keeps one index: per input, its entry without the body, plus the size and mtime_ns of
the entry file when the index last saw it (its stamp). A record is used only while its entry
file still has that stamp (one stat, no read): an entry rewritten, damaged or deleted behind
the index's back is read, checked and parsed again as without an index. An index that cannot
be read is ignored with one warning; one from another feedpub or time zone is ignored quietly
(its entries are parsed again anyway). Bodies are read from the entries when a page or feed
document is rendered.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

# Bumped whenever a record's shape changes.
INDEX_FORMAT = 1
# No ".json" suffix: ParseCache.prune removes every *.json file this build did not use.
INDEX_NAME = "index"
# The fields of an entry a record must carry, and their types: a damaged record is not used.
RECORD_FIELDS = (("source", str), ("size", int), ("mtime_ns", int), ("checked_ns", int),
                 ("sha256", str), ("fingerprint", str), ("article", dict), ("stamp", list))

Stamp = list  # [size, mtime_ns] of an entry file, as JSON keeps it


def stamp_of(stat: os.stat_result) -> Stamp:
    return [stat.st_size, stat.st_mtime_ns]


def file_stamp(path: str) -> Stamp | None:
    """The entry file's stamp, or None when it is gone or cannot be looked at."""
    try:
        stat = os.stat(path)
        return [stat.st_size, stat.st_mtime_ns]
    except OSError:
        return None


def make_record(entry: dict, stamp: Stamp) -> dict:
    """An entry as the index keeps it: without the article's body, with its file's stamp."""
    return {**entry, "article": {**entry["article"], "body": []}, "stamp": stamp}


def is_record(record: object) -> bool:
    """Whether `record` (from the index) came from an entry file rather than the file itself."""
    return isinstance(record, dict) and "stamp" in record


def well_formed(record: object, display: str) -> bool:
    """Whether `record` has every field a lookup reads, of the right type, for `display`."""
    if not isinstance(record, dict) or record.get("source") != display:
        return False
    for name, kind in RECORD_FIELDS:  # a loop, not all(): this runs once per input
        if not isinstance(record.get(name), kind):
            return False
    return True


def read_index(directory: Path, settings: str) -> tuple[dict, str | None]:
    """The records by input, and a warning if the index file is unreadable."""
    path = directory / INDEX_NAME
    try:
        data = json.loads(path.read_bytes())
    except FileNotFoundError:
        return {}, None
    except (OSError, ValueError):
        data = None
    if isinstance(data, dict) and (data.get("format") != INDEX_FORMAT
                                   or data.get("settings") != settings):
        return {}, None  # another feedpub or time zone: its entries are not used either
    if not isinstance(data, dict) or not isinstance(data.get("records"), dict):
        return {}, f"{path}: unreadable parse cache index ignored; cache entries read instead"
    return data["records"], None


def index_bytes(settings: str, records: dict) -> bytes:
    data = {"format": INDEX_FORMAT, "settings": settings, "records": records}
    # json's own escapes, as the entries are written: the index is ASCII.
    return json.dumps(data, separators=(",", ":")).encode("ascii")
