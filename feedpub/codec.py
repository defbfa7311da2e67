"""Articles as JSON values and back, exactly: for the parse cache and content fingerprints."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from .model import UNLISTED, Article, BodyPart, Image, Kind

KINDS = {kind.value: kind for kind in Kind}
# model.UNLISTED as article_to_json writes it: an article's JSON value as its listing.
UNLISTED_JSON = {name: [] if value == () else value for name, value in UNLISTED.items()}


def article_to_json(article: Article) -> dict:
    """Every field of an Article as JSON values; article_from_json inverts it exactly."""
    return {
        "source": article.source, "title": article.title,
        "published": _date_json(article.published), "updated": _date_json(article.updated),
        "authors": list(article.authors), "categories": list(article.categories),
        "summary": article.summary,
        "body": [[part.kind.value, part.text] for part in article.body],
        "image": [article.image.caption, article.image.credit] if article.image else None,
        "related": list(article.related), "credit": article.credit, "link": article.link,
        "key": article.key, "warnings": list(article.warnings),
    }


def listing_json(data: dict) -> dict:
    """article_to_json's value of an article as the value of its listing (model.UNLISTED)."""
    return {**data, **UNLISTED_JSON}


def article_from_json(data: dict, body: bool = True) -> Article:
    """The Article `data` holds; without `body` its listing (model.UNLISTED: what a build
    keeps in memory, articles.py), the parts left out checked all the same. Raises KeyError,
    TypeError or ValueError."""
    image = data["image"]
    fields = dict(
        source=str(data["source"]), title=str(data["title"]),
        published=_date_value(data["published"]), updated=_date_value(data["updated"]),
        authors=tuple(data["authors"]), categories=tuple(data["categories"]),
        summary=str(data["summary"]),
        body=_body(data["body"]) if body else _checked(data["body"]),
        image=Image(image[0], image[1]) if image else None,
        related=tuple(data["related"]), credit=data["credit"], link=data["link"],
        key=data["key"], warnings=tuple(data["warnings"]),
    )
    return Article(**fields) if body else Article(**{**fields, **UNLISTED})


def _body(parts: list) -> tuple[BodyPart, ...]:
    return tuple(BodyPart(KINDS[kind], str(text)) for kind, text in parts)


def _checked(parts: list) -> tuple[()]:
    for kind, _ in parts:
        KINDS[kind]  # noqa: B018 (raises KeyError for a kind that does not exist)
    return ()


def _date_json(value: datetime | None) -> list | None:
    if value is None:
        return None
    # Keep a named zone by name, so the cached date is the very same value, not just the instant.
    return [value.isoformat(), getattr(value.tzinfo, "key", None)]


def _date_value(data: list | None) -> datetime | None:
    if data is None:
        return None
    value = datetime.fromisoformat(data[0])
    if value.tzinfo is None:
        raise ValueError("cached date without a time zone")
    return value.astimezone(ZoneInfo(data[1])) if data[1] else value
