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


def render_index(entries: Sequence[Entry], config: Config) -> bytes:
    page = ENVIRONMENT.get_template("index.html.j2")
    return page.render(entries=entries, config=config, root="").encode("utf-8")


def render_article(entry: Entry, config: Config) -> bytes:
    page = ENVIRONMENT.get_template("article.html.j2")
    html = page.render(entry=entry, config=config, root="../",
                       content=Markup(render_content(entry.article)))
    return html.encode("utf-8")


def render_pages(entries: Sequence[Entry], config: Config) -> dict[str, bytes]:
    """Every HTML file of the site, by its path inside the output directory."""
    pages = {"index.html": render_index(entries, config)}
    for entry in entries:
        pages[entry.page] = render_article(entry, config)
    return pages
