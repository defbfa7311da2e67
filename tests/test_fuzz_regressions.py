"""Inputs that fuzzing (fuzz/README.md) turned up, each pinned as it now behaves."""
from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import feedparser
from lxml import etree

from feedpub import parse_article
from feedpub.config import Config
from feedpub.feed import render_feed
from feedpub.model import Article, Entry
from feedpub.source import decode

ATOM = "{http://www.w3.org/2005/Atom}"
PROSE = ("The council met on Friday and agreed to keep the ferry running until the repairs "
         "on the old bridge are finished in the autumn.")


def feed_of(article: Article, when: datetime) -> bytes:
    return render_feed([Entry(article, "tag:feedpub,2020:x", "x", when, when)], Config())


def test_c1_control_from_a_latin1_fallback_becomes_the_cp1252_character():
    data = b"Ferry keeps running\n\n\x93" + PROSE.encode() + b"\x94 \x81\n"
    article = parse_article(decode(data))
    assert article.summary == f"“{PROSE}”"


def test_mojibake_looking_text_is_written_exactly():
    """feedparser reads "Â¡" as "¡" (its own repair); the feed's XML holds what we wrote."""
    article = Article(source="x.txt", title="Â¡Hola", summary="Â¡")
    data = feed_of(article, datetime(2020, 3, 13, tzinfo=ZoneInfo("UTC")))
    entry = etree.fromstring(data).find(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}title") == "Â¡Hola"
    assert feedparser.parse(data).entries[0].title == "¡Hola"


def test_time_in_a_daylight_saving_gap_keeps_its_instant():
    """02:59 on 2027-03-14 does not exist in St. John's; the feed still states one instant."""
    when = datetime(2027, 3, 14, 2, 59, 58, fold=1, tzinfo=ZoneInfo("America/St_Johns"))
    data = feed_of(Article(source="x.txt", title="Gap", summary="s"), when)
    published = feedparser.parse(data).entries[0].published
    assert datetime.fromisoformat(published).timestamp() == when.timestamp()
