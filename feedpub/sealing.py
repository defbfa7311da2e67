"""Which entries each RFC 5005 archive page holds: a page that fills up is sealed for good.

Cut by date alone, an article dated before entries already archived (a back-dated addition)
would shift every later page by one entry, so every full page would change its bytes and
readers' caches would fetch them all again. So the state file remembers, for each full page,
the keys of the entries it holds (`Sealed`), and a sealed page keeps them: an entry deleted
drops out of its page and an edited one stays in it, but no other entry ever joins it. Every
entry in no sealed page is "open": feed.atom holds the newest `feed_entries` of them, and the
older ones fill the page after the sealed ones until `archive_size` of them are there, when
the oldest `archive_size` are sealed as the next page. Adding articles, whatever their dates,
therefore never changes a sealed page. Only deletions can give one up (kept_pages).

Without a seal (first build, state lost or corrupt, another machine) or with one cut with
other `archive_size` or `feed_entries` settings, every entry is open, which is the cut by
date: feed.atom the newest, then pages oldest first. The seals only ever decide page
membership; ids and feed order never depend on them.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .config import Config
from .model import Entry


@dataclass(frozen=True)
class Sealed:
    """The full archive pages, oldest first, each as its entries' keys in feed order; and
    the settings they were cut with."""

    archive_size: int = 0
    feed_entries: int = 0
    pages: tuple[tuple[str, ...], ...] = ()

    def cut_with(self, config: Config) -> bool:
        """Whether these pages were cut with `config`'s page settings (else they are void)."""
        return (self.archive_size, self.feed_entries) == (config.archive_size,
                                                          config.feed_entries)


@dataclass(frozen=True)
class Layout:
    """Where each entry goes; every list in feed order (newest first, ties by id)."""

    current: list[Entry]              # feed.atom: the newest `feed_entries` open entries
    sealed: list[list[Entry]]         # each sealed page's entries, the oldest page first
    filling: list[Entry]              # the open page after them: fewer than `archive_size`

    @property
    def pages(self) -> list[list[Entry]]:
        """Every archive page, the oldest first; none while nothing is archived."""
        return self.sealed + [self.filling] if self.sealed or self.filling else []

    def seal(self, config: Config) -> Sealed:
        """The seals to keep for the next build."""
        return Sealed(config.archive_size, config.feed_entries,
                      tuple(tuple(key_of(entry) for entry in page) for page in self.sealed))


def key_of(entry: Entry) -> str:
    # Entries made by hand (tests, benchmarks) may carry only an id.
    return entry.key or entry.id


def lay_out(entries: Sequence[Entry], config: Config, sealed: Sealed = Sealed()) -> Layout:
    """Sealed pages keep their entries; open ones go to feed.atom, then fill new pages.

    `entries` in feed order. lay_out(entries, config, layout.seal(config)) is `layout`
    again, so planning from the seals a build keeps gives the pages it published.
    """
    pages = kept_pages(entries, config, sealed)
    page_of = {key: number for number, page in enumerate(pages) for key in page}
    sealed_entries: list[list[Entry]] = [[] for _ in pages]
    open_entries: list[Entry] = []
    for entry in entries:
        number = page_of.get(key_of(entry))
        (open_entries if number is None else sealed_entries[number]).append(entry)
    current, older = open_entries[:config.feed_entries], open_entries[config.feed_entries:]
    oldest_first = older[::-1]
    size = config.archive_size
    full = len(oldest_first) // size
    sealed_entries += [oldest_first[n * size:(n + 1) * size][::-1] for n in range(full)]
    return Layout(current, sealed_entries, oldest_first[full * size:][::-1])


def kept_pages(entries: Sequence[Entry], config: Config, sealed: Sealed) -> list[set[str]]:
    """The keys of the entries each sealed page keeps, the oldest page first."""
    if not sealed.cut_with(config):
        return []
    present = {key_of(entry) for entry in entries}
    pages = [set(page) & present for page in sealed.pages]
    # The newest sealed page is opened again when it is empty (its entries were deleted:
    # no page that stays links to it by anything but its number, which the filling page
    # takes), and when deletions left fewer open entries than feed.atom is to hold: a reader
    # who subscribes then must still find the newest entries there, not in archives.
    while pages and (not pages[-1] or len(present) - sum(map(len, pages)) < config.feed_entries):
        pages.pop()
    return pages
