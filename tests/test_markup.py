"""Markup a converter left in the text (feedpub.markup): Markdown's syntax and formula sources."""
from __future__ import annotations

import textwrap

import pytest
from hypothesis import given
from hypothesis import strategies as st

from feedpub import parse_article
from feedpub import patterns as p
from feedpub.blocks import split_blocks
from feedpub.markup import has_no_grid_marks, plain_text

from .conftest import PARAGRAPHS


@pytest.mark.parametrize("markdown, shown", [
    ("Buses run [every night](https://example.org/night) now.", "Buses run every night now."),
    ("[Home](/) [News](news.html \"All news\")", "Home News"),
    ("[I](javascript:void\\(0\\); ) am a man.", "I am a man."),
    ("See ![A bus at night](bus.jpg) here.", "See  here."),
    ("[![Logo](logo.png)](https://example.org)", ""),
    ("## Night buses ##", "Night buses ##"),
    ("   ### Sub-heading", "   Sub-heading"),
    ("A [link](/a) and **strong** and __strong__ words.", "A link and strong and strong words."),
    ("A [link](/a), a *really* big _(The Associated Press)_ deal.",
     "A link, a really big (The Associated Press) deal."),
    ("[Home](/)\n* one item\n* another, with snake_case_name and a * b * c",
     "Home\n* one item\n* another, with snake_case_name and a * b * c"),
])
def test_markdown_becomes_the_text_it_shows(markdown, shown):
    assert plain_text(markdown) == shown


@pytest.mark.parametrize("text", [
    "snake_case_name and __init__.py", "a ** b ** c", "#hashtag and C# code",
    "see [1] (2019) and [sic]", "Search for: ____________________ Search",
])
def test_text_that_only_looks_like_markdown_is_left_alone(text):
    assert plain_text(text) == text


# Without "]" and "#" no Markdown link, picture, heading or formula source; without box bars
# and "+" no frame: a text of every other character comes back as it was. ("References"
# lists are cut in blocks.py's reading, not here.)
@given(st.text(alphabet=st.characters(blacklist_characters="]#│┃║+")))
def test_text_without_markdown_comes_back_unchanged(text):
    assert plain_text(text) == text


@given(st.text(alphabet="+-|= \nab"))
def test_grid_frames_come_off_without_error_and_only_with_a_rule(text):
    shown = plain_text(text)
    if "+---" not in text:
        assert shown == text


@given(st.text(alphabet="+-|= \nab"))
def test_reading_grid_tables_a_cell_at_a_time_loses_no_letter(text):
    assert sorted(c for c in plain_text(text) if c in "ab") == sorted(c for c in text if c in "ab")


@given(st.lists(st.sampled_from([" +---+---+", " |a  |b  |", " |   | b |", " | a |   |",
                                  "x|a  |b  |", " |a  |b  |x"]), max_size=40))
def test_grid_tables_of_any_rows_lose_no_letter(rows):
    text = "\n".join(rows)
    assert sorted(c for c in plain_text(text) if c in "abx") == \
        sorted(c for c in text if c in "abx")


def test_an_article_clipped_as_markdown_parses_like_the_page():
    # As an HTML-to-Markdown converter saves a page: menu links, the headline as a heading,
    # a picture, and paragraphs with links in them.
    body = [PARAGRAPHS[0].replace("night bus service", "[night bus service](/buses)"),
            *PARAGRAPHS[1:]]
    text = "\n\n".join([
        "  * [Home](https://example.org/)", "  * [News](https://example.org/news)",
        "# Night buses reach the outer districts", "By [Ann Lee](/authors/ann-lee)",
        "March 3, 2021", "![A night bus at the depot](https://example.org/bus.jpg)", *body,
        "### Share this:", "  * [Twitter](https://twitter.com/share)"]) + "\n"
    article = parse_article(text)
    assert article.title == "Night buses reach the outer districts"
    assert article.authors == ("Ann Lee",)
    assert article.paragraphs == PARAGRAPHS


def test_a_frame_drawn_around_the_page_is_taken_off():
    # elinks draws the border of a table that lays out the whole page around every line.
    framed = ("┌──────────────────────────────┐\n"
              "│  Study Webtext               │\n"
              "│ I am a rather elderly man.   │\n"
              "│ Name │ Year                  │\n"
              "└──────────────────────────────┘\n")
    assert [line.rstrip() for line in plain_text(framed).splitlines()] == [
        "", "   Study Webtext", "  I am a rather elderly man.", "  Name │ Year", ""]


LYNX_WITH_LINKS = """\
   [3]Skip to main content

     * [4]Biz & IT
     * [5]Tech

Night buses reach the outer districts

   The council voted on Tuesday to extend the night bus service to the [6]outer
   districts, a change that residents had asked for over several years of
   public meetings and petitions, [7]the minutes say.[8][12]

   The new routes start next month and run every thirty minutes between
   midnight and five, according to the transport office, which expects
   several thousand riders a week.

References

     * [9]My twitter

References

   Visible links:
   1. http://feeds.example.org/index/
   2. file://localhost/search/
"""


def test_a_text_browsers_link_numbers_and_list_of_links_are_taken_out():
    """The numbers come out once the lines are joined: lynx wrapped the lines with them in,
    so a line that lost one is still a full line of its paragraph."""
    assert [block.text for block in split_blocks(LYNX_WITH_LINKS)] == [
        "Skip to main content", "Biz & IT", "Tech", "Night buses reach the outer districts",
        "The council voted on Tuesday to extend the night bus service to the outer districts, "
        "a change that residents had asked for over several years of public meetings and "
        "petitions, the minutes say.[8][12]",
        "The new routes start next month and run every thirty minutes between midnight and "
        "five, according to the transport office, which expects several thousand riders a "
        "week.",
        "References", "My twitter"]


def test_bracketed_numbers_without_a_list_of_links_are_the_texts_own():
    text = "Foot marks stay[12] and [3]so do these.\n\nReferences\n\n   1. Smith, J. (2001)\n"
    assert [block.text for block in split_blocks(text)] == [
        "Foot marks stay[12] and [3]so do these.", "References", "Smith, J. (2001)"]


def test_an_ascii_grid_drawn_around_the_page_is_taken_off():
    framed = ("+------------------------------------------+\n"
              "| Bartleby the Scrivener                   |\n"
              "|                                          |\n"
              "| I am a rather elderly man. | A note.     |\n"
              "+------------------------------------------+\n")
    assert [line.strip() for line in plain_text(framed).split("\n")] == [
        "", "Bartleby the Scrivener", "", "I am a rather elderly man. | A note.", "", ""]


def layout_table(left: list[str], right: list[str], width: int = 20) -> str:
    """A page laid out as a two-column table, as pandoc's plain text prints it."""
    rule = "+" + "-" * width + "+" + "-" * 50 + "+"
    rows = [f"|{a:<{width}}|{b:<50}|" for a, b in
            zip(left + [""] * (len(right) - len(left)), right + [""] * (len(left) - len(right)))]
    return "\n".join([rule, *rows, rule]) + "\n"


def test_a_page_laid_out_as_a_table_is_read_a_column_at_a_time():
    """A sidebar beside the article: read across, every line of the article would be half
    menu; read a column at a time, the menu comes first and the article whole after it."""
    menu = [" Front page", " Security", " Kernel"]
    article = [" A trademark battle", "", " By Nathan Willis", " March 25, 2015", "",
               *[f" Paragraph line {n} of the article." for n in range(12)]]
    lines = [line.strip() for line in plain_text(layout_table(menu, article)).split("\n")]
    assert lines[1:4] == ["Front page", "Security", "Kernel"]
    assert lines[5:9] == ["A trademark battle", "", "By Nathan Willis", "March 25, 2015"]
    assert all("|" not in line for line in lines)


def test_the_article_of_a_page_laid_out_as_a_table_is_found():
    menu = [" Front page", " Security", " Kernel development", " Log in now"]
    article = [" A trademark battle in the Arduino community", "", " By Nathan Willis",
               " March 25, 2015", ""]
    for paragraph in PARAGRAPHS:  # wrapped to the column's width, as pandoc does
        article += [f" {line}" for line in textwrap.wrap(paragraph, 48)] + [""]
    parsed = parse_article(layout_table(menu, article, 24))
    assert parsed.title == "A trademark battle in the Arduino community"
    assert parsed.authors == ("Nathan Willis",)
    assert all(paragraph in parsed.content_text for paragraph in PARAGRAPHS)
    assert not any(item in parsed.content_text for item in ("Front page", "Log in now"))


def test_a_data_table_is_still_read_across():
    """Rows of a few lines are a data table's: its cells stay side by side on their line."""
    table = ("+-----------------+------------+\n"
             "| Initial release | 1998       |\n"
             "+-----------------+------------+\n"
             "| License         | GPL        |\n"
             "+-----------------+------------+\n")
    lines = [line.strip() for line in plain_text(table).split("\n") if line.strip()]
    assert lines == ["Initial release | 1998", "License         | GPL"]


def test_bars_without_a_grid_rule_are_the_texts_own():
    text = "| a quoted line |\n+ a plus line +\n"
    assert plain_text(text) == text


def test_a_grid_inside_a_grids_cell_comes_off_too():
    nested = ("+------------------------------+\n"
              "| +-------------+------------+ |\n"
              "| | Minecraft   | Powered by | |\n"
              "| +-------------+------------+ |\n"
              "| The Bountiful Update         |\n"
              "+------------------------------+\n")
    assert [line.strip() for line in plain_text(nested).split("\n")] == [
        "", "", "Minecraft   | Powered by", "", "The Bountiful Update", "", ""]



@given(st.lists(st.sampled_from(("│", "┃", "─", "┌", "┐", "+", "|", "---", " ", "\t"))
                | st.text(max_size=3), max_size=12))
def test_frames_come_off_only_lines_that_hold_a_frames_character(pieces):
    """without_frame leaves a line its `unframed` test passes as it is: an ASCII line holds
    no box character, a line without "+" and "|" no part of a grid."""
    line = "".join(pieces)
    if line.isascii():
        assert p.FRAMED_LINE.match(line) is None
        assert p.BOX_RULE_LINE.match(line) is None or line.isspace()
    if has_no_grid_marks(line):
        assert p.GRID_FRAMED_LINE.match(line) is None and p.GRID_RULE.match(line) is None
