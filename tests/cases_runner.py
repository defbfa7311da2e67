"""Parse the project's corpus cases and compare each with its expected values."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from feedpub.config import Config
from feedpub.jsonout import article_json
from feedpub.parse import parse_source_text
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

    def field(self, name: str) -> tuple[object, object]:
        """(expected, got) for title, date or authors, normalised as the yardstick does."""
        if name == "title":
            return m.norm_title(self.want["title"]), m.norm_title(self.got["title"])
        if name == "date":
            return m.day(self.want["published"]), m.day(self.got["published"])
        return m.norm_names(self.want["authors"]), m.norm_names(self.got["authors"])


def case_names() -> list[str]:
    return sorted(p.stem for p in CASES.glob("*.txt"))


def run_case(name: str) -> Outcome:
    source = read_source(CASES / f"{name}.txt")
    article = parse_source_text(source.text, dict(source.front), source.path, Config().tz,
                                source.warnings)
    got = article_json(article)
    want = json.loads((CASES / f"{name}.json").read_text(encoding="utf-8"))
    return Outcome(name, got, want, m.body_f1(want.get("body") or "", got["content_text"]))


def known() -> dict:
    """Per case: `body_f1_floor`, and `known_failures` {field: why it still fails}."""
    return json.loads(KNOWN.read_text(encoding="utf-8")) if KNOWN.exists() else {}
