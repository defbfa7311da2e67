"""Classified blocks and front matter to an Article: where the story is, and its parts."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, tzinfo

from . import patterns as p
from .classify import is_prose
from .dates import Reading, parse_date_value
from .header import (author_box, author_card_date, dated_byline, footer_authors, footer_date,
                     header_authors, header_date, headline_places, hinted_date, is_english)
from .headline import find_title
from .errors import InputError
from .model import (CREDIT, HEADING, LIST_ITEM, RELATED, SIGNOFF, TEXT, Article, Block,
                    BodyPart, Image, Kind)
from .region import NEUTRAL_KINDS, body_region, without_doubled_text

Classified = tuple[tuple[Block, Kind], ...]


@dataclass
class Parts:
    """What the walk over the article's blocks collects (private, mutable while assembling)."""

    body: list[BodyPart] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    dates: list[datetime] = field(default_factory=list)
    caption: str | None = None
    credit_line: str | None = None
    image_credit: str | None = None


def assemble_article(items: Classified, front: dict[str, str], source: str,
                     zone: tzinfo) -> Article:
    """Build the Article from classified blocks; front matter values win over detected ones."""
    start, end = body_region(items)
    title_at = find_title(items, start, end)
    parts = Parts()
    head_from = title_at + 1 if title_at is not None else start
    body_from = body_start(items, start, title_at)
    collect(items[head_from:start], parts, in_body=False)
    collect(without_doubled_text(items[body_from:end + 1]), parts, in_body=True)
    collect(tail(items, end), parts, in_body=False)
    places = headline_places(items, title_at)
    parts.authors = (header_authors(items, places, start) or footer_authors(items, end)
                     or author_box(items, places) or dated_byline(items, end))
    # Dates of numbers are read the way the page's language writes them.
    reading = Reading(zone, dayfirst=not is_english(items, start))
    published = (header_date(items, places, start, reading)
                 or hinted_date(items, end, reading) or footer_date(items, end, reading)
                 or author_card_date(items, end, reading))
    parts.dates = [published] if published else []
    title = items[title_at][0].text if title_at is not None else front.get("title", "")
    article = Article(
        source=source,
        title=title,
        published=parts.dates[0] if parts.dates else None,
        authors=tuple(dict.fromkeys(parts.authors)),
        categories=section_of(items, title_at),
        body=tuple(parts.body),
        image=Image(parts.caption, parts.image_credit) if parts.image_credit else None,
        related=tuple(parts.related),
        credit=parts.credit_line,
    )
    article = with_lede(article)
    return apply_front_matter(article, front, zone)




def body_start(items: Classified, start: int, title_at: int | None) -> int:
    """Where the body starts: after the headline, where the body region took the headline in
    (a long headline reads like prose), unless the headline found is an item of the body's
    list: a page of notes without a headline has its first note chosen, and that note is
    better kept in the body too."""
    if title_at is None or title_at < start or items[title_at][1] is LIST_ITEM:
        return start
    return title_at + 1


def section_of(items: Classified, title_at: int | None) -> tuple[str, ...]:
    """The section name or kicker printed just above the headline ("Conflicts"), if any."""
    if not title_at:
        return ()
    block, kind = items[title_at - 1]
    text = block.text
    if kind is TEXT and block.words <= p.SECTION_MAX_WORDS and text[-1:].isalnum():
        return (text,)
    return ()


def tail(items: Classified, end: int) -> Classified:
    """The few blocks after the body that may still hold its sign-off or related links."""
    window = items[end + 1:end + 1 + p.TAIL_WINDOW]
    kept = []
    for block, kind in window:
        if kind not in NEUTRAL_KINDS:
            break
        kept.append((block, kind))
    return tuple(kept)


def collect(items: Classified, parts: Parts, *, in_body: bool) -> None:
    """Sort each block into the article part it belongs to."""
    for index, (block, kind) in enumerate(items):
        text = block.text
        following = items[index + 1][1] if index + 1 < len(items) else None
        if kind is CREDIT:
            parts.image_credit = parts.image_credit or p.IMAGE_CREDIT.match(text)["credit"]
        elif kind is RELATED:
            parts.related.append(p.RELATED.match(text)["related"].strip())
        elif kind is SIGNOFF:
            parts.credit_line = text
        elif in_body and kind in (TEXT, LIST_ITEM):
            add_body_text(parts, block, kind, following)


def add_body_text(parts: Parts, block: Block, kind: Kind, following: Kind | None) -> None:
    text, words = block.text, block.words
    if following is CREDIT and words <= p.CAPTION_MAX_WORDS:
        parts.caption = parts.caption or text
    elif kind is TEXT and (":" in text or "：" in text) \
            and (credited := p.CAPTION_CREDIT.search(text)) \
            and words <= p.CAPTION_MAX_WORDS:
        if parts.image_credit is None:
            parts.caption = text[:credited.start()].strip()
            parts.image_credit = credited["credit"].strip()
    elif kind is LIST_ITEM:
        parts.body.append(BodyPart(LIST_ITEM, text))
    elif is_prose(text, words):
        parts.body.append(BodyPart(TEXT, text))
    else:
        parts.body.append(BodyPart(HEADING, text))


def with_lede(article: Article) -> Article:
    """Move the body's first paragraph into the summary: it is the lede."""
    for index, part in enumerate(article.body):
        if part.kind is TEXT:
            body = article.body[:index] + article.body[index + 1:]
            return replace(article, summary=part.text, body=body)
    return article


def apply_front_matter(article: Article, front: dict[str, str], zone: tzinfo) -> Article:
    """Values given in the front matter replace what the parser detected."""
    changes: dict[str, object] = {}
    if front.get("title"):
        changes["title"] = front["title"]
    for key in ("date", "updated"):
        if front.get(key):
            value = parse_date_value(front[key], zone)
            if value is None:
                raise InputError(article.source, f"front matter {key} {front[key]!r} is not a date")
            changes["published" if key == "date" else "updated"] = value
    if front.get("url"):
        changes["link"] = front["url"]
    if front.get("author"):
        names = (n.strip() for n in p.NAME_JOINERS.split(front["author"]))
        changes["authors"] = tuple(n for n in names if n)
    if front.get("category"):
        changes["categories"] = (front["category"],)
    if front.get("id"):
        changes["key"] = front["id"]
    if front.get("summary"):
        changes["summary"] = front["summary"]
        # The lede the parser took as summary goes back to the body, ahead of the rest.
        lede = tuple(BodyPart(TEXT, t) for t in article.paragraphs[:1])
        changes["body"] = lede + article.body
    return replace(article, **changes) if changes else article  # (most have no front matter)
