"""What a regular expression can open with, read from its source: so that a long alternation
of whole-line phrases (patterns.WholeLines) is tried only with the phrases a line's first
character can begin.

Python's regex engine tries every alternative of an alternation in turn at a line's start
(it passes quickly over one that opens with another letter, but not over a group, a class
or a repeat): a table of 275 phrases costs about 2 µs a line, whatever the line holds.
"""
from __future__ import annotations

try:  # the regex module's own parser: private, as on Python 3.11 to 3.14
    import re._constants as sre
    import re._parser as sre_parse
except ImportError:  # a Python without it: every such phrase is tried on every line
    sre = sre_parse = None  # type: ignore[assignment]

# The key under which a decimal digit (\d, what str.isdecimal() holds) is filed: the
# opening_chars of a phrase that opens with any digit ("12 comments").
DIGIT = r"\d"
# Characters that do not stand for themselves at the start of an expression.
SPECIAL_CHARS = frozenset("\\[]{}().^$*+?|")
# A character range wider than this is not spelled out (it is the phrase's opening
# character only on pages in its script): the phrase is then tried on every line.
RANGE_MAX_CHARS = 1000


def alternatives(source: str) -> list[str]:
    """A regular expression's alternatives, as source text, each opening as few ways as it
    can: `source` split at each "|" outside its groups, and an alternative that opens with a
    group split into the group's alternatives, each followed by what follows the group
    ("(?:a|b)c" is "ac" and "bc"; "(?:a|b)?c" is "ac", "bc" and "c"). The expressions hold
    no back-reference, so that each of them matches what one of its alternatives matches."""
    return [part for alternative in _top_level(source) for part in _opened(alternative)]


def _opened(source: str) -> list[str]:
    """`source` as one alternative, or, when it opens with a group of no flags or name that
    no quantifier but an optional "?" follows, as its group's alternatives."""
    if not source.startswith("(?:"):
        return [source]
    end = _group_end(source)
    rest = source[end + 1:]
    optional = rest[:1] == "?" and rest[1:2] not in ("?", "+")  # "??", "?+": not plain
    if optional:
        rest = rest[1:]
    elif rest[:1] in ("?", "*", "+", "{"):
        return [source]
    parts = [part + rest for part in _top_level(source[3:end])] + ([rest] if optional else [])
    return [opened for part in parts for opened in _opened(part)]


def _top_level(source: str) -> list[str]:
    """`source` split at each "|" that no group holds."""
    parts, depth, start = [], 0, 0
    for index, char in _structure(source):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "|" and depth == 0:
            parts.append(source[start:index])
            start = index + 1
    parts.append(source[start:])
    return parts


def _group_end(source: str) -> int:
    """Where the group `source` opens with closes."""
    depth = 0
    for index, char in _structure(source):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth == 0:
            return index
    raise ValueError(f"unbalanced group: {source!r}")


def _structure(source: str):
    """Each "(", ")" and "|" of `source` with its index: those no backslash escapes and no
    character class holds."""
    index, in_class = 0, False
    while index < len(source):
        char = source[index]
        if char == "\\":
            index += 2  # an escaped character: "\|", "\(", "\]"
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            index += 1 if source[index + 1:index + 2] == "^" else 0
            index += 1 if source[index + 1:index + 2] == "]" else 0  # "[]...]": a "]" in it
        elif char in "()|":
            yield index, char
        index += 1


def opening_chars(source: str) -> frozenset[str] | None:
    """The characters a match of the expression (with case counting) can open with, DIGIT
    standing for every decimal digit; None when it may open with any character, with a
    space, or match nothing at all (then it is tried on every line)."""
    first, after = source[:1], source[1:2]
    if first and first not in SPECIAL_CHARS and after not in ("?", "*", "{"):
        # most alternatives: a plain character that a repeat cannot leave out
        return None if first.isspace() else frozenset(first)
    if sre_parse is None:
        return None
    chars, empty = _opening(sre_parse.parse(source).data)
    if chars is None or empty or any(char.isspace() for char in chars):
        return None
    return frozenset(chars)


def _opening(items: list) -> tuple[set[str] | None, bool]:
    """What a sequence of parsed items can open with (None: anything) and whether it can
    match the empty string."""
    found: set[str] = set()
    for op, value in items:
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            continue  # a width of none: an anchor, a look ahead or behind
        if op is sre.LITERAL:
            return found | {chr(value)}, False
        if op is sre.IN:
            chars = _class_chars(value)
            return (None if chars is None else found | chars), False
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            least, _most, item = value
            chars, empty = _opening(item)
            empty = empty or least == 0
        elif op is sre.SUBPATTERN and not value[1] and not value[2]:  # no flags of its own
            chars, empty = _opening(value[3])
        elif op is sre.BRANCH:
            branches = [_opening(branch) for branch in value[1]]
            if any(chars is None for chars, _ in branches):
                return None, False
            chars = set().union(*(chars for chars, _ in branches))
            empty = any(empty for _, empty in branches)
        else:
            return None, False  # any character, all but one, a back-reference
        if chars is None:
            return None, False
        found |= chars
        if not empty:
            return found, False
    return found, True


def _class_chars(items: list) -> set[str] | None:
    """The characters of a character class, or None when they are not spelled out."""
    chars = set()
    for op, value in items:
        if op is sre.LITERAL:
            chars.add(chr(value))
        elif op is sre.RANGE and value[1] - value[0] < RANGE_MAX_CHARS:
            chars.update(map(chr, range(value[0], value[1] + 1)))
        elif op is sre.CATEGORY and value is sre.CATEGORY_DIGIT:
            chars.add(DIGIT)
        else:
            return None
    return chars
