"""From the input directory to the site: load every article, then render the whole site."""
from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import quote

from .config import Config
from .errors import ConfigError, InputError
from .feed import FEED_PATH, render_feed
from .model import Article, Entry
from .pages import render_pages
from .parse import parse_source_text
from .source import read_source

# Files in the input directory that are saved articles.
INPUT_SUFFIXES = (".txt", ".text")
# Page slugs are cut to this many characters so file names stay portable.
SLUG_MAX = 80


@dataclass(frozen=True)
class Loaded:
    """One parsed input: the article, its path inside the input directory, its mtime."""

    article: Article
    name: str
    mtime: datetime


def find_inputs(input_dir: Path) -> list[Path]:
    """Every article file under `input_dir`, in a stable order; hidden files are skipped."""
    if not input_dir.is_dir():
        raise ConfigError(f"{input_dir}: input directory does not exist")
    found = []
    for root, dirs, files in os.walk(input_dir, followlinks=False):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found += [Path(root, f) for f in files
                  if not f.startswith(".") and f.lower().endswith(INPUT_SUFFIXES)]
    return sorted(found, key=lambda path: path.relative_to(input_dir).as_posix())


def load_articles(config: Config) -> tuple[list[Loaded], list[InputError]]:
    """Read and parse every input; a file that fails is reported, never fatal."""
    loaded: list[Loaded] = []
    failures: list[InputError] = []
    for path in find_inputs(config.input_dir):
        try:
            loaded.append(load_one(path, config))
        except InputError as error:
            failures.append(error)
    return loaded, failures


def load_one(path: Path, config: Config) -> Loaded:
    source = read_source(path)
    try:
        mtime = datetime.fromtimestamp(path.stat().st_mtime, config.tz)
    except (OSError, ValueError, OverflowError) as exc:
        raise InputError(source.path, f"cannot stat: {exc}") from None
    article = parse_source_text(source.text, dict(source.front), source.path, config.tz,
                                source.warnings)
    name = path.relative_to(config.input_dir).with_suffix("").as_posix()
    return Loaded(article, name, mtime)


def make_entries(loaded: Iterable[Loaded], config: Config) -> tuple[list[Entry], list[InputError]]:
    """Give each article its id, slug and dates; newest first, ties broken by id."""
    entries: list[Entry] = []
    failures: list[InputError] = []
    ids: set[str] = set()
    slugs: set[str] = set()
    texts: dict[tuple[str, str], str] = {}
    for item in sorted(loaded, key=lambda x: x.name):
        entry_id = entry_id_for(item, config)
        if entry_id in ids:
            failures.append(InputError(item.article.source, f"duplicate entry id {entry_id}"))
            continue
        # The same page saved twice under two names would reach readers as two items.
        first = texts.setdefault((item.article.title, item.article.content_text),
                                 item.article.source)
        if first != item.article.source:
            failures.append(InputError(item.article.source, f"same article as {first}"))
            continue
        ids.add(entry_id)
        slug = unique_slug(slugify(item.name), slugs)
        entries.append(to_entry(item, entry_id, slug))
    entries.sort(key=lambda e: (-e.published.timestamp(), e.id))
    return entries, failures


def entry_id_for(item: Loaded, config: Config) -> str:
    """A tag URI (RFC 4151): front matter `id` if given, else the input's path without suffix.

    It does not change when the text is edited or when other articles come and go; it
    changes when the file is renamed (without an `id`), or when `id_authority` changes.
    """
    key = item.article.key or item.name
    # A file name that is not UTF-8 keeps its raw bytes, percent-encoded (surrogateescape).
    key = quote(key, safe="/-._~", errors="surrogateescape")
    return f"tag:{config.id_authority},{config.id_year}:{key}"


def to_entry(item: Loaded, entry_id: str, slug: str) -> Entry:
    article = item.article
    # No date in the text or front matter: the file's modification time, documented in README.
    published = article.published or item.mtime
    updated = max(article.updated or published, published)
    return Entry(article, entry_id, slug, published, updated, article.link)


def slugify(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:SLUG_MAX].strip("-")
    return slug or "article"


def unique_slug(slug: str, taken: set[str]) -> str:
    candidate, n = slug, 2
    while candidate in taken:
        candidate, n = f"{slug}-{n}", n + 1
    taken.add(candidate)
    return candidate


def build_site(entries: Sequence[Entry], config: Config) -> dict[str, bytes]:
    """Every file of the site by its path inside the output directory."""
    site = render_pages(entries, config)
    site[FEED_PATH] = render_feed(entries, config)
    return site
