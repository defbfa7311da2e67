"""Markup a converter left in saved text, taken out before the text is split into blocks.

Most saved text is what a reader saw. Some carries how it was laid out or written too: a
text browser prints the MathML of each formula, draws a frame around a page laid out in a
bordered table (pandoc draws it in ASCII) and may number every link and list them after the
page (lynx), and Markdown (what article clippers and HTML-to-Markdown converters save)
writes links, pictures, headings and bold in its own syntax. All are reduced to the text a
reader sees, so that the parser meets one kind of text; a text without them comes back
unchanged. (A dump's link numbers come out in blocks.py, once its lines' widths are known.)
"""
from __future__ import annotations

import re
from collections.abc import Callable

from . import patterns as p


def plain_text(text: str) -> str:
    """The text without formula sources, table frames and Markdown's syntax."""
    if p.MATHML_OPEN in text:
        text = without_mathml(text)
    if any(bar in text for bar in p.FRAME_CHARS):
        # (Box characters are all outside ASCII: an ASCII line holds none.)
        text = without_frame(text, p.BOX_RULE_LINE, p.FRAMED_LINE, unframed=str.isascii)
    if "+---" in text and p.GRID_RULE.search(text):
        text = without_grid_tables(text, p.GRID_MAX_NESTING)
        text = without_frame(text, p.GRID_RULE, p.GRID_FRAMED_LINE, p.GRID_MAX_NESTING,
                             unframed=has_no_grid_marks)
    if ("](" in text or "#" in text) and p.MARKDOWN_HINT.search(text):
        text = without_markdown(text)  # (the plain searches first: a regex costs more)
    return text


def without_link_list(text: str) -> tuple[str, bool]:
    """lynx's dump without its list of links after the page (LYNX_REFERENCES, the last such
    heading: a page may have a "References" heading of its own), and whether there was one:
    then the numbers that tie each link's text to it are the dump's, not the text's
    (without_link_numbers)."""
    heading = "\nReferences\n"
    position = text.rfind(heading)
    while position >= 0:  # the headings from the last up; str.rfind, not a regex's scan
        if p.LYNX_REFERENCES.match(text, position + 1):
            return text[:position + 1], True
        position = text.rfind(heading, 0, position)
    return text, False


def without_link_numbers(line: str) -> str:
    """A line of a lynx dump with a list of links without each link's number ("[12]Skip to
    content"). Taken out a line at a time, once the lines' widths are known: the dump wrapped
    them with the numbers in."""
    return p.LYNX_LINK_NUMBER.sub("", line) if "[" in line else line


def without_mathml(text: str) -> str:
    """Text with each MathML source (MATHML_OPEN to MATHML_CLOSE) and the white space around
    it made one space; looked for with str.find, so an opening without its closing (not a
    formula after all) costs one scan of the text, not one per opening."""
    pieces, position = [], 0
    while (start := text.find(p.MATHML_OPEN, position)) >= 0:
        end = text.find(p.MATHML_CLOSE, start)
        if end < 0:
            break
        pieces.append(text[position:start].rstrip())
        position = end + len(p.MATHML_CLOSE)
        while position < len(text) and text[position].isspace():
            position += 1
    pieces.append(text[position:])
    return " ".join(pieces)


def without_frame(text: str, rule: re.Pattern[str], framed_line: re.Pattern[str],
                  nesting: int = 1, *, unframed: Callable[[str], bool]) -> str:
    """The text without the outer frame of bordered tables: a line between two vertical bars
    (`framed_line`) keeps what is inside (with the bars as spaces, so its indent stays), a
    `rule` line alone becomes blank. Bars inside a line (a table's columns) stay. elinks
    draws frames with box characters, pandoc's plain text in ASCII, nesting a table in a
    table's cell: its frames come off up to `nesting` deep. `unframed`: a quick test that a
    line holds no character of a frame or a rule, which leaves it as it is (most lines of a
    page with a frame are not in it)."""
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if unframed(line):
            continue
        for _ in range(nesting):
            if rule.match(line) and not line.isspace():
                line = ""
            elif (framed := framed_line.match(line)) is not None:
                line = framed["indent"] + " " + framed["inside"]
            else:
                break
        lines[index] = line
    return "\n".join(lines)


def has_no_grid_marks(line: str) -> bool:
    """Whether a line holds neither a grid table's "+" nor its "|": no rule, no frame."""
    return "|" not in line and "+" not in line


def without_grid_tables(text: str, nesting: int) -> str:
    """pandoc's grid tables read a cell at a time: in each row, the first column's lines, then
    the second's, and so on, with the tables in a cell read the same way, up to `nesting`
    deep. A page laid out as a table (a sidebar beside the article) is printed with its
    columns side by side, which would make every line of the article half sidebar. A table's
    columns are where its top rule has a "+"; a row has a bar at each of them; a rule with
    the same "+"s ends a row. Lines of no such table are left as they are."""
    lines = text.split("\n")
    kept: list[str] = []
    index = 0
    while index < len(lines):
        bounds = grid_bounds(lines[index])
        end = index + 1
        while bounds and end < len(lines) and (
                is_grid_row(lines[end], bounds) or grid_bounds(lines[end]) == bounds):
            end += 1
        if bounds is None or end - index < 3:  # no table: fewer than a rule, a row and a rule
            kept.append(lines[index])
            index += 1
            continue
        kept += grid_cells(lines[index + 1:end], bounds, nesting)
        index = end
    return "\n".join(kept)


def grid_bounds(line: str) -> tuple[int, ...] | None:
    """Where a grid table's rule line has its "+"s (its columns' edges), or None."""
    if "+" not in line or not p.GRID_RULE.match(line):  # the plain test first: every line
        return None
    return tuple(position for position, char in enumerate(line) if char == "+")


def is_grid_row(line: str, bounds: tuple[int, ...]) -> bool:
    """Whether `line` is a row of the table whose columns' edges are `bounds`: a bar at each,
    nothing but white space outside them (no text is lost when it is read a cell at a time)."""
    return len(line) > bounds[-1] and all(line[edge] == "|" for edge in bounds) \
        and not line[:bounds[0]].strip() and not line[bounds[-1] + 1:].strip()


def grid_cells(rows: list[str], bounds: tuple[int, ...], nesting: int) -> list[str]:
    """The lines of a grid table's rows (its top rule left out): a row as tall as a page's
    column (GRID_LAYOUT_ROW_LINES) a cell at a time, a shorter one (a data table's, whose
    cells read across) as it is, for without_frame to take its frame off."""
    read: list[str] = [""]  # the top rule
    row: list[str] = []
    for line in rows:
        if is_grid_row(line, bounds):
            row.append(line)
        elif len(row) < p.GRID_LAYOUT_ROW_LINES:
            read += [*row, line]
            row = []
        else:  # a rule under a tall row
            read += row_cells(row, bounds, nesting)
            row = []
    return read + row  # a row with no rule under it: as it is


def row_cells(row: list[str], bounds: tuple[int, ...], nesting: int) -> list[str]:
    """A row's lines a cell at a time, each cell followed by a blank line."""
    read: list[str] = []
    for left, right in zip(bounds, bounds[1:]):
        # Without the blank lines a shorter column is padded with at its end.
        cell = "\n".join(part[left + 1:right].rstrip() for part in row).rstrip("\n")
        if nesting > 1 and "+---" in cell:
            cell = without_grid_tables(cell, nesting - 1)
        read += [*cell.split("\n"), ""]
    return read


def without_markdown(text: str) -> str:
    """Markdown as the text it shows: a picture goes (a reader sees the picture, not its
    description, and many have none), a link becomes its words, a heading loses its hashes
    and strong or emphasised text its stars or underscores. Lists and paragraphs are already
    what the parser reads."""
    text = p.MARKDOWN_IMAGE.sub("", text)
    text = p.MARKDOWN_LINK.sub(r"\g<text>", text)
    text = p.MARKDOWN_HEADING.sub(r"\g<indent>", text)
    text = p.MARKDOWN_STRONG.sub(lambda strong: strong["stars"] or strong["lines"], text)
    return p.MARKDOWN_EMPHASIS.sub(r"\g<words>", text)
