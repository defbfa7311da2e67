"""Find dates written for people and read them with python-dateutil's parser."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone, tzinfo
from functools import lru_cache

from dateutil import parser as dateparser

from .datewords import JUMP_WORDS, MONTHS, TIMEZONE_OFFSETS, WEEKDAYS

# Years outside this range are not publication dates of a saved page ("year 99999").
YEAR_RANGE = (1900, 2200)


class MultilingualInfo(dateparser.parserinfo):
    """dateutil's parserinfo with the month and weekday names of every language in datewords."""

    MONTHS = [tuple(sorted({n for lang in MONTHS.values() for n in lang[i]}))
              for i in range(12)]
    WEEKDAYS = [tuple(sorted({n for lang in WEEKDAYS.values() for n in lang[i]}))
                for i in range(7)]
    JUMP = list(dateparser.parserinfo.JUMP) + list(JUMP_WORDS)


PARSER_INFO = MultilingualInfo()
TZINFOS = {name: timezone(timedelta(hours=hours)) for name, hours in TIMEZONE_OFFSETS.items()}


def _alternation(names: set[str]) -> str:
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


_MONTH = _alternation({n for lang in MONTHS.values() for month in lang for n in month})
_WEEKDAY = _alternation({n for lang in WEEKDAYS.values() for day in lang for n in day})
_TZ = _alternation(set(TIMEZONE_OFFSETS) - {"Z"})
# Month and weekday names, which may end a text ("Erin Cunningham March") when a date without
# a year ("March 18 at 3:57 PM") is cut off a byline.
_LAST_WORD = re.compile(r"(?:^|\s+)(\S+)\s*$")
DATE_WORDS = frozenset(n for table in (MONTHS, WEEKDAYS) for lang in table.values()
                       for names in lang for n in names)


def strip_date_words(text: str) -> str:
    """`text` without the month and weekday names it ends with."""
    while True:
        last = _LAST_WORD.search(text)
        if not last or last[1].strip(".,").casefold() not in DATE_WORDS:
            return text
        text = text[:last.start()]
_DAY = r"[0-3]?\d(?:st|nd|rd|th|\.|er|º)?"
_YEAR = r"(?:1[89]|2[01])\d\d"
_TIME = (rf"\d{{1,2}}[:h.]\d\d(?::\d\d)?(?:\s*[ap]\.?\s?m\.?)?"
         rf"(?:\s*(?:{_TZ}|[+-]\d\d:?\d\d)\b)?")
_TIME_AFTER = rf"(?P<time>,?\s+(?:at\s+|um\s+|à\s+|-\s+|\|\s+)?{_TIME})?"
_TIME_BEFORE = rf"(?:(?P<time0>{_TIME}),?\s+(?:(?:{_WEEKDAY})\.?,?\s+)?)?"

# A month name written before the day is a word that starts with a letter (Burmese writes
# vowels as combining marks, which are not letters), maybe a dot, then the day's digits
# ("March 5", "Sept. 5"): looking ahead for that first lets the search pass over the
# other words of a line at once, not try every month name of every language at each of them.
_MONTH_THEN_DAY = r"(?=[^\W\d_][^\s\d]*\.?\s+\d)"

# The date shapes feedpub looks for; each match is handed to dateutil as it stands.
DATE_SHAPES = (
    re.compile(r"\b(?P<iso>\d{4}-\d\d-\d\d)(?P<isotime>[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?"
               r"\s*(?:Z|[+-]\d\d:?\d\d)?)?(?!\d)"),
    # The month may be named twice, in two calendars' names: "28 آب/اغسطس 2013".
    re.compile(rf"(?<!\w){_TIME_BEFORE}{_DAY}\s+(?:de\s+)?(?:{_MONTH})(?:/(?:{_MONTH}))?\.?,?\s+"
               rf"(?:de\s+)?{_YEAR}\b{_TIME_AFTER}", re.I),
    re.compile(rf"(?<!\w){_TIME_BEFORE}{_MONTH_THEN_DAY}(?:{_MONTH})\.?\s+{_DAY},?\s+{_YEAR}\b"
               rf"{_TIME_AFTER}", re.I),
    re.compile(rf"(?<![\d.]){_DAY}\s?[./]\s?[01]?\d\s?[./]\s?{_YEAR}\b{_TIME_AFTER}"),
    re.compile(rf"(?<![\d/]){_DAY}/[0-3]?\d/{_YEAR}\b{_TIME_AFTER}"),
    # Year, month and day with slashes, as Japanese and Chinese pages write them: "2018/6/19".
    re.compile(rf"(?<![\d/])(?P<ymd>{_YEAR}/[01]?\d/[0-3]?\d)(?![\d/]){_TIME_AFTER}"),
)
# Separators pages put between a date and its time: "April 5, 2018 | 6:00 PM".
TIME_SEPARATOR = re.compile(r"\s+\|\s+")
# The second name of a month named twice ("آب/اغسطس"): dateutil reads one.
MONTH_SECOND_NAME = re.compile(r"(?<=[^\W\d_])/[^\W\d_]+")
# Month names dateutil cannot read, each with the English name it is handed instead: dateutil
# splits words wherever a character is not a letter, and scripts such as Burmese write
# vowels as combining marks, which are not.
SPELLED_FOR_DATEUTIL = {name: MONTHS["en"][number][-1] for language in MONTHS.values()
                        for number, names in enumerate(language) for name in names
                        if not name.isalpha()}
UNREADABLE_MONTH = re.compile(_alternation(set(SPELLED_FOR_DATEUTIL)))
# Marks after a day's number that dateutil does not know: "13. März", "1er mars", "1º de".
DAY_MARK = re.compile(r"(?<=\b\d)(?:\.|er|º)(?=\s)|(?<=\b\d\d)(?:\.|er|º)(?=\s)")
# Every date shape has a year in YEAR_RANGE's centuries; a line without one is skipped
# before the costly shapes are tried (classify asks about every short line of a page). The
# year is four digits with no digit on either side, (?<!\d)(?:1[89]|2[01])\d\d(?!\d), the
# digit before it looked for from its end: a search opening with the year's first digit
# passes over a line's other characters at once.
HAS_YEAR = re.compile(r"(?:1[89]|2[01])\d\d(?<!\d\d\d\d\d)(?!\d)")
# A date of numbers with a two-digit year: "11.03.17", "10/15/15" (not "1.2.10.4").
SHORT_DATE = re.compile(r"(?<![\d.,/])[0-3]?\d([./])[0-3]?\d\1\d\d(?![\d.,/])")
CJK_DATE = re.compile(r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日")


@dataclass(frozen=True)
class Reading:
    """How a page writes its dates: the time zone of those written without one, and whether
    a date of numbers gives the day first ("08/01/2014" is 8 January on a Spanish page, as
    everywhere but on English ones, and "01/08/2014" is)."""

    zone: tzinfo
    dayfirst: bool = False


@dataclass(frozen=True)
class FoundDate:
    """A date found in a line: the value, whether a time of day was given, where it starts."""

    value: datetime
    has_time: bool
    start: int


def find_dates(line: str, *, dayfirst: bool = False) -> tuple[FoundDate, ...]:
    """Every date written in `line`, in order of position."""
    if not HAS_YEAR.search(line):
        return ()
    if len(line) > REMEMBERED_LINE_MAX_CHARS:  # a paragraph: not kept in memory
        return _dates_with_year(line, dayfirst)
    return _remembered_dates(line, dayfirst)


def _dates_with_year(line: str, dayfirst: bool) -> tuple[FoundDate, ...]:
    found = {f.start: f for f in _cjk_dates(line)}
    for shape in DATE_SHAPES:
        for match in shape.finditer(line):
            if any(f.start <= match.start() < f.start + 10 for f in found.values()):
                continue
            parsed = _parse(match, dayfirst)
            if parsed is not None:
                found[match.start()] = parsed
    return tuple(found[k] for k in sorted(found))


# A page's date line is searched as a block, as a byline's tail and as a line of the header
# and the footer: the same few short lines with a year are searched many times in one parse.
_remembered_dates = lru_cache(maxsize=1024)(_dates_with_year)
# Lines up to this long are remembered (date lines and bylines are far shorter).
REMEMBERED_LINE_MAX_CHARS = 300


def find_short_dates(line: str, *, month_first: bool) -> tuple[FoundDate, ...]:
    """Dates written with numbers and a two-digit year ("11.03.17", "10/15/15"), which only
    a page's language tells apart: month first on English pages, day first elsewhere."""
    found = []
    for match in SHORT_DATE.finditer(line):
        value = _dateutil(match.group(0), not month_first)
        if value is not None and YEAR_RANGE[0] <= value.year <= YEAR_RANGE[1]:
            found.append(FoundDate(value, False, match.start()))
    return tuple(found)


def _cjk_dates(line: str) -> list[FoundDate]:
    dates = []
    for match in CJK_DATE.finditer(line):
        try:
            value = datetime(int(match["y"]), int(match["m"]), int(match["d"]))
        except ValueError:
            continue
        if YEAR_RANGE[0] <= value.year <= YEAR_RANGE[1]:
            dates.append(FoundDate(value, False, match.start()))
    return dates


def _parse(match: re.Match[str], dayfirst: bool) -> FoundDate | None:
    groups = match.groupdict()
    has_time = bool(groups.get("time") or groups.get("time0") or groups.get("isotime"))
    text = _readable(match.group(0))
    day = _readable(_without_time(match))
    # Day and month written with dots are day first ("04.05.2015" is 4 May), as in Europe. A
    # date that opens with its year is never day first (dateutil would read "2014-01-08" as
    # 1 August when asked to).
    if groups.get("iso") or groups.get("ymd"):
        dayfirst = False
    else:
        dayfirst = dayfirst or ("." in day and not any(c.isalpha() for c in day))
    value = _dateutil(text, dayfirst)
    if value is None and has_time:
        # dateutil refuses some ways of writing the time ("02.00 EST"): keep the day.
        value, has_time = _dateutil(day, dayfirst), False
    if value is None or not YEAR_RANGE[0] <= value.year <= YEAR_RANGE[1]:
        return None
    return FoundDate(value, has_time, match.start())


def _readable(text: str) -> str:
    """A matched date as dateutil reads it: no separators around it or between its parts,
    a month named twice named once, a month dateutil cannot read named in English."""
    text = MONTH_SECOND_NAME.sub("", TIME_SEPARATOR.sub(" ", text))
    text = UNREADABLE_MONTH.sub(lambda name: SPELLED_FOR_DATEUTIL[name[0]], text)
    return DAY_MARK.sub("", text).strip(" ,|-")


def _without_time(match: re.Match[str]) -> str:
    text = match.group(0)
    for name in ("time", "time0", "isotime"):
        if match.groupdict().get(name):
            start, end = match.span(name)
            offset = match.start()
            text = text[:start - offset] + " " * (end - start) + text[end - offset:]
    return text


# A page's date is read from its date line, from the byline that repeats it and from the
# cells of that line: the same few strings reach dateutil, the slowest step, many times.
@lru_cache(maxsize=1024)
def _dateutil(text: str, dayfirst: bool) -> datetime | None:
    try:
        return dateparser.parse(text, parserinfo=PARSER_INFO, tzinfos=TZINFOS,
                                dayfirst=dayfirst, default=datetime(2000, 1, 1))
    except (ValueError, OverflowError, TypeError, ArithmeticError):
        return None


def to_aware(found: FoundDate, zone: tzinfo) -> datetime:
    """A found date as an aware datetime; a date without a time is midnight in `zone`."""
    value = found.value
    if not found.has_time:
        return datetime(value.year, value.month, value.day, tzinfo=zone)
    return value if value.tzinfo is not None else value.replace(tzinfo=zone)


def parse_date_value(text: str, zone: tzinfo) -> datetime | None:
    """A whole value such as front matter's `date:` read as an aware datetime, or None."""
    try:
        value = dateparser.parse(text, parserinfo=PARSER_INFO, tzinfos=TZINFOS,
                                 default=datetime(2000, 1, 1))
    except (ValueError, OverflowError, TypeError, ArithmeticError):
        found = find_dates(text)
        return to_aware(found[0], zone) if found else None
    if not YEAR_RANGE[0] <= value.year <= YEAR_RANGE[1]:
        return None
    has_time = bool(re.search(r"\d:\d", text))
    return to_aware(FoundDate(value, has_time, 0), zone)

