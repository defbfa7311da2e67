"""Counting words, in scripts written with spaces between words and in those without."""
from __future__ import annotations

from . import patterns as p


def word_count(text: str) -> int:
    """Words in `text`, counting CJK characters by pairs (patterns.CJK_CHARS_PER_WORD) and
    Thai and its neighbours' by fours (PHRASE_SPACED_CHARS_PER_WORD)."""
    if text.isascii():  # most text: no CJK to look for
        return len(text.split())
    unspaced = len(p.CJK_CHAR.findall(text))
    if not unspaced:
        return len(text.split())
    phrased = len(p.PHRASE_SPACED_CHAR.findall(text))
    return (len(p.CJK_CHAR.sub(" ", text).split())
            + -(-(unspaced - phrased) // p.CJK_CHARS_PER_WORD)
            + -(-phrased // p.PHRASE_SPACED_CHARS_PER_WORD))


def more_words_than(text: str, count: int) -> bool:
    """Whether `text` has more than `count` words between spaces, len(text.split()) > count,
    splitting no further than that: a long paragraph is not split whole to be told long."""
    return len(text.split(None, count)) > count
