"""Parse the project's corpus cases and compare each with its expected values."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from feedpub.config import Config
from feedpub.errors import InputError
from feedpub.jsonout import article_json
from feedpub.parse import parse_source
from feedpub.source import read_source

from . import corpus_metrics as m

CASES = Path(__file__).resolve().parent / "cases"
KNOWN = CASES / "known.json"
FIELDS = ("title", "date", "authors")


@dataclass(frozen=True)
class Outcome:
    """One case's parse next to what was expected, field by field."""

    name: str
    got: dict
    want: dict
    body_f1: float
    error: str | None = None

    def field(self, name: str) -> tuple[object, object]:
        """(expected, got) for title, date or authors, normalised as the yardstick does."""
        if name == "title":
            return m.norm_title(self.want["title"]), m.norm_title(self.got["title"])
        if name == "date":
            return m.day(self.want["published"]), m.day(self.got["published"])
        return m.norm_names(self.want["authors"]), m.norm_names(self.got["authors"])


# What a page the parser rejects counts as: nothing found.
NOTHING = {"title": None, "published": None, "authors": [], "content_text": ""}


def case_names(corpus: Path = CASES) -> list[str]:
    """Cases are NAME.txt with their expected values beside them in NAME.json."""
    return sorted(p.stem for p in corpus.glob("*.txt") if p.with_suffix(".json").exists())


def run_case(name: str, corpus: Path = CASES) -> Outcome:
    """Parse one case as `feedpub parse --json` does and compare it with its expectations."""
    want = json.loads((corpus / f"{name}.json").read_text(encoding="utf-8"))
    try:
        article = parse_source(read_source(corpus / f"{name}.txt"), Config().tz)
    except InputError as error:
        return Outcome(name, NOTHING, want, m.body_f1(want.get("body") or "", ""), str(error))
    got = article_json(article)
    return Outcome(name, got, want, m.body_f1(want.get("body") or "", got["content_text"]))


def known() -> dict:
    """Per case: `body_f1_floor`, and `known_failures` {field: why it still fails}."""
    return json.loads(KNOWN.read_text(encoding="utf-8")) if KNOWN.exists() else {}
