"""Bylines and dates around the headline (feedpub.names, feedpub.header, feedpub.dates)."""
from __future__ import annotations

import re
from datetime import datetime, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from feedpub import InputError, parse_article
from feedpub import patterns as p
from feedpub.dates import HAS_YEAR, Reading, find_dates, find_short_dates
from feedpub.datewords import MONTHS
from feedpub.header import line_dates
from feedpub.names import byline_names, is_name_line, names_in_dated_line

from .conftest import PARAGRAPHS
from .test_headline import FOOTER, HEADLINE, page

UTC = timezone.utc


@pytest.mark.parametrize("byline, names", [
    ("By Stella Kim and Jennifer Jett", ["Stella Kim", "Jennifer Jett"]),
    ("Von Anna Schmidt und Jörg Maier", ["Anna Schmidt", "Jörg Maier"]),
    ("Por María García y Luis Peña", ["María García", "Luis Peña"]),
    ("Par Martin Untersinger (avec Damien Leloup et Morgane Tual)",
     ["Martin Untersinger", "Damien Leloup", "Morgane Tual"]),
    ("By Daniel Kahn Gillmor, Senior Staff Technologist, ACLU Speech, Privacy, and Technology",
     ["Daniel Kahn Gillmor"]),
    ("Posted by Andrew Hayden, Software Engineer on Google Play", ["Andrew Hayden"]),
    ("by Eleanor Ainge Roy (reporting) and Adrian Malloch (photography)", ["Eleanor Ainge Roy"]),
    ("By Brenda Goodman, MA", ["Brenda Goodman"]),
    ("By JEFFREY GETTLEMAN JAN. 13, 2017", ["JEFFREY GETTLEMAN"]),
    ("by Lucas Nolan22 Dec 2016651", ["Lucas Nolan"]),
    ("by Ahiza Garcia @ahiza_garcia February 1, 2016: 12:41 PM ET", ["Ahiza Garcia"]),
    ("By Erin Cunningham March 18 at 3:57 PM Follow @erinmcunningham", ["Erin Cunningham"]),
    ("By Gina Roberts-Grey", ["Gina Roberts-Grey"]),
    ("by: Laurie Oakes", ["Laurie Oakes"]),
    ("Reviewed by Hansa D. Bhargava, MD", []),
    ("Edited by Betsy Beyer", []),
    ("By Eric Bradner, CNN", ["Eric Bradner"]),
    ("By Jeremy Herb, Lauren del Valle and Kara Scannell, CNN",
     ["Jeremy Herb", "Lauren del Valle", "Kara Scannell"]),
    ("By Ann Lee and Bo Chen, Associated Press", ["Ann Lee", "Bo Chen"]),
    ("By Ann Lee, BBC News", ["Ann Lee"]),
    ("By Ann Lee, Bo Chen", ["Ann Lee", "Bo Chen"]),
    ("Posted by kovarex, TOGos, Ernestas, Albert", ["kovarex", "TOGos", "Ernestas", "Albert"]),
    ("Autori: Anna Ūdre (LTV Ziņu dienesta ārzemju ziņu redaktore)", ["Anna Ūdre"]),
    ("Autorzy: Jan Kowalski i Anna Nowak", ["Jan Kowalski", "Anna Nowak"]),
    ("Författare: Sven Svensson och Eva Berg", ["Sven Svensson", "Eva Berg"]),
    ("-- By Michael Russell Follow @tdmrussell", ["Michael Russell"]),
    ("By Ann Lee Follow on Twitter", ["Ann Lee"]),
    ("Analysis by Joan Biskupic, CNN Senior Supreme Court Analyst", ["Joan Biskupic"]),
    ("Opinion by Ann Lee", ["Ann Lee"]),
])
def test_byline_names(byline, names):
    assert byline_names(byline) == names


@pytest.mark.parametrize("line, names", [
    ("on March 10, 2015 by Nikhil Marathe", ["Nikhil Marathe"]),
    ("2/26/2015 7:11 AM PST BY TMZ STAFF", ["TMZ STAFF"]),
    ("Dan Goodin - Apr 16, 2015 8:02 pm UTC", ["Dan Goodin"]),
    ("Sarah Gooding March 9, 2017 13", ["Sarah Gooding"]),
    ("[6eef5bc5-c] James Akinaka • 8h", ["James Akinaka"]),
    ("Alex Perry 1 day ago", ["Alex Perry"]),
    ("Posted by kovarex, TOGos, Ernestas, Albert on 2019-02-15, all posts",
     ["kovarex", "TOGos", "Ernestas", "Albert"]),
    ("Published Thursday 27 July 2017", []),
    ("Yesterday 12:35PM", []),
])
def test_names_in_dated_lines(line, names):
    assert names_in_dated_line(line) == names


@pytest.mark.parametrize("line, expected", [
    ("John C. Welch", True), ("GILLIAN MOHNEY", True), ("Michiel B. de Jong", True),
    ("TMZ STAFF", True), ("Our Foreign Staff", True),
    ("Tech Insider", False), ("Middle East", False), ("Capital\tWellington", False),
    ("Published Thursday", False), ("Copiar link", False), ("Powered by Tumblr", False),
    ("BuzzFeed News Reporter", False), ("Mark", False), ("Other People Are Reading", False),
    ("S'inscrire Connexion", False), ("Minha Folha", False), ("Mein Konto", False),
    ("Jack Ma", True), ("Ana María Gómez", True), ("Seoul Full Forecast", False),
])
def test_name_lines(line, expected):
    assert is_name_line(line) is expected


def authors_of(*head: str) -> tuple[str, ...]:
    return parse_article(page(HEADLINE, *head)).authors


def test_a_bare_name_under_the_headline_is_the_byline():
    assert authors_of("Ann Lee", "BuzzFeed News Reporter", "March 3, 2021") == ("Ann Lee",)


def test_a_name_after_its_pictures_file_name_is_the_byline():
    # A text browser prints a picture it does not show by its name: the author's headshot.
    assert authors_of("night-bus-depot-image", "alee-headshot Ann Lee",
                      "March 3, 2021") == ("Ann Lee",)


def test_a_name_shown_twice_under_the_headline_is_the_byline():
    # The author's picture, printed by its alt text (the name), then the name.
    assert authors_of("Ann Lee Ann Lee", "2 hours ago") == ("Ann Lee",)


def test_the_byline_word_alone_on_its_line_names_the_next():
    assert authors_of("By", "Ann Lee", "Staff reporter") == ("Ann Lee",)


def test_a_wire_service_alone_is_the_byline():
    assert authors_of("Associated Press", "March 3, 2021") == ("Associated Press",)


def test_names_in_a_list_of_teasers_are_no_byline():
    assert authors_of("* Added Slime Block", "* Added Iron Trapdoor", "* Added Red Sandstone") == ()


def test_editors_initials_are_no_byline():
    text = page(HEADLINE, "March 3, 2021", foot=("see/dr (AP, dpa)", "© 2024 Example Media"))
    article = parse_article(text)
    assert article.authors == () and article.credit == "see/dr (AP, dpa)"


def test_a_post_signed_at_its_end_gets_that_byline_and_date():
    text = page(HEADLINE, foot=("Posted by Ann Lee at 12:55 AM on March 3, 2021",
                                "Older post", "© 2024 Example Media"))
    article = parse_article(text)
    assert article.authors == ("Ann Lee",)
    assert article.published == datetime(2021, 3, 3, tzinfo=UTC)


def test_the_byline_under_the_headline_shown_again_counts():
    text = page(HEADLINE, "Share", "Email", HEADLINE, "By Ann Lee", "March 3, 2021")
    assert parse_article(text).authors == ("Ann Lee",)


@pytest.mark.parametrize("line, published, updated", [
    ("April 28, 2019 at 6:01 am Updated April 29, 2019 at 3:33 pm",
     datetime(2019, 4, 28, 6, 1, tzinfo=UTC), datetime(2019, 4, 29, 15, 33, tzinfo=UTC)),
    ("Last updated September 14, 2016", None, datetime(2016, 9, 14, tzinfo=UTC)),
    ("AFP 30 avril 2015 à 07:19 (Mis à jour : 30 avril 2015 à 07:38)",
     datetime(2015, 4, 30, 7, 19, tzinfo=UTC), datetime(2015, 4, 30, 7, 38, tzinfo=UTC)),
    ("Founded    February 28, 1998 ; 18 years ago", None, None),
    ("© 2021 Example Media", None, None),
    ("Expires: 18 June 2015", None, None),
    ("Le Monde | 04.05.2015 à 13h36 • Mis à jour le 05.05.2015 à 20h13 | Par Martin "
     "Untersinger (avec Damien Leloup et Morgane Tual)", datetime(2015, 5, 4, 13, 36, tzinfo=UTC),
     None),
    ("An inquest into the death has been adjourned until the summer, the coroner said. "
     "posted on April 21, 2015, at 11:29 a.m.", datetime(2015, 4, 21, 11, 29, tzinfo=UTC), None),
    ("Life-threatening peanut allergies have been on the rise in the past decade, with little "
     "hope for those who are allergic, says a study from March 3, 2015", None, None),
])
def test_line_dates(line, published, updated):
    assert line_dates(line, Reading(UTC)) == (published, updated)


@pytest.mark.parametrize("text, expected", [
    ("April 5, 2018 | 6:00 PM", datetime(2018, 4, 5, 18, 0)),
    ("Thu 3 Jan 2019 02.00 EST", datetime(2019, 1, 3)),
    ("13. März 2020", datetime(2020, 3, 13)),
    ("1er mars 2020", datetime(2020, 3, 1)),
    ("04.05.2015", datetime(2015, 5, 4)),
    ("2018/6/19 5:50", datetime(2018, 6, 19, 5, 50)),
    ("（2018/06/18 14:10）", datetime(2018, 6, 18, 14, 10)),
])
def test_find_dates_reads_pages_ways_of_writing_them(text, expected):
    assert find_dates(text)[0].value.replace(tzinfo=None) == expected


def test_month_names_are_words_that_start_with_a_letter():
    """The month-first date shape looks ahead for such a word before the day
    (dates._MONTH_THEN_DAY): every month name must be one, or dates written with it are lost."""
    names = {name for language in MONTHS.values() for month in language for name in month}
    assert all(re.fullmatch(r"[^\W\d_][^\s\d]*", name) for name in names)


@pytest.mark.parametrize("text, expected", [("October 26, 2018", datetime(2018, 10, 26)),
                                            ("အောက်တိုဘာ 26, 2018", datetime(2018, 10, 26))])
def test_a_month_named_before_the_day_is_read_in_any_script(text, expected):
    assert find_dates(text)[0].value == expected


@given(st.text("0123456789 -x", max_size=12))
def test_a_year_is_found_where_four_digits_of_one_stand_alone(text):
    """dates.HAS_YEAR looks behind the year from its end: the same as the plain reading."""
    plain = re.search(r"(?<!\d)(?:1[89]|2[01])\d\d(?!\d)", text)
    assert bool(HAS_YEAR.search(text)) == bool(plain)


def test_the_update_date_dates_a_page_that_shows_no_other():
    article = parse_article(page(HEADLINE, "By Ann Lee", "Last updated September 14, 2016"))
    assert article.published == datetime(2016, 9, 14, tzinfo=UTC)


def test_a_last_updated_stamp_of_the_day_served_is_no_publication_date():
    # The site stamps every page with the day it served it, and its sidebar shows that day
    # too: nothing on the page says when the article itself came out.
    sidebar = ("Most read", "Council approves the new budget for the city's parks",
               "Today in History: 7 January, 2025", "Webinar series - 7 January 2025")
    article = parse_article(page(HEADLINE, "Last Updated: January 7, 2025",
                                 body=PARAGRAPHS * 3, foot=FOOTER + sidebar))
    assert article.published is None


def test_an_update_date_the_article_itself_names_still_dates_it():
    """A story about the day it came out names that day in its text and captions: that is
    no sign of a stamp of the day the page was served."""
    caption = ("The mayor leaves the council building on November 6, 2023 in New York City "
               "after the vote on the night bus routes for the outer districts.")
    text = page(HEADLINE, "By Ann Lee", "Updated 4:48 PM EST, Mon November 6, 2023",
                body=(caption, *PARAGRAPHS))
    assert parse_article(text).published.date() == datetime(2023, 11, 6).date()


def test_a_comments_date_right_after_the_body_is_no_publication_date():
    """A blog's first comment follows the post at once, under the comments' heading: its
    date is the comment's, not the post's."""
    comments = ("[minus] Comments (42)", "• #1 ● Ann Lee at 2013/12/28 10:28",
                "What a lovely trip, thank you for the photos!")
    text = page(HEADLINE, body=PARAGRAPHS * 3, foot=comments + FOOTER)
    assert parse_article(text).published is None


def test_a_date_in_an_infobox_is_no_publication_date():
    article = parse_article(page(HEADLINE, "Founded    February 28, 1998"))
    assert article.published is None


@pytest.mark.parametrize("line, name", [
    ("2017-03-10 09:58:03来源：网易科学人作者：责任编辑：肖春芳", "肖春芳"),
    ("来源：新华网 [责任编辑:肖春芳]", "肖春芳"),
    ("記者：山田太郎", "山田太郎"),
])
def test_chinese_and_japanese_bylines(line, name):
    assert authors_of(line) == (name,)


def test_an_author_box_over_the_headline_names_the_author():
    text = "\n\n".join(("Skip to content", "[0] Pippin Lee", "on Mar 17 · 11 min read",
                        "Next story", HEADLINE, *PARAGRAPHS, "Share this article")) + "\n"
    assert parse_article(text).authors == ("Pippin Lee",)


def test_an_author_box_with_the_section_between_name_and_time_names_the_author():
    text = "\n\n".join(("Skip to content", "Tom Bennett", "Business", "Nov 7, 2023 2:00 AM",
                        HEADLINE, *PARAGRAPHS, "Share this article")) + "\n"
    assert parse_article(text).authors == ("Tom Bennett",)


def test_a_name_shown_twice_in_an_author_box_is_one_author():
    text = "\n\n".join(("Skip to content", "Ann Lee Ann Lee", "4 min read", HEADLINE,
                        *PARAGRAPHS)) + "\n"
    assert parse_article(text).authors == ("Ann Lee",)


@pytest.mark.parametrize("line, month_first, expected", [
    ("11.03.17 in Gadgetry", True, datetime(2017, 11, 3)),
    ("11.03.17", False, datetime(2017, 3, 11)),
    ("10.15.15", True, datetime(2015, 10, 15)),
    ("10/15/15", False, datetime(2015, 10, 15)),
])
def test_two_digit_years_are_read_the_pages_way(line, month_first, expected):
    found = find_short_dates(line, month_first=month_first)
    assert found[0].value == expected


@pytest.mark.parametrize("line", ["Version 1.2.10.4", "3.14.159", "1,5.10.12"])
def test_version_numbers_are_no_short_dates(line):
    assert find_short_dates(line, month_first=True) == ()


def test_an_english_page_dates_its_short_numeric_date_month_first():
    article = parse_article(page(HEADLINE, "Ann Lee", "11.03.17 in Transport"))
    assert article.published == datetime(2017, 11, 3, tzinfo=UTC)


SPANISH_PARAGRAPHS = (
    "El ayuntamiento aprobó el martes la ampliación del servicio de autobuses nocturnos a los "
    "barrios de las afueras, un cambio que los vecinos pedían desde hace años.",
    "Las nuevas líneas empiezan el mes que viene y pasan cada media hora entre la medianoche y "
    "las cinco de la mañana, según explicó el concejal de transporte en una rueda de prensa.",
)


@pytest.mark.parametrize("paragraphs, expected", [
    (SPANISH_PARAGRAPHS, datetime(2014, 1, 8, tzinfo=UTC)),
    (PARAGRAPHS, datetime(2014, 8, 1, tzinfo=UTC)),
])
def test_a_date_of_numbers_is_read_the_way_the_pages_language_writes_it(paragraphs, expected):
    text = page(HEADLINE, "Patricio Candia | Palma | 08/01/2014", body=paragraphs)
    assert parse_article(text).published == expected


@pytest.mark.parametrize("text", ["2014-01-08", "2014-01-08 10:21"])
def test_a_date_that_opens_with_its_year_is_never_read_day_first(text):
    assert find_dates(text, dayfirst=True)[0].value.date() == datetime(2014, 1, 8).date()


def test_a_published_label_over_its_date():
    text = page("Stats:", "Published:", "2017-08-15", "Words:", "67379", HEADLINE)
    assert parse_article(text).published == datetime(2017, 8, 15, tzinfo=UTC)


# Lines built from the words bylines and dates are made of, in any order: the header rules
# must never raise on them, and what they return must be well formed.
HEADER_WORDS = ("By", "by", "Von", "Par", "Posted", "Updated", "Published:", "March", "13.",
                "2020", "11.03.17", "12:30", "PM", "|", "•", "Ann", "Lee", "作者：", "肖春芳",
                "(avec", "Bo)", "©", "Founded", "   ", "[x]", "o", "N.Y.C.", "ago", "2", "h")
header_lines = st.lists(st.sampled_from(HEADER_WORDS) | st.text(max_size=12), max_size=25).map(
    " ".join)


@given(header_lines, st.booleans())
def test_byline_and_date_rules_never_raise(line, dayfirst):
    assert all(isinstance(name, str) and name for name in byline_names(line))
    assert all(isinstance(name, str) for name in names_in_dated_line(line))
    published, updated = line_dates(line, Reading(UTC, dayfirst))
    assert published is None or published.tzinfo is not None
    assert updated is None or updated.tzinfo is not None


@given(st.lists(header_lines, max_size=12))
def test_any_page_of_such_lines_parses_or_is_rejected(lines):
    text = "\n\n".join((*lines, *PARAGRAPHS))
    try:
        article = parse_article(text)
    except InputError as error:
        assert "\n" not in str(error)
        return
    assert article.title and all(article.authors)


def test_a_dated_byline_away_from_the_headline_dates_the_page():
    head = (HEADLINE, "Share", "More from the city", "Road works close the ring road",
            "Council names new transport chief", "Library opens on Sundays",
            "Tram tickets get cheaper in spring", "Parks stay open later in summer",
            "By Ann Lee March 3, 2021 3:46 PM")
    assert parse_article(page(*head)).published == datetime(2021, 3, 3, 15, 46, tzinfo=UTC)


def test_a_byline_box_right_over_the_body_dates_the_page():
    head = (HEADLINE, "You may also like", "Road works close the ring road",
            "Council names new transport chief", "Library opens on Sundays",
            "Tram tickets get cheaper in spring", "Parks stay open later in summer",
            "Ann Lee", "9/11/13 10:00AM", "52", "158")
    assert parse_article(page(*head)).published == datetime(2013, 9, 11, tzinfo=UTC)


def test_a_dated_byline_away_from_the_headline_names_the_author():
    head = (HEADLINE, "Share", "More from the city", "Road works close the ring road",
            "Council names new transport chief", "Library opens on Sundays",
            "Tram tickets get cheaper in spring", "Parks stay open later in summer",
            "By ANN LEE March 3, 2021 3:46 PM Morning News")
    assert parse_article(page(*head)).authors == ("ANN LEE",)


def test_a_reference_list_date_is_no_publication_date():
    foot = ("Archived from the original on 24 March 2011", "© 2024 Example Media")
    assert parse_article(page(HEADLINE, "By Ann Lee", foot=foot)).published is None


# A body long enough that the header's reach ends inside it, far from the page's foot.
LONG_BODY = PARAGRAPHS + tuple(
    f"Residents of district {n} will see the first buses on their streets next month, the "
    f"transport office said, after the drivers for route {n} finish their training."
    for n in range(1, 8))


def test_an_author_card_after_the_text_dates_an_otherwise_undated_page():
    foot = ("Previous chapter", "Next chapter", "About the author", "Ann Lee",
            "Follow Author", "Wednesday, December 20, 2023 8:09:56 PM", "Bio: I write things.")
    published = parse_article(page(HEADLINE, "By Ann Lee", body=LONG_BODY, foot=foot)).published
    assert published == datetime(2023, 12, 20, 20, 9, 56, tzinfo=UTC)


def test_a_date_inside_an_author_bio_is_no_publication_date():
    foot = ("About the author", "Ann Lee",
            "Ann Lee has covered transport since she joined the paper on March 3, 2011.")
    assert parse_article(page(HEADLINE, "By Ann Lee", body=LONG_BODY, foot=foot)).published is None


def test_a_date_far_under_an_author_card_is_not_the_cards():
    foot = ("About the author", "Ann Lee", "Follow", "Bio", "Tags", "Share", "Comments (3)",
            "Log in", "Bo Chan", "March 3, 2021")
    assert parse_article(page(HEADLINE, "By Ann Lee", body=LONG_BODY, foot=foot)).published is None


@pytest.mark.parametrize("heading, expected", [
    ("About the author", True), ("* About the Authors", True), ("Über die Autorin", True),
    ("À propos de l’auteur", True), ("Sobre el autor", True), ("O autorovi", True),
    ("作者简介", True), ("About the authority", False), ("Read more about the author", False),
])
def test_author_card_headings(heading, expected):
    assert bool(p.AUTHOR_CARD.match(heading)) is expected
