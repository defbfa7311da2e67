"""From the input directory to the site: load every article, then render the whole site."""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .archive import render_feeds
from .cache import Identity, ParseCache
from .config import Config
from .entries import Loaded, Resolved, make_entries
from .errors import ConfigError, InputError
from .model import Article, Entry
from .pages import render_pages
from .parse import parse_source
from .pool import parse_files
from .source import decode, display_name, read_input, split_source

Progress = Callable[[Iterable[Path]], Iterator[Path]]

__all__ = ["Loaded", "Resolved", "build_site", "find_inputs", "load_articles", "make_entries",
           "render_site"]

# Files in the input directory that are saved articles.
INPUT_SUFFIXES = (".txt", ".text")


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


def load_articles(config: Config, cache: ParseCache | None = None,
                  progress: Progress = iter) -> tuple[list[Loaded], list[InputError]]:
    """Read and parse every input; a file that fails is reported, never fatal.

    `progress` wraps the iteration over input paths (the CLI passes a progress bar). The
    files the cache cannot vouch for are parsed together afterwards, on several cores when
    there are many (pool.py); the order of the results does not change.
    """
    read: list[Loaded | Pending | InputError] = []
    for path in progress(find_inputs(config.input_dir)):
        try:
            read.append(load_one(path, config, cache))
        except InputError as error:
            read.append(error)
    pending = [(item.data, item.display) for item in read if isinstance(item, Pending)]
    parsed = iter(parse_files(pending, config, parse_pending))  # in the order of `read`
    loaded: list[Loaded] = []
    failures: list[InputError] = []
    for item in read:
        if isinstance(item, Pending):
            item = finish(item, next(parsed), cache)
        (failures if isinstance(item, InputError) else loaded).append(item)
    if cache is not None:
        cache.prune()
    return loaded, failures


@dataclass(frozen=True)
class Pending:
    """An input read from disk that the cache could not vouch for: still to be parsed."""

    display: str
    identity: Identity
    data: bytes
    name: str
    mtime: datetime


def load_one(path: Path, config: Config, cache: ParseCache | None = None) -> Loaded | Pending:
    """One input as a Loaded article from the cache, or its bytes Pending a parse."""
    display = display_name(path)
    try:
        stat = path.stat()
        mtime = datetime.fromtimestamp(stat.st_mtime, config.tz)
    except (OSError, ValueError, OverflowError) as exc:
        raise InputError(display, f"cannot stat: {exc}") from None
    name = path.relative_to(config.input_dir).with_suffix("").as_posix()
    identity = Identity.of(stat)
    article = cache.fresh(display, identity) if cache else None
    if article is None:
        data = read_input(path, display)
        article = cache.matching(display, identity, data) if cache else None
        if article is None:
            return Pending(display, identity, data, name, mtime)
    return Loaded(article, name, mtime)


def parse_pending(item: tuple[bytes, str], config: Config) -> Article:
    return parse_bytes(item[0], item[1], config)


def finish(item: Pending, parsed: Article | InputError,
           cache: ParseCache | None) -> Loaded | InputError:
    if isinstance(parsed, InputError):
        return parsed
    if cache:
        cache.store(item.display, item.identity, item.data, parsed)
    return Loaded(parsed, item.name, item.mtime)


def parse_bytes(data: bytes, display: str, config: Config) -> Article:
    """Parse one input's bytes: pure, the same article for the same bytes and settings."""
    return parse_source(split_source(display, decode(data)), config.tz)


def render_site(entries: Sequence[Entry], config: Config) -> tuple[dict[str, bytes], list[str]]:
    """Every file of the site by its path inside the output directory, and what to warn."""
    site = render_pages(entries, config)
    feeds, warnings = render_feeds(entries, config)
    site.update(feeds)
    return site, warnings


def build_site(entries: Sequence[Entry], config: Config) -> dict[str, bytes]:
    """Every file of the site by its path inside the output directory."""
    return render_site(entries, config)[0]
