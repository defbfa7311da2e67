"""The immutable values that flow through feedpub's pipeline."""
from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .dates import FoundDate


class Kind(enum.Enum):
    """What a block of saved text is, as the classifier sees it."""

    CHROME = "chrome"        # navigation, footers, buttons: thrown away
    TEXT = "text"            # prose: a candidate for title, lede or body
    HEADING = "heading"      # a sub-heading inside the article
    LIST_ITEM = "list_item"  # a bullet or numbered item
    DATE = "date"            # a line that carries the publication date
    BYLINE = "byline"        # "By A and B"
    CREDIT = "credit"        # "Image: ..." credit under a picture
    RELATED = "related"      # "Read more: ..." link to another story
    SIGNOFF = "signoff"      # agency sign-off such as "see/dr (AP, dpa)"


# The kinds under plain names, which the parser's modules compare blocks' kinds with: on
# Python 3.11 every Kind.X is looked up through EnumType's __getattr__ hook (some 60 ns, four
# times a plain name's), and a parse makes hundreds of such comparisons a page.
CHROME, TEXT, HEADING = Kind.CHROME, Kind.TEXT, Kind.HEADING
LIST_ITEM, DATE, BYLINE = Kind.LIST_ITEM, Kind.DATE, Kind.BYLINE
CREDIT, RELATED, SIGNOFF = Kind.CREDIT, Kind.RELATED, Kind.SIGNOFF


@dataclass(frozen=True, slots=True)
class Block:
    """A logical paragraph of the input: wrapped lines joined, with where it started."""

    text: str
    line: int
    bullet: bool = False
    indent: int = 0
    raw_lines: int = 1
    # Every stage asks for a block's words (classify, the body region, the headline, the
    # header), so each block counts them once, when it is made, and keeps them in a field
    # of its own (not one of __init__'s: dataclasses.replace makes a block that counts its new
    # text again); its dates, which fewer blocks are asked for, when first asked. Slots
    # rather than an instance dict: a page of many tiny lines holds a block per line (a dict
    # that grows two keys cost about 440 bytes a block). The parser modules that work them
    # out are imported on first use (below), so that a build that parses nothing (a no-op)
    # never loads them nor python-dateutil.
    words: int = field(default=0, init=False, repr=False, compare=False)
    _dates: tuple[FoundDate, ...] | None = field(default=None, init=False, repr=False,
                                                 compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "words", _word_count(self.text))  # frozen: set once here

    @property
    def dates(self) -> tuple[FoundDate, ...]:
        """The dates written in the text (dates.find_dates)."""
        dates = self._dates
        if dates is None:
            dates = _find_dates(self.text)
            object.__setattr__(self, "_dates", dates)
        return dates


# The parser functions Block reads, imported on first use: each rebinds itself to the real
# function, so that later blocks pay no import statement.
def _word_count(text: str) -> int:
    global _word_count
    from .words import word_count as _word_count
    return _word_count(text)


def _find_dates(text: str) -> tuple[FoundDate, ...]:
    global _find_dates
    from .dates import find_dates as _find_dates
    return _find_dates(text)


@dataclass(frozen=True, slots=True)
class BodyPart:
    """One element of the article body: a paragraph, a sub-heading or a list item."""

    kind: Kind
    text: str


@dataclass(frozen=True, slots=True)
class Image:
    """A picture's caption and its credit line, as the page showed them."""

    caption: str | None
    credit: str | None


@dataclass(frozen=True, slots=True)
class Article:
    """Everything feedpub knows about one saved article."""

    source: str
    title: str
    published: datetime | None = None
    updated: datetime | None = None
    authors: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    summary: str = ""
    body: tuple[BodyPart, ...] = ()
    image: Image | None = None
    related: tuple[str, ...] = ()
    credit: str | None = None
    link: str | None = None
    key: str | None = None
    warnings: tuple[str, ...] = field(default=(), compare=False)

    @property
    def paragraphs(self) -> tuple[str, ...]:
        """The lede followed by every body element's text."""
        lede = (self.summary,) if self.summary else ()
        return lede + tuple(part.text for part in self.body)

    @property
    def content_text(self) -> str:
        """The article's text as a reader reads it, paragraphs split by blank lines."""
        return "\n\n".join(self.paragraphs)


# What a build holding every article in memory leaves out of each (articles.py): its body
# and what only its own page and feed entry show. What remains, its listing, is what index
# pages show and what ids, order and messages need: at 10,000 articles the parts left out
# were some 5 MB of a build's peak memory.
UNLISTED = {"body": (), "authors": (), "image": None, "related": (), "credit": None}


@dataclass(frozen=True, slots=True)
class Entry:
    """An Article as published: its permanent id, page slug, link and resolved dates."""

    article: Article
    id: str
    slug: str
    published: datetime
    updated: datetime
    link: str | None = None
    # state.article_fingerprint of the full article, when known: the article itself may be
    # carried without its body (build.py keeps only summaries in memory).
    fingerprint: str | None = field(default=None, compare=False)
    # The key its id is made from (entries.py): what the state file remembers it by.
    key: str = ""

    @property
    def page(self) -> str:
        """The article page's path inside the output directory."""
        return f"articles/{self.slug}.html"
