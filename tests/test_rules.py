"""Parser rules one at a time, on small saved pages written inline."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from feedpub import InputError, Kind, parse_article

from .conftest import PARAGRAPHS, article_text

UTC = timezone.utc
TITLE = "Night buses reach the outer districts"


@pytest.mark.parametrize("line, expected", [
    ("March 13, 2020", datetime(2020, 3, 13, tzinfo=UTC)),
    ("13.03.2020", datetime(2020, 3, 13, tzinfo=UTC)),
    ("13 mars 2020", datetime(2020, 3, 13, tzinfo=UTC)),
    ("13. März 2020", datetime(2020, 3, 13, tzinfo=UTC)),
    ("13 de marzo de 2020", datetime(2020, 3, 13, tzinfo=UTC)),
    ("2016年10月14日", datetime(2016, 10, 14, tzinfo=UTC)),
    ("2020-03-13T09:30:00+01:00", datetime(2020, 3, 13, 8, 30, tzinfo=UTC)),
    ("Published 13 March 2020, 14:05 UTC", datetime(2020, 3, 13, 14, 5, tzinfo=UTC)),
    ("13 marca 2020", datetime(2020, 3, 13, tzinfo=UTC)),
    ("13 мая 2020 года", datetime(2020, 5, 13, tzinfo=UTC)),
    ("13 травня 2020", datetime(2020, 5, 13, tzinfo=UTC)),
    ("13 Mayıs 2020", datetime(2020, 5, 13, tzinfo=UTC)),
    ("13 martie 2020", datetime(2020, 3, 13, tzinfo=UTC)),
    ("13 augusti 2020", datetime(2020, 8, 13, tzinfo=UTC)),
    ("28 أغسطس 2013", datetime(2013, 8, 28, tzinfo=UTC)),
    ("الأربعاء، 28 آب/اغسطس 2013", datetime(2013, 8, 28, tzinfo=UTC)),
    # Burmese vowels are combining marks, which dateutil does not take for letters.
    ("26 အောက်တိုဘာ 2018", datetime(2018, 10, 26, tzinfo=UTC)),
    ("2 မေ 2019", datetime(2019, 5, 2, tzinfo=UTC)),
])
def test_dates_in_many_forms_and_languages(line, expected):
    assert parse_article(article_text(TITLE, line)).published == expected


def test_no_date_in_the_text_is_none_not_now():
    assert parse_article(article_text(TITLE)).published is None


def test_a_copyright_year_is_not_a_publication_date():
    # conftest's page ends with "© 2024 Example Media"; a bare year is no date either.
    article = parse_article(article_text(TITLE, "Updated daily since 2019"))
    assert article.published is None


def test_headline_is_the_title_and_chrome_is_dropped():
    article = parse_article(article_text(TITLE, "March 3, 2021"))
    assert article.title == TITLE
    text = article.content_text
    assert "Skip to content" not in text and "Share this" not in text and "©" not in text
    assert article.summary == PARAGRAPHS[0]
    assert [p.text for p in article.body] == list(PARAGRAPHS[1:])


def test_hard_wrapped_paragraphs_are_rejoined():
    wrapped = [
        "The city council voted on Tuesday to extend the night bus service to the outer\n"
        "districts, a change that residents had asked for over several years of public\n"
        "meetings in the town hall.",
        "The new routes start next month and run every thirty minutes between midnight\n"
        "and five, according to the transport office, which expects several thousand\n"
        "riders a week on the new lines.",
        "Opponents said the money would be better spent on the existing daytime lines,\n"
        "which they described as crowded and late, but the motion passed with a\n"
        "comfortable majority.",
    ]
    article = parse_article(article_text(TITLE, "March 3, 2021", paragraphs=wrapped))
    assert article.summary == wrapped[0].replace("\n", " ")
    assert [p.text for p in article.body] == [w.replace("\n", " ") for w in wrapped[1:]]


def test_bullets_stay_a_list():
    paragraphs = list(PARAGRAPHS[:2]) + [
        "The changes in short:",
        "* three new night lines to the outer districts\n"
        "* a bus every thirty minutes between midnight and five\n"
        "* the same fares as during the day",
        PARAGRAPHS[2],
    ]
    article = parse_article(article_text(TITLE, "March 3, 2021", paragraphs=paragraphs))
    items = [p.text for p in article.body if p.kind == Kind.LIST_ITEM]
    assert items == ["three new night lines to the outer districts",
                     "a bus every thirty minutes between midnight and five",
                     "the same fares as during the day"]


def test_related_link_caption_credit_and_signoff_are_fields_not_body():
    paragraphs = [
        PARAGRAPHS[0],
        "A night bus at the central station",
        "Image: City Transport/J. Smith",
        PARAGRAPHS[1],
        "Read more: Council approves new budget for public transport",
        PARAGRAPHS[2],
        "ab/cd (AFP, dpa)",
    ]
    article = parse_article(article_text(TITLE, "March 3, 2021", paragraphs=paragraphs))
    assert article.image.caption == "A night bus at the central station"
    assert article.image.credit == "City Transport/J. Smith"
    assert article.related == ("Council approves new budget for public transport",)
    assert article.credit == "ab/cd (AFP, dpa)"
    assert article.authors == ()
    for furniture in ("Read more", "Image:", "ab/cd", "central station"):
        assert furniture not in article.content_text


@pytest.mark.parametrize("byline, names", [
    ("By Ann Lee and Bo Chen", ("Ann Lee", "Bo Chen")),
    ("Von Anna Schmidt", ("Anna Schmidt",)),
    ("Por María García", ("María García",)),
])
def test_bylines_give_authors(byline, names):
    article = parse_article(article_text(TITLE, f"{byline}\n\nMarch 3, 2021"))
    assert article.authors == names
    assert byline not in article.content_text


@pytest.mark.parametrize("text", ["", "   \n\n\t", "\x00\x01binary\xff", "Skip to content\n"])
def test_text_without_an_article_is_a_clear_rejection(text):
    with pytest.raises(InputError) as caught:
        parse_article(text)
    assert str(caught.value).startswith("<text>: ") and "\n" not in str(caught.value)
