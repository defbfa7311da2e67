"""How a parse is compared with a corpus case's expected values.

The same normalisation as the corpus yardstick (`score.py`): titles compared after NFKC,
casefolding and unifying quotes, dashes and spaces; names without "By"; dates by calendar
day as written; bodies as bags of words, where every CJK character is a word of its own.
"""
from __future__ import annotations

import collections
import re
import unicodedata

CJK = "\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
TOKEN = re.compile(rf"[{CJK}]|[^\W{CJK}]+")
CJK_SPACE = re.compile(rf"(?<=[{CJK}\u3000-\u303f\uff00-\uffef]) (?=[{CJK}\u3000-\u303f\uff00-\uffef])")
UNIFIED = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'",
                         "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"',
                         "\u00bb": '"', "\u2013": "-", "\u2014": "-", "\u00a0": " "})
NAME_PREFIX = re.compile(r"^(by|written by|par|por|von)\s+")


def _unified(text: str) -> str:
    return unicodedata.normalize("NFKC", text).translate(UNIFIED).casefold()


def norm_title(title: str | None) -> str:
    text = CJK_SPACE.sub("", re.sub(r"\s+", " ", _unified(title or "")).strip())
    while text and unicodedata.category(text[0])[0] in "PSZ":
        text = text[1:]
    while text and unicodedata.category(text[-1])[0] in "PSZ":
        text = text[:-1]
    return text


def norm_names(names) -> list[str]:
    out = []
    for name in names or []:
        name = NAME_PREFIX.sub("", _unified(name).strip())
        name = re.sub(r"\s+", " ", re.sub(r"[^\w\s'-]", " ", name)).strip()
        if name:
            out.append(name)
    return sorted(out)


def matched_names(expected, got) -> int:
    """Names found that were expected, each expected name matched at most once."""
    return sum((collections.Counter(norm_names(expected))
                & collections.Counter(norm_names(got))).values())


def day(iso: str | None) -> str | None:
    return iso[:10] if iso else None


def body_f1(expected: str, got: str) -> float:
    want = collections.Counter(TOKEN.findall(_body(expected)))
    have = collections.Counter(TOKEN.findall(_body(got)))
    if not want and not have:
        return 1.0
    overlap = sum((want & have).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(have.values()), overlap / sum(want.values())
    return 2 * precision * recall / (precision + recall)


def _body(text: str | None) -> str:
    return unicodedata.normalize("NFKC", text or "").casefold()
