"""The headline: which block above (or opening) the article body is the article's title.

Every short, title-shaped block before the body is a candidate; each gets a score from a few
signals a headline has on any site (see HEADLINE_WEIGHTS in patterns.py): its words come back
in the body, a byline or date line sits right under it, the page repeats it (breadcrumb,
window title), and it stands close to where the body starts.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from itertools import chain

from . import patterns as p
from .classify import is_prose
from .model import BYLINE, CHROME, CREDIT, DATE, LIST_ITEM, TEXT, Block, Kind
from .names import is_name_line, name_before_date
from .words import more_words_than

Classified = tuple[tuple[Block, Kind], ...]

# Words of a block for comparing a candidate headline with the body: letters and digits in
# lower case, at least HEADLINE_MIN_WORD_CHARS of them; CJK text, written without spaces, is
# compared by pairs of characters.
_CONTENT_WORD = re.compile(rf"[^\W_]{{{p.HEADLINE_MIN_WORD_CHARS},}}")
# The same words in ASCII text put in lower case, where [^\W_] is [a-z0-9]: a plain character
# set the regex engine tests faster than a Unicode category (every body block is searched).
_ASCII_CONTENT_WORD = re.compile(rf"[a-z0-9]{{{p.HEADLINE_MIN_WORD_CHARS},}}")
_LETTER = re.compile(r"[^\W\d_]")
_TWO_LETTERS = re.compile(r"[^\W\d_].*?[^\W\d_]")
# Kinds of the blocks that typically sit right under (or over) a headline.
META_KINDS = (BYLINE, DATE)


def content_words(text: str) -> set[str]:
    """The words of `text` that carry meaning: long enough to not be a function word."""
    if text.isascii():  # most text: no CJK runs to split off
        return set(_ASCII_CONTENT_WORD.findall(text.lower()))
    runs = p.CJK_RUN.findall(text)
    if not runs:  # accented letters, no CJK (most other text): one scan fewer
        return set(_CONTENT_WORD.findall(text.casefold()))
    words = set(_CONTENT_WORD.findall(p.CJK_RUN.sub(" ", text.casefold())))
    for run in runs:
        words.update(run[i:i + 2] for i in range(len(run) - 1))
    return words


def find_title(items: Classified, start: int, end: int) -> int | None:
    """Index of the block that is the article's headline, or None when nothing qualifies."""
    body = body_words(items, start, end)
    repeats = repeated_texts(items)
    scores = headline_scores(items, start, end, body, repeats)
    if not scores:
        return None
    # Ties go to the line the body is more about, then to the one nearer the body.
    top = max(round(score, 6) for score in scores.values())
    tied = [i for i, score in scores.items() if round(score, 6) == top]
    best = max(tied, key=lambda i: (topicality(content_words(items[i][0].text), body),
                                    -abs(start - i), i))
    above = headline_above(items, best, body)
    if above in scores and scores[above] >= scores[best] - p.HEADLINE_DEK_MARGIN \
            and len(items[best][0].text) > len(items[above][0].text) \
            and topicality(content_words(items[above][0].text), body) >= p.HEADLINE_DEK_TOPIC \
            and not repeated_in_body(repeats, items[above][0].text, above, (start, end)):
        return above
    return best


def headline_scores(items: Classified, start: int, end: int, body: BodyWords,
                    repeats: dict[str, list[int]]) -> dict[int, float]:
    """Each headline candidate's index with its score, for the blocks down to the body's
    first few."""
    limit = min(len(items), max(start, 0) + p.HEADLINE_INTO_BODY + 1, max(end, start) + 1)
    # HEADLINE_NOT, the costliest test of a candidate and one few headline-shaped lines fail,
    # is left until a line's bound is high enough for it to be scored.
    candidates = [i for i in range(limit)
                  if is_headline_shaped(items[i]) and not is_wrapped_fragment(items, i)]
    candidates = candidates[-p.HEADLINE_MAX_CANDIDATES:]
    gaps = gaps_to_body(items, start, limit)
    after_prose = prose_seen(items, start, limit)
    marks = MetaMarks(items, limit + p.META_REACH_AFTER * p.META_SCAN_FACTOR)
    penalty = p.HEADLINE_WEIGHTS["after_prose"]
    bounds = {i: score_bound(items, i, gaps[i], body, inside=i >= start)
              - penalty * after_prose[i] for i in candidates}
    # Scored best bound first: a candidate whose bound is below the best score so far less
    # the dek margin can be neither the headline nor the headline above it (find_title).
    scores: dict[int, float] = {}
    best = float("-inf")
    for i in sorted(candidates, key=lambda i: (-bounds[i], i)):
        if bounds[i] < best - p.HEADLINE_DEK_MARGIN - BOUND_SLACK:
            break  # and so is every later bound, of a candidate or of page furniture
        if is_furniture(items[i][0].text):
            continue
        scores[i] = title_score(items, i, gaps[i], body, repeats, marks, inside=i >= start,
                                region=(start, end)) \
            - penalty * after_prose[i]
        best = max(best, scores[i])
    return {i: scores[i] for i in sorted(scores)}


def is_candidate(item: tuple[Block, Kind]) -> bool:
    """Whether a block is shaped like a headline and is not page furniture."""
    return is_headline_shaped(item) and not is_furniture(item[0].text)


def is_furniture(text: str) -> bool:
    """Whether a headline-shaped line is page furniture (HEADLINE_NOT): a button, a link."""
    return p.HEADLINE_NOT.search(text) is not None


def is_headline_shaped(item: tuple[Block, Kind]) -> bool:
    """Whether a block is shaped like a headline: short, unfinished, mostly letters."""
    block, kind = item
    text = block.text
    if kind not in (TEXT, LIST_ITEM) or not text:
        return False
    words = block.words
    if not 1 <= words <= p.TITLE_MAX_WORDS or (words == 1 and len(text) < p.HEADLINE_MIN_CHARS):
        return False
    if p.HEADLINE_END_NOT.search(text) and not p.HEADLINE_END_OK.search(text):
        return False
    if not p.HEADLINE_FIRST_CHAR.match(text):
        return False
    return letter_count(text) >= p.HEADLINE_MIN_LETTER_SHARE * len(text.replace(" ", ""))


def letter_count(text: str) -> int:
    """Letters in `text`, with the marks that Burmese, Thai or Hindi write their vowels and
    tones with (combining marks, which are not word characters to a regular expression)."""
    letters = len(_LETTER.findall(text))
    if text.isascii():
        return letters
    return letters + sum(1 for c in text if unicodedata.category(c) in ("Mn", "Mc"))


def is_wrapped_fragment(items: Classified, index: int) -> bool:
    """Whether a block is one line of a hard-wrapped paragraph that was not joined back: the
    sentence runs on into the next block, or comes from the previous one."""
    text = items[index][0].text
    after = items[index + 1] if index + 1 < len(items) else None
    if after and after[1] is TEXT and after[0].text[:1].islower() \
            and not text.endswith(p.HEADLINE_CLOSING):
        return True
    before = items[index - 1] if index > 0 else None
    return bool(before and text[:1].islower() and before[1] is TEXT
                and before[0].words >= p.SENTENCE_MIN_WORDS
                and not before[0].text.endswith(p.HEADLINE_CLOSING))


def gaps_to_body(items: Classified, start: int, limit: int) -> list[int]:
    """For each block, how many text blocks stand between it and the body's first block."""
    gaps = [0] * limit
    gap = 0
    for index in range(min(start, limit) - 1, -1, -1):
        gaps[index] = gap
        if items[index][1] in (TEXT, LIST_ITEM):
            gap += 1
    for index in range(max(start, 0), limit):
        gaps[index] = index - start
    return gaps


def prose_seen(items: Classified, start: int, limit: int) -> list[bool]:
    """For each block, whether a paragraph of the body's prose comes before it: a headline-
    shaped line there is more likely one of the article's sub-headings."""
    seen, flags = False, [False] * limit
    for index in range(max(start, 0), limit):
        flags[index] = seen
        block, kind = items[index]
        seen = seen or (kind is TEXT and is_paragraph(block.text, block.words))
    return flags


@dataclass(frozen=True)
class BodyWords:
    """How many body paragraphs use each content word, and how many make a word a topic."""

    counts: Counter[str]  # read with counts.get(word, 0): a missing key costs Counter a call
    topic_blocks: int


def is_paragraph(text: str, words: int | None = None) -> bool:
    """Prose that finishes its sentence: not a long headline ending in "N.Y.C." or none.
    `words`: the text's word count when the caller has it (Block.words)."""
    return is_prose(text, words) and bool(p.SENTENCE_END.search(text)) \
        and not p.HEADLINE_END_OK.search(text)


def body_words(items: Classified, start: int, end: int) -> BodyWords:
    """The body region's content words; in a short body fewer paragraphs make a topic."""
    blocks = items[start:end + 1]
    # One count over all the blocks' words: Counter.update per block costs more than a block.
    words = Counter(chain.from_iterable(content_words(block.text) for block, _ in blocks))
    return BodyWords(words, max(1, min(p.HEADLINE_TOPIC_BLOCKS, len(blocks) // 2)))


def repeated_texts(items: Classified) -> dict[str, list[int]]:
    """Where each block's text occurs, whole or as a part of a "Section | Title" line."""
    seen: dict[str, list[int]] = {}
    for index, (block, _) in enumerate(items):
        key = block.text.casefold()
        seen.setdefault(key, []).append(index)
        if p.TITLE_SEPARATOR_MARK.search(key):
            parts = {part.strip() for part in p.TITLE_SEPARATOR.split(key) if part.strip()}
            for part in parts - {key}:
                seen.setdefault(part, []).append(index)
    return seen


def shown_again(repeats: dict[str, list[int]], text: str, index: int,
                region: tuple[int, int]) -> bool:
    """Whether the page shows the line again apart from it (a breadcrumb, the window title);
    a copy a few blocks away is a teaser card's link and caption or a player's title, and a
    copy inside the body (`region`: its first and last block) is a box the article's template
    repeats between paragraphs ("Thank you for supporting ...")."""
    places = repeats.get(text.casefold(), [])
    before, after = inside_region(places, region)
    outside = places[:1] if before else places[after:after + 1]  # the first copy outside
    outside += places[-1:] if after < len(places) else places[before - 1:before]  # the last
    return len(outside) == 2 and max(index - outside[0], outside[1] - index) > p.REPEAT_MIN_GAP


def repeated_in_body(repeats: dict[str, list[int]], text: str, index: int,
                     region: tuple[int, int]) -> bool:
    """Whether the line comes again inside the body (`region`: its first and last block): a
    box the site's template prints between paragraphs too ("Thank you for supporting ..."),
    which a headline never is."""
    before, after = inside_region(repeats.get(text.casefold(), []), region)
    return after - before > (1 if region[0] < index <= region[1] else 0)


def inside_region(places: list[int], region: tuple[int, int]) -> tuple[int, int]:
    """The slice of the sorted `places` that falls inside the body region (after its first
    block, up to its last; empty when the region is): found by bisection, since a page may
    repeat one line thousands of times and every copy may be a candidate."""
    before = bisect_right(places, region[0])
    return before, max(before, bisect_right(places, region[1]))


def title_score(items: Classified, index: int, gap: int, body: BodyWords,
                repeats: dict[str, list[int]], marks: MetaMarks, *, inside: bool,
                region: tuple[int, int] = (0, -1)) -> float:
    """How strongly a candidate block looks like the article's headline."""
    w = p.HEADLINE_WEIGHTS
    text = items[index][0].text
    words = items[index][0].words
    content = content_words(text)
    score = w["overlap"] * overlap(content, body, inside=inside)
    score += w["topic"] * topicality(content, body)
    score += w["meta_after"] * meta_near(marks, index, 1)
    score += w["meta_before"] * meta_near(marks, index, -1)
    score -= w["between_dates"] * between_dates(items, marks, index)
    score -= w["under_byline"] * under_byline(items, marks, index)
    score += w["repeated"] * shown_again(repeats, text, index, region)
    score -= w["repeated_in_body"] * repeated_in_body(repeats, text, index, region)
    score += w["words"] * min(words, p.HEADLINE_GOOD_WORDS) / p.HEADLINE_GOOD_WORDS
    score -= w["list_item"] * (items[index][1] is LIST_ITEM)
    score -= w["table_row"] * is_table_row(text)
    score -= w["too_long"] * (headline_length(text) > p.HEADLINE_LONG_WORDS)
    score -= w["byline_like"] * is_byline_like(text)
    score -= w["site_label"] * is_site_label(text)
    score -= w["one_word"] * (words == 1)
    score -= w["inside_body"] * (inside and gap > 0)
    score += w["near_body"] / (1 + gap / p.HEADLINE_NEAR_BLOCKS)
    return score


# Room left for the rounding of sums of floats when a bound is compared with a score.
BOUND_SLACK = 1e-6
# The most the terms that look at the neighbouring blocks can add to title_score: a byline
# or name line right under the candidate, a date line right above, the text shown again.
NEIGHBOUR_TERMS_MAX = (p.HEADLINE_WEIGHTS["meta_after"] * max(1.0, p.NAME_LINE_META)
                       + p.HEADLINE_WEIGHTS["meta_before"] + p.HEADLINE_WEIGHTS["repeated"])


def score_bound(items: Classified, index: int, gap: int, body: BodyWords, *,
                inside: bool) -> float:
    """A cheap upper bound of title_score: its terms on the block alone, the neighbour terms
    at their most (NEIGHBOUR_TERMS_MAX) and the penalties that need a closer look (too long,
    byline-like, between dates) left out."""
    w = p.HEADLINE_WEIGHTS
    block, kind = items[index]
    content = content_words(block.text)
    return (w["overlap"] * overlap(content, body, inside=inside)
            + w["topic"] * topicality(content, body) + NEIGHBOUR_TERMS_MAX
            + w["words"] * min(block.words, p.HEADLINE_GOOD_WORDS) / p.HEADLINE_GOOD_WORDS
            - w["list_item"] * (kind is LIST_ITEM) - w["one_word"] * (block.words == 1)
            - w["inside_body"] * (inside and gap > 0)
            + w["near_body"] / (1 + gap / p.HEADLINE_NEAR_BLOCKS))


def overlap(words: set[str], body: BodyWords, *, inside: bool) -> float:
    """Share of the candidate's content words the body uses too (itself left out); a label of
    one or two words proves less than a headline of several, so short ones count for less."""
    if not words:
        return 0.0
    counts = body.counts
    found = len([w for w in words if counts.get(w, 0) > (1 if inside else 0)])
    return found / max(len(words), p.HEADLINE_OVERLAP_WORDS)


def topicality(words: set[str], body: BodyWords) -> float:
    """How much the body keeps coming back to the candidate's content words: for each word,
    the paragraphs using it up to the body's topic_blocks, averaged (the topic of an
    encyclopedia entry scores 1, a menu label the body mentions once scores little)."""
    if not words:
        return 0.0
    counts, most = body.counts, body.topic_blocks
    return sum([min(counts.get(w, 0), most) for w in words]) / (
        body.topic_blocks * len(words))


class MetaMarks:
    """What each of the first `upto` blocks is to the headline search (meta_mark), worked out
    when first asked for and once per block: only the blocks near a scored candidate are."""

    def __init__(self, items: Classified, upto: int) -> None:
        self.items = items
        self.length = min(upto, len(items))
        self.known: dict[int, str] = {}

    def __len__(self) -> int:
        return self.length

    def __getitem__(self, index: int) -> str:
        mark = self.known.get(index)
        if mark is None:
            mark = meta_mark(*self.items[index])
            if mark == "text" and index + 1 < len(self.items) \
                    and names_of_next_byline(self.items[index][0], self.items[index + 1]):
                mark = "skip"
            self.known[index] = mark
        return mark


def names_of_next_byline(block: Block, after: tuple[Block, Kind]) -> bool:
    """Whether a line only repeats the names of the byline right under it: the writers'
    pictures, printed as their names ("Jeremy Herb Lauren del Valle" / "By Jeremy Herb,
    Lauren del Valle, CNN"), part of the byline's box rather than text between it and the
    headline."""
    if after[1] is not BYLINE:
        return False
    names = set(block.text.casefold().split())
    return bool(names) and names <= set(after[0].text.casefold().replace(",", " ").split())


def meta_mark(block: Block, kind: Kind) -> str:
    """"meta" (a byline or date line), "name" (a bare author name), "text" or "skip" (chrome,
    credits, lines without words, which do not count as distance)."""
    if kind in META_KINDS or (kind is TEXT and is_dated_line(block)):
        return "meta"
    if kind is TEXT and (is_name_line(block.text) or name_before_date(block.text)):
        return "name"
    if kind is CHROME or kind is CREDIT or not has_words(block.text):
        return "skip"
    return "text"


def meta_near(marks: MetaMarks, index: int, step: int) -> float:
    """How closely a byline, date or author name follows (step 1) or precedes (-1) a block:
    1 right next to it, less for each text block in between, 0 beyond the reach."""
    seen = 0
    position = index + step
    reach = p.META_REACH_AFTER if step > 0 else p.META_REACH_BEFORE
    while 0 <= position < len(marks) and seen < reach:
        mark = marks[position]
        if mark == "meta":
            return 1 / (1 + seen)
        if mark == "name" and step > 0:
            return p.NAME_LINE_META / (1 + seen)
        if mark != "skip":
            seen += 1
        position += step
    return 0.0


def between_dates(items: Classified, marks: MetaMarks, index: int) -> bool:
    """Whether date lines sit right above and right under the block: a row of a timeline or
    an infobox ("Statute of Westminster adopted" between two dates), not a headline."""
    return all(neighbour is not None and items[neighbour][1] is DATE
               for neighbour in (next_marked(marks, index, -1), next_marked(marks, index, 1)))


def under_byline(items: Classified, marks: MetaMarks, index: int) -> bool:
    """Whether a byline sits right above the block and a byline or date right under it: a
    line of the byline's own block ("By Kelli Miller" / "WebMD Health News" / "Reviewed by
    ..."), the writer's desk or outlet, not the headline over them."""
    above, below = next_marked(marks, index, -1), next_marked(marks, index, 1)
    return above is not None and below is not None and items[above][1] is BYLINE \
        and marks[below] == "meta"


def next_marked(marks: MetaMarks, index: int, step: int) -> int | None:
    """The nearest block in that direction that is not skipped, or None."""
    position = index + step
    while 0 <= position < len(marks) and marks[position] == "skip":
        position += step
    return position if 0 <= position < len(marks) else None


def headline_length(text: str) -> float:
    """Length in words; CJK text counts patterns.CJK_CHARS_PER_HEADLINE_WORD characters a word."""
    cjk_chars = len(text) - len(p.CJK_RUN.sub("", text))
    return len(p.CJK_RUN.sub(" ", text).split()) + cjk_chars / p.CJK_CHARS_PER_HEADLINE_WORD


def is_table_row(text: str) -> bool:
    """Cells side by side, a layout's gap between them (CELL_GAP: "Industry  Open-source
    software")."""
    return p.CELL_GAP in text


def is_site_label(text: str) -> bool:
    """A short line of capitalised words sites label their parts with (NOT_NAME_WORDS: "Tech
    Insider", "Latest News"): a brand or section name, not a headline ("The Future of News"
    leaves "of" in lower case, as headlines do)."""
    words = [w.strip(p.LABEL_EDGE_MARKS) for w in text.split()]
    return 0 < len(words) <= p.NAME_MAX_WORDS \
        and all(w[:1].isupper() and w.casefold() in p.NOT_NAME_WORDS for w in words)


def is_byline_like(text: str) -> bool:
    """A name or a job title standing alone ("John C. Welch", "Senior News Reporter")."""
    words = text.split()
    return is_name_line(text) or (len(words) <= p.NAME_MAX_WORDS
                                  and any(w.casefold() in p.JOB_TITLE_WORDS for w in words))


def headline_above(items: Classified, index: int, body: BodyWords) -> int | None:
    """The block right above, when it is a headline-shaped line the body is about: the block
    at `index` may then be its standfirst (dek) rather than the headline."""
    position = index - 1
    while position >= 0 and items[position][1] is CHROME:
        position -= 1
    if position < 0 or not is_candidate(items[position]):
        return None
    text = items[position][0].text
    if items[position][0].words >= p.HEADLINE_GOOD_WORDS // 2 \
            and overlap(content_words(text), body, inside=False) >= p.HEADLINE_DEK_OVERLAP:
        return position
    return None


def is_dated_line(block: Block) -> bool:
    """A short line that carries a date ("AFP 30 avril 2015 à 07:19 (Mis à jour : ...)")."""
    return not more_words_than(block.text, p.DATED_LINE_MAX_WORDS) and bool(block.dates)


def has_words(text: str) -> bool:
    """Whether a block has words at all (not just a count such as "6366" or a bullet)."""
    return bool(_TWO_LETTERS.search(text))
