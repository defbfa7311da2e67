"""Finding the headline (feedpub.headline): one rule per test, on small pages written inline."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from feedpub import parse_article
from feedpub import patterns as p
from feedpub.blocks import split_blocks
from feedpub.classify import classify_blocks
from feedpub.headline import (MetaMarks, body_words, content_words, gaps_to_body,
                              headline_length, headline_scores, is_candidate, repeated_in_body,
                              repeated_texts, score_bound, shown_again, title_score)
from feedpub.region import body_region
from feedpub.source import read_source
from feedpub.model import Block, Kind

from .conftest import PARAGRAPHS

MENU = ("Skip to content", "World", "Business", "Night Life", "Transport News")
FOOTER = ("Share this article", "© 2024 Example Media. All rights reserved.")
HEADLINE = "Night buses reach the outer districts after years of waiting"


def page(*head: str, body: tuple[str, ...] = PARAGRAPHS, foot: tuple[str, ...] = FOOTER) -> str:
    """A saved page: menu, the given header blocks, the article's paragraphs, a footer."""
    return "\n\n".join((*MENU, *head, *body, *foot)) + "\n"


def title_of(text: str) -> str:
    return parse_article(text).title


def test_the_line_over_the_byline_beats_menu_labels():
    assert title_of(page(HEADLINE, "By Ann Lee", "March 3, 2021")) == HEADLINE


def test_a_headline_without_byline_or_date_is_found_by_its_words_in_the_body():
    assert title_of(page(HEADLINE)) == HEADLINE


def test_the_standfirst_under_the_headline_is_not_the_headline():
    headline = "Council extends the night bus service to the outer districts"
    dek = "Residents of the outer districts get night buses every thirty minutes"
    assert title_of(page(headline, dek, "By Ann Lee")) == headline


def test_a_caption_credited_to_an_agency_is_not_the_headline():
    caption = "A night bus leaves the central station in the outer districts Getty Images"
    assert title_of(page(HEADLINE, "By Ann Lee", caption)) == HEADLINE


def test_a_sub_heading_inside_the_body_is_not_the_headline():
    body = (PARAGRAPHS[0], "Night buses and the outer districts council", *PARAGRAPHS[1:])
    assert title_of(page(HEADLINE, "By Ann Lee", body=body)) == HEADLINE


def test_a_bare_author_name_under_the_headline_is_not_the_headline():
    assert title_of(page(HEADLINE, "Ann Lee", "Ann Lee", "March 3, 2021")) == HEADLINE


def test_a_headline_ending_in_an_abbreviation_counts():
    headline = "Night buses reach the outer districts of N.Y.C."
    assert title_of(page(headline, "By Ann Lee")) == headline


@pytest.mark.parametrize("line", [
    "Industry   Open-source software",          # a table row (cells apart by spaces)
    "History [ edit ]",                         # a wiki section heading with its edit link
    "CAPTION: Films with time loops",           # a text browser's table caption
    "New York|Manhole fires under the streets",  # a navigation trail
    "o Setting up",                             # a converter's nested-list mark
    "Share on Google Plus",                     # a button
    "S'abonner au Monde à partir de 1 €",       # a subscription offer
    "A bus at night. Source: Supplied",         # a caption with its credit
    "Marching band at the station Getty Images",  # a caption credited to an agency
    "Glass cloche terrariums (Lucy Akins)",     # a caption with its photographer
    "The mayor at the depot. Photo by Ann Lee/Example",  # ... credited in a sentence
    "Font Size [100%]",                          # a player's control with its setting
    "Link: Edit this page (edit)",              # a page's head link, as elinks prints it
    "Up Next Governments suck at social media",  # a player's next video
])
def test_page_furniture_is_no_headline_candidate(line):
    assert not is_candidate((Block(line, 1), Kind.TEXT))


@pytest.mark.parametrize("line", [
    "Night buses reach the outer districts", "Mozilla", "Screenshot : «Vape Wave», «6 Days»…",
    "How does the brain turn unconscious information into conscious thought?",
    "欲張りなイヌ", "The photo by Nick Ut that changed a war",
    # Scripts that write vowels and tones as combining marks: they are letters too.
    "भारत में चुनाव के नतीजे आज", "ผล DNA ยืนยัน ศพลอยแม่น้ำโขง",
    "နိုင်ငံတော်အကြည်ညိုပျက်စေမှုပုဒ်မနဲ့ တရားစွဲခံထားရတဲ့ အလဲဗင်းသတင်းသမား",
])
def test_headlines_of_many_shapes_are_candidates(line):
    assert is_candidate((Block(line, 1), Kind.TEXT))


def test_a_wrapped_line_of_a_paragraph_is_not_the_headline():
    wrapped = ("The city council voted on Tuesday to extend the night bus service",
               "to the outer districts, a change residents had asked for.")
    text = page(HEADLINE, "By Ann Lee", *wrapped)
    assert title_of(text) == HEADLINE


def test_content_words_leave_out_short_words_and_pair_cjk_characters():
    assert content_words("The bus to Tórshavn") == {"tórshavn"}
    assert content_words("公衆無線") == {"公衆", "衆無", "無線"}


def test_cjk_headlines_are_measured_by_characters():
    assert headline_length("トレンドマイクロ、公衆無線LANを安全に使うためのアプリ") < 20
    assert headline_length("one two three") == 3


def test_a_line_repeated_right_under_itself_is_no_repeated_headline():
    teaser = "Photo of a night bus seen as a sign of the times"
    head = (HEADLINE, "By Ann Lee", "More videos", teaser, "Now watching", teaser)
    assert title_of(page(*head)) == HEADLINE


def test_a_timeline_row_between_two_dates_is_not_the_headline():
    head = (HEADLINE, "By Ann Lee", "Founded", "3 March 1921", "Night buses first run",
            "9 May 1950", "Ring road opened")
    assert title_of(page(*head)) == HEADLINE


CASE_PAGES = sorted((Path(__file__).parent / "cases").glob("*.txt")) + sorted(
    (Path(__file__).parent.parent / "seeds").glob("*.txt"))


@pytest.mark.parametrize("path", CASE_PAGES, ids=lambda path: path.name)
def test_the_score_bound_is_never_below_a_candidates_score(path):
    """headline_scores skips candidates by score_bound: that must never change the headline,
    so the bound holds for every candidate of every test page, scored or not."""
    items = classify_blocks(split_blocks(read_source(path).text))
    start, end = body_region(items)
    body = body_words(items, start, end)
    limit = min(len(items), max(start, 0) + p.HEADLINE_INTO_BODY + 1, max(end, start) + 1)
    gaps = gaps_to_body(items, start, limit)
    repeats = repeated_texts(items)
    marks = MetaMarks(items, limit + p.META_REACH_AFTER * p.META_SCAN_FACTOR)
    for index in range(limit):
        if is_candidate(items[index]):
            score = title_score(items, index, gaps[index], body, repeats, marks,
                                inside=index >= start)
            assert score_bound(items, index, gaps[index], body, inside=index >= start) >= score


@given(st.lists(st.sampled_from(p.TITLE_SEPARATOR_MARKS + (" ", "a", ">", "-", ":", "|"))
                | st.text(max_size=3), max_size=8))
def test_the_separator_mark_pattern_finds_exactly_the_marks(pieces):
    """TITLE_SEPARATOR_MARK looks for each mark from its first character that is not a space;
    it must find a mark exactly where the line holds one of TITLE_SEPARATOR_MARKS."""
    line = "".join(pieces)
    expected = any(mark in line for mark in p.TITLE_SEPARATOR_MARKS)
    assert bool(p.TITLE_SEPARATOR_MARK.search(line)) == expected


def test_a_brand_label_right_over_the_byline_is_not_the_headline():
    # A text dump of a syndicated story: headline, the source's logo and name, then its byline.
    # The source's name is shown again in the footer, as headlines are in window titles.
    assert title_of(page(HEADLINE, "Daily Insider Daily Insider", "Daily Insider",
                         "Ann Lee 1 day ago", foot=("Daily Insider", *FOOTER))) == HEADLINE


def test_a_box_the_template_repeats_inside_the_body_is_not_the_headline():
    # The site prints a box over the headline and again between the paragraphs; it reads like
    # a short headline over its standfirst, but a headline is never repeated in the body.
    box = "Thank you for supporting the outer districts night service"
    body = (PARAGRAPHS[0], box, *PARAGRAPHS[1:])
    assert title_of(page(box, HEADLINE, "By Ann Lee", body=body)) == HEADLINE


def test_the_outlet_line_inside_the_byline_block_is_not_the_headline():
    # Headline, byline, the writer's outlet, a reviewer's credit: the outlet line has a byline
    # right above and one right under, which a headline does not.
    assert title_of(page(HEADLINE, "By Ann Lee", "Night Service News",
                         "Reviewed by Bo Park, MD", "March 3, 2021")) == HEADLINE


@given(st.lists(st.integers(0, 60), unique=True).map(sorted), st.integers(0, 60),
       st.integers(-1, 60), st.integers(-1, 60))
def test_copies_in_and_out_of_the_body_are_counted_as_by_their_definition(places, index, first,
                                                                         last):
    """shown_again and repeated_in_body find the copies by bisection (a page may repeat a line
    thousands of times); they must say what a plain look at every copy says."""
    places = sorted(set(places) | {index})  # the line's own place is among its copies
    repeats, region = {"a line": places}, (first, last)
    outside = [q for q in places if not first < q <= last]
    assert shown_again(repeats, "A line", index, region) == (
        bool(outside) and max(index - outside[0], outside[-1] - index) > p.REPEAT_MIN_GAP)
    assert repeated_in_body(repeats, "A line", index, region) == any(
        q != index and first < q <= last for q in places)


def test_only_the_candidates_nearest_the_body_are_scored():
    # Thousands of alike lines over the body: each would be as good a headline as the next.
    text = "\n\n".join(["Night buses reach the outer districts"] * 3000 + list(PARAGRAPHS))
    items = classify_blocks(split_blocks(text))
    start, end = body_region(items)
    scores = headline_scores(items, start, end, body_words(items, start, end),
                             repeated_texts(items))
    assert 0 < len(scores) <= p.HEADLINE_MAX_CANDIDATES
    assert max(scores) > 3000 - p.HEADLINE_MAX_CANDIDATES


def test_a_table_row_scores_below_the_same_words_in_one_run():
    # An infobox row ("Industry  Open-source software") is cells side by side, not a line.
    row, line = "Industry  Open-source software", "Industry Open-source software"
    scores = []
    for text in (row, line):
        items = classify_blocks(split_blocks(page(text, "Mozilla Foundation")))
        start, end = body_region(items)
        index = next(i for i, (block, _) in enumerate(items) if block.text == text)
        scores.append(title_score(items, index, 1, body_words(items, start, end),
                                  repeated_texts(items), MetaMarks(items, len(items)),
                                  inside=False))
    assert scores[0] <= scores[1] - p.HEADLINE_WEIGHTS["table_row"]


def test_a_pictures_file_name_under_the_headline_does_not_make_it_a_wrapped_line():
    """A text browser prints a picture without a description as its file name, which starts
    in lower case like a paragraph's next line would."""
    text = page("Let me Google that for you: 2014's most popular food searches", "google.JPG",
                "You are what you search. (The Associated Press)", "By Ann Lee",
                "December 27, 2014")
    assert title_of(text) == "Let me Google that for you: 2014's most popular food searches"


def test_the_writers_pictures_over_the_byline_do_not_push_the_headline_away():
    """A byline box shows the writers' pictures, printed as their names, over the byline; a
    video player's title farther down must not win for being nearer a date."""
    text = page(HEADLINE, "Ann Lee Bo Chen", "By Ann Lee and Bo Chen, CNN", "7 minute read",
                "Updated 4:48 PM EST, Mon November 6, 2023", "Ad Feedback",
                "02 night buses districts 110623", "Video Ad Feedback",
                "Night buses reach the districts", "03:29 - Source: CNN",
                "02 night buses districts 110623")
    assert title_of(text) == HEADLINE
