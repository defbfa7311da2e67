"""regexinfo: a regular expression's alternatives and the characters a match can open with,
which the whole-line chrome tables are dispatched by (patterns.FirstCharacters)."""
from __future__ import annotations

import re
import string
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from feedpub import patterns as p
from feedpub.regexinfo import DIGIT, alternatives, opening_chars

TABLES = (p.ADVERT_LINES, p.SHARE_LINES, p.PLAYER_LINES, p.COMMENT_LINES,
          p.AFTER_ARTICLE_LINES, p.SITE_LINES)
ENTRIES = tuple(entry for table in TABLES for entry in table)


@pytest.mark.parametrize("source, expected", [
    ("a|b", ["a", "b"]),
    ("(?:a|b)c", ["ac", "bc"]),
    ("(?:a|b)?c", ["ac", "bc", "c"]),
    ("(?:(?:x )?(?:y|z) )?w", ["x (?:y|z) w", "y w", "z w", "w"]),
    (r"a|[|]|\||(b|c)|[]|]|[^]|]", ["a", "[|]", r"\|", "(b|c)", "[]|]", "[^]|]"]),
    ("(?:a|b)*c", ["(?:a|b)*c"]),      # repeated: not spelled out
    ("(?:a|b)??c", ["(?:a|b)??c"]),    # lazy: left as it is
    ("(?:a|b){2}c", ["(?:a|b){2}c"]),
    ("(?=a)b|(?P<n>a|b)c", ["(?=a)b", "(?P<n>a|b)c"]),  # no plain group
])
def test_alternatives(source, expected):
    assert alternatives(source) == expected


@pytest.mark.parametrize("source, expected", [
    ("share", {"s"}), ("s?hare", {"s", "h"}), ("s*x", {"s", "x"}), ("s{0,2}x", {"s", "x"}),
    ("s+x", {"s"}),
    ("(?:a|b)c", {"a", "b"}), ("(?:a )?b", {"a", "b"}), ("[xy-z]q", {"x", "y", "z"}),
    (r"\d+ photos", {DIGIT}), (r"\d*(?:click|tap)", {DIGIT, "c", "t"}), (r"\bx", {"x"}),
    (r"\s*x", None), (" x", None), ("(?: x|y)", None), (".x", None), ("[^a]", None),
    (r"\w", None), ("x?", None), ("", None), ("(?i:x)", None), ("[\u4e00-\u9fff]", None),
    ("©x", {"©"}), ("(?:我要)?分享", {"我", "分"}),
])
def test_opening_chars(source, expected):
    assert opening_chars(source) == (None if expected is None else frozenset(expected))


def test_the_tables_entries_split_into_their_alternatives():
    for entry in ENTRIES:
        parts = alternatives(entry)
        assert all(re.compile(part) for part in parts), entry


WORDS = ("share", "more", "stories", "comments", "12", "sign in", "to comment", "the", "main",
         "menu", "©", "(c)", "copyright", "all rights reserved", "tags", ":", " ", "a", "x",
         "我要", "分享", "评论", "(42)", "click", "to", "print", "story continues below")


@given(st.lists(st.sampled_from(WORDS) | st.text(string.printable, max_size=3), max_size=5))
def test_an_entry_matches_what_one_of_its_alternatives_matches(words):
    line = "".join(words).lower()
    for entry in ENTRIES:
        assert bool(re.fullmatch(entry, line)) \
            == any(re.fullmatch(part, line) for part in alternatives(entry)), entry


@given(st.lists(st.sampled_from(WORDS) | st.text(max_size=3), max_size=5))
def test_a_match_opens_with_one_of_the_opening_chars(words):
    line = "".join(words).lower()
    for entry in ENTRIES:
        for part in alternatives(entry):
            chars = opening_chars(part)
            if chars is not None and re.match(part, line):
                assert line[:1] in chars or (DIGIT in chars and line[:1].isdecimal()), part


def test_digits_and_spaces_of_a_pattern_are_what_str_calls_them():
    """opening_chars files \\d under DIGIT and FirstCharacters asks str.isdecimal(); it skips
    a line's spaces with str.lstrip(), where the frame's \\s* takes them."""
    every = "".join(map(chr, range(sys.maxunicode + 1)))
    assert re.findall(r"\d", every) == [c for c in every if c.isdecimal()]
    assert re.findall(r"\s", every) == [c for c in every if c.isspace()]


def test_without_the_regex_parser_every_phrase_that_needs_it_is_tried_everywhere(monkeypatch):
    """re._parser is private: on a Python without it, a phrase whose opening character
    cannot be read from its first character is tried on every line, and the tables still
    find what they find whole."""
    from feedpub import regexinfo

    monkeypatch.setattr(regexinfo, "sre_parse", None)
    assert opening_chars("(?:privacy|terms)") is None
    assert opening_chars("privacy") == frozenset("p")
    table = p.FirstCharacters(("(?:privacy|terms) policy", "share"))
    assert table.match("terms policy") and table.match("share")
    assert not table.match("terms of use")
