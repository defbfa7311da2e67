"""Entry history kept between builds: one small JSON file outside the served directory.

It remembers, per entry key (the part of the entry id after the tag prefix), the input that
last carried it, a fingerprint of its content, when it was first seen and the `updated` it was
last published with; and the archive pages that are sealed (sealing.py). It only refines:
ids and feed order never depend on it (README, "Entry ids: what changes them"), so a lost or
corrupt state file costs nothing but edit dates and archive pages cut by date again.
"""
from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .codec import article_to_json
from .model import Article
from .diskio import replace_if_changed
from .sealing import Sealed

STATE_FORMAT = 1
# json.dumps(value, sort_keys=True), without a new encoder for each call (one per article).
SORTED_KEYS = json.JSONEncoder(sort_keys=True)
# Article fields that are not content: where it was read from, and what the parser warned.
NOT_CONTENT = ("source", "warnings")


@dataclass(frozen=True, slots=True)
class Record:
    """What one entry looked like when it was last published."""

    name: str                 # its input's path inside the input directory, without suffix
    fingerprint: str          # article_fingerprint of its content
    first_seen: datetime      # its input's modification time when feedpub first saw it
    last_changed: datetime    # the `updated` it was published with


@dataclass(frozen=True)
class State:
    """Every entry feedpub has published, by entry key (deleted entries are remembered too);
    and the archive pages sealed so far."""

    records: Mapping[str, Record] = dataclasses.field(default_factory=dict)
    sealed: Sealed = Sealed()

    def key_for_name(self, name: str) -> str | None:
        """The key of the entry last read from input `name`, if any."""
        return self._by_name.get(name)

    def keys_for_fingerprint(self, fingerprint: str) -> list[str]:
        return self._by_fingerprint.get(fingerprint, [])

    @functools.cached_property
    def _by_name(self) -> dict[str, str]:
        index: dict[str, str] = {}
        for key, record in sorted(self.records.items()):
            if record.name:
                index.setdefault(record.name, key)
        return index

    @functools.cached_property
    def _by_fingerprint(self) -> dict[str, list[str]]:
        index: dict[str, list[str]] = {}
        for key, record in sorted(self.records.items()):
            index.setdefault(record.fingerprint, []).append(key)
        return index


def article_fingerprint(article: Article) -> str:
    """A hash of everything an entry publishes from the article, and nothing else.

    Changing what goes into it makes every entry look edited once: keep it as it is.
    """
    fields = {k: v for k, v in article_to_json(article).items() if k not in NOT_CONTENT}
    text = SORTED_KEYS.encode(fields)  # ASCII: safe for any string
    return hashlib.sha256(text.encode("ascii")).hexdigest()


def load_state(path: Path) -> tuple[State, list[str]]:
    """The state at `path`; absent is empty, unreadable is empty with one warning."""
    try:
        data = json.loads(path.read_bytes())
        if data.get("format") != STATE_FORMAT:
            raise ValueError(f"format {data.get('format')!r} is not {STATE_FORMAT}")
        records = {key: _record(raw) for key, raw in data["entries"].items()}
        return State(records, _sealed(data.get("archives"))), []
    except FileNotFoundError:
        return State(), []
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        return State(), [f"{path}: state file unreadable ({exc}); entry dates start afresh "
                         "and archive pages are cut by date"]


def _record(raw: Mapping[str, str]) -> Record:
    return Record(str(raw["name"]), str(raw["fingerprint"]),
                  _aware(raw["first_seen"]), _aware(raw["last_changed"]))


def _sealed(raw: Mapping[str, object] | None) -> Sealed:
    """The sealed pages; absent in a file written before feedpub sealed any."""
    if raw is None:
        return Sealed()
    size, window, pages = raw["archive_size"], raw["feed_entries"], raw["pages"]
    if not all(type(n) is int and n >= 1 for n in (size, window)):
        raise ValueError(f"archive settings {size!r}, {window!r} are not counts")
    if not isinstance(pages, list) or not all(isinstance(page, list) for page in pages):
        raise ValueError("archive pages are not lists")
    keys = [key for page in pages for key in page]
    if not all(isinstance(key, str) for key in keys) or len(keys) != len(set(keys)):
        raise ValueError("an archive page's keys are not distinct strings")
    return Sealed(size, window, tuple(tuple(page) for page in pages))


def _aware(text: str) -> datetime:
    value = datetime.fromisoformat(text)
    if value.tzinfo is None:
        raise ValueError(f"date {text!r} has no time zone")
    return value


def dump_state(state: State) -> bytes:
    """The state as JSON, the same bytes for the same state."""
    return b"".join(state_chunks(state))


# Records encoded per chunk of the state file: at 10,000 entries the whole text (2.5 MB,
# held as its lines, then joined, then encoded, and the old file read to compare) was the
# peak of a build that changes one article.
RECORDS_PER_CHUNK = 500


def state_chunks(state: State) -> Iterator[bytes]:
    """dump_state's bytes, RECORDS_PER_CHUNK entries at a time."""
    # One line per entry, not json.dumps with `indent` (its pure-Python encoder is ten times
    # slower on a large site); each record's members written out in json's sorted order
    # rather than encoded from a dict (0.045 -> 0.027 s at 10,000 entries): dates in ISO
    # format need no escapes, and json.dumps' ASCII escapes keep a file name that is not
    # UTF-8 (surrogateescape) writable and exact.
    yield ('{' + _dump_sealed(state.sealed) + '"entries": {\n').encode("ascii")
    records = state.records
    keys = sorted(records)
    for start in range(0, len(keys), RECORDS_PER_CHUNK):
        lines = [_record_line(key, records[key])
                 for key in keys[start:start + RECORDS_PER_CHUNK]]
        yield ((",\n" if start else "") + ",\n".join(lines)).encode("ascii")
    yield f'\n}}, "format": {STATE_FORMAT}}}\n'.encode("ascii")


def _record_line(key: str, rec: Record) -> str:
    dumps = json.dumps
    return (f'{dumps(key)}: {{"fingerprint": {dumps(rec.fingerprint)}, '
            f'"first_seen": "{rec.first_seen.isoformat()}", '
            f'"last_changed": "{rec.last_changed.isoformat()}", "name": {dumps(rec.name)}}}')


def _dump_sealed(sealed: Sealed) -> str:
    """The "archives" member, one line per sealed page; nothing while none was ever cut."""
    if sealed == Sealed():
        return ""
    pages = ",\n".join(json.dumps(list(page)) for page in sealed.pages)
    return (f'"archives": {{"archive_size": {sealed.archive_size}, '
            f'"feed_entries": {sealed.feed_entries}, "pages": [\n{pages}\n]}},\n')


def same_state(old: State, new: State) -> bool:
    """Whether `new` would be written as the very bytes `old` was read from, without writing
    it out: a build in which nothing changed then leaves the file alone."""
    return old.sealed == new.sealed and old.records.keys() == new.records.keys() and all(
        _same_record(old.records[key], record) for key, record in new.records.items())


def _same_record(old: Record, new: Record) -> bool:
    # Equal datetimes may lie in different zones, which the file would show.
    return old == new and old.first_seen.utcoffset() == new.first_seen.utcoffset() \
        and old.last_changed.utcoffset() == new.last_changed.utcoffset()


def save_state(state: State, path: Path) -> bool:
    """Write the state atomically; False when the file already held it."""
    return replace_if_changed(path, state_chunks(state))
