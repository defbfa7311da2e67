"""The HTML side: the index page, one page per article, and the feed's content HTML."""
from __future__ import annotations

import functools
from collections.abc import Sequence

from markupsafe import Markup

from .config import Config
from .model import Article, Entry


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
    )


# Articles whose content HTML is kept for reuse: a build renders a feed document and then
# the pages of its entries (plan.py), so each article's content is rendered once. Sized
# beyond the largest usual document (archive_size 100, feed_entries 50 plus edited ones);
# a larger one only renders some content twice.
CONTENT_MEMO = 256


@functools.lru_cache(maxsize=CONTENT_MEMO)
def render_content(article: Article) -> str:
    """The article's full text as HTML, every piece of text escaped."""
    return environment().get_template("content.html.j2").render(a=article)


def index_page(number: int) -> str:
    """The path of index page `number`: index.html first, then index-2.html, ..."""
    return "index.html" if number == 1 else f"index-{number}.html"


def index_count(entries: Sequence[Entry], config: Config) -> int:
    """How many index pages list `entries`: at least one, even for none."""
    return max(1, -(-len(entries) // config.index_page_size))


def index_entries(entries: Sequence[Entry], number: int, config: Config) -> Sequence[Entry]:
    """The entries index page `number` lists."""
    size = config.index_page_size
    return entries[(number - 1) * size:number * size]


def render_index(listed: Sequence[Entry], number: int, count: int, config: Config) -> bytes:
    """Index page `number` of `count`, listing `listed` (their articles need no body)."""
    html = environment().get_template("index.html.j2").render(
        entries=listed, config=config, root="", number=number, count=count,
        newer=index_page(number - 1) if number > 1 else None,
        older=index_page(number + 1) if number < count else None)
    return html.encode("utf-8")


def render_article(entry: Entry, config: Config) -> bytes:
    page = environment().get_template("article.html.j2")
    html = page.render(entry=entry, config=config, root="../",
                       content=Markup(render_content(entry.article)))
    return html.encode("utf-8")
