"""Blocks to kinds: what each block of saved text is, judged on the block alone."""
from __future__ import annotations

from . import patterns as p
from .model import (BYLINE, CHROME, CREDIT, DATE, LIST_ITEM, RELATED, SIGNOFF, TEXT, Block,
                    Kind)
from .words import word_count

# A date line carries little else besides the date: "March 13, 2020", "Published 13.03.2020".
DATE_LINE_MAX_WORDS = 14
# A byline is short: "By Stella Kim and Jennifer Jett, Reuters".
BYLINE_MAX_WORDS = 16


def classify_blocks(blocks: tuple[Block, ...]) -> tuple[tuple[Block, Kind], ...]:
    """Each block with its kind."""
    return tuple([(block, classify_block(block)) for block in blocks])  # (a list: no generator)


def classify_block(block: Block) -> Kind:
    """The kind of one block, from the pattern tables alone."""
    text = block.text
    words = block.words
    if not text or is_chrome(text):
        return CHROME
    for pattern, kind, (mark, other_mark) in SHAPE_KINDS:
        if (mark in text or other_mark in text) and pattern.match(text):
            return kind
    if words <= BYLINE_MAX_WORDS and p.BYLINE.match(text):
        return BYLINE
    if words <= DATE_LINE_MAX_WORDS and block.dates:
        return DATE
    return LIST_ITEM if block.bullet else TEXT


def is_chrome(text: str) -> bool:
    """Whether a whole block is page chrome: a placeholder, a button, a banner, a footer."""
    if len(text) > p.CHROME_LINE_MAX_CHARS:
        return False
    return bool(p.PLACEHOLDER.match(text) or p.CHROME.match(text))


# Patterns that decide a block's kind on their own, tried in this order, each with the two
# characters of which every line it matches holds one (a label's colon; a sign-off's slash or
# its bracketed agency): most lines hold neither and are not matched at all.
SHAPE_KINDS = (
    (p.IMAGE_CREDIT, CREDIT, (":", "：")),
    (p.RELATED, RELATED, (":", "：")),
    (p.SIGNOFF, SIGNOFF, ("/", "(")),
)


def ends_sentence(text: str) -> bool:
    """Whether text ends like a sentence, footnote marks ("[12]", "^[3]") aside."""
    tail = text[-p.SENTENCE_TAIL_CHARS:]  # both patterns look only at the end of the text
    if "[" in tail:  # every footnote mark has one
        tail = p.FOOTNOTE_MARKS.sub("", tail)
    return bool(p.SENTENCE_END.search(tail))


def is_code(text: str, words: int | None = None) -> bool:
    """Whether a block is a line of program code or markup quoted in the article. `words`:
    the text's word count when the caller has it (Block.words), not counted again."""
    if len(text) > p.CODE_LINE_MAX_CHARS:
        return False
    if (word_count(text) if words is None else words) > p.CODE_LINE_MAX_WORDS:
        return False
    if p.CODE_LINE_START.match(text):
        return True
    last = text.rstrip()[-1:]
    if last in p.CODE_LINE_END_CHARS and p.CODE_LINE_END.search(text):
        return True
    return bool(p.CODE_LINE_ANYWHERE_HINT.search(text) and p.CODE_LINE_ANYWHERE.search(text))


def is_markup(text: str) -> bool:
    """Whether a block is mostly HTML the page failed to render (an ad or tracking snippet),
    not prose that quotes a tag."""
    if "<" not in text or not p.MARKUP_TAG.search(text):
        return False
    tags = sum(len(tag) for tag in p.MARKUP_ANY_TAG.findall(text))
    shown = " ".join(p.MARKUP_ANY_TAG.sub(" ", text).split())
    return tags >= p.MARKUP_MIN_SHARE * len(text) and not is_prose(shown)


def is_script(text: str) -> bool:
    """Whether a block is a page's minified script or style sheet a converter printed as
    text ("!function(t,e){"object"==typeof exports&&..."): long, dense with the brackets and
    operators of code and almost without spaces. A code listing in an article comes a line
    at a time, spaced, and prose (CJK too) has few such marks."""
    if len(text) < p.SCRIPT_MIN_CHARS or "{" not in text \
            or text.count(" ") >= p.SCRIPT_MAX_SPACE_SHARE * len(text):
        return False  # the cheap looks first: prose has no braces (every script has some)
    return len(p.SCRIPT_MARKS.findall(text)) >= p.SCRIPT_MIN_MARK_SHARE * len(text)


def is_doubled(text: str) -> bool:
    """Whether a block says the same thing twice, as a link and its title do in teaser lists
    ("Citi mortgage units fined $28.8 million Citi mortgage units fined $28.8 million")."""
    half = len(text) // 2
    if not p.DOUBLED_MIN_CHARS <= len(text) <= p.DOUBLED_MAX_CHARS:
        return False
    first, second = text[:half].strip(), text[half:].strip()
    return first == second or text[:half + 1].strip() == text[half + 1:].strip()


def is_prose(text: str, words: int | None = None) -> bool:
    """Whether a text block reads as article prose rather than a label or a link. `words`:
    the text's word count when the caller has it (Block.words), not counted again."""
    words = word_count(text) if words is None else words
    if words >= p.PROSE_MIN_WORDS:
        return True
    return words >= p.SENTENCE_MIN_WORDS and bool(p.SENTENCE_END.search(text))
