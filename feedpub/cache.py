"""The parse cache: an unchanged input is not parsed again.

One small JSON file per input in a directory outside the served one. An entry is used when
the input's identity (path, size, mtime_ns) still matches and the file is old enough that an
edit within the same timestamp tick is impossible; otherwise the file is read and its SHA-256
must match. Each entry also records the parser's own code and the time zone it parsed with,
so upgrading feedpub (or python-dateutil) or changing `timezone` parses everything again. An
unreadable entry is parsed again and counted in one warning. One index file (cacheindex.py)
holds every entry without its body, so that a build looks up N inputs by reading one file,
not N.
"""
from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import time
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import NamedTuple

from .cacheindex import (INDEX_NAME, Index, file_stamp, is_record, read_index, stamp_of,
                         well_formed)
from .codec import article_from_json, article_to_json
from .model import Article
from .diskio import create_file, write_file_atomic, write_stream_atomic

# 2: each entry also holds the article's fingerprint (state.article_fingerprint).
# 3: entries are keyed by the input's absolute path (ParseCache._key).
CACHE_FORMAT = 3
# An identity match is trusted without reading the file only if the file was last modified
# this long before it was looked at for the entry (Identity.seen_ns): coarse file-system
# clocks (FAT: 2 s) could otherwise hide an edit made in the same tick as the cached read
# (git calls this "racy clean"). An entry made inside that window is trusted once a later
# build has read the same bytes outside it.
RACY_NS = 3_000_000_000


@dataclass(frozen=True, slots=True)
class Identity:
    """What stat says about an input, cheap to compare with the cached value, and when stat
    was asked: before the file was read, so the earliest moment an entry made from what was
    read can vouch for (the racy rule above)."""

    size: int
    mtime_ns: int
    seen_ns: int

    @classmethod
    def of(cls, stat: os.stat_result, seen_ns: int) -> Identity:
        return cls(stat.st_size, stat.st_mtime_ns, seen_ns)

    def trusted_after(self, checked_ns: int) -> bool:
        """Whether an entry checked at `checked_ns` may vouch for this identity unread."""
        return self.mtime_ns + RACY_NS < checked_ns


class Hit(NamedTuple):
    """A cached article (its listing, model.UNLISTED, when the build looks it up) and its
    fingerprint, computed when it was parsed."""

    article: Article
    fingerprint: str


# Libraries whose behaviour is part of a parse: upgrading one parses everything again.
PARSING_LIBRARIES = ("python-dateutil",)


@cache
def parser_code() -> str:
    """A hash of feedpub's own code and its parsing libraries' versions: a changed parser
    must not reuse old parses."""
    digest = hashlib.sha256()
    package = resources.files("feedpub")
    for name in sorted(p.name for p in package.iterdir() if p.name.endswith(".py")):
        digest.update(name.encode() + b"\0" + package.joinpath(name).read_bytes())
    for library in PARSING_LIBRARIES:
        digest.update(f"{library} {library_version(library)}\0".encode())
    return digest.hexdigest()


def library_version(name: str) -> str:
    # Imported here: a build whose inputs are unchanged (stamp.py) never asks, and the import
    # is a tenth of such a build's start-up.
    import importlib.metadata

    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


class ParseCache:
    """Parsed articles by input, kept in `directory` between builds."""

    def __init__(self, directory: Path, zone: str) -> None:
        self.directory = directory
        self._prefix = os.path.join(directory, "")  # an entry's path is this and its name
        self.settings = f"{parser_code()}:{zone}"
        self.used: set[str] = set()
        self.unreadable = 0
        self.unwritable: str | None = None
        self._last: tuple[str, dict | None] | None = None
        self.index, self.index_warning = read_index(directory, self.settings)
        self.indexing = True  # until save_index: entries read are recorded for the next build
        self._cwd = os.getcwd()  # for _key: once, not once per input

    def _key(self, display: str) -> str:
        """What the cache knows an input by: its absolute path, so that a build given the
        input directory as `seeds` and one given `/srv/site/seeds` (cron) share entries."""
        return os.path.normpath(os.path.join(self._cwd, display))

    def knows(self, display: str) -> bool:
        """Whether there is a usable entry for `display` (else its bytes need not be read)."""
        return self._entry(self._key(display)) is not None

    def fresh(self, display: str, identity: Identity) -> Hit | None:
        """The cached article's listing if the input's identity says it has not changed."""
        entry = self._entry(self._key(display))
        if entry is None or entry["size"] != identity.size:
            return None
        trusted = entry["mtime_ns"] == identity.mtime_ns and \
            identity.trusted_after(entry["checked_ns"])
        return self._hit(entry, display, body=False) if trusted else None

    def matching(self, display: str, identity: Identity, data: bytes) -> Hit | None:
        """The cached article's listing if the input's bytes are the ones it was parsed
        from."""
        key = self._key(display)
        entry = self._entry(key)
        if entry is None or entry["sha256"] != sha256(data):
            return None
        hit = self._hit(entry, display, body=False)
        if hit is not None and self._worth_restamping(entry, identity):
            # Remember the new identity (touched), or that these bytes were seen again long
            # enough after their last change to be trusted unread from now on (an entry made
            # within the racy window): in the entry read whole (the index's has no body).
            whole = self._read_entry(key) if is_record(entry) else entry
            if whole is not None:
                self._write(key, {**whole, "size": identity.size,
                                  "mtime_ns": identity.mtime_ns,
                                  "checked_ns": identity.seen_ns})
        return hit

    @staticmethod
    def _worth_restamping(entry: dict, identity: Identity) -> bool:
        if entry["mtime_ns"] != identity.mtime_ns:
            return True
        return identity.trusted_after(identity.seen_ns) and \
            not identity.trusted_after(entry["checked_ns"])

    def store(self, display: str, identity: Identity, digest: str, hit: Hit) -> bool:
        """Keep `hit` for the input whose bytes have SHA-256 `digest`; False if unwritable."""
        key = self._key(display)
        entry = {"format": CACHE_FORMAT, "settings": self.settings, "source": key,
                 "size": identity.size, "mtime_ns": identity.mtime_ns,
                 "checked_ns": identity.seen_ns, "sha256": digest,
                 "fingerprint": hit.fingerprint,
                 "article": article_to_json(hit.article)}
        return self._write(key, entry)

    def _write(self, key: str, entry: dict) -> bool:
        name = self._name(key)
        path = self._prefix + name
        self.used.add(name)
        self.index.drop(key)
        data = json.dumps(entry).encode("utf-8")
        try:
            # Not flushed to disk: every entry is checked when read (CACHE_FORMAT, settings,
            # the input's SHA-256), so one a power cut tore is only parsed again. A new
            # entry is written in place, an old one replaced whole.
            stat = self._create(path, data)
            if stat is None:
                write_file_atomic(Path(path), data, durable=False)
                stat = os.stat(path)
            self.index.keep(key, entry, stamp_of(stat))
        except OSError as exc:
            self.unwritable = f"{self.directory}: cannot write the parse cache: {exc.strerror}"
            return False
        return True

    def _create(self, path: str, data: bytes) -> os.stat_result | None:
        try:
            return create_file(path, data)
        except FileNotFoundError:  # the first entry of a new cache
            self.directory.mkdir(parents=True, exist_ok=True)
            return create_file(path, data)

    def save_index(self) -> None:
        """Write the index of this build's entries if it changed (after `prune`); the build
        looks nothing up after that, so the records are let go, and entries read back later
        (bodies for pages) are not recorded again: that was a second index held for nothing
        (about 1 KB per article)."""
        try:
            if not self.index.unchanged():  # a build in which nothing changed writes nothing
                write_stream_atomic(self.directory / INDEX_NAME,
                                    self.index.chunks(self.settings), durable=False)
        except OSError as exc:
            self.unwritable = f"{self.directory}: cannot write the parse cache: {exc.strerror}"
        self.index.close()
        self.index = Index()
        self.used = set()  # pruned already: a name per input held for nothing (0.8 MB at 10k)
        self.indexing = False

    def article(self, display: str) -> Article | None:
        """The article cached for `display` in this build, whatever its input's identity."""
        entry = self._read_entry(self._key(display))
        hit = self._hit(entry, display) if entry is not None else None
        return hit.article if hit else None

    def prune(self) -> None:
        """Remove entries of inputs this build did not see (deleted or renamed files); not
        once the index is saved, when the cache no longer records what the build used."""
        if not self.indexing:
            return
        try:
            with os.scandir(self.directory) as found:  # no Path per entry: 10,000 of them
                for entry in found:
                    if entry.name.endswith(".json") and entry.name not in self.used:
                        with contextlib.suppress(FileNotFoundError):
                            os.unlink(entry.path)
        except OSError:
            pass  # a cache that cannot be tidied costs disk space only

    def warnings(self) -> list[str]:
        found = [w for w in (self.index_warning, self.unwritable) if w]
        if self.unreadable:
            found.append(f"{self.directory}: {self.unreadable} unreadable cache entries "
                         "ignored; those inputs were parsed again")
        return found

    # The methods below take an input's key (_key), not its name as messages show it.
    @staticmethod
    def _name(key: str) -> str:
        return hashlib.sha256(key.encode()).hexdigest()[:32] + ".json"

    def _entry(self, key: str) -> dict | None:
        # `fresh` and then `matching` ask for the same input: read its file once.
        if self._last is None or self._last[0] != key:
            self._last = (key, self._indexed(key) or self._read_entry(key))
        return self._last[1]

    def _indexed(self, key: str) -> dict | None:
        """The index's record for input `key` while its entry file is the one indexed."""
        record = self.index.lookup(key)
        if record is None:
            return None
        name = self._name(key)
        # A string path, not a Path: this runs once per input in every build.
        if file_stamp(self._prefix + name) != record["stamp"]:
            return None
        self.used.add(name)
        self.index.keep_read(key)
        return record

    def _read_entry(self, key: str) -> dict | None:
        # A string path, not a Path: a full build looks for an entry of each of its inputs.
        name = self._name(key)
        try:
            with open(self._prefix + name, "rb") as handle:
                # Stamped before reading: an entry changed meanwhile is read again next time.
                stamp = stamp_of(os.fstat(handle.fileno()))
                data = handle.read()
            if not data:  # created by a run stopped before it wrote it (create_file)
                return None
            entry = json.loads(data)
        except FileNotFoundError:
            return None
        except (OSError, ValueError):
            self.unreadable += 1
            return None
        if not isinstance(entry, dict) or entry.get("format") != CACHE_FORMAT \
                or entry.get("settings") != self.settings \
                or not well_formed({**entry, "stamp": stamp}, key):
            return None
        if self.indexing:  # until save_index: the entries prune keeps, the next index's records
            self.used.add(name)
            self.index.keep(key, entry, stamp)
        return entry

    def _hit(self, entry: dict, display: str, body: bool = True) -> Hit | None:
        try:
            article = article_from_json(entry["article"], body)
            return Hit(as_read_from(article, display), str(entry["fingerprint"]))
        except (KeyError, TypeError, ValueError, AttributeError):
            self.unreadable += 1
            self._last = (entry["source"], None)  # counted once, not asked again
            self.index.drop(entry["source"])
            return None


def as_read_from(article: Article, display: str) -> Article:
    """A cached article as if parsed from `display`: an entry cached by a build that named
    the input another way carries that name in its source and its warnings."""
    cached = article.source
    if cached == display:
        return article
    prefix = cached + ": "
    warnings = tuple(display + ": " + w[len(prefix):] if w.startswith(prefix) else w
                     for w in article.warnings)
    return dataclasses.replace(article, source=display, warnings=warnings)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def now_ns() -> int:
    # The clock only decides whether a later identity match may be trusted; no output uses it.
    return time.time_ns()
