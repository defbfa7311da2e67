"""The HTML side: the index page, one page per article, and the feed's content HTML."""
from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup

from .config import Config
from .model import LIST_ITEM, Article, BodyPart, Entry


@functools.cache
def environment():  # -> jinja2.Environment
    """The templates' environment, made on first use: a no-op build renders no page, so it
    never imports jinja2."""
    import jinja2

    return jinja2.Environment(
        loader=jinja2.PackageLoader("feedpub", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        # The templates are part of feedpub and do not change while it runs: no stat of
        # each template file every time a page or an article's content is rendered.
        auto_reload=False,
    )


# Articles whose content HTML is kept for reuse: a build renders a feed document and then
# the pages of its entries (plan.py), so each article's content is rendered once. Sized
# beyond the largest usual document (archive_size 100, feed_entries 50 plus edited ones);
# a larger one only renders some content twice.
CONTENT_MEMO = 256


@functools.lru_cache(maxsize=CONTENT_MEMO)
def render_content(article: Article) -> str:
    """The article's full text as HTML, every piece of text escaped."""
    return environment().get_template("content.html.j2").render(
        a=article, parts=body_parts(article.body))


def body_parts(body: Sequence[BodyPart]) -> list[tuple[str, str, bool, bool]]:
    """Each part of a body as (kind, text, whether it opens a list, whether it closes one),
    as the content template reads them: looked up here, where an attribute costs a tenth of
    one in a template, for every part of every article of a full build."""
    kinds = [part.kind for part in body]
    last = len(kinds) - 1
    return [(kind.value, part.text,
             kind is LIST_ITEM and (index == 0 or kinds[index - 1] is not LIST_ITEM),
             kind is LIST_ITEM and (index == last or kinds[index + 1] is not LIST_ITEM))
            for index, (kind, part) in enumerate(zip(kinds, body))]


@dataclass(frozen=True)
class IndexPage:
    """One index page: its path, the entries it lists (newest first) and its neighbours."""

    path: str
    listed: Sequence[Entry]
    newer: str | None = None
    older: str | None = None


def index_pages(entries: Sequence[Entry], config: Config) -> list[IndexPage]:
    """index.html, then the older pages from the newest to the oldest; `entries` newest first.

    Older pages are cut from the oldest entry up, index_page_size entries each, and numbered
    that way (index-1.html holds the oldest): a new article then changes index.html alone,
    never shifts every page's slice by one, so a site that grows by an article a day keeps
    its older pages' bytes (and their ETags and caches). index.html lists the rest, from
    index_page_size up to twice that less one; when it would hold twice as many, its oldest
    index_page_size become the next numbered page. An article dated among older ones (or
    one removed) still moves every page after it by one.
    """
    size = config.index_page_size
    numbered = max(0, len(entries) // size - 1)
    top = len(entries) - numbered * size
    pages = [IndexPage("index.html", entries[:top], None, older_page(numbered))]
    for number in range(numbered, 0, -1):
        start = len(entries) - number * size
        newer = "index.html" if number == numbered else older_page(number + 1)
        pages.append(IndexPage(older_page(number), entries[start:start + size], newer,
                               older_page(number - 1)))
    return pages


def older_page(number: int) -> str | None:
    """The path of numbered index page `number` (1: the oldest articles), None for 0."""
    return f"index-{number}.html" if number else None


def render_index(page: IndexPage, config: Config) -> bytes:
    """An index page (its entries' articles need no body)."""
    html = environment().get_template("index.html.j2").render(
        entries=page.listed, config=config, root="", newer=page.newer, older=page.older)
    return html.encode("utf-8")


def render_article(entry: Entry, config: Config) -> bytes:
    page = environment().get_template("article.html.j2")
    html = page.render(entry=entry, config=config, root="../",
                       content=Markup(render_content(entry.article)))
    return html.encode("utf-8")
