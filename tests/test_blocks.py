"""Text to blocks: hard-wrapped lines joined again, one-line paragraphs left alone, bullets."""
from __future__ import annotations

import dataclasses

import pytest

from feedpub.blocks import display_width, split_blocks, wrap_width, without_tex
from feedpub.words import word_count

# A paragraph as lynx wraps it at 80 columns: indented, lines ending near one column.
WRAPPED = """\
   The city council voted on Tuesday to extend the night bus service to the
   outer districts, a change that residents had asked for over several years
   of public meetings and petitions.

   The new routes start next month and run every thirty minutes between
   midnight and five, according to the transport office, which expects
   several thousand riders a week.
   Powered by ExampleAds

   Opponents said the money would be better spent on the existing daytime
   lines, which they described as crowded and late, but the motion passed
   with a comfortable majority after a long debate in the chamber.
"""


def test_wrapped_paragraphs_are_joined():
    blocks = split_blocks(WRAPPED)
    assert [b.text.split()[:2] for b in blocks] == [
        ["The", "city"], ["The", "new"], ["Powered", "by"], ["Opponents", "said"]]
    assert blocks[0].text.endswith("several years of public meetings and petitions.")
    assert blocks[0].raw_lines == 3 and blocks[0].line == 1


def test_short_line_after_a_full_one_ends_the_paragraph():
    # "Powered by ExampleAds" follows a line that ends well short of the wrap column.
    blocks = split_blocks(WRAPPED)
    assert blocks[2].text == "Powered by ExampleAds"


def test_one_line_per_paragraph_is_never_joined():
    text = "Home\nNews\nSport\n\n" + "A paragraph that runs on. " * 12 + "\nNext line\n"
    assert wrap_width(text.split("\n")) is None
    assert [b.text for b in split_blocks(text)][:3] == ["Home", "News", "Sport"]


def test_wrap_column_is_found_despite_long_unbreakable_lines():
    lines = WRAPPED.split("\n") + ["   http://example.org/" + "x" * 120]
    assert wrap_width(lines) in range(70, 80)


@pytest.mark.parametrize("line, text, bullet", [
    ("  * Home", "Home", True),
    ("• Sport", "Sport", True),
    ("      + nested item", "nested item", True),
    ("       o third level", "third level", True),
    ("1. Skip to content", "Skip to content", True),
    ("o brasil que dá certo", "o brasil que dá certo", False),
    ("A plain line", "A plain line", False),
])
def test_bullets_are_recognised_and_stripped(line, text, bullet):
    (block,) = split_blocks(line)
    assert (block.text, block.bullet) == (text, bullet)


def test_wrapped_bullet_item_continues_under_its_text():
    text = ("     * The first item of a list that lynx wrapped because it is far too long to\n"
            "       fit on one line of the dump\n"
            "     * The second item\n")
    lines = text.split("\n") + ["x" * 75] * 6
    blocks = split_blocks("\n".join(lines))
    assert blocks[0].text.endswith("too long to fit on one line of the dump")
    assert blocks[1].text == "The second item" and blocks[1].bullet


def test_hyphenated_word_split_over_lines_is_rejoined():
    text = ("   Internet-Drafts are working documents of the Internet Engineering Task\n"
            "   Force. The list of current Internet-Drafts is at the datatracker, and other\n"
            "   groups may also distribute their own working documents, also as Internet-\n"
            "   Drafts, the note says, which is long enough to be counted here as well.\n")
    (block,) = split_blocks(text + "\n" + ("   " + "y" * 72 + "\n") * 4)[:1]
    assert "also as Internet-Drafts, the note" in block.text


def test_cjk_wraps_by_display_width_and_joins_without_spaces():
    assert display_width("日本語") == 6 and display_width("abc") == 3
    line1 = "   " + "本" * 37
    line2 = "   " + "文" * 10 + "。"
    text = "\n".join([line1, line2, ""] + [line1] * 6)
    block = split_blocks(text)[0]
    assert block.text == "本" * 37 + "文" * 10 + "。"


def test_inline_tex_beside_a_formula_is_dropped():
    text = r"A Hermitian ⟺ a i j = a j i ¯ {\displaystyle A{\text{ Hermitian}}\iff a_{ij}} holds."
    assert without_tex(text) == "A Hermitian ⟺ a i j = a j i ¯ holds."


def test_mathml_source_a_text_browser_printed_is_cut_and_its_sentence_joined():
    formula = ("   [MATH: <semantics> <mrow class=\"MJX-TeXAtom-ORD\"> <mstyle\n"
               "   displaystyle=\"true\"> <mi> A </mi> </mstyle> </mrow>\n"
               "   </semantics> :MATH]\n")
    text = WRAPPED.replace("   midnight and five,", formula + "   midnight and five,")
    blocks = split_blocks(text)
    assert [b.text for b in blocks] == [b.text for b in split_blocks(WRAPPED)]


def test_an_opening_without_its_closing_is_left_as_it_is():
    text = "Lists are written [MATH: like this in the manual.\n" * 3
    assert [b.text for b in split_blocks(text)] == [line for line in text.splitlines()]


def test_a_centred_heading_wrapped_over_two_lines_is_one_block():
    # lynx centres each line of a centred heading on its own, so the lines do not line up.
    heading = (" Night buses reach the outer districts after years of waiting, council says\n"
               "                      as residents cheer the new routes\n")
    blocks = split_blocks(heading + "\n" + WRAPPED)
    assert blocks[0].text == ("Night buses reach the outer districts after years of waiting, "
                              "council says as residents cheer the new routes")


def test_table_rows_centred_on_each_other_by_chance_stay_apart():
    rows = (" Groundhog Day for a   2016 same day in which he ends up being shot by a police\n"
            "      Black Man           officer. The director of this film accused\n")
    assert len(split_blocks(rows + "\n" + WRAPPED)) == len(split_blocks(WRAPPED)) + 2


def test_line_starting_with_closing_punctuation_continues_the_one_above():
    text = ("   ^ Lee, Hyo-won (7 July 2017). \"Cannes: South Korean Time Travel Film Sells\"\n"
            "       . The Hollywood Reporter. Retrieved 25 September 2017.\n")
    text += ("   " + "z" * 72 + "\n") * 6
    block = split_blocks(text)[0]
    assert block.text.endswith("Sells\" . The Hollywood Reporter. Retrieved 25 September 2017.")


def test_rows_of_a_box_drawn_table_are_not_joined():
    rows = ["200 │ 2020-08-01 18:00:00+00 │ 4084 │ 2759.9672131147540984 │ 699.5974072568004",
            "400 │ 2020-08-01 18:00:00+00 │   24 │    0.4754098360655737 │ 1.2859185469997",
            "500 │ 2020-08-01 18:00:00+00 │    0 │    0.0163934426229508 │ 0.1280368795830"]
    text = "\n".join(rows + [""] + ["   " + "w" * 75] * 6)
    assert [b.text for b in split_blocks(text)[:3]] == rows


def test_a_block_made_again_with_new_text_counts_its_words_again():
    # region.without_doubled_text makes halved blocks with dataclasses.replace.
    block = split_blocks("Night buses reach the outer districts\n")[0]
    assert dataclasses.replace(block, text="Night buses").words == 2


@pytest.mark.parametrize("text, words", [
    ("two words", 2),
    ("日本語の文章", 3),  # CJK: two characters a word
    ("รถเมล์กลางคืน", 4),  # Thai: four characters (letters and their marks) a word
    ("ผล DNA ยืนยัน", 3),
])
def test_words_are_counted_by_the_scripts_way_of_writing_them(text, words):
    assert word_count(text) == words


def test_a_wrapped_line_may_open_with_the_portuguese_word_o():
    """lynx indents a paragraph's lines 3 columns and its third-level bullets ("o") 12 and
    more: "o" opening a line of a paragraph is the article "o", not a bullet."""
    text = ("   Não tenho partido político, tenho sim a torcida para que os torcedores e\n"
            "   o Brasil seja melhor em igualdade social. E que nossas prioridades sejam\n"
            "   educação e punição, disse o técnico ao programa da televisão ontem.\n\n") * 4
    blocks = split_blocks(text)
    assert len(blocks) == 4 and "e o Brasil seja" in blocks[0].text
