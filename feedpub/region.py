"""Where the article body is: the run of classified blocks that reads most like prose."""
from __future__ import annotations

from dataclasses import replace

from . import patterns as p
from .classify import ends_sentence, is_code, is_doubled, is_markup, is_script
from .model import (BYLINE, CHROME, CREDIT, DATE, LIST_ITEM, RELATED, SIGNOFF, TEXT, Block,
                    Kind)

Classified = tuple[tuple[Block, Kind], ...]

# Kinds that sit inside an article without counting for or against the body region.
NEUTRAL_KINDS = (CREDIT, RELATED, DATE, BYLINE, SIGNOFF)


def block_score(block: Block, kind: Kind, *, ends_article: bool) -> float:
    """How much a block counts for being inside the article body.

    Prose gains its words less a fixed cost per block, so one long paragraph outweighs a
    string of short teasers; text that does not end a sentence (headlines, link lists) gains
    little, and list items half as much again. `ends_article`: the block is END_CHROME.
    """
    text = block.text
    if kind in NEUTRAL_KINDS:
        return 0
    if kind is CHROME:
        return p.CHROME_SCORE if ends_article else p.INLINE_CHROME_SCORE
    if is_doubled(text) or is_markup(text) or is_script(text):
        return p.SHORT_BLOCK_SCORE
    words = block.words
    sentence = words >= p.SENTENCE_MIN_WORDS and ends_sentence(text)  # the count first: cheaper
    weight = (1.0 if sentence else p.UNFINISHED_WEIGHT) * (p.LIST_ITEM_WEIGHT if block.bullet else 1.0)
    return max(p.SHORT_BLOCK_SCORE, words * weight - p.BLOCK_COST)


def plain_score(block: Block, kind: Kind, *, ends_article: bool) -> float:
    """A block's score when the page holds almost no sentences (a changelog, a list of notes):
    then any text counts by its words, and only chrome and one-word links count against."""
    if kind is CHROME or kind in NEUTRAL_KINDS:
        return block_score(block, kind, ends_article=ends_article)
    return block.words - p.PLAIN_BLOCK_COST


def body_region(items: Classified) -> tuple[int, int]:
    """The run of blocks that reads most like an article: the run of highest total score,
    without prose nested deeper than the article's own and without its comment section."""
    ending = article_enders(items)
    best, span, scores = scored_reading(items, ending)
    if best <= 0:
        return len(items), len(items) - 1
    scores = deeper_prose_discounted(items, scores, span)
    best, span = best_run(scores)
    return before_teasers(items, ending, scores, before_comments(items, scores, span))


def scored_reading(items: Classified,
                   ending: list[bool]) -> tuple[float, tuple[int, int], list[float]]:
    """The best run's score, the run and every block's score, scoring prose by its sentences.

    A page with too little prose for that to mean much is read again scoring all text alike,
    if that finds a body of text at all; so is a page whose text, read that way, is many
    times longer than its prose and mostly list items (release notes, a changelog).
    """
    quoted = preformatted(items)
    listed = listed_blocks(items)
    scores = widen_gaps(items, ending, listed, [
        0 if i in quoted else block_score(block, kind, ends_article=ending[i])
        for i, (block, kind) in enumerate(items)])
    best, span = best_run(scores)
    most = plain_reading_most(items)
    if most < p.PLAIN_BODY_MIN_SCORE or (best >= p.WEAK_BODY_SCORE
                                         and most < p.PLAIN_BODY_RATIO * best):
        return best, span, scores  # the plain reading could not be taken: not worked out
    plain = widen_gaps(items, ending, listed, [
        0 if i in quoted else plain_score(block, kind, ends_article=ending[i])
        for i, (block, kind) in enumerate(items)])
    plain_best, plain_span = best_run(plain)
    if plain_best >= p.PLAIN_BODY_MIN_SCORE and (best < p.WEAK_BODY_SCORE or (
            plain_best >= p.PLAIN_BODY_RATIO * best and mostly_list(items, plain, plain_span))):
        return plain_best, plain_span, plain
    return best, span, scores


def plain_reading_most(items: Classified) -> int:
    """The most the plain reading's best run can score: its blocks' positive scores added up
    (chrome and the neutral kinds score nothing above 0 there, and widen_gaps makes only
    negative scores more so)."""
    return sum([block.words - p.PLAIN_BLOCK_COST for block, kind in items
                if block.words > p.PLAIN_BLOCK_COST
                and kind is not CHROME and kind not in NEUTRAL_KINDS])


def article_enders(items: Classified) -> list[bool]:
    """For each block, whether it is chrome that ends an article (END_CHROME); worked out
    once, as both readings of the page ask it of every chrome block."""
    return [kind is CHROME and p.END_CHROME.match(block.text) for block, kind in items]


def deeper_prose_discounted(items: Classified, scores: list[float],
                             span: tuple[int, int]) -> list[float]:
    """Scores with prose indented deeper than the article's own paragraphs discounted.

    Text dumps indent by nesting: teasers in a list, a live ticker or a gallery beside the
    article sit deeper than its paragraphs, which share one indent: the shallowest one that
    carries ARTICLE_INDENT_SHARE of the first reading's prose. Prose spread over so many
    indents that none carries that share has no article indent: nothing is discounted.
    """
    weight: dict[int, float] = {}
    for index in range(span[0], span[1] + 1):
        if scores[index] > 0:
            indent = items[index][0].indent
            weight[indent] = weight.get(indent, 0) + min(scores[index], p.INDENT_BLOCK_MAX)
    total = sum(weight.values())
    article_indent = min((i for i, w in weight.items() if w >= p.ARTICLE_INDENT_SHARE * total),
                         default=None)
    if article_indent is None:
        return scores
    return [score * p.DEEPER_PROSE_WEIGHT
            if score > 0 and not block.bullet and block.indent > article_indent + p.INDENT_TOLERANCE
            else score
            for (block, _kind), score in zip(items, scores)]


def mostly_list(items: Classified, scores: list[float], span: tuple[int, int]) -> bool:
    """Whether list items carry most of a span's positive score (release notes, changelogs)."""
    listed = total = 0.0
    for index in range(span[0], span[1] + 1):
        if scores[index] > 0:
            total += scores[index]
            listed += scores[index] if items[index][0].bullet else 0
    return listed >= p.PLAIN_LIST_SHARE * total


def before_comments(items: Classified, scores: list[float], span: tuple[int, int]) -> tuple[int, int]:
    """The span cut before its first comment section heading that follows enough article."""
    start, end = span
    total = 0.0
    for index in range(start, end + 1):
        block, kind = items[index]
        if kind is CHROME and total >= p.COMMENTS_CUT_MIN_SCORE \
                and p.COMMENTS_HEADING.match(block.text):
            return cut_before(scores, start, index)
        total += scores[index]
    return start, end


def before_teasers(items: Classified, ending: list[bool], scores: list[float],
                   span: tuple[int, int]) -> tuple[int, int]:
    """The span cut before the first article-ending heading (`ending`: article_enders) that
    follows enough article and is followed by teaser cards of other stories
    (TEASER_MIN_CARDS)."""
    start, end = span
    if not any(ending[start:end + 1]):  # most spans: no such heading
        return span
    total = 0.0
    tally = None  # worked out when first needed
    for index in range(start, end + 1):
        if ending[index] and total >= p.COMMENTS_CUT_MIN_SCORE:
            tally = tally or TeaserTally(items, scores, start, end)
            if tally.mostly_teasers_after(index):
                return cut_before(scores, start, index)
        total += max(scores[index], 0)
    return start, end


class TeaserTally:
    """Over the blocks after any block of a span: how many are teaser cards' summaries (a
    short summary right under a card title, chrome between left out), the score in those
    and all their positive score. Summed once from the span's end, so that a page with
    many article-ending headings costs no more than one."""

    def __init__(self, items: Classified, scores: list[float], start: int, end: int) -> None:
        self.items, self.scores, self.start = items, scores, start
        self.above: list[int | None] = []  # for each block, the last one before it not chrome
        last = None
        for index in range(start, end + 1):
            self.above.append(last)
            if items[index][1] is not CHROME:
                last = index
        # suffix sums: (cards, score in cards, positive score) from a block to the end
        self.sums = [(0, 0.0, 0.0)] * (end + 2 - start)
        # for each block, the first one from it on that is not chrome
        self.ahead: list[int | None] = [None] * (end + 2 - start)
        self.last_card: int | None = None
        for index in range(end, start - 1, -1):
            self.ahead[index - start] = self.ahead[index + 1 - start] \
                if items[index][1] is CHROME else index
            cards, in_cards, positive = self.sums[index + 1 - start]
            if items[index][1] is not CHROME and scores[index] > 0:
                positive += scores[index]
                if self.is_card(index):
                    cards, in_cards = cards + 1, in_cards + scores[index]
                    if self.last_card is None:  # the span is walked from its end
                        self.last_card = index
            self.sums[index - start] = (cards, in_cards, positive)

    def is_card(self, index: int) -> bool:
        """Whether the block is a card's summary: short (or an excerpt cut short), right
        under a card title."""
        above = self.above[index - self.start]
        return above is not None and self.scores[index] > 0 \
            and is_card_title(*self.items[above], self.scores[above]) \
            and is_card_summary(self.items[index][0])

    def mostly_teasers_after(self, heading: int) -> bool:
        """Whether the blocks after `heading` score mostly in teaser cards; a card whose
        title stands above the heading is not counted."""
        cards, in_cards, positive = self.sums[heading + 1 - self.start]
        first = self.ahead[heading + 1 - self.start]
        title = self.above[first - self.start] if first is not None else None
        if first is not None and title is not None and title < heading and self.is_card(first):
            cards, in_cards = cards - 1, in_cards - self.scores[first]
        if cards < p.TEASER_MIN_CARDS:
            return False
        # Prose after the last card (the site's "about us" box) is left out of the share,
        # unless it outweighs the cards: then it is more article that a box of teasers
        # interrupted, and the article goes on.
        trailing = self.sums[self.last_card + 1 - self.start][2] \
            if self.last_card is not None else 0.0
        counted = positive - trailing if trailing < in_cards else positive
        return in_cards >= p.TEASER_SHARE * counted


def is_card_summary(block: Block) -> bool:
    """A teaser's summary: short, or an excerpt cut short with an ellipsis."""
    if block.words <= p.TEASER_SUMMARY_MAX_WORDS:
        return True
    return block.words <= p.TEASER_EXCERPT_MAX_WORDS \
        and block.text.rstrip().endswith(p.TEASER_EXCERPT_END)


def is_card_title(block: Block, kind: Kind, score: float) -> bool:
    """A teaser's title line: text that scores nothing and does not end a sentence."""
    return kind in (TEXT, LIST_ITEM) and score <= p.CARD_TITLE_MAX_SCORE \
        and block.words <= p.TITLE_MAX_WORDS and not ends_sentence(block.text)


def cut_before(scores: list[float], start: int, index: int) -> tuple[int, int]:
    """The span from `start` to the last block before `index` that counts for the body."""
    end = index - 1
    while end > start and scores[end] <= 0:
        end -= 1
    return start, end


def widen_gaps(items: Classified, ending: list[bool], listed: list[bool],
               scores: list[float]) -> list[float]:
    """Scores where each further block of a gap between prose blocks costs more than the last.

    An article's paragraphs follow each other with a caption or an ad between; teasers in a
    list of other stories stand apart, each behind a headline, a source and a comment count.
    A list inside an article is one interruption: its items (`listed`: listed_blocks)
    neither widen a gap nor are widened, and an item that reads as prose ends the gap. Inline
    chrome (ads, share buttons) widens the gap but keeps its small score. `ending`:
    article_enders(items).
    """
    widened, gap = [], 0
    for (block, kind), ends_article, in_list, score in zip(items, ending, listed, scores):
        if in_list:
            widened.append(score)
            gap = 0 if score > 0 else gap
            continue
        if score < 0:  # only what counts against the body widens a gap and is widened
            inline = kind is CHROME and not ends_article
            widened.append(score if inline else score * gap_factor(gap))
            gap += 1
        else:
            widened.append(score)
            gap = 0 if score > 0 else gap
    return widened


def listed_blocks(items: Classified) -> list[bool]:
    """For each block, whether it is an item of a list: bulleted, or introduced_runs."""
    introduced = introduced_runs(items)
    return [block.bullet or index in introduced for index, (block, _) in enumerate(items)]


def introduced_runs(items: Classified) -> set[int]:
    """The blocks of runs of one-line blocks printed one right under another (no blank line
    between) after a line that ends in a colon, or after a table's header row: a table, a
    code listing or a list without bullets that the article introduces ("The release
    history tells a different story:"). The introducing line may be a paragraph over the
    run or one of the run's own lines (a browser's copy prints "What you'll need:" among
    the lines before the list)."""
    listed: set[int] = set()
    for intro, (block, _) in enumerate(items):
        if not (block.text.endswith(":") or (is_table_header(block) and intro not in listed)):
            continue  # (a row of a table already listed is no new table's header)
        run, above = [], block
        for index in range(intro + 1, len(items)):
            below = items[index][0]
            if below.raw_lines != 1 or below.text.endswith(":") \
                    or (run and not follows_directly(above, below)):
                break
            run.append(index)
            above = below
        if len(run) >= p.INTRODUCED_RUN_MIN:
            listed.update(run)
    return listed


def is_table_header(block: Block) -> bool:
    """A one-line block of at least TABLE_HEADER_MIN_CELLS cells side by side, two spaces or
    more apart ("General UX  UX draft  UX review  UI mockup"): a table's header row."""
    return p.CELL_GAP in block.text and block.raw_lines == 1 \
        and block.text.count(p.CELL_GAP) >= p.TABLE_HEADER_MIN_CELLS - 1


def follows_directly(above: Block, block: Block) -> bool:
    """Whether a block starts on the line right after the block above."""
    return above.line + above.raw_lines == block.line


def gap_factor(gap: int) -> int:
    """How much more a block counts against the body as the gap it stands in grows."""
    return min(1 + p.GAP_GROWTH * max(0, gap - p.GAP_FREE), p.GAP_MAX_FACTOR)


def best_run(scores: list[float]) -> tuple[float, tuple[int, int]]:
    """The highest total of a run of consecutive scores, and the run (maximum subarray)."""
    best, best_span = float("-inf"), (0, -1)
    total, run_start = 0.0, 0
    for index, score in enumerate(scores):
        if total <= 0:
            total, run_start = 0.0, index
        total += score
        if total > best:
            best, best_span = total, (run_start, index)
    return best, best_span


def preformatted(items: Classified) -> set[int]:
    """Indices of the blocks that are quoted code: lines that look like code, and every line
    of a run of adjacent lines enough of which do (a listing's "FROM" and "}" as well). List
    items and paragraphs of prose are no listing: they cut a run, and each part is judged
    alone (a text browser may print a listing right under the paragraph introducing it)."""
    quoted: set[int] = set()
    for run in listing_runs(items):
        code = [i for i in run if items[i][1] is not CHROME
                and is_code(items[i][0].text, items[i][0].words)]
        if len(run) >= p.PRE_MIN_LINES and len(code) >= p.PRE_CODE_SHARE * len(run):
            quoted.update(i for i in run if items[i][1] is not CHROME)
        else:
            quoted.update(code)
    return quoted


def listing_runs(items: Classified) -> list[list[int]]:
    """adjacent_runs cut at list items and paragraphs of prose, which are left out."""
    parts: list[list[int]] = []
    for run in adjacent_runs(items):
        parts.append([])
        for index in run:
            block = items[index][0]
            if block.bullet or is_paragraph(block):
                parts.append([])
            else:
                parts[-1].append(index)
    return [part for part in parts if part]


def is_paragraph(block: Block) -> bool:
    """Whether a block is a paragraph of prose: long, and ending a sentence."""
    return block.words >= p.PROSE_MIN_WORDS and ends_sentence(block.text)


def adjacent_runs(items: Classified) -> list[list[int]]:
    """Indices of blocks grouped into runs whose lines follow each other with no blank line."""
    runs: list[list[int]] = []
    next_line = -1
    for index, (block, _kind) in enumerate(items):
        if runs and block.line == next_line:
            runs[-1].append(index)
        else:
            runs.append([index])
        next_line = block.line + block.raw_lines
    return runs


def without_doubled_text(items: Classified) -> Classified:
    """The body's blocks with a block that holds its own text twice (an image's alt text and
    its caption run together) cut to one copy."""
    return tuple((replace(block, text=block.text[:len(block.text) // 2].strip()), kind)
                 if kind in (TEXT, LIST_ITEM) and is_doubled(block.text)
                 else (block, kind)
                 for block, kind in items)
