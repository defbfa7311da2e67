"""The article's header: the byline and publication date printed around its headline."""
from __future__ import annotations

from datetime import datetime

from . import patterns as p
from .dates import Reading, find_dates, find_short_dates, to_aware
from .model import BYLINE, CHROME, DATE, LIST_ITEM, TEXT, Block, Kind
from .names import (byline_names, is_name_line, name_before_date, names_in, names_in_dated_line,
                    without_image_name)
from .words import more_words_than

Classified = tuple[tuple[Block, Kind], ...]


def header_blocks(items: Classified, title_at: int | None, start: int) -> Classified:
    """The blocks around the headline where bylines and dates sit, nearest first."""
    if title_at is None:
        return items[max(0, start - p.HEADER_BEFORE):start + p.HEADER_AFTER]
    after = _non_chrome(items[title_at + 1:], p.HEADER_AFTER)
    before = _non_chrome(items[max(0, title_at - p.HEADER_BEFORE):title_at][::-1],
                         p.HEADER_BEFORE)
    return after + before


# Blocks looked at for each one wanted when chrome is passed over: chrome between the header's
# blocks is a few buttons, not a page of them.
SCAN_PER_KEPT = 3


def _non_chrome(items: Classified, count: int) -> Classified:
    kept = [item for item in items[:count * SCAN_PER_KEPT] if item[1] is not CHROME]
    return tuple(kept[:count])


def _non_chrome_above(items: Classified, end: int, count: int) -> Classified:
    """The `count` blocks that are not chrome right above block `end`, the nearest first."""
    return _non_chrome(items[max(0, end - count * SCAN_PER_KEPT):end][::-1], count)


def headline_places(items: Classified, title_at: int | None) -> list[int | None]:
    """The headline's index, then those of the same line printed elsewhere on the page (a
    page may show its headline twice, its byline under only one of them)."""
    if title_at is None:
        return [None]
    key = items[title_at][0].text.casefold()
    # Case folding never shortens a character and makes at most three of one ("ß" -> "ss"),
    # so only lines of a third of the key's length up to its length can fold to it; the
    # others are not folded (a page of 60,000 blocks is searched three times).
    shortest, longest = len(key) // 3, len(key)
    twins = [i for i, (block, _) in enumerate(items)
             if shortest <= len(block.text) <= longest and i != title_at
             and block.text.casefold() == key]
    return [title_at, *twins[:p.HEADLINE_TWINS]]


def header_authors(items: Classified, places: list[int | None], start: int) -> list[str]:
    """The byline's names under the headline (or under the same line shown again).
    `places`: headline_places, worked out once for the header's three searches."""
    for at in places:
        names = authors_under(items, at, start)
        if names:
            return names
    return []


def author_box(items: Classified, places: list[int | None]) -> list[str]:
    """The name in an author box over the headline (or over the same line shown again)."""
    for at in places:
        names = name_over_time(items, at) if at is not None else []
        if names:
            return names
    return []


def name_over_time(items: Classified, title_at: int) -> list[str]:
    """A name line above the headline with when it was posted right under it ("Pippin Lee" /
    "on Mar 17 · 11 min read"): the author box some pages put over the story."""
    above = _non_chrome_above(items, title_at, p.AUTHOR_BOX_REACH)[::-1]
    for index, (block, _) in enumerate(above):
        name = single_name(p.BRACKETED.sub(" ", block.text).strip())
        if name and any(is_posted_time(under) for under, _ in time_lines(above[index + 1:])):
            return [name]
    return []


def time_lines(blocks: Classified) -> Classified:
    """The line under an author box's name that may say when it was posted: the next one, or
    the one after a section label between them ("Tom Bennett" / "Business" / "Nov 7, 2023")."""
    if len(blocks) > 1 and blocks[0][0].words <= p.SECTION_MAX_WORDS \
            and not blocks[0][0].dates:
        return blocks[:2]
    return blocks[:1]


def is_posted_time(block: Block) -> bool:
    return bool(block.dates or p.RELATIVE_TIME.search(block.text))


def single_name(text: str) -> str | None:
    """The name a line shows, also when it shows it twice ("Ann Lee Ann Lee")."""
    text = without_image_name(text)
    words = text.split()
    half = len(words) // 2
    if len(words) % 2 == 0 and words[:half] == words[half:]:
        text = " ".join(words[:half])
    return text if is_name_line(text) else None


def authors_under(items: Classified, title_at: int | None, start: int) -> list[str]:
    """The byline's names; failing that, a bare name line right under the headline."""
    after = header_blocks(items, title_at, start)[:p.HEADER_AFTER]
    names = [name for block, kind in after for name in block_byline(after, block, kind)]
    if not names and title_at is not None:
        names = bare_name(after[:p.NAME_LINE_REACH])
    return list(dict.fromkeys(names))


def block_byline(after: Classified, block: Block, kind: Kind) -> list[str]:
    """Names that one header block gives as a byline."""
    cjk = p.CJK_BYLINE.search(block.text)
    if cjk:
        return [cjk["names"]]
    if kind is BYLINE:
        return byline_names(block.text)
    if kind is DATE:
        return names_in_dated_line(block.text)
    if kind is TEXT and (p.BYLINE.match(block.text) or block.dates):
        # A long byline that goes on about its author ("By Alex Heath, a deputy editor and
        # ..."), or a long date line with "Par ..." in it: only names written as names
        # count, as prose may have "by" in it too.
        return [name for name in byline_names(block.text) if is_name_line(name)]
    if p.BYLINE_WORD.match(block.text):
        following = [b for b, _ in after if b.line > block.line][:1]
        return names_in(following[0].text) if following else []
    return []


def bare_name(after: Classified) -> list[str]:
    """The first line under the headline that is only a name (or a wire credit); a bulleted
    name counts only standing alone, not inside a list."""
    for index, (block, kind) in enumerate(after):
        text = block.text.strip()
        if kind is LIST_ITEM and in_list(after, index):
            continue
        if text.casefold() in p.WIRE_SERVICES:
            return [text]
        name = single_name(text)
        if name:
            return [name]
        dated = name_before_date(text) if kind is TEXT else []
        if dated:
            return dated
    return []


def in_list(blocks: Classified, index: int) -> bool:
    neighbours = blocks[max(0, index - 1):index] + blocks[index + 1:index + 2]
    return any(kind is LIST_ITEM for _, kind in neighbours)


def header_date(items: Classified, places: list[int | None], start: int,
                reading: Reading) -> datetime | None:
    """The publication date under the headline (or under the same line shown again)."""
    for at in places:
        found = date_near(items, at, start, reading)
        if found is not None:
            return found
    title_at = places[0]
    return (short_date_near(items, title_at, start, reading)
            or date_over_body(items, start, reading))


def date_over_body(items: Classified, start: int, reading: Reading) -> datetime | None:
    """A date line right over the body's first paragraph, where some pages put the byline
    box ("Mama Robotnik" / "9/11/13 10:00AM") apart from the headline."""
    over = _non_chrome_above(items, start, p.BYLINE_BOX_REACH)
    for block, kind in over:
        if kind in (DATE, BYLINE, TEXT):
            published, _ = line_dates(block.text, reading)
            short = find_short_dates(block.text, month_first=not reading.dayfirst)
            if published is not None or short:
                return published or to_aware(short[0], reading.zone)
    return None


def short_date_near(items: Classified, title_at: int | None, start: int,
                    reading: Reading) -> datetime | None:
    """A date with a two-digit year under the headline ("11.03.17 in Gadgetry"), read the
    way the page's language writes dates."""
    for block, kind in header_blocks(items, title_at, start)[:p.HEADER_AFTER]:
        if kind is TEXT and not more_words_than(block.text, p.DATED_LINE_MAX_WORDS):
            found = find_short_dates(block.text, month_first=not reading.dayfirst)
            if found:
                return to_aware(found[0], reading.zone)
    return None


def is_english(items: Classified, start: int) -> bool:
    """Whether the body's first words are English, by its commonest little words."""
    words = " ".join(block.text for block, _ in items[start:start + p.LANGUAGE_SAMPLE_BLOCKS])
    sample = words.casefold().split(None, p.LANGUAGE_SAMPLE_WORDS)[:p.LANGUAGE_SAMPLE_WORDS]
    # A list, not a generator, over up to LANGUAGE_SAMPLE_WORDS words: its steps cost half.
    hits = len([word for word in sample if word in p.ENGLISH_FUNCTION_WORDS])
    return bool(sample) and hits >= p.ENGLISH_SHARE * len(sample)


def date_near(items: Classified, title_at: int | None, start: int,
              reading: Reading) -> datetime | None:
    """The first date printed around the headline before any "Updated"; failing that, the
    update date shown there."""
    updated = None
    for block, kind in header_blocks(items, title_at, start):
        if kind not in (DATE, BYLINE, TEXT):
            continue
        published, changed = line_dates(block.text, reading)
        if published is not None:
            return published
        if updated is None and changed is not None and not is_served_day(items, block, changed):
            updated = changed
    return updated


def is_served_day(items: Classified, stamped: Block, day: datetime) -> bool:
    """Whether an update date is the day the page was served rather than a day the article
    changed: a site that stamps every page "Last Updated: <today>" prints the same day in
    its other boxes too ("Today in History: 7 January, 2025", the newest teaser's date),
    short lines; the article's own prose and captions may well name the day it is about."""
    served = day.date()
    return any(found.value.date() == served
               for block, _ in items
               if block.words <= p.DATED_LINE_MAX_WORDS and block is not stamped
               for found in block.dates)


def line_dates(text: str, reading: Reading) -> tuple[datetime | None, datetime | None]:
    """The publication date a line gives, and the update date it gives, each or None. The
    cells of a table row laid out side by side ("Expires: 18 June 2015      15 December
    2014") are read one by one."""
    published = updated = None
    labelled = False
    for cell in p.TABLE_CELL_GAP.split(text):
        found, changed = cell_dates(cell, reading)
        if not labelled:
            published, updated = published or found, updated or changed
        # A label cell with no date of its own ("Founded") speaks for the next cell.
        labelled = bool(p.NOT_PUBLICATION_DATE.search(cell)) and not find_dates(cell)
    return published, updated


def cell_dates(text: str, reading: Reading) -> tuple[datetime | None, datetime | None]:
    """The publication and update dates of one line or cell, read up to a word that makes
    its dates something else ("© 2021")."""
    if more_words_than(text, p.DATED_LINE_MAX_WORDS):
        return long_line_date(text, reading), None
    other = p.NOT_PUBLICATION_DATE.search(text)
    text = text[:other.start()] if other else text
    marker = p.UPDATED_DATE.search(text)
    before = find_dates(text[:marker.start()] if marker else text, dayfirst=reading.dayfirst)
    after = find_dates(text[marker.end():], dayfirst=reading.dayfirst) if marker else ()
    return (to_aware(before[0], reading.zone) if before else None,
            to_aware(after[0], reading.zone) if after else None)


def long_line_date(text: str, reading: Reading) -> datetime | None:
    """The date in a line too long to be a date line, when the line says it is the
    publication date ("... adjourned until July. posted on April 21, 2015, at 11:29 a.m.")
    or opens with it in a strip of parts ("Le Monde | 04.05.2015 à 13h36 • Mis à jour ...")."""
    hint = p.PUBLISHED_HINT.search(text)
    if hint:
        found = find_dates(text[hint.end():hint.end() + p.HINT_REACH_CHARS],
                           dayfirst=reading.dayfirst)
        return to_aware(found[0], reading.zone) if found else None
    head = text[:p.DATE_LEAD_CHARS]
    found = find_dates(head, dayfirst=reading.dayfirst)
    if found and p.HEADER_STRIP_MARK.search(text):
        return to_aware(found[0], reading.zone)
    return None


def hinted_date(items: Classified, end: int, reading: Reading) -> datetime | None:
    """With no date in the header, the first date line above the body's end that says it is
    the publication date ("Published: 3 Jan 2019", "Posted on March 10, 2015"), also as a
    label over its value ("Published:" / "2017-08-15", a definition list's layout), or that
    dates a byline ("By Gillian Mohney March 11, 2015 3:46 PM")."""
    for index, (block, kind) in enumerate(items[:end + 1]):
        if not (kind is BYLINE or (kind in (DATE, TEXT) and (
                p.PUBLISHED_HINT.search(block.text)
                or p.PUBLISHED_LABEL.match(block.text)))):
            continue
        published, _ = line_dates(block.text, reading)
        if published is None and p.PUBLISHED_LABEL.match(block.text) and index + 1 < len(items):
            published, _ = line_dates(items[index + 1][0].text, reading)
        if published is not None:
            return published
    return None


def footer_blocks(items: Classified, end: int) -> Classified:
    """The byline and date lines among the body's last blocks and right after it, where blogs
    sign a post ("Posted by Andrew Zonenberg at 12:55 AM", "Nicolas Perriault — 2013-09-29").
    Farther down come teasers of other stories with their own bylines and dates, and under a
    comment section's heading the comments' own."""
    before = [i for i in range(max(0, end - p.FOOTER_REACH * SCAN_PER_KEPT), end + 1)
              if items[i][1] is not CHROME][-p.FOOTER_REACH:]
    after = [i for i in range(end + 1, min(len(items), end + 1 + SCAN_PER_KEPT))
             if items[i][1] is not CHROME][:1]
    kept = before + after
    signing = []
    for index in range(kept[0], kept[-1] + 1) if kept else ():
        if is_comments_heading(items[index][0]):
            break  # chrome or not: what comes under it is the comments'
        if index in kept and items[index][1] in (BYLINE, DATE):
            signing.append(items[index])
    return tuple(signing)


def is_comments_heading(block: Block) -> bool:
    """Whether a block is a comment section's heading ("Comments (42)", "[minus] 留言列表
    (42)", placeholders aside)."""
    return bool(p.COMMENTS_HEADING.match(p.BRACKETED.sub("", block.text).strip()))


def footer_authors(items: Classified, end: int) -> list[str]:
    """Names signing the post at its end, when its header has none."""
    for block, kind in footer_blocks(items, end):
        names = byline_names(block.text) if kind is BYLINE else names_in_dated_line(
            block.text)
        if names:
            return names
    return []


def footer_date(items: Classified, end: int, reading: Reading) -> datetime | None:
    """The date signing the post at its end, when its header has none."""
    for block, _ in footer_blocks(items, end):
        published, _ = line_dates(block.text, reading)
        if published is not None:
            return published
    return None


def dated_byline(items: Classified, end: int) -> list[str]:
    """With no byline around the headline, the names of the first "By" line above the body's
    end that is dated too ("By GILLIAN MOHNEY March 11, 2015 3:46 PM"): an article's own
    byline, as teasers of other stories seldom date theirs."""
    for block, kind in items[:end + 1]:
        if kind is BYLINE and block.dates:
            names = byline_names(block.text)
            if names:
                return names
    return []


def author_card_date(items: Classified, end: int, reading: Reading) -> datetime | None:
    """The date line of an author card after the text ("About the author" / "Sleyca" /
    "Follow Author" / "Wednesday, December 20, 2023 8:09:56 PM"), when nothing else dates
    the page. Only a short date line counts: a bio's dates are its own."""
    after = _non_chrome(items[end + 1:], p.AUTHOR_CARD_REACH)
    for index, (block, _) in enumerate(after):
        if not p.AUTHOR_CARD.match(block.text):
            continue
        for line, kind in after[index + 1:index + 1 + p.AUTHOR_CARD_LINES]:
            if kind is not DATE or more_words_than(line.text, p.AUTHOR_CARD_DATE_MAX_WORDS):
                continue
            published, _ = line_dates(line.text, reading)
            if published is not None:
                return published
        return None
    return None
