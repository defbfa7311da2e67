"""Properties (hypothesis): any text gives an Article or an InputError and nothing else; any
Article survives the trip through the Atom feed and feedparser with its title, dates and text."""
from __future__ import annotations

import os
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import feedparser
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from feedpub import InputError, parse_article
from feedpub.config import Config
from feedpub.feed import render_feed
from feedpub.model import Article, BodyPart, Entry, Kind
from feedpub.source import C1_AS_CP1252, XML_ILLEGAL, decode

from . import hostile

# FEEDPUB_FUZZ_EXAMPLES=20000 turns these into a long fuzzing run (see fuzz/README.md).
SETTINGS = settings(max_examples=int(os.environ.get("FEEDPUB_FUZZ_EXAMPLES", "150")),
                    deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

C1 = {chr(code) for code in C1_AS_CP1252}

# Lines a saved page is made of, so that generated texts reach every stage of the parser.
PAGE_LINES = st.sampled_from((
    "Skip to content", "Menu", "World", "By Ana Lima and Bo Chen", "March 13, 2020",
    "13.03.2020 09:30", "2020-03-13T09:30:00Z", "Tuesday", "32/13/2020", "Image: AP Photo",
    "Read more: Another story", "see/dr (AP, dpa)", "* a bullet item", "---", "title: T",
    "Share", "© 2020 Example", hostile.PROSE[0], hostile.PROSE[1], "<script>x</script> &",
    "旧桥工程将推迟到秋季完成", "قال مسؤولون يوم الجمعة", "2020年3月13日", "", " ", "\t"))
PAGES = st.lists(st.one_of(PAGE_LINES, st.text(max_size=80)), max_size=30).map("\n".join)


def parse_or_reject(text: str) -> Article | None:
    try:
        article = parse_article(text, source="generated.txt")
    except InputError as error:
        assert error.path == "generated.txt" and error.reason
        return None
    assert article.title.strip()
    assert not XML_ILLEGAL.search(article.title + article.content_text)
    assert not set(article.title + article.content_text) & C1
    return article


@SETTINGS
@given(st.text())
def test_any_text_gives_an_article_or_a_clear_rejection(text):
    parse_or_reject(text)


@SETTINGS
@given(PAGES)
def test_any_page_shaped_text_gives_an_article_or_a_clear_rejection(text):
    parse_or_reject(text)


@SETTINGS
@given(st.binary(max_size=2000))
def test_any_bytes_decode_to_clean_text(data):
    text = decode(data)
    assert "\r" not in text and not XML_ILLEGAL.search(text)
    assert not set(text) & C1
    parse_or_reject(text)


# --- Article -> feed -> feedparser ----------------------------------------------------------

# Text as source.py leaves it: XML-legal characters, no C1 controls, no line breaks in a line.
LEGAL_CHARS = st.characters(blacklist_categories=("Cs", "Cc"),  # Cc: C0, C1 controls and DEL
                            blacklist_characters="\ufffe\uffff")
LINE = st.text(LEGAL_CHARS, min_size=1, max_size=60).map(str.strip).filter(bool)
DATES = st.datetimes(min_value=datetime(1970, 1, 2), max_value=datetime(2200, 1, 1),
                     timezones=st.sampled_from((timezone.utc, ZoneInfo("Europe/Berlin"),
                                                ZoneInfo("Asia/Kolkata"),
                                                ZoneInfo("America/St_Johns"))))
ARTICLES = st.builds(
    Article, source=st.just("generated.txt"), title=LINE, summary=LINE,
    body=st.lists(st.builds(BodyPart, st.sampled_from((Kind.TEXT, Kind.HEADING)), LINE),
                  max_size=4).map(tuple),
    authors=st.lists(LINE, max_size=2, unique=True).map(tuple),
    categories=st.lists(LINE, max_size=2, unique=True).map(tuple))


def html_text(html: str) -> str:
    return "".join(etree.fromstring(f"<div>{html}</div>", etree.HTMLParser()).itertext())


def as_feedparser_reads(text: str) -> str:
    """feedparser 6 "repairs" every text field (feedparser/mixin.py, pop()): text that is all
    latin-1 and whose bytes are valid UTF-8 is taken for mojibake and decoded again ("Â¡" ->
    "¡"), then C1 code points become cp1252's characters. Our bytes are right; it reads so."""
    try:
        text = text.encode("iso-8859-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        pass
    return text.translate(C1_AS_CP1252)


ATOM = "{http://www.w3.org/2005/Atom}"


@SETTINGS
@given(ARTICLES, DATES)
def test_any_article_round_trips_through_the_feed(article, published):
    entry = Entry(article, "tag:feedpub,2020:generated", "generated", published, published)
    data = render_feed([entry], Config())
    # The XML itself carries every character exactly ...
    xml = etree.fromstring(data).find(f"{ATOM}entry")
    assert xml.findtext(f"{ATOM}title") == article.title
    assert xml.findtext(f"{ATOM}summary") == article.summary
    # ... and a reader's parser gets the title, the dates and the text back.
    parsed = feedparser.parse(data)
    assert not parsed.bozo, parsed.get("bozo_exception")
    (got,) = parsed.entries
    assert got.title == as_feedparser_reads(article.title)
    # Compared as instants: an aware time in a DST gap never equals one in another zone.
    assert datetime.fromisoformat(got.published).timestamp() == published.timestamp()
    assert datetime.fromisoformat(got.updated).timestamp() == published.timestamp()
    assert got.summary == as_feedparser_reads(article.summary)
    content = xml.findtext(f"{ATOM}content")
    for paragraph in article.paragraphs:
        assert paragraph in html_text(content)
    assert (html_text(got.content[0].value).split()
            == html_text(as_feedparser_reads(content)).split())
    assert [a.name for a in got.get("authors", [])] == list(article.authors)  # not "repaired"
    assert [t.term for t in got.get("tags", [])] == list(article.categories)
