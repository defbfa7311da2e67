"""Text to blocks: one Block per logical paragraph, hard-wrapped lines joined again."""
from __future__ import annotations

from .model import Block
from .patterns import BULLET, WRAP_BAND, WRAP_WIDTH_MAX

# Lines at least this long count when deciding whether a text was hard-wrapped.
LONG_LINE = 50


def split_blocks(text: str) -> tuple[Block, ...]:
    """Split text into logical paragraphs; a hard-wrapped text's lines are joined back."""
    lines = text.split("\n")
    width = wrap_width(lines)
    blocks: list[Block] = []
    current: list[str] = []
    start = indent = 0
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip()
        if current and continues(current[-1], line, width):
            current.append(line)
            continue
        if current:
            blocks.append(make_block(current, start, indent))
            current = []
        if line.strip():
            current, start, indent = [line], number, len(line) - len(line.lstrip())
    if current:
        blocks.append(make_block(current, start, indent))
    return tuple(blocks)


def wrap_width(lines: list[str]) -> int | None:
    """The column a hard-wrapped text was wrapped at, or None for one line per paragraph."""
    lengths = [len(line.rstrip()) for line in lines if line.strip()]
    long_lines = [n for n in lengths if n >= LONG_LINE]
    if not long_lines or max(long_lines) > WRAP_WIDTH_MAX:
        return None
    width = max(long_lines)
    near = sum(1 for n in long_lines if n >= width - WRAP_BAND)
    return width if near >= max(3, len(long_lines) // 2) else None


def continues(previous: str, line: str, width: int | None) -> bool:
    """Whether `line` is the wrapped continuation of `previous`."""
    if width is None or not line.strip() or not previous or BULLET.match(line):
        return False
    first_word = line.split()[0]
    return len(previous.rstrip()) + 1 + len(first_word) > width - 2


def make_block(lines: list[str], start: int, indent: int) -> Block:
    text = " ".join(part.strip() for part in lines)
    bullet = BULLET.match(text)
    if bullet:
        text = text[bullet.end():]
    return Block(text=text.strip(), line=start, bullet=bool(bullet), indent=indent,
                 raw_lines=len(lines))
