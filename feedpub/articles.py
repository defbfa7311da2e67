"""Full articles kept out of memory: a build holds only summaries, bodies come back on demand.

A build of many articles needs every article's title, dates and lede at once (ids, order,
index pages), but each article's full text only while its page or a feed document that
carries it is rendered. So the full text stays in the parse cache, which already holds it,
and is read back one article at a time; only articles the cache could not keep (--no-cache,
an unwritable cache directory) are held here in memory.
"""
from __future__ import annotations

import dataclasses
from collections import OrderedDict

from .cache import ParseCache
from .errors import PublishError
from .model import UNLISTED, Article, Entry

# Articles read back most recently, kept for reuse: a feed document and then the pages of its
# entries are rendered one after the other (plan.py), so one read serves both. A few hundred
# articles are a few megabytes, whatever the size of the site.
RECENT_ARTICLES = 256


def listing(article: Article) -> Article:
    """What a build keeps in memory of an article (model.UNLISTED)."""
    return dataclasses.replace(article, **UNLISTED)


class Articles:
    """Every loaded article's full text, by source, from the parse cache or from memory."""

    def __init__(self, cache: ParseCache | None) -> None:
        self.cache = cache
        self.held: dict[str, Article] = {}
        self.recent: OrderedDict[str, Article] = OrderedDict()

    def keep(self, article: Article, cached: bool) -> Article:
        """Remember where `article` is (in the cache if `cached`), return its listing."""
        if not cached:
            self.held[article.source] = article
        return listing(article)

    def full(self, source: str) -> Article:
        """The full article read from `source`."""
        if source in self.held:
            return self.held[source]
        if source in self.recent:
            self.recent.move_to_end(source)
            return self.recent[source]
        article = self.cache.article(source) if self.cache else None
        if article is None:  # the cache directory was changed under the build
            raise PublishError(f"{source}: its parse cache entry vanished during the build")
        self.recent[source] = article
        if len(self.recent) > RECENT_ARTICLES:
            self.recent.popitem(last=False)
        return article

    def entry(self, entry: Entry) -> Entry:
        """`entry` with its full article."""
        return dataclasses.replace(entry, article=self.full(entry.article.source))
