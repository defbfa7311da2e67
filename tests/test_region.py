"""Chrome lines and the body region: which blocks are the article and which are page furniture."""
from __future__ import annotations

import re
import string
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from feedpub import parse_article
from feedpub.blocks import split_blocks
from feedpub.classify import (classify_block, classify_blocks, ends_sentence, is_code, is_doubled,
                              is_markup, is_script)
from feedpub.model import Block, Kind
from feedpub.patterns import (CHROME, CODE_LINE_ANYWHERE, CODE_LINE_ANYWHERE_HINT,
                              CODE_LINE_END, CODE_LINE_END_CHARS, COMMENTS_HEADING, END_CHROME,
                              INLINE_CHROME, SENTENCE_END, WHOLE_LINE_FRAME,
                              reads_in_lower_case)
from feedpub.region import (article_enders, best_run, body_region, listed_blocks,
                            plain_reading_most, plain_score, preformatted, widen_gaps)
from feedpub.source import read_source

PROSE = ("The council voted on Tuesday to extend the night bus service to the outer districts, "
         "a change residents had asked for over years of public meetings.")
MORE = ("The new routes start next month and run every thirty minutes between midnight and "
        "five, according to the transport office, which expects thousands of riders.")
LAST = ("Opponents said the money would be better spent on the daytime lines, which they "
        "described as crowded and late, but the motion passed with a comfortable majority.")


@pytest.mark.parametrize("line", [
    "Advertisement", "ADVERTISEMENT", "Anzeige", "Publicité", "Publicidad", "Reklama", "广告",
    "Story continues below advertisement", "Continue reading the main story",
    "Share", "Share this article", "Tweet", "Facebook Twitter Email", "Teilen", "Partager",
    "Compartilhar", "Sdílet", "我要分享", "シェアする", "Play Video", "Fullscreen",
    "Current Time 0:00", "Loaded: 0%", "View this image ›",
    "Click to share on Facebook (Opens in new window)", "61Click to email this to a friend",
    "Share on Whatsapp[]", "More Options", "Resize Text", "A- A+", "Schriftgröße",
    "共有", "記事保存", "文字サイズ", "閉じる", "关闭",
])
def test_inline_chrome(line):
    assert INLINE_CHROME.match(line)
    assert classify_block(Block(line, 1)) is Kind.CHROME


@pytest.mark.parametrize("line", [
    "Comments", "12 comments", "Leave a Reply", "Kommentare", "Commentaires", "Comentarios",
    "Comentar", "Commenter", "Commenta", "Comparte tu opinión", "Sign in to comment",
    "Regístrate o inicia sesión para comentar",
    "Related stories", "Related", "Most read", "Most popular", "You might also like",
    "Recommended for you", "Around the web", "Meistgelesen", "Les plus lus", "Lo más leído",
    "Artículos relacionados", "Leia também", "Nejčtenější", "推荐阅读", "関連記事",
    "Sign up for our newsletter", "Subscribe", "Follow us on Twitter", "Privacy Policy",
    "Terms of Use", "© 2024 Example Media", "Copyright 2019 Someone", "All rights reserved.",
    "We use cookies to improve your experience", "Tags: politics, rail", "Next article: Foo",
    "本文はここまでです このページの先頭へ", "發表留言", "Search this site  Search", "Suche",
    "Search for:", "留言列表 (42)", "相關文章", "推薦閱讀",
    "您可能會有興趣的文章", "網友評論", "【関連記事】", "[Related stories]", "「おすすめ記事」",
    "ログイン", "新規会員登録", "登录", "회원가입",
    "コメント非表示", "アクセスランキング（IT総合）", "注目のビジネスニュース",
    "Iezīmējiet tekstu un spiediet Ctrl+Enter, lai nosūtītu labojamo teksta fragmentu!",
    "Выделите текст и нажмите Ctrl + Enter",
])
def test_end_of_article_chrome(line):
    assert END_CHROME.match(line)
    assert classify_block(Block(line, 1)) is Kind.CHROME


@pytest.mark.parametrize("line", [
    PROSE, "Share prices fell sharply on Monday after the announcement.",
    "Comments from the minister were not available.", "Advertising revenue fell by a third.",
    "The Related Press", "Sport", "Shared values",
    "Click to share on Facebook, the council said, and the petition spread across the city.",
    "More options for night buses", "Font sizes grew over the decade.",
    "Search this site for the timetable of the night buses.",
])
def test_prose_and_labels_are_not_chrome(line):
    assert classify_block(Block(line, 1)) is not Kind.CHROME


@pytest.mark.parametrize("text, expected", [
    ("It rained.", True), ("Did it rain?", True), ("“It rained,” she said.", True),
    ("It was invented in 1995.[12]", True), ("Two teens live the same day.^[75]", True),
    ("It rained and rained and", False), ("Les 43 fois où Grey’s Anatomy a fait couler…", False),
    ("A teaser cut short...", False), ("晴れた。", True),
])
def test_ends_sentence(text, expected):
    assert ends_sentence(text) is expected


@pytest.mark.parametrize("text, expected", [
    ("var cow = new Cow();", True), ("</head>", True), ("$ hg amend -m 'fix'", True),
    ("SELECT avg(n)", True), ("2 │ -0.757 │ t", True), ("──────────", True),
    ("return this.name + \" greets \" + target;", True),
    (PROSE, False), ("The minister (a Tory) resigned.", False),
])
def test_code_lines(text, expected):
    assert is_code(text) is expected


def test_doubled_link_text_is_a_teaser():
    assert is_doubled("Citi mortgage units fined $28.8 million Citi mortgage units fined $28.8 million")
    assert not is_doubled(PROSE)


# Paragraphs of an article about HTML: they quote a tag with attributes, which is no reason
# to drop them (the second is mostly tag by its characters, but its words make a sentence).
QUOTES_TAG = 'To put a picture in a page, write <img src="cat.jpg" alt="A cat"> where it goes.'
QUOTES_LONG_TAG = ('Its banner read <img src="https://ads.example.org/banner.gif?campaign=spring'
                   '&slot=top" width="728" height="90" alt="Spring sale"> over every article on '
                   'the site, the report found.')


@pytest.mark.parametrize("text, expected", [
    ('<div style="position:absolute;"><img width=1 height=1 alt="" '
     'src="http://ads.example.org/b?P=1&T=2"></div>', True),
    ('<span class=branding>Sponsored by </span>Acme Shoes', True),
    ('<img src="https://pixel.example.org/p.gif" style="display:none" height="1" width="1" />',
     True),
    (QUOTES_TAG, False), (QUOTES_LONG_TAG, False),
    ("The <b>bold</b> and <i>italic</i> tags", False),
])
def test_markup_is_mostly_tags_not_prose_quoting_one(text, expected):
    assert is_markup(text) is expected


def test_paragraphs_quoting_a_tag_stay_in_the_body():
    text = page("How pictures get into a page", PROSE, MORE, QUOTES_TAG, QUOTES_LONG_TAG)
    assert parse_article(text).paragraphs == (PROSE, MORE, QUOTES_TAG, QUOTES_LONG_TAG)


MINIFIED = ('!function(t,e){"object"==typeof exports&&"undefined"!=typeof module?module.exports'
            '=e():"function"==typeof define&&define.amd?define(e):(t=t||self).LazyLoad=e()}(this,'
            'function(){"use strict";function t(){return(t=Object.assign||function(t){for(var e='
            '1;e<arguments.length;e++){var n=arguments[e];for(var a in n)Object.prototype.'
            'hasOwnProperty.call(n,a)&&(t[a]=n[a])}return t}).apply(this,arguments)}')


@pytest.mark.parametrize("text, expected", [
    (MINIFIED, True),
    (PROSE * 3, False),
    ("fetch('/data.json').then(function(res) { return res.json(); }).then(function(data) "
     "{ console.log(data.items.length); }).catch(function(error) { console.error(error); });",
     False),  # a line of an article's code listing: spaced
    ("香港行政长官梁振英在各方压力下就其大宅的违章建筑（僭建）问题到立法会接受质询，并向香港民众道歉。"
     * 4, False),
])
def test_a_minified_script_is_dense_code_without_spaces(text, expected):
    assert is_script(text) is expected


def test_a_minified_script_after_the_article_is_left_out():
    """A whole page's script is long, and spaced now and then ("return t", "var e"): read
    by its words it would outweigh the article."""
    code = MINIFIED * 40
    script = " ".join(code[i:i + 50] for i in range(0, len(code), 50))
    assert is_script(script)
    text = page("A headline for the story", PROSE, MORE, LAST, script)
    assert parse_article(text).paragraphs == (PROSE, MORE, LAST)


def test_leaked_tracking_markup_after_the_article_is_left_out():
    pixel = '<div><img src="https://pixel.example.org/p.gif?id=42" width="1" height="1"></div>'
    text = page("A headline for the story", PROSE, MORE, LAST, pixel)
    assert parse_article(text).paragraphs == (PROSE, MORE, LAST)


def page(*lines: str) -> str:
    return "\n\n".join(lines) + "\n"


def test_body_is_the_prose_between_navigation_and_footer():
    text = page("Home", "News", "Sport", "A headline for the story", PROSE, MORE, LAST,
                "Related stories", "Another story about buses", "© 2024 Example")
    article = parse_article(text)
    assert article.paragraphs == (PROSE, MORE, LAST)


def test_adverts_and_share_buttons_inside_the_article_do_not_end_it():
    text = page("A headline for the story", PROSE, "Advertisement", "Share", MORE,
                "Advertisement", LAST)
    assert parse_article(text).paragraphs == (PROSE, MORE, LAST)


def test_list_of_headline_links_after_the_article_is_left_out():
    links = [f"* Another story about buses number {n} and the council" for n in range(8)]
    text = page("A headline for the story", PROSE, MORE, LAST, *links,
                "A short line of prose after the links ends here.")
    assert parse_article(text).paragraphs == (PROSE, MORE, LAST)


def test_teasers_cut_short_do_not_count_as_prose():
    teasers = [f"Story number {n} about something else that happened somewhere…" for n in range(6)]
    text = page(*teasers, "A headline for the story", PROSE, MORE, LAST)
    assert parse_article(text).paragraphs == (PROSE, MORE, LAST)


def test_sub_headings_and_lists_inside_the_article_are_kept():
    text = page("A headline for the story", PROSE, "What changes", "* Buses every half hour.",
                "* Three new routes to the suburbs.", MORE, LAST)
    article = parse_article(text)
    assert [part.kind for part in article.body] == [
        Kind.HEADING, Kind.LIST_ITEM, Kind.LIST_ITEM, Kind.TEXT, Kind.TEXT]


def test_code_listing_inside_an_article_is_kept_whole():
    code = "\n".join(["function Cow(name) {", "  this.name = name;", "}", "", "exports.Cow = Cow;",
                      "Cow.prototype = {", "  greets: function(target) {", "    return target;",
                      "  }", "};"])
    text = page("A headline for the story", PROSE, code, MORE, LAST)
    items = classify_blocks(split_blocks(text))
    start, end = body_region(items)
    kept = [block.text for block, _ in items[start:end + 1]]
    assert "this.name = name;" in kept and "}" in kept and LAST in kept
    assert preformatted(items)


def test_page_of_notes_without_sentences_still_has_a_body():
    notes = [f"* Added feature number {n} with its own settings and options" for n in range(30)]
    text = page("Release notes", *notes, "Older posts")
    article = parse_article(text)
    assert len(article.paragraphs) == 30


def test_short_one_paragraph_article_keeps_its_headline():
    text = page("Home | News | Sport", "Night buses reach the outer districts", PROSE)
    article = parse_article(text)
    assert article.title == "Night buses reach the outer districts"
    assert article.paragraphs == (PROSE,)


def test_comment_section_after_the_article_is_left_out():
    comment = ("I could not agree more with the council on this, the buses have been a "
               "disgrace for years and something finally had to change in the city.")
    text = page("A headline for the story", PROSE, MORE, LAST, "3 Comments", "Ann Lee",
                comment, "Reply", "Bo Chen", comment.replace("agree", "disagree"), "Reply")
    assert parse_article(text).paragraphs == (PROSE, MORE, LAST)


def test_comment_counter_under_the_byline_does_not_cut_the_article():
    text = page("A headline for the story", "By Ann Lee", "0 comments", PROSE, MORE, LAST)
    assert parse_article(text).paragraphs == (PROSE, MORE, LAST)


def test_stream_of_teasers_with_summaries_is_not_the_article():
    teaser = ("A summary of another story that runs long enough to look like a paragraph of "
              "prose, with a clause or two, and then it ends like a sentence does.")
    stream = []
    for n in range(8):  # as a news portal lists them: summary, related links, source, counter
        stream += [f"Related story {n} about the vote", "Reuters",
                   f"Another related story {n}", "Associated Press", "Politics",
                   f"{n}Comments. Click to view comments", f"Headline of other story {n}",
                   teaser]
    text = page("A headline for the story", PROSE, MORE, LAST, *stream)
    assert parse_article(text).paragraphs == (PROSE, MORE, LAST)


SUMMARY = ("A columnist asks why the outer districts still wait for buses, and what the city "
           "could do about it before the winter.")


def test_teaser_cards_under_a_more_stories_heading_are_not_the_article():
    cards = []
    for n in range(4):  # a title over a short summary, as a columns box lists them
        cards += [f"Column {n} Buses and the city", SUMMARY.replace("columnist", f"writer {n}")]
    text = page("A headline for the story", PROSE, MORE, LAST, "More stories", *cards)
    assert parse_article(text).paragraphs == (PROSE, MORE, LAST)


CARD_SUMMARY = ("People who have turned to the city's buses for their night trips are being hit "
                "with old timetables, missing stops and drivers who never saw the new routes, "
                "a writer finds.")
ABOUT = ("Example News is where the city reads about itself. It is the essential source of "
         "information and ideas that make sense of a city in constant change: its buses and its "
         "budgets, its parks and its people, every day since the first edition came off the press.")


def test_teaser_cards_before_the_sites_about_box_are_not_the_article():
    """Cards of other stories (the title twice, as picture and link, a summary, the writer)
    and the box saying what the site is: the box is left out of the cards' share, or the
    cards outweighed the article itself."""
    cards = []
    for n in range(6):
        title = f"Column {n} Buses and the city"
        cards += [title, title, CARD_SUMMARY.replace("a writer", f"writer {n}"), "Ann Lee"]
    text = page("A headline for the story", PROSE, MORE, LAST, "More stories", *cards, ABOUT)
    assert parse_article(text).paragraphs == (PROSE, MORE, LAST)


def test_related_posts_with_long_titles_and_cut_excerpts_are_not_the_article():
    """A blog's related posts: a long title (an unfinished line of 15 words scores a little),
    an excerpt of some 50 words cut short with an ellipsis, its date and its category."""
    excerpt = ("The transport office has released the results of its survey of night riders, "
               "which covers a wide range of topics including routes, fares, safety and the "
               "waiting times at the stops in the outer districts, where residents have asked "
               "for more buses for years. The survey ran for just two weeks and collected…")
    cards = []
    for n in range(3):
        cards += [f"Night Riders Survey {n} Shows Buses Are Trending Up, Despite Being Ranked "
                  "Among Most Dreaded Commutes", excerpt.replace("two", f"{n + 2}"),
                  f"March {n + 1}, 2016", 'In "News"']
    text = page("A headline for the story", PROSE, MORE, LAST, "Related", *cards)
    assert parse_article(text).paragraphs == (PROSE, MORE, LAST)


def test_an_article_that_goes_on_after_a_box_of_teasers_is_kept():
    cards = []
    for n in range(3):
        cards += [f"Column {n} Buses and the city", SUMMARY.replace("columnist", f"writer {n}")]
    rest = [PROSE.replace("council", f"board {n}") for n in range(4)]
    text = page("A headline for the story", PROSE, MORE, LAST, "More stories", *cards, *rest)
    assert parse_article(text).paragraphs[-1] == rest[-1]


def test_a_list_article_after_an_inline_related_heading_is_kept():
    review = " ".join([MORE, LAST, PROSE.replace("council", "film")])  # a long item
    items = [line for n in range(4)
             for line in (f"Film number {n}", review.replace("new", f"new {n}"))]
    text = page("The best films of the year", PROSE, "Related", "Other lists of the year",
                *items)
    assert parse_article(text).paragraphs[-1] == items[-1]


def test_a_table_the_article_introduces_does_not_cut_it_in_two():
    # A text dump prints a table's rows one under another, with no bullets to say "list".
    names = ["Ann Lee", "Bo Chen", "Cy Diaz", "Di Evans", "Ed Fox", "Flo Gray", "Gus Hale",
             "Hal Ito", "Ida Jones", "Jo King", "Kai Lund", "Liv Moss", "Max Nash", "Ned Ortiz"]
    rows = "\n".join(f"{name:20} {60 - n:3} {12.5 - n / 2:4.1f}%" for n, name in enumerate(names))
    text = page("A headline for the story", PROSE, MORE,
                "The most active drivers this year were:", rows, LAST, PROSE + " " + MORE)
    paragraphs = parse_article(text).paragraphs
    assert paragraphs[:2] == (PROSE, MORE) and paragraphs[-2:] == (LAST, PROSE + " " + MORE)


def test_a_table_under_its_header_row_does_not_cut_the_article():
    # An HTML-to-text converter prints the header row's cells apart and each row's first
    # cell on its own line, one under another.
    header = "Screen      UX draft      UX review      UI mockup      Implementation"
    rows = "\n".join(["Load map", "Save map", "Graphics settings", "Control settings",
                      "Sound settings", "Interface settings", "Other settings", "Map generator",
                      "Quick bar", "Train screen", "Technology screen", "Blueprint library",
                      "Shortcut bar", "Character screen"])
    intro = " ".join((PROSE, MORE, LAST))
    text = page("A headline for the story", intro, header + "\n" + rows, LAST,
                PROSE + " " + MORE)
    paragraphs = parse_article(text).paragraphs
    assert paragraphs[0] == intro and paragraphs[-2:] == (LAST, PROSE + " " + MORE)


def test_a_list_a_browser_copied_without_bullets_does_not_cut_the_article():
    # A browser's copy prints list items one per line, right under the line introducing them
    # and the lines before it, with nothing to mark them as a list.
    items = ["Cloche", "Planter saucer or a shallow dish", "Floral foam", "Ruler", "Spoon",
             "Wire pins", "Small plants from a nursery", "Moss", "Tweezers", "Small stones",
             "Decorative items", "A spray bottle", "Scissors", "Gloves"]
    tools = "\n".join(["Other people are reading", "Plant terrarium ideas",
                       "What you'll need:", *items])
    intro = " ".join((PROSE, MORE, LAST))  # the long paragraph introducing what is needed
    text = page("A headline for the story", intro, tools, LAST, PROSE + " " + MORE)
    paragraphs = parse_article(text).paragraphs
    assert paragraphs[0] == intro and paragraphs[-2:] == (LAST, PROSE + " " + MORE)


def test_prose_nested_deeper_than_the_article_is_left_out():
    ticker = []
    for n in range(6):
        ticker += [f"  * 14:{n}0", "    " + LAST.replace("Opponents", f"Critics {n}")]
    text = page("A headline for the story", PROSE, MORE, LAST, "Live", *ticker)
    assert parse_article(text).paragraphs == (PROSE, MORE, LAST)


def test_a_bare_guestbook_link_in_the_menu_does_not_cut_the_article():
    # 留言 alone is a Chinese blog menu's guestbook link; 發表留言 ("leave a comment") ends it.
    text = page("首頁", "留言", "A headline for the story", PROSE, MORE, LAST, "發表留言",
                "I could not agree more with the council, the buses were late for years.")
    assert parse_article(text).paragraphs == (PROSE, MORE, LAST)


def test_one_giant_block_does_not_decide_where_the_paragraphs_sit():
    # The article nested in its page's layout, and the list of everyone who liked it nearer
    # the margin: thousands of names in one block, as much "prose" as the whole article.
    indent = " " * 12
    names = ", ".join(f"Reader{n}" for n in range(3000)) + " and 3381 guests left kudos!"
    paragraphs = [PROSE, MORE, LAST] * 10
    text = page("A headline for the story", *(indent + text for text in paragraphs),
                "Comments", "      " + names)
    assert parse_article(text).paragraphs == tuple(paragraphs)


@pytest.mark.parametrize("line", [
    "GET /.well-known/webfinger HTTP/1.1", "HTTP/1.1 200 OK", "Content-Type: text/html",
    "$915", "’17", "4.3333333333333333", "avg(n) - stddev(n) AS lower_bound,",
])
def test_protocol_lines_and_figures_look_like_code(line):
    assert is_code(line)


def test_release_notes_made_of_list_items_are_the_body():
    notes = [f"  * Fixed issue number {n} where the settings panel lost its place on reload "
             f"(Bug {1000 + n})" for n in range(40)]
    text = page("Home", "News", "Release notes for this week", *notes,
                "Leave a Reply", "Your email address will not be published.",
                "Sign up for our newsletter and we will send you the news every morning.")
    paragraphs = parse_article(text).paragraphs
    assert sum(p.startswith("Fixed issue number") for p in paragraphs) >= 39
    assert not any("newsletter" in p or "email address" in p for p in paragraphs)


@pytest.mark.parametrize("line", [
    "IFRAME: https://www.youtube.com/embed/Q0CbN8sfihY?rel=0&", "tweet share Reddit Pocket Flipboard Email",
    "Check out more articles on Example.com!", "More stories", "Other Opinion Columns",
    "Recevoir la newsletter", "Související", "Sdílet článek",
])
def test_more_chrome_lines(line):
    assert classify_block(Block(line, 1)) is Kind.CHROME


def test_doubled_caption_in_the_body_is_kept_once():
    caption = "The new bus at the depot in the morning."
    text = page("A headline for the story", PROSE, caption + caption, MORE, LAST)
    assert caption in parse_article(text).paragraphs


# Characters of a pattern that may stand for an ASCII letter when case is ignored: the
# upper-case letters themselves, and the few others that fold to one ("K" the Kelvin sign).
def folds_to_ascii(char: str) -> bool:
    return any(re.fullmatch(re.escape(char), letter, re.I) and char != letter.lower()
               for letter in string.ascii_letters)


@pytest.mark.parametrize("table", [INLINE_CHROME, END_CHROME, COMMENTS_HEADING, CHROME],
                         ids=["INLINE_CHROME", "END_CHROME", "COMMENTS_HEADING", "CHROME"])
def test_whole_line_tables_are_written_in_lower_case(table):
    """WholeLines reads an ASCII line in lower case with case counting: that agrees with
    ignoring case only while no fragment holds what folds to an ASCII letter."""
    source = re.sub(r"\\[A-Za-z]", "", table.any_case.pattern)  # \s, \W, \d are no letters
    assert not [char for char in set(source) if folds_to_ascii(char)]
    assert "(?i" not in source and "(?-i" not in source


# Every character that has a case (about 2,900 of them).
CASED = tuple(chr(code) for code in range(sys.maxunicode + 1)
              if chr(code).lower() != chr(code) or chr(code).upper() != chr(code))


@pytest.mark.parametrize("table", [INLINE_CHROME, END_CHROME, COMMENTS_HEADING, CHROME],
                         ids=["INLINE_CHROME", "END_CHROME", "COMMENTS_HEADING", "CHROME"])
def test_a_line_that_reads_in_lower_case_matches_as_it_does_ignoring_case(table):
    """WholeLines matches a line that reads_in_lower_case in lower case: for each character
    such a line may hold, a fragment's letter takes it ignoring case exactly when it is the
    letter in lower case, and lower-casing keeps it a word character, a digit or a space."""
    letters = {char for char in re.sub(r"\\[A-Za-z]", "", table.any_case.pattern)
               if char.isalpha()}
    for char in CASED:
        if not reads_in_lower_case(char, char.lower()):
            continue
        lower = char.lower()
        for kind in (r"\w", r"\d", r"\s"):
            assert bool(re.fullmatch(kind, char)) == bool(re.fullmatch(kind, lower)), char
        for letter in letters:
            assert bool(re.fullmatch(re.escape(letter), char, re.I)) == (letter == lower), \
                (letter, char)


CHROME_WORDS = ("share", "comments", "related stories", "advertisement", "we use cookies",
                "top story", "sign up for our newsletter", "© 2024", "follow us", "reply",
                "tags:", "print", "more from", "story", "the", "12", " ", "»", ":", "!", "-")


@given(st.lists(st.sampled_from(CHROME_WORDS) | st.text(string.printable, max_size=5),
                max_size=6),
       st.randoms(use_true_random=False))
def test_whole_line_tables_read_ascii_lines_as_case_blind_patterns_do(words, rnd):
    line = "".join(c.upper() if rnd.random() < 0.3 else c for c in " ".join(words))
    for table in (INLINE_CHROME, END_CHROME, COMMENTS_HEADING, CHROME):
        assert table.match(line) == bool(table.any_case.match(line))
    assert CHROME.match(line) == (INLINE_CHROME.match(line) or END_CHROME.match(line))


CODE_PIECES = ("f(x)", "a = b", "x => y", "a -> b", "p && q", "a || b", "{", "}", ";", ",", "(",
               ")", "\\", "│", " ", "\n", "\t", "\u00a0", "word", "Word.", "x", "=", ">", "-")


@given(st.lists(st.sampled_from(CODE_PIECES) | st.text(string.printable, max_size=4),
                max_size=8))
def test_code_line_hints_never_pass_over_a_code_line(pieces):
    """classify.is_code tries CODE_LINE_END and CODE_LINE_ANYWHERE only when their cheap
    hints allow: a line either pattern finds must pass its hint."""
    line = "".join(pieces)
    if CODE_LINE_END.search(line):
        assert line.rstrip()[-1:] in CODE_LINE_END_CHARS
    if CODE_LINE_ANYWHERE.search(line):
        assert CODE_LINE_ANYWHERE_HINT.search(line)


NOT_ASCII = ("Ä", "ß", "ẞ", "İ", "ı", "ſ", "K", "Σ", "ς", "σ", "µ", "ǅ", "ﬀ", "é", "’", "—", "评论",
             "コメント", "Anzeige", "Ｓhare", "\u0345", "ΐ")


@given(st.lists(st.sampled_from(CHROME_WORDS + NOT_ASCII) | st.text(max_size=3)
                | st.sampled_from(CASED), min_size=1, max_size=6),
       st.randoms(use_true_random=False))
def test_whole_line_tables_read_other_lines_as_case_blind_patterns_do(words, rnd):
    line = "".join(c.upper() if rnd.random() < 0.3 else c for c in " ".join(words))
    for table in (INLINE_CHROME, END_CHROME, COMMENTS_HEADING, CHROME):
        assert table.match(line) == bool(table.any_case.match(line))
    assert CHROME.match(line) == (INLINE_CHROME.match(line) or END_CHROME.match(line))


@given(st.text(".!?。:;'\"”»)]…x \n", max_size=10))
def test_the_sentence_end_is_found_as_its_plain_reading_finds_it(text):
    """SENTENCE_END looks for the two dots of an ellipsis from the mark on: the same as the
    plain reading."""
    plain = re.search(r"(?<!\.\.)[.!?。！？:;]['\"”’»)\]]*$", text)
    assert bool(SENTENCE_END.search(text)) == bool(plain)


@pytest.mark.parametrize("path", sorted((Path(__file__).parent / "cases").glob("*.txt")),
                         ids=lambda path: path.name)
def test_the_plain_reading_never_scores_above_its_bound(path):
    """scored_reading leaves the plain reading out when plain_reading_most says it could not
    be taken: that bound must hold for every test page."""
    items = classify_blocks(split_blocks(read_source(path).text))
    ending, quoted, listed = article_enders(items), preformatted(items), listed_blocks(items)
    plain = widen_gaps(items, ending, listed, [
        0 if i in quoted else plain_score(block, kind, ends_article=ending[i])
        for i, (block, kind) in enumerate(items)])
    assert best_run(plain)[0] <= plain_reading_most(items)


FRAMED = ("[", "(", "【", "「", " ", "  ", "]", ")", "】", ":", "»", "[]", "!", "12", "٣", "\u3000",
          "share", "comments", "more stories", "© 2024", "reply", "tags:", "x")


@given(st.lists(st.sampled_from(FRAMED) | st.text(max_size=2), max_size=6))
def test_whole_line_tables_try_the_fragments_a_line_can_open_with(words):
    """FirstCharacters tries only the fragments that can open with a line's first character
    (after its spaces, and after an opening bracket too): the same answers as the whole
    table, brackets, spaces and digits of any script first."""
    line = "".join(words).lower()
    for table in (INLINE_CHROME, END_CHROME, COMMENTS_HEADING, CHROME):
        assert table.lower_case.match(line) == bool(whole_table(table).match(line)), line


def whole_table(table):
    return re.compile(WHOLE_LINE_FRAME.format("|".join(table.fragments)))


def test_whole_line_tables_try_the_right_fragments_on_every_line_of_the_cases():
    lines = {line.lower().strip() for path in (Path(__file__).parent / "cases").glob("*.txt")
             for line in path.read_text(encoding="utf-8").splitlines()}
    for table in (INLINE_CHROME, END_CHROME, COMMENTS_HEADING, CHROME):
        whole = whole_table(table)
        assert [line for line in lines
                if table.lower_case.match(line) != bool(whole.match(line))] == []
