"""parse_article: saved article text in, an immutable Article out. Pure: no files, no clock."""
from __future__ import annotations

from dataclasses import replace
from datetime import tzinfo
from zoneinfo import ZoneInfo

from .assemble import assemble_article
from .blocks import split_blocks
from .classify import classify_blocks
from .errors import InputError
from .model import Article
from .source import Source, clean_text, split_source

UTC = ZoneInfo("UTC")


def parse_article(text: str, *, source: str = "<text>", zone: tzinfo = UTC) -> Article:
    """Parse one saved article (front matter allowed); raise InputError if it has no article."""
    return parse_source(split_source(source, clean_text(text)), zone)


def parse_source(source: Source, zone: tzinfo = UTC) -> Article:
    """Parse a read input (source.read_source): its text, front matter and read warnings."""
    return parse_source_text(source.text, dict(source.front), source.path, zone,
                             source.warnings)


def parse_source_text(text: str, front: dict[str, str], source: str, zone: tzinfo,
                      warnings: tuple[str, ...] = ()) -> Article:
    """Parse text whose front matter was already split off by source.read_source."""
    if not text.strip() and not front.get("title"):
        raise InputError(source, "empty file: no article text")
    items = classify_blocks(split_blocks(text))
    article = assemble_article(items, front, source, zone)
    if not article.title:
        raise InputError(source, "no title found")
    if not article.paragraphs:
        raise InputError(source, "no article text found (only page chrome)")
    if warnings == article.warnings:  # most inputs: no warnings, none to copy the article for
        return article
    return replace(article, warnings=warnings)
