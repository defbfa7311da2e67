"""The `feedpub parse --json` format: one flat JSON object per article (other tools read it)."""
from __future__ import annotations

from dataclasses import asdict

from .model import Article
from .pages import render_content


def article_json(article: Article) -> dict[str, object]:
    """The article's fields under the names scripts rely on; dates as ISO 8601 or null."""
    return {
        "source": article.source,
        "title": article.title,
        "published": article.published.isoformat() if article.published else None,
        "updated": article.updated.isoformat() if article.updated else None,
        "authors": list(article.authors),
        "summary": article.summary,
        "content_text": article.content_text,
        "content_html": render_content(article),
        "categories": list(article.categories),
        "image": asdict(article.image) if article.image else None,
        "related": list(article.related),
        "credit": article.credit,
        "link": article.link,
    }

