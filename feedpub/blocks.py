"""Text to blocks: one Block per logical paragraph, hard-wrapped lines joined again.

Text browsers (lynx, w3m at 80 columns) and plain-text documents break a paragraph into lines
that end near one column. A line continues the one above when that one was full: the next
line's first word would not have fitted on it. Texts saved one line per paragraph (a browser's
copy, a dump at unlimited width) are never joined, because their lines end anywhere.
"""
from __future__ import annotations

import re

from .model import Block
from .patterns import (BULLET, CONTINUATION_START, FIRST_LINE_INDENT_MAX, TABLE_RULE, TEX_SOURCE,
                       WRAP_BAND, WRAP_MIN_LINE, WRAP_MIN_LINES, WRAP_PERCENTILE, WRAP_SHARE,
                       WRAP_SLACK, WRAP_WIDTH_MAX)


def split_blocks(text: str) -> tuple[Block, ...]:
    """Split text into logical paragraphs; a hard-wrapped text's lines are joined back."""
    lines = [raw.rstrip() for raw in text.split("\n")]
    width = wrap_width(lines)
    blocks: list[Block] = []
    current: list[str] = []
    start = 0
    for number, line in enumerate(lines, start=1):
        if current and continues(current, line, width):
            current.append(line)
            continue
        if current:
            blocks.append(make_block(current, start))
            current = []
        if line.strip():
            current, start = [line], number
    if current:
        blocks.append(make_block(current, start))
    return tuple(blocks)


# Characters a terminal shows two columns wide (Unicode East Asian Width W and F): Hangul,
# CJK, kana, fullwidth forms and wide emoji; the usual wcwidth ranges.
WIDE_CHAR = re.compile(
    "[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf"
    "\uac00-\ud7a3\uf900-\ufaff\ufe10-\ufe19\ufe30-\ufe6f\uff00-\uff60\uffe0-\uffe6"
    "\U0001f300-\U0001f64f\U0001f900-\U0001f9ff\U00020000-\U0003fffd]"
)


def display_width(text: str) -> int:
    """Columns `text` takes in a terminal: East Asian wide characters take two."""
    if text.isascii():
        return len(text)
    return len(text) + len(WIDE_CHAR.findall(text))


def wrap_width(lines: list[str]) -> int | None:
    """The column a hard-wrapped text was wrapped at, or None for one line per paragraph.

    Most long lines of a wrapped text end within WRAP_BAND columns of the wrap column, which
    is estimated as a high percentile (a few lines overflow it: long URLs, preformatted code).
    """
    lengths = [n for n in (display_width(line) for line in lines) if n >= WRAP_MIN_LINE]
    usual = sorted(n for n in lengths if n <= WRAP_WIDTH_MAX)
    if len(usual) < WRAP_MIN_LINES:
        return None
    width = usual[int(WRAP_PERCENTILE * (len(usual) - 1))]
    near = sum(1 for n in lengths if width - WRAP_BAND <= n <= width)
    return width if near >= WRAP_SHARE * len(lengths) else None


def continues(block_lines: list[str], line: str, width: int | None) -> bool:
    """Whether `line` is the wrapped continuation of the block's last line."""
    if width is None or not line.strip() or BULLET.match(line):
        return False
    if TABLE_RULE.search(line) or TABLE_RULE.search(block_lines[-1]):
        return False  # rows of a box-drawn table are never wrapped prose
    if CONTINUATION_START.match(line) and indent_of(line) >= indent_of(block_lines[0]):
        return True  # no paragraph starts with ". Retrieved 2014" or ", and then"
    if not indent_fits(block_lines, indent_of(line)):
        return False
    previous = block_lines[-1]
    return display_width(previous) + 1 + display_width(first_word(line)) > width - WRAP_SLACK


def first_word(line: str) -> str:
    """The line's first unbreakable piece: a word, or one CJK character (CJK wraps anywhere)."""
    word = line.split()[0]
    if word.isascii():  # most words: no wide character to look for
        return word
    for index, char in enumerate(word):
        if display_width(char) == 2:
            return word[:index] or char
    return word


def indent_of(line: str) -> int:
    return len(line) - len(line.lstrip())


def indent_fits(block_lines: list[str], indent: int) -> bool:
    """Whether a wrapped line with this indent can belong to the block: it lines up with the
    line above, with the text after a first line's bullet, or under an indented first line."""
    first = block_lines[0]
    if len(block_lines) > 1:
        return indent == indent_of(block_lines[-1])
    bullet = BULLET.match(first)
    if bullet:
        return indent == bullet.end()
    return indent_of(first) - FIRST_LINE_INDENT_MAX <= indent <= indent_of(first)


def make_block(lines: list[str], start: int) -> Block:
    text = without_tex(join_lines([part.strip() for part in lines]))
    bullet = BULLET.match(lines[0])
    if bullet:
        text = text[len(bullet.group().strip()):]
    return Block(text=text.strip(), line=start, bullet=bool(bullet), indent=indent_of(lines[0]),
                 raw_lines=len(lines))


def join_lines(parts: list[str]) -> str:
    """Join wrapped lines: a space between words, none inside a hyphenated word or CJK text."""
    text = parts[0]
    for part in parts[1:]:
        glue = " "
        if text.endswith("-") and text[-2:-1].isalpha() and part[:1].isalpha():
            glue = ""
        elif display_width(text[-1]) == 2 and display_width(part[0]) == 2:
            glue = ""
        text += glue + part
    return text


def without_tex(text: str) -> str:
    """Text without the inline TeX source a math renderer printed beside each formula."""
    if "{\\" not in text:  # TEX_SOURCE opens with these two characters; most text has none
        return text.strip()
    while (found := TEX_SOURCE.search(text)) is not None:
        depth, end = 0, len(text)
        for index in range(found.start(), len(text)):
            depth += {"{": 1, "}": -1}.get(text[index], 0)
            if depth == 0:
                end = index + 1
                break
        text = text[:found.start()].rstrip() + " " + text[end:].lstrip()
    return text.strip()
