"""The article's header: the byline and publication date printed around its headline."""
from __future__ import annotations

from datetime import datetime, tzinfo

from . import patterns as p
from .dates import find_dates, to_aware
from .model import Block, Kind
from .names import byline_names, is_name_line, name_before_date, names_in, names_in_dated_line

Classified = tuple[tuple[Block, Kind], ...]


def header_blocks(items: Classified, title_at: int | None, start: int) -> Classified:
    """The blocks around the headline where bylines and dates sit, nearest first."""
    if title_at is None:
        return items[max(0, start - p.HEADER_BEFORE):start + p.HEADER_AFTER]
    after = _non_chrome(items[title_at + 1:], p.HEADER_AFTER)
    before = _non_chrome(items[max(0, title_at - p.HEADER_BEFORE):title_at][::-1],
                         p.HEADER_BEFORE)
    return after + before


def _non_chrome(items: Classified, count: int) -> Classified:
    kept = [item for item in items[:count * 3] if item[1] is not Kind.CHROME]
    return tuple(kept[:count])


def header_authors(items: Classified, title_at: int | None, start: int) -> list[str]:
    """The byline's names; failing that, a bare name line right under the headline."""
    header = header_blocks(items, title_at, start)
    after = header[:p.HEADER_AFTER]
    names = [name for block, kind in after for name in block_byline(after, block, kind)]
    if not names and title_at is not None:
        names = bare_name(after[:p.NAME_LINE_REACH])
    return list(dict.fromkeys(names))


def block_byline(after: Classified, block: Block, kind: Kind) -> list[str]:
    """Names that one header block gives as a byline."""
    if kind is Kind.BYLINE:
        return byline_names(block.text)
    if kind is Kind.DATE:
        return names_in_dated_line(block.text)
    if p.BYLINE_WORD.match(block.text):
        following = [b for b, _ in after if b.line > block.line][:1]
        return names_in(following[0].text) if following else []
    return []


def bare_name(after: Classified) -> list[str]:
    """The first line under the headline that is only a name (or a wire credit)."""
    for block, kind in after:
        text = block.text.strip()
        if text.casefold() in p.WIRE_SERVICES or is_name_line(text):
            return [text]
        dated = name_before_date(text) if kind is Kind.TEXT else []
        if dated:
            return dated
    return []


def header_date(items: Classified, title_at: int | None, start: int,
                zone: tzinfo) -> datetime | None:
    """The publication date: the first date printed in the header before any "Updated";
    failing that, the update date the header shows."""
    updated = None
    for block, kind in header_blocks(items, title_at, start):
        if kind not in (Kind.DATE, Kind.BYLINE, Kind.TEXT):
            continue
        published, changed = line_dates(block.text, zone)
        if published is not None:
            return published
        updated = updated or changed
    return updated


def line_dates(text: str, zone: tzinfo) -> tuple[datetime | None, datetime | None]:
    """The publication date a line gives, and the update date it gives, each or None.
    A line is read up to a word that makes its dates something else ("© 2021")."""
    if len(text.split()) > p.DATED_LINE_MAX_WORDS:
        return None, None
    other = p.NOT_PUBLICATION_DATE.search(text)
    text = text[:other.start()] if other else text
    marker = p.UPDATED_DATE.search(text)
    before = find_dates(text[:marker.start()] if marker else text)
    after = find_dates(text[marker.end():]) if marker else ()
    return (to_aware(before[0], zone) if before else None,
            to_aware(after[0], zone) if after else None)


def hinted_date(items: Classified, end: int, zone: tzinfo) -> datetime | None:
    """With no date in the header, the first date line above the body's end that says it is
    the publication date ("Published: 3 Jan 2019", "Posted on March 10, 2015")."""
    for block, kind in items[:end + 1]:
        if kind in (Kind.DATE, Kind.TEXT) and p.PUBLISHED_HINT.search(block.text):
            published, _ = line_dates(block.text, zone)
            if published is not None:
                return published
    return None
