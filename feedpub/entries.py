"""From parsed articles and the last build's state to entries: ids, duplicates, dates.

The rules are written out in README.md, "Entry ids: what changes them". In short, an entry's
key is, in this order of precedence:
  1. the front matter `id`;
  2. the key its input file had in the last build (state), so edits never change it;
  3. the key of a vanished input with the very same content (state): a renamed file;
  4. the input's path inside the input directory without suffix (needs no state).
Feed order never depends on state: newest published first, ties broken by id.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from urllib.parse import quote

from .config import Config
from .errors import InputError
from .model import Article, Entry
from .sealing import lay_out
from .state import Record, State, article_fingerprint

# Page slugs are cut to this many characters so file names stay portable.
SLUG_MAX = 80
# RFC 4287 §4.1.1: two versions of one entry SHOULD have different `updated` values.
ONE_SECOND = timedelta(seconds=1)


@dataclass(frozen=True, slots=True)
class Loaded:
    """One parsed input: the article, its path inside the input directory, its mtime.

    A build keeps the article's listing (build.Articles holds the rest), so it
    carries the fingerprint of the full article; None: compute it from `article`.
    """

    article: Article
    name: str
    mtime: datetime
    fingerprint: str | None = None


@dataclass(frozen=True)
class Resolved:
    """Entries in feed order, the state to keep for the next build, and what to report:
    `warnings` every build repeats while their inputs stay as they are, and `notes` said
    once, about what changed since the state was kept (a rename)."""

    entries: list[Entry]
    state: State
    warnings: list[str] = field(default_factory=list)
    failures: list[InputError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def make_entries(loaded: Iterable[Loaded], config: Config, state: State = State()) -> Resolved:
    """Give each article its id, slug and dates, newest first, ties broken by id; and seal
    the archive pages that are full (sealing.py)."""
    items = sorted(loaded, key=lambda x: x.name)
    prints = {item.name: item.fingerprint or article_fingerprint(item.article) for item in items}
    unique, warnings = drop_duplicates(items, prints, state)
    keys, failures, renamed = assign_keys(unique, prints, state, {i.name for i in items})
    records = dict(state.records)
    entries: list[Entry] = []
    slugs: set[str] = set()
    for item in sorted((i for i in unique if i.name in keys), key=lambda i: keys[i.name]):
        key = keys[item.name]
        record = state.records.get(key)
        published, updated = entry_dates(item, prints[item.name], record)
        records[key] = Record(item.name, prints[item.name],
                              record.first_seen if record else item.mtime, updated)
        slug = unique_slug(slugify(key), slugs)
        entries.append(Entry(item.article, entry_id(key, config), slug, published, updated,
                             item.article.link, prints[item.name], key))
    forget_old_names(records, keys)
    entries.sort(key=lambda e: (-e.published.timestamp(), e.id))
    sealed = lay_out(entries, config, state.sealed).seal(config)
    return Resolved(entries, State(records, sealed), warnings, failures, renamed)


# Characters an id's key keeps as they are (RFC 3986 unreserved, and "/"); others are
# percent-encoded.
ID_SAFE_CHARS = "/-._~"
ID_SAFE_KEY = re.compile(r"[A-Za-z0-9/\-._~]*")


def entry_id(key: str, config: Config) -> str:
    """A tag URI (RFC 4151) that depends on the key and two settings only."""
    # A file name that is not UTF-8 keeps its raw bytes, percent-encoded (surrogateescape).
    # Most keys need no quoting, and quote() would take a tenth of a no-op build at 10k.
    if not ID_SAFE_KEY.fullmatch(key):
        key = quote(key, safe=ID_SAFE_CHARS, errors="surrogateescape")
    return f"tag:{config.id_authority},{config.id_year}:{key}"


def drop_duplicates(items: list[Loaded], prints: dict[str, str],
                    state: State) -> tuple[list[Loaded], list[str]]:
    """One entry per content: the input the state already knows, else the first by path."""
    groups: dict[str, list[Loaded]] = {}
    for item in items:
        groups.setdefault(prints[item.name], []).append(item)
    kept, warnings = [], []
    for group in groups.values():
        group.sort(key=lambda i: (state.key_for_name(i.name) is None, i.name))
        kept.append(group[0])
        warnings += [f"{dup.article.source}: same article as {group[0].article.source}; "
                     "published once" for dup in group[1:]]
    return sorted(kept, key=lambda x: x.name), warnings


@dataclass
class Claims:
    """Entry keys handed out so far in this build, by input name."""

    keys: dict[str, str] = field(default_factory=dict)
    taken: set[str] = field(default_factory=set)

    def claim(self, item: Loaded, key: str) -> None:
        self.keys[item.name] = key
        self.taken.add(key)

    def unclaimed(self, items: list[Loaded]) -> list[Loaded]:
        return [item for item in items if item.name not in self.keys]


def assign_keys(items: list[Loaded], prints: dict[str, str], state: State,
                present: set[str]) -> tuple[dict[str, str], list[InputError], list[str]]:
    """Each input's entry key (name -> key), by the four rules in this module's docstring."""
    claims = Claims()
    failures = claim_front_matter_ids(items, claims)
    pending = [item for item in items if item.article.key is None]
    for item in pending:
        key = state.key_for_name(item.name)
        if key is not None and key not in claims.taken:
            claims.claim(item, key)
    notes = claim_renamed(claims.unclaimed(pending), prints, state, present, claims)
    for item in claims.unclaimed(pending):
        claims.claim(item, unique_key(item.name, claims.taken))
        if claims.keys[item.name] != item.name:
            notes.append(f"{item.article.source}: entry key {item.name!r} is taken; "
                         f"published as {claims.keys[item.name]!r}")
    return claims.keys, failures, notes


def claim_front_matter_ids(items: list[Loaded], claims: Claims) -> list[InputError]:
    """Rule 1: an `id:` line; a second file with the same one is not published."""
    failures = []
    for item in items:
        key = item.article.key
        if key is not None and key in claims.taken:
            failures.append(InputError(item.article.source, f"duplicate entry id {key!r}"))
        elif key is not None:
            claims.claim(item, key)
    return failures


def claim_renamed(items: list[Loaded], prints: dict[str, str], state: State, present: set[str],
                  claims: Claims) -> list[str]:
    """Rule 3: the key of a vanished input with this very content; one note each."""
    notes = []
    for item in items:
        key = renamed_key(prints[item.name], state, present, claims.taken)
        if key is None:
            continue
        claims.claim(item, key)
        old = state.records[key].name or "an input gone earlier"
        notes.append(f"{item.article.source}: renamed from {old}; keeps its entry id (add "
                     f"'id: {key}' to its front matter to keep it without the state file)")
    return notes


def renamed_key(fingerprint: str, state: State, present: set[str], taken: set[str]) -> str | None:
    """The key of an entry with this very content whose input no longer exists."""
    for key in state.keys_for_fingerprint(fingerprint):
        if key not in taken and state.records[key].name not in present:
            return key
    return None


def unique_key(name: str, taken: set[str]) -> str:
    """`name`, or `name-2`, `name-3`, ... whichever is not taken yet."""
    candidate, n = name, 2
    while candidate in taken:
        candidate, n = f"{name}-{n}", n + 1
    return candidate


def forget_old_names(records: dict[str, Record], keys: dict[str, str]) -> None:
    """Records of an input's earlier keys (its `id:` changed) no longer name the input."""
    for key, record in list(records.items()):
        if record.name in keys and keys[record.name] != key:
            records[key] = Record("", record.fingerprint, record.first_seen, record.last_changed)


def entry_dates(item: Loaded, fingerprint: str, record: Record | None) -> tuple[datetime, datetime]:
    """Published and updated: dates in the text win; else `updated` moves only on edits."""
    article = item.article
    # No date in the text or front matter: the file's modification time, documented in README.
    published = article.published or item.mtime
    if article.updated is not None:
        return published, max(article.updated, published)
    if record is None:
        return published, published
    if record.fingerprint == fingerprint:
        return published, max(record.last_changed, published)
    # Changed since it was last published: the edit is dated by its file, and never goes back.
    return published, max(item.mtime, record.last_changed + ONE_SECOND, published)


# What a slug keeps of a name: ASCII letters and digits, every other run a single "-".
SLUG_GAPS = re.compile(r"[^a-z0-9]+")


def slugify(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = SLUG_GAPS.sub("-", ascii_name.lower()).strip("-")[:SLUG_MAX].strip("-")
    return slug or "article"


def unique_slug(slug: str, taken: set[str]) -> str:
    """A slug no other page has, taken for this page."""
    candidate = unique_key(slug, taken)
    taken.add(candidate)
    return candidate


# How far ahead of the clock a date may lie before it looks like a typo (time zones and
# embargoed articles stay within a day).
FUTURE_TOLERANCE = timedelta(days=1)


def future_dated(entries: Iterable[Entry], now: datetime) -> list[tuple[str, str]]:
    """The (source, published) of entries dated past `now`, for future_warning: they would
    sit at the top of the feed until then.

    `now` is passed in by the caller: the output never depends on the clock, only this message.
    """
    return [(entry.article.source, entry.published.isoformat()) for entry in entries
            if entry.published > now + FUTURE_TOLERANCE]


def future_warning(source: str, published: str) -> str:
    return (f"{source}: dated {published}, in the future; "
            "it stays at the top of the feed until then")
