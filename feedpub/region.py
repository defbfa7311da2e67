"""Where the article body is: the run of classified blocks that reads most like prose."""
from __future__ import annotations

from . import patterns as p
from .classify import ends_sentence, word_count
from .model import Block, Kind

Classified = tuple[tuple[Block, Kind], ...]

# Kinds that sit inside an article without counting for or against the body region.
NEUTRAL_KINDS = (Kind.CREDIT, Kind.RELATED, Kind.DATE, Kind.BYLINE, Kind.SIGNOFF)


def block_score(block: Block, kind: Kind) -> float:
    """How much a block counts for being inside the article body."""
    if kind in NEUTRAL_KINDS:
        return 0
    if kind is Kind.CHROME:
        return p.CHROME_SCORE if p.END_CHROME.match(block.text) else p.INLINE_CHROME_SCORE
    words = word_count(block.text)
    sentence = ends_sentence(block.text)
    if block.bullet:
        return words * p.LIST_SENTENCE_WEIGHT if sentence and words >= p.SENTENCE_MIN_WORDS \
            else p.SHORT_BLOCK_SCORE
    if sentence and words >= p.SENTENCE_MIN_WORDS:
        return words
    if words >= p.PROSE_MIN_WORDS:
        return words * p.UNFINISHED_WEIGHT + p.SHORT_BLOCK_SCORE
    return p.SHORT_BLOCK_SCORE


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
