"""Text to blocks: one Block per logical paragraph, hard-wrapped lines joined again.

Text browsers (lynx, w3m at 80 columns) and plain-text documents break a paragraph into lines
that end near one column. A line continues the one above when that one was full: the next
line's first word would not have fitted on it. Texts saved one line per paragraph (a browser's
copy, a dump at unlimited width) are never joined, because their lines end anywhere.
"""
from __future__ import annotations

import re

from .model import Block
from .markup import plain_text, without_link_list, without_link_numbers
from .patterns import (BULLET, CELL_GAP, CENTRED_SLACK, CONTINUATION_START,
                       FIRST_LINE_INDENT_MAX, TABLE_RULE, TEX_SOURCE, WRAP_BAND, WRAP_MIN_LINE,
                       WRAP_MIN_LINES, WRAP_PERCENTILE, WRAP_SHARE, WRAP_SLACK, WRAP_WIDTH_MAX)


def split_blocks(text: str) -> tuple[Block, ...]:
    """Split text into logical paragraphs; a hard-wrapped text's lines are joined back."""
    text, numbered = without_link_list(plain_text(text))
    laid_out = [raw.rstrip() for raw in text.split("\n")]
    lines = Lines([without_link_numbers(line) for line in laid_out] if numbered else laid_out,
                  laid_out)
    blocks: list[Block] = []
    first = None  # the current block's first line: a block is a run of lines
    for index, line in enumerate(lines.text):
        if first is not None:
            if line and continues(lines, first, index):
                continue
            blocks.append(make_block(lines, first, index))
            first = None
        if line:  # the lines were stripped on the right: a blank line is empty
            first = index
    if first is not None:
        blocks.append(make_block(lines, first, len(lines.text)))
    return tuple(blocks)


class Lines:
    """A text's lines with what the joining asks of each, worked out once per line rather
    than once for each block or line that looks at it. `laid_out`: the lines as the text was
    wrapped, when what they show is less (a dump's link numbers taken out), for their widths
    and first words."""

    def __init__(self, text: list[str], laid_out: list[str] | None = None) -> None:
        self.text = text
        self.laid_out = text if laid_out is None else laid_out
        # (display_width's ASCII case written out: a call per line costs more than the line)
        self.widths = [len(line) if line.isascii() else display_width(line)
                       for line in self.laid_out]
        self.wrap = wrap_column(self.widths)
        # A blank line (every other line of most texts) has neither indent nor bullet.
        self.indents = [indent_of(line) if line else 0 for line in text]
        self.bullets = [BULLET.match(line) if line else None for line in text]


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
    """The column a hard-wrapped text was wrapped at, or None for one line per paragraph."""
    return wrap_column([display_width(line) for line in lines])


def wrap_column(widths: list[int]) -> int | None:
    """wrap_width from the lines' display widths.

    Most long lines of a wrapped text end within WRAP_BAND columns of the wrap column, which
    is estimated as a high percentile (a few lines overflow it: long URLs, preformatted code).
    """
    lengths = [n for n in widths if n >= WRAP_MIN_LINE]
    usual = sorted(n for n in lengths if n <= WRAP_WIDTH_MAX)
    if len(usual) < WRAP_MIN_LINES:
        return None
    width = usual[int(WRAP_PERCENTILE * (len(usual) - 1))]
    near = sum(1 for n in lengths if width - WRAP_BAND <= n <= width)
    return width if near >= WRAP_SHARE * len(lengths) else None


def continues(lines: Lines, first: int, index: int) -> bool:
    """Whether line `index` is the wrapped continuation of the block of lines from `first`."""
    line = lines.text[index]
    if lines.wrap is None or not line or line.isspace() or lines.bullets[index]:
        return False
    if is_ruled(line) or is_ruled(lines.text[index - 1]):
        return False  # rows of a box-drawn table are never wrapped prose
    indent = lines.indents[index]
    if CONTINUATION_START.match(line) and indent >= lines.indents[first]:
        return True  # no paragraph starts with ". Retrieved 2014" or ", and then"
    if not indent_fits(lines, first, index, indent) \
            and not centred_under(lines, index):
        return False
    return lines.widths[index - 1] + 1 + display_width(first_word(lines.laid_out[index])) \
        > lines.wrap - WRAP_SLACK


def centred_under(lines: Lines, index: int) -> bool:
    """Whether a line stands centred under the line above, deeper indented: how a text
    browser prints a centred heading, each wrapped line centred on its own. Lines with
    cells apart (two spaces in a row) are a table's rows, centred on each other by chance."""
    above = index - 1
    indent, indent_above = lines.indents[index], lines.indents[above]
    # twice a line's middle column: its indent plus its end (its width counts the indent)
    middle, middle_above = indent + lines.widths[index], indent_above + lines.widths[above]
    return indent > indent_above and abs(middle - middle_above) <= CENTRED_SLACK \
        and CELL_GAP not in lines.text[above].strip() \
        and CELL_GAP not in lines.text[index].strip()


def is_ruled(line: str) -> bool:
    """Whether a line holds a column rule of a box-drawn table (TABLE_RULE): box-drawing
    characters, of which an ASCII line (most lines) has none."""
    return not line.isascii() and TABLE_RULE.search(line) is not None


def first_word(line: str) -> str:
    """The line's first unbreakable piece: a word, or one CJK character (CJK wraps anywhere)."""
    word = line.split(None, 1)[0]
    if word.isascii():  # most words: no wide character to look for
        return word
    for index, char in enumerate(word):
        if display_width(char) == 2:
            return word[:index] or char
    return word


def indent_of(line: str) -> int:
    return len(line) - len(line.lstrip())


def indent_fits(lines: Lines, first: int, index: int, indent: int) -> bool:
    """Whether a wrapped line with this indent can belong to the block: it lines up with the
    line above, with the text after a first line's bullet, or under an indented first line."""
    if index - 1 > first:
        return indent == lines.indents[index - 1]
    bullet = lines.bullets[first]
    if bullet:
        return indent == bullet.end()
    return lines.indents[first] - FIRST_LINE_INDENT_MAX <= indent <= lines.indents[first]


def make_block(lines: Lines, first: int, end: int) -> Block:
    """The block of lines `first` to `end` (not included)."""
    if end - first == 1:  # most blocks: one line, nothing to join
        text = without_tex(lines.text[first].strip())
    else:
        text = without_tex(join_lines([part.strip() for part in lines.text[first:end]]))
    bullet = lines.bullets[first]
    if bullet:  # without_tex gave the text stripped: only cutting the bullet off leaves space
        text = text[len(bullet.group().strip()):].strip()
    return Block(text=text, line=first + 1, bullet=bool(bullet),
                 indent=lines.indents[first], raw_lines=end - first)


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
