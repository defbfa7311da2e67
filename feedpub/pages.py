"""The HTML side: the index page, one page per article, and the feed's content HTML."""
from __future__ import annotations

from collections.abc import Sequence

import jinja2
from markupsafe import Markup

from .config import Config
from .model import Article, Entry

ENVIRONMENT = jinja2.Environment(
    loader=jinja2.PackageLoader("feedpub", "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    keep_trailing_newline=True,
)


def render_content(article: Article) -> str:
    """The article's full text as HTML, every piece of text escaped."""
    return ENVIRONMENT.get_template("content.html.j2").render(a=article)


def index_page(number: int) -> str:
    """The path of index page `number`: index.html first, then index-2.html, ..."""
    return "index.html" if number == 1 else f"index-{number}.html"


def render_indexes(entries: Sequence[Entry], config: Config) -> dict[str, bytes]:
    """The list of all articles, newest first, `index_page_size` to a page."""
    size = config.index_page_size
    count = max(1, -(-len(entries) // size))
    template = ENVIRONMENT.get_template("index.html.j2")
    pages = {}
    for number in range(1, count + 1):
        html = template.render(
            entries=entries[(number - 1) * size:number * size], config=config, root="",
            number=number, count=count,
            newer=index_page(number - 1) if number > 1 else None,
            older=index_page(number + 1) if number < count else None)
        pages[index_page(number)] = html.encode("utf-8")
    return pages


def render_article(entry: Entry, config: Config) -> bytes:
    page = ENVIRONMENT.get_template("article.html.j2")
    html = page.render(entry=entry, config=config, root="../",
                       content=Markup(render_content(entry.article)))
    return html.encode("utf-8")


def render_pages(entries: Sequence[Entry], config: Config) -> dict[str, bytes]:
    """Every HTML file of the site, by its path inside the output directory."""
    pages = render_indexes(entries, config)
    for entry in entries:
        pages[entry.page] = render_article(entry, config)
    return pages
