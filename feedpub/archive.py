"""Feed documents: the subscription feed plus RFC 5005 archives, within a byte budget.

feed.atom holds the newest `feed_entries` entries that no sealed archive holds; the archives
archive/1.atom (the oldest), archive/2.atom, ... hold the rest, as sealing.py lays them out:
a page that fills up is sealed and keeps its entries, so a full archive's bytes change only
when one of its own entries is edited or deleted (or deletions give the page up), never
because an article is added, however old its date: a back-dated one joins the newest
archive, the only one still filling (it may be empty). A page gets its `next-archive` link
in the same build that fills it. Without the seals in the state file, pages are cut by date.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .config import Config
from .model import Entry
from .sealing import Sealed, lay_out

FEED_PATH = "feed.atom"
ARCHIVE_DIR = "archive"


@dataclass(frozen=True)
class FeedDocument:
    """One Atom document to render: where it goes, its entries, its RFC 5005 links."""

    path: str
    entries: tuple[Entry, ...]
    links: tuple[tuple[str, str], ...] = ()
    archive: bool = False


def archive_path(number: int) -> str:
    return f"{ARCHIVE_DIR}/{number}.atom"


def plan_documents(entries: Sequence[Entry], config: Config,
                   sealed: Sealed = Sealed()) -> list[FeedDocument]:
    """The subscription document first, then every archive; `entries` in feed order,
    `sealed` the pages sealed so far (sealing.py)."""
    layout = lay_out(entries, config, sealed)
    pages = layout.pages
    archives = [archive_document(number, page, len(pages))
                for number, page in enumerate(pages, start=1)]
    # RFC 5005 §4: clients need not fetch archives again, so an archived entry edited since
    # the subscription window began is carried in the subscription document as well.
    current = layout.current
    start = current[-1].published if current else None
    edited = [e for page in pages for e in page if start is not None and e.updated > start]
    ordered = sorted(current + edited, key=lambda e: (-e.published.timestamp(), e.id))
    links = (("prev-archive", archive_path(len(pages))),) if pages else ()
    return [FeedDocument(FEED_PATH, tuple(ordered), links)] + archives


def archive_document(number: int, entries: list[Entry], pages: int) -> FeedDocument:
    """Archive `number` (1 is the oldest) of `pages`: its entries, newest first, and its
    neighbours."""
    links = [("current", FEED_PATH)]
    if number > 1:
        links.append(("prev-archive", archive_path(number - 1)))
    if number < pages:
        links.append(("next-archive", archive_path(number + 1)))
    return FeedDocument(archive_path(number), tuple(entries), tuple(links), True)


def render_document(doc: FeedDocument, config: Config) -> bytes:
    # Imported on first use: feedgen and lxml take a third of a no-op build's start-up, and
    # a build in which no feed document changed renders none.
    from .feed import render_feed

    return render_feed(doc.entries, config, path=doc.path, links=doc.links, archive=doc.archive)


def archived_ids(documents: Sequence[FeedDocument]) -> set[str]:
    """The ids of every entry in an archive document (plan_documents puts feed.atom first)."""
    return {entry.id for doc in documents[1:] for entry in doc.entries}


def render_document_within_budget(doc: FeedDocument, archived: set[str],
                                  config: Config) -> tuple[bytes, list[str]]:
    """One document's bytes, feed.atom cut to feed_max_bytes; and what to warn about it."""
    if not doc.archive:
        return fit_budget(doc, archived, config)
    data = render_document(doc, config)
    # An archive must hold all its entries, so an oversized one is only reported.
    if len(data) <= config.feed_max_bytes:
        return data, []
    return data, [f"{doc.path}: {len(data)} bytes, over feed_max_bytes "
                  f"({config.feed_max_bytes}); lower archive_size"]


def fit_budget(doc: FeedDocument, archived: set[str],
               config: Config) -> tuple[bytes, list[str]]:
    """The document with as many entries as fit in `feed_max_bytes`, the newest kept.

    Entries that are in an archive anyway (edited ones) go first, then the oldest.
    """
    data = render_document(doc, config)
    if len(data) <= config.feed_max_bytes:
        return data, []
    if len(doc.entries) <= 1:  # nothing to shed, but readers may refuse it: say so
        return data, [f"{doc.path}: its one entry makes {len(data)} bytes, over feed_max_bytes "
                      f"({config.feed_max_bytes}); readers may refuse the feed"]
    priority = [e for e in doc.entries if e.id not in archived] + \
        [e for e in doc.entries if e.id in archived]
    fits, too_many = 1, len(priority)  # binary search: the most entries that fit
    while too_many - fits > 1:
        middle = (fits + too_many) // 2
        if len(render_document(keep(doc, priority[:middle]), config)) <= config.feed_max_bytes:
            fits = middle
        else:
            too_many = middle
    lost = sum(e.id not in archived for e in priority[fits:])
    where = (f"{lost} of those left out are in no feed document (lower feed_entries)" if lost
             else "those left out are edited entries that stay in their archives")
    return render_document(keep(doc, priority[:fits]), config), [
        f"{doc.path}: {len(doc.entries)} entries make {len(data)} bytes, over feed_max_bytes "
        f"({config.feed_max_bytes}); it carries {fits}, the newest; {where}"]


def keep(doc: FeedDocument, entries: Sequence[Entry]) -> FeedDocument:
    """`doc` with only `entries`, still in the document's order."""
    kept = {entry.id for entry in entries}
    return FeedDocument(doc.path, tuple(e for e in doc.entries if e.id in kept), doc.links)
