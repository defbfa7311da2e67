"""Counting words, in scripts written with spaces between words and in those without."""
from __future__ import annotations

from . import patterns as p


def word_count(text: str) -> int:
    """Words in `text`, counting CJK characters by pairs (patterns.CJK_CHARS_PER_WORD)."""
    if text.isascii():  # most text: no CJK to look for
        return len(text.split())
    cjk = len(p.CJK_CHAR.findall(text))
    per_word = p.CJK_CHARS_PER_WORD
    return len(p.CJK_CHAR.sub(" ", text).split()) + (cjk + per_word - 1) // per_word
