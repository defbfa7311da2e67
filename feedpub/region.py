"""Where the article body is: the run of classified blocks that reads most like prose."""
from __future__ import annotations

from . import patterns as p
from .classify import ends_sentence, is_code, is_doubled, word_count
from .model import Block, Kind

Classified = tuple[tuple[Block, Kind], ...]

# Kinds that sit inside an article without counting for or against the body region.
NEUTRAL_KINDS = (Kind.CREDIT, Kind.RELATED, Kind.DATE, Kind.BYLINE, Kind.SIGNOFF)


def block_score(block: Block, kind: Kind) -> float:
    """How much a block counts for being inside the article body.

    Prose gains its words less a fixed cost per block, so one long paragraph outweighs a
    string of short teasers; text that does not end a sentence (headlines, link lists) gains
    little, and list items half as much again.
    """
    text = block.text
    if kind in NEUTRAL_KINDS or (kind is not Kind.CHROME and is_code(text)):
        return 0
    if kind is Kind.CHROME:
        return p.CHROME_SCORE if p.END_CHROME.match(text) else p.INLINE_CHROME_SCORE
    if is_doubled(text) or p.MARKUP_TAG.search(text):
        return p.SHORT_BLOCK_SCORE
    words = word_count(text)
    sentence = ends_sentence(text) and words >= p.SENTENCE_MIN_WORDS
    weight = (1.0 if sentence else p.UNFINISHED_WEIGHT) * (p.LIST_ITEM_WEIGHT if block.bullet else 1.0)
    return max(p.SHORT_BLOCK_SCORE, words * weight - p.BLOCK_COST)


def body_region(items: Classified) -> tuple[int, int]:
    """The run of blocks with the highest total score (maximum subarray): the article body."""
    best, best_span = float("-inf"), (0, -1)
    total, run_start = 0.0, 0
    for index, (block, kind) in enumerate(items):
        if total <= 0:
            total, run_start = 0.0, index
        total += block_score(block, kind)
        if total > best:
            best, best_span = total, (run_start, index)
    return best_span if best > 0 else (len(items), len(items) - 1)
