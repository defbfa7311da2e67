"""From the input directory to the site: load every article, then plan the whole site."""
from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .articles import Articles
from .cache import Hit, Identity, ParseCache, now_ns, sha256
from .config import Config
from .entries import Loaded, Resolved, make_entries
from .errors import ConfigError, InputError
from .model import Article, Entry
from .plan import plan_site
from .pool import parse_stream
from .source import decode, display_name, read_input, split_source
from .state import article_fingerprint

Progress = Callable[[Iterable[tuple[str, Path]]], Iterator[tuple[str, Path]]]

__all__ = ["Articles", "Loaded", "Resolved", "build_site", "find_inputs", "load_articles",
           "load_inputs", "make_entries", "plan_site", "render_site"]

# Files in the input directory that are saved articles: text, and Markdown as article
# clippers save it.
INPUT_SUFFIXES = (".txt", ".text", ".md", ".markdown")
MARKDOWN_SUFFIXES = (".md", ".markdown")
# Markdown files a folder keeps about itself rather than saved articles (a README.md beside
# the clippings): not inputs. Only Markdown: a text file of any name was always an input.
FOLDER_DOCUMENTS = ("readme", "license", "licence", "changelog", "contributing")


def find_inputs(input_dir: Path) -> list[Path]:
    """Every article file under `input_dir`, in a stable order; hidden files are skipped."""
    return [Path(path) for _, path in named_inputs(input_dir)]


def named_inputs(input_dir: Path) -> list[tuple[str, str]]:
    """find_inputs with each file's name: its path inside `input_dir` without suffix.

    Paths are strings spelled as pathlib would spell them: a Path per input cost a sixth of
    a no-op build at 10,000 inputs (making them, and stat through them), and 300 bytes each
    for as long as the build runs.
    """
    if not input_dir.is_dir():
        raise ConfigError(f"{input_dir}: input directory does not exist")
    found: list[tuple[str, str]] = []  # (path inside input_dir, as posix; the path)
    # Path(".", "a.txt") is spelled "a.txt", and so is a path here.
    top = "" if input_dir == Path(".") else os.path.join(input_dir, "")
    for root, dirs, files in os.walk(input_dir, followlinks=False):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        inside = Path(root).relative_to(input_dir).as_posix()
        prefix = "" if inside == "." else inside + "/"
        found += [(prefix + f, top + prefix + f) for f in files if is_input_name(f)]
    # Names from the strings at hand: pathlib would take a tenth of a no-op build at 10k.
    # A name is the path without its suffix; of two files that differ only in their suffix
    # ("a.txt", "a.md"), the second in path order keeps its suffix, so that each input has a
    # name of its own (a name keys the entry and its state) and the first keeps the name it
    # would have alone.
    named, taken = [], set()
    for inside, path in sorted(found, key=lambda item: item[0]):
        name = inside[:inside.rindex(".")]
        if name in taken:
            name = inside
        while name in taken:  # only where a file is named like another's whole path
            name += "_"
        named.append((name, path))
        taken.add(name)
    return named


def is_input_name(file_name: str) -> bool:
    """Whether a file, by its name, is a saved article: visible, with an article's suffix,
    and not a folder's own document in Markdown (FOLDER_DOCUMENTS)."""
    lower = file_name.lower()
    if file_name.startswith(".") or not lower.endswith(INPUT_SUFFIXES):
        return False
    return not lower.endswith(MARKDOWN_SUFFIXES) \
        or lower.rpartition(".")[0] not in FOLDER_DOCUMENTS


def load_inputs(config: Config, cache: ParseCache | None = None, progress: Progress = iter,
                inputs: Sequence[tuple[str, str]] | None = None,
                ) -> tuple[list[Loaded], list[InputError], Articles]:
    """Read and parse every input, keeping each article's listing (`Articles` has the rest).

    A file that fails is reported, never fatal. `progress` wraps the iteration over input
    paths (the CLI passes a progress bar). The files the cache cannot vouch for are parsed
    afterwards, on several cores when there are many (pool.py), and each is cached and its
    body let go as it comes back: no article's text stays in memory (with a cache).
    `inputs` are named_inputs(config.input_dir), when the caller has listed them already.
    """
    slots: list[Loaded | Stale | InputError] = []
    if inputs is None:
        inputs = named_inputs(config.input_dir)
    for name, path in progress(inputs):
        try:
            slots.append(check_one(path, config, cache, name))
        except InputError as error:
            slots.append(error)
    stale = [slot for slot in slots if isinstance(slot, Stale)]
    parsed = parse_stream(stale, config, parse_stale)  # in the order of `slots`
    articles = Articles(cache)
    loaded: list[Loaded] = []
    failures: list[InputError] = []
    for slot in slots:
        if isinstance(slot, Stale):
            slot = finish(slot, next(parsed), cache, articles)
        (failures if isinstance(slot, InputError) else loaded).append(slot)
    next(parsed, None)  # run the parse to its end: a pool's workers exit before going on
    if cache is not None:
        cache.prune()
        cache.save_index()
    return loaded, failures, articles


def load_articles(config: Config, cache: ParseCache | None = None,
                  progress: Progress = iter) -> tuple[list[Loaded], list[InputError]]:
    """Every input's full article (held in memory at once: for tests and small sites)."""
    loaded, failures, articles = load_inputs(config, cache, progress)
    return [dataclasses.replace(item, article=articles.full(item.article.source))
            for item in loaded], failures


@dataclass(frozen=True, slots=True)
class Stale:
    """An input the cache could not vouch for: still to be parsed."""

    path: str
    display: str
    identity: Identity
    name: str
    mtime: datetime


@dataclass(frozen=True)
class Parsed:
    """What parsing one input gives: its article, fingerprint and the hash of its bytes."""

    article: Article
    fingerprint: str
    digest: str


def check_one(path: str | Path, config: Config, cache: ParseCache | None = None,
              name: str | None = None) -> Loaded | Stale:
    """One input as a Loaded article (its listing) from the cache, or Stale; `name` is its
    path inside the input directory without suffix (named_inputs), else worked out here."""
    path = os.fspath(path)
    display = display_name(path)
    seen_ns = now_ns()  # before the file is stat'ed and read (cache.Identity)
    try:
        stat = os.stat(path)
        mtime = datetime.fromtimestamp(stat.st_mtime, config.tz)
    except (OSError, ValueError, OverflowError) as exc:
        raise InputError(display, f"cannot stat: {exc}") from None
    if name is None:
        name = Path(path).relative_to(config.input_dir).with_suffix("").as_posix()
    identity = Identity.of(stat, seen_ns)
    hit = cache.fresh(display, identity) if cache else None
    if hit is None and cache and cache.knows(display):
        hit = cache.matching(display, identity, read_input(path, display))
    if hit is None:
        return Stale(path, display, identity, name, mtime)
    return Loaded(hit.article, name, mtime, hit.fingerprint)


def parse_stale(item: Stale, config: Config) -> Parsed:
    """Read and parse one input (in a worker process when there are many)."""
    data = read_input(item.path, item.display)
    article = parse_bytes(data, item.display, config)
    return Parsed(article, article_fingerprint(article), sha256(data))


def finish(item: Stale, parsed: Parsed | InputError, cache: ParseCache | None,
           articles: Articles) -> Loaded | InputError:
    if isinstance(parsed, InputError):
        return parsed
    hit = Hit(parsed.article, parsed.fingerprint)
    cached = cache is not None and cache.store(item.display, item.identity, parsed.digest, hit)
    return Loaded(articles.keep(parsed.article, cached), item.name, item.mtime,
                  parsed.fingerprint)


def parse_bytes(data: bytes, display: str, config: Config) -> Article:
    """Parse one input's bytes: pure, the same article for the same bytes and settings."""
    # Imported here: a build whose inputs are all in the parse cache never loads the parser.
    from .parse import parse_source

    return parse_source(split_source(display, decode(data)), config.tz)


def render_site(entries: Sequence[Entry], config: Config) -> tuple[dict[str, bytes], list[str]]:
    """Every file of the site by its path inside the output directory, and what to warn.

    `entries` carry their full articles. The same plan a build publishes from (plan.py),
    rendered whole into memory: for tests and for small sites.
    """
    site: dict[str, bytes] = {}
    warnings: list[str] = []
    for planned in plan_site(entries, config):
        rendered = planned.render()
        site[planned.path] = rendered.data
        warnings += rendered.notes
    return site, warnings


def build_site(entries: Sequence[Entry], config: Config) -> dict[str, bytes]:
    """Every file of the site by its path inside the output directory."""
    return render_site(entries, config)[0]
