"""People in bylines: which part of a byline, or of a line under the headline, is a name."""
from __future__ import annotations

import re

from . import patterns as p
from .dates import DATE_WORDS, find_dates, strip_date_words
from .words import more_words_than


def byline_names(text: str) -> list[str]:
    """The people a byline names: "By A and B, Reuters" gives ["A", "B"]."""
    match = p.BYLINE.match(text) or p.BYLINE_INSIDE.search(text)
    if match is None or p.NOT_AUTHOR_CREDIT.match(text):
        return []
    return names_in(match["names"])


def names_in(text: str) -> list[str]:
    """Names listed in the part of a byline after "By", up to a date, job title or handle."""
    names: list[str] = []
    text = p.WITH_NOTE.sub(r", \1", text)
    for part in p.NAME_JOINERS.split(cut_tail(text)):
        if p.NOT_AUTHOR_ROLE.search(part):
            continue
        part = p.ROLE_NOTE.sub("", part).strip(" .,;:")
        if is_job_title(part):
            break
        if names and is_outlet(part, names):
            break
        if part and not p.CREDENTIAL.match(part) and looks_like_name(part):
            names.append(part)
    return names


def is_outlet(part: str, names: list[str]) -> bool:
    """Whether a byline part after people's full names is where they write, not another
    person: "By Eric Bradner, CNN", "By A Lee and B Jones, Reuters", "..., BBC News". After
    names of two words or more, a word alone, a wire service or a name with a word sites
    label their parts with (NOT_NAME_WORDS) is the outlet; a list of handles ("kovarex,
    TOGos, Ernestas") is people all along."""
    words = part.split()
    return all(len(name.split()) > 1 for name in names) and (
        len(words) == 1 or part.casefold() in p.WIRE_SERVICES
        or any(w.casefold() in p.NOT_NAME_WORDS for w in words))


def cut_tail(text: str) -> str:
    """A byline's names without what follows them: a date, a handle, a "| Staff Writer"."""
    ends = [len(text)]
    ends += [found.start for found in find_dates(text)[:1]]
    ends += [m.start() for m in (p.BYLINE_TAIL.search(text), p.RELATIVE_TIME.search(text)) if m]
    digit = first_digit(text)
    if digit is not None:
        ends.append(digit)
    head = strip_date_words(text[:min(ends)])
    return p.DATE_LEAD_WORD.sub("", head)


def first_digit(text: str) -> int | None:
    """Where the first digit of `text` is (str.isdigit: "²" is one too), or None."""
    if text.isascii():  # then the digits are 0-9: one regex scan, not a loop in Python
        found = _ASCII_DIGIT.search(text)
        return found.start() if found else None
    return next((i for i, c in enumerate(text) if c.isdigit()), None)


_ASCII_DIGIT = re.compile("[0-9]")


def is_job_title(text: str) -> bool:
    """Whether a byline part is a job title ("Senior Staff Technologist"), not a person."""
    words = {w.strip(".,()").casefold() for w in text.split()}
    return bool(words & p.JOB_TITLE_WORDS) and not p.STAFF_CREDIT.match(text)


def looks_like_name(text: str) -> bool:
    """A byline part short enough and free of digits to be a name (or a staff credit)."""
    text = text.strip(" .,;")
    return (bool(text) and not any(c.isdigit() for c in text)
            and len(text.split()) <= p.NAME_MAX_WORDS and any(c.isalpha() for c in text))


def without_image_name(text: str) -> str:
    """The line without the file name of a picture printed before it (LEADING_IMAGE_NAME),
    which starts in lower case or a digit: most lines are left without a look."""
    first = text[:1]
    if first.islower() or first.isdigit():
        return p.LEADING_IMAGE_NAME.sub("", text)
    return text


def is_name_line(text: str) -> bool:
    """Whether a whole line is just a person's name: "John C. Welch", "GILLIAN MOHNEY", also
    after the file name of the headshot a text browser prints instead of it."""
    if p.STAFF_CREDIT.match(text):
        return True
    words = without_image_name(text).split(None, p.NAME_MAX_WORDS)  # all, if few enough
    if not 2 <= len(words) <= p.NAME_MAX_WORDS or p.NOT_NAME_CHARS.search(text):
        return False
    plain = [p.POSSESSIVE.sub("", w).casefold() for w in words]
    if any(w in p.NOT_NAME_WORDS or w in p.JOB_TITLE_WORDS for w in plain):
        return False
    names = [w for w in words if w.casefold() not in p.NAME_PARTICLES]
    full = [w for w in names if not p.INITIAL.match(w)]
    return len(names) >= 2 and len(full) <= p.NAME_LINE_MAX_NAMES \
        and all(w[0].isupper() and p.NAME_WORD.match(w) for w in names) \
        and words[-1].strip(".,").casefold() not in DATE_WORDS


def names_in_dated_line(text: str) -> list[str]:
    """Names in a date line: "on March 10, 2015 by Nikhil Marathe", "Dan Goodin - Apr 16"."""
    inside = p.BYLINE_INSIDE.search(text)
    if inside:
        return names_in(inside["names"])
    return name_before_date(text)


def name_before_date(text: str) -> list[str]:
    """A name that opens a line and is followed by when it was posted: "Alex Perry 1 day ago",
    "Sarah Gooding March 9, 2017", "[photo] James Akinaka • 8h"."""
    if more_words_than(text, p.NAME_MAX_WORDS + p.DATE_MAX_WORDS):
        return []
    head = cut_tail(p.BRACKETED.sub(" ", text))
    if head.strip() == text.strip():
        return []
    for part in p.BYLINE_SEPARATOR.split(head):
        part = part.strip(" ,")
        if part and is_name_line(part):
            return [without_image_name(part)]
    return []
