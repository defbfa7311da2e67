"""render_feed: entries to Atom 1.0 bytes with feedgen, deterministic to the byte."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timezone

from feedgen.ext.base import BaseExtension
from feedgen.feed import FeedGenerator
from lxml import etree

from . import __version__
from .archive import FEED_PATH
from .config import Config
from .model import Entry
from .pages import render_content

HISTORY_NS = "http://purl.org/syndication/history/1.0"
# The feed's `updated` when it has no entries: a fixed instant, never the clock.
EMPTY_FEED_UPDATED = datetime(1970, 1, 1, tzinfo=timezone.utc)


def feed_id(config: Config) -> str:
    return f"tag:{config.id_authority},{config.id_year}:feed"


class HistoryExtension(BaseExtension):
    """RFC 5005 `<fh:archive/>`: marks an archive document, whose entries stay as they are."""

    def extend_ns(self) -> dict[str, str]:
        return {"fh": HISTORY_NS}

    def extend_atom(self, feed: etree._Element) -> etree._Element:
        etree.SubElement(feed, f"{{{HISTORY_NS}}}archive")
        return feed


def render_feed(entries: Sequence[Entry], config: Config, *, path: str = FEED_PATH,
                links: Sequence[tuple[str, str]] = (), archive: bool = False,
                updated: datetime | None = None) -> bytes:
    """One feed document for `entries`, which must already be in feed order.

    `links` are extra (rel, path) links such as RFC 5005's prev-archive; `archive` marks an
    archive document; `updated` defaults to the newest entry's, never to the clock.
    """
    fg = FeedGenerator()
    fg.id(feed_id(config))  # archives are documents of the same logical feed (RFC 5005 §4)
    fg.title(config.title)
    fg.subtitle(config.subtitle)
    fg.author({"name": config.author})
    fg.link(href=config.absolute(path), rel="self", type="application/atom+xml")
    fg.link(href=config.absolute("index.html"), rel="alternate", type="text/html")
    for rel, target in links:
        fg.link(href=config.absolute(target), rel=rel, type="application/atom+xml")
    if archive:
        fg.register_extension("fh", HistoryExtension, None, rss=False)
    fg.language(config.language)
    # feedgen would stamp its own version; name ours so upgrading feedgen changes no byte.
    fg.generator("feedpub", version=__version__)
    fg.updated(updated or max((e.updated for e in entries), default=EMPTY_FEED_UPDATED))
    for entry in entries:
        add_entry(fg, entry, config)
    return fg.atom_str(pretty=True, encoding="UTF-8", xml_declaration=True)


def add_entry(fg: FeedGenerator, entry: Entry, config: Config) -> None:
    article = entry.article
    fe = fg.add_entry(order="append")  # feedgen prepends by default
    fe.id(entry.id)
    fe.title(article.title)
    fe.published(entry.published)
    fe.updated(entry.updated)
    # Exactly one link per entry: feedgen 1.0.0 drops `rel` from every entry link.
    fe.link(href=entry.link or config.absolute(entry.page), rel="alternate")
    for name in article.authors:
        fe.author({"name": name})
    for term in article.categories:
        fe.category(term=term, label=term)
    if article.summary:
        fe.summary(article.summary)
    fe.content(render_content(article), type="html")
