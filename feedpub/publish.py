"""publish_site: the only writer. Each file replaced atomically, unchanged files left alone."""
from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import shutil
import time
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import diskio
from .errors import PublishError
from .manifest import (Record, manifest_chunks, parse_manifest, records_by_line, safe_name,
                       served_record, still_served)

# Files written last, in this order: the feed goes out only once every page it links exists.
WRITE_LAST = ("index.html", "feed.atom")


@dataclass(frozen=True)
class PublishReport:
    """What a publish changed in the output directory."""

    written: tuple[str, ...]
    unchanged: tuple[str, ...]
    removed: tuple[str, ...]
    rendered: tuple[str, ...] = ()  # the rest were left alone: nothing they show changed
    notes: tuple[str, ...] = ()     # warnings about the files


def sidecar(output_dir: Path, suffix: str) -> Path:
    """A hidden file or directory beside the output directory, never inside what is served."""
    # Made absolute first: for `--output .` the plain parent would be the directory itself.
    served = Path(os.path.abspath(output_dir))
    return served.parent / f".{served.name}.{suffix}"


@dataclass(frozen=True, slots=True)
class Rendered:
    """A file's bytes and what to warn about them."""

    data: bytes
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SiteFile:
    """One file of the site: its path in the output directory, the key of what it is
    rendered from (plan.py; None: always render it) and how to render it: `make(item)`.

    The maker is shared by every file of a kind (every article page), the item is the file's
    own (its entry): a callable of its own for each of 10,000 pages, held until they are
    published, was 1.9 MB (tracemalloc)."""

    path: str
    key: str | None
    make: Callable[[Any], Rendered]
    item: Any = None
    # Rendered from what the file before it has just read and rendered (an article page
    # after the feed document that carries the article, plan.py): rendered in the same
    # process, so that it is reused there (renderpool.py).
    follows: bool = False

    def render(self) -> Rendered:
        return self.make(self.item)


def publish_site(site: Mapping[str, bytes], output_dir: Path) -> PublishReport:
    """Write `site` into `output_dir`: atomic per file, stale pages removed, others untouched."""
    return publish_files([SiteFile(name, None, Rendered, data) for name, data in site.items()],
                         output_dir)


# Told each served file's name and stat, once the file holds what it is to serve.
OnServed = Callable[[str, os.stat_result], None]


def ignore_served(name: str, stat: os.stat_result) -> None:
    pass


def publish_files(files: Sequence[SiteFile], output_dir: Path, workers: int = 1,
                  on_served: OnServed = ignore_served) -> PublishReport:
    """Render what changed and publish every file of `files` as publish_site does; when
    many files need rendering, on `workers` processes (0: one per core; renderpool.py).
    `on_served` is told of every file of `files` as it is left served (the stamp, stamp.py,
    records their stats without stat'ing them again)."""
    try:
        return _publish(files, output_dir, workers, on_served)
    except OSError as exc:
        where = exc.filename or output_dir
        raise PublishError(f"{where}: cannot write: {exc.strerror or exc}") from None


def _publish(files: Sequence[SiteFile], output_dir: Path, workers: int,
             on_served: OnServed) -> PublishReport:
    if output_dir.exists() and not output_dir.is_dir():
        raise PublishError(f"{output_dir}: output path exists and is not a directory")
    output_dir.mkdir(parents=True, exist_ok=True)
    staging = sidecar(output_dir, "staging")
    shutil.rmtree(staging, ignore_errors=True)  # left by a killed run; we hold the lock
    staging.mkdir()
    if os.stat(staging).st_dev != os.stat(output_dir).st_dev:
        remove_stray_temps(output_dir)
    pending = read_pending(output_dir)
    old = {**dict.fromkeys(pending), **read_manifest(output_dir)}
    # Name every file this run may write before writing any: a run killed part-way then
    # leaves no page that the next build would not know to remove. The old records stay
    # true of whatever is served: a record is trusted only with the bytes it describes.
    new_names = set(names(files)) - set(old)
    if new_names:
        write_pending(output_dir, pending | new_names, staging)
    # Every changed file is written out in full before any is renamed into place: a full or
    # read-only disk then fails while nothing that is served has changed yet.
    staged = stage_all(files, old, output_dir, staging, workers, on_served)
    for name in write_order(staged.temps):
        os.replace(staged.temps[name], output_dir / name)
    # The renames are made durable once per directory, not once per file.
    for directory in sorted({(output_dir / name).parent for name in staged.temps}):
        diskio.fsync_path(directory)
    records = {**staged.kept, **{name: fresh_record(output_dir, name, fresh, on_served)
                                 for name, fresh in staged.fresh.items()}}
    removed = remove_stale(output_dir, old, set(records))
    if records != old:  # a build in which nothing changed leaves the manifest alone
        write_manifest(output_dir, records, staging)
    if pending or new_names:  # the manifest now names every file there is
        sidecar(output_dir, PENDING).unlink(missing_ok=True)
    shutil.rmtree(staging, ignore_errors=True)
    order = write_order(records)
    return PublishReport(tuple(n for n in order if n in staged.temps),
                         tuple(n for n in order if n not in staged.temps), tuple(removed),
                         tuple(staged.rendered), tuple(staged.notes))


def names(files: Sequence[SiteFile]) -> list[str]:
    return [planned.path for planned in files]


@dataclass
class Staged:
    """What stage_all did: temporary files by name, and each file's record to be."""

    temps: dict[str, Path] = field(default_factory=dict)
    kept: dict[str, Record] = field(default_factory=dict)   # left alone, not rendered
    # Rendered: key, SHA-256 of the bytes and notes (never the bytes: they are on disk).
    fresh: dict[str, tuple[str | None, str, tuple[str, ...]]] = field(default_factory=dict)
    rendered: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def stage_all(files: Sequence[SiteFile], old: Mapping[str, Record | None], output_dir: Path,
              staging: Path, workers: int = 1, on_served: OnServed = ignore_served) -> Staged:
    """Stage every file that changed, rendering only those whose key changed (on `workers`
    processes when there are many: renderpool.py), and flush them to disk; on failure
    remove what was staged."""
    from .renderpool import stage_files  # not above: renderpool → pool → config → publish

    base = os.path.join(output_dir, "")  # strings, not a Path per file: 10,000 of them
    kept = [kept_record(planned, old.get(planned.path), base, on_served) for planned in files]
    to_render = [planned for planned, record in zip(files, kept) if record is None]
    fresh = stage_files(functools.partial(render_one, to_render, output_dir, staging),
                        [planned.follows for planned in to_render], workers,
                        functools.partial(unstage, to_render, output_dir, staging))
    results = iter(fresh)
    staged = Staged()
    try:
        for planned, record in zip(files, kept):
            if record is not None:
                staged.kept[planned.path] = record
                staged.notes += record.notes
                continue
            temp, digest, notes = next(results)
            staged.rendered.append(planned.path)
            staged.notes += notes
            if temp is not None:
                staged.temps[planned.path] = temp
            # The record is made once the bytes are in place, with their final mtime.
            staged.fresh[planned.path] = (planned.key, digest, notes)
        diskio.fsync_all(staged.temps.values())
    except BaseException:
        for temp, _, _ in fresh:
            if temp is not None:
                with contextlib.suppress(OSError):
                    temp.unlink()
        raise
    return staged


def kept_record(planned: SiteFile, record: Record | None, base: str,
                on_served: OnServed) -> Record | None:
    """The file's record if it need not be rendered: same key, its bytes still served at
    `base` + its path."""
    if planned.key is None or record is None or record.key != planned.key:
        return None
    path = base + planned.path
    try:
        stat = os.stat(path)
    except OSError:
        return None
    kept = still_served(path, stat, record)
    if kept is not None:
        on_served(planned.path, stat)
    return kept


def fresh_record(output_dir: Path, name: str, fresh: tuple[str | None, str, tuple[str, ...]],
                 on_served: OnServed) -> Record:
    """The record of a rendered file, now in place."""
    stat = os.stat(os.path.join(output_dir, name))
    on_served(name, stat)
    return served_record(stat, *fresh)


# A rendered file: where its bytes wait to be renamed in (None: the served file already
# holds them), their SHA-256 (never the bytes: they are on disk) and the notes about them.
Fresh = tuple[Path | None, str, tuple[str, ...]]


def render_one(files: Sequence[SiteFile], output_dir: Path, staging: Path, index: int) -> Fresh:
    """Render `files[index]` and stage it (in a worker process when there are many)."""
    planned = files[index]
    rendered = planned.render()
    temp = stage_file(output_dir / planned.path, rendered.data, staging)
    return temp, hashlib.sha256(rendered.data).hexdigest(), rendered.notes


def unstage(files: Sequence[SiteFile], output_dir: Path, staging: Path, index: int) -> None:
    """Remove what render_one(index) staged, if anything, whether or not it finished."""
    target = output_dir / files[index].path
    temp_path(target, staging).unlink(missing_ok=True)


def write_order(site: Collection[str]) -> list[str]:
    last = [name for name in WRITE_LAST if name in site]
    return sorted(set(site) - set(last)) + last


def replace_file(target: Path, data: bytes, staging: Path) -> bool:
    """Atomically put `data` at `target` unless it already holds exactly those bytes."""
    temp = stage_file(target, data, staging)
    if temp is not None:
        diskio.fsync_path(temp)
        move_into_place(temp, target)
    return temp is not None


def stage_file(target: Path, data: bytes, staging: Path) -> Path | None:
    """Write `data` to a temporary file ready to replace `target`; None if unchanged.
    The caller makes it durable (diskio.fsync_all) before renaming it in."""
    try:
        old = target.stat()
        if old.st_size == len(data) and target.read_bytes() == data:
            return None
        old_mtime: float | None = old.st_mtime
    except FileNotFoundError:
        old_mtime = None
    target.parent.mkdir(parents=True, exist_ok=True)
    return write_staged(target, staging, (data,), old_mtime)


def write_staged(target: Path, staging: Path, chunks: Iterable[bytes],
                 old_mtime: float | None) -> Path:
    """Write `chunks` to the temporary file that waits to replace `target` (temp_path)."""
    temp = temp_path(target, staging)
    try:
        write_temp(temp, chunks, old_mtime)
    except BaseException:
        # A full or read-only disk: leave no half-written file behind, then report it.
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    return temp


def move_into_place(temp: Path, target: Path) -> None:
    os.replace(temp, target)
    diskio.fsync_path(target.parent)


def temp_path(target: Path, staging: Path) -> Path:
    """Where `target`'s new bytes wait for the rename: in the staging directory, unless that
    is on another file system (the output directory is a mount point of its own), which
    os.replace cannot rename across; then under a hidden name beside `target`."""
    if os.stat(staging).st_dev == os.stat(target.parent).st_dev:
        # Named after the whole path: articles/index.html and index.html wait side by side.
        digest = hashlib.sha256(os.fsencode(target)).hexdigest()[:16]
        return staging / f"{digest}-{target.name}"
    return target.parent / f".{target.name}{TEMP_SUFFIX}"


# The end of a temporary file's name beside its target (temp_path).
TEMP_SUFFIX = ".feedpub-new"


def remove_stray_temps(output_dir: Path) -> None:
    """Remove the temporary files a killed build left beside their targets (the output
    directory is a file system of its own, so they could not wait outside it): a web server
    would serve them."""
    for root, _dirs, files in os.walk(output_dir):
        for name in files:
            if name.startswith(".") and name.endswith(TEMP_SUFFIX):
                with contextlib.suppress(OSError):
                    os.unlink(os.path.join(root, name))


def write_temp(temp: Path, chunks: Iterable[bytes], old_mtime: float | None) -> None:
    with open(temp, "wb") as handle:
        handle.writelines(chunks)
    if old_mtime is not None:
        # Same second and same size would give the same ETag and Last-Modified as the old
        # file, and caches would keep serving it: make the new mtime at least a second later.
        stamp = max(time.time(), old_mtime + 1)
        os.utime(temp, (stamp, stamp))


def remove_stale(output_dir: Path, old: Collection[str], keep: set[str]) -> list[str]:
    """Delete files an earlier build wrote (named in `old`) that this build no longer has."""
    removed = []
    for name in sorted(old):
        if name not in keep and (output_dir / name).is_file():
            (output_dir / name).unlink()
            removed.append(name)
            remove_empty_parents(output_dir, output_dir / name)
    return removed


def remove_empty_parents(output_dir: Path, path: Path) -> None:
    """Directories a build created (archive/) go when their last file does."""
    for parent in path.parents:
        if parent == output_dir or output_dir not in parent.parents:
            return
        try:
            parent.rmdir()
        except OSError:  # not empty, or not ours to remove
            return


def read_manifest(output_dir: Path) -> dict[str, Record | None]:
    path = sidecar(output_dir, "manifest")
    try:
        with open(path, encoding="utf-8") as handle:
            records = records_by_line(handle)
        # Laid out otherwise (an older feedpub, an edit): the whole text at once.
        return parse_manifest(path.read_text(encoding="utf-8")) if records is None else records
    except FileNotFoundError:
        return {}
    except (OSError, ValueError):
        return {}  # unreadable: every file is rendered again and compared


def write_manifest(output_dir: Path, records: Mapping[str, Record | None],
                   staging: Path) -> None:
    """Replace the manifest, written out a line at a time (manifest_chunks)."""
    target = sidecar(output_dir, "manifest")
    temp = write_staged(target, staging, manifest_chunks(records), None)
    diskio.fsync_path(temp)
    move_into_place(temp, target)


# The sidecar naming the files a build is about to write for the first time, until the
# manifest names them: a build killed before that leaves them known, as files with no record
# (rendered again and compared, or removed). A short list beside the manifest, not the
# manifest written twice: 10,000 records cost a tenth of a build that adds one article.
PENDING = "pending"


def read_pending(output_dir: Path) -> set[str]:
    try:
        names = json.loads(sidecar(output_dir, PENDING).read_bytes())
    except (OSError, ValueError):  # none, or unreadable as a manifest can be: nothing known
        return set()
    if not isinstance(names, list):
        return set()
    return {name for name in names if isinstance(name, str) and safe_name(name)}


def write_pending(output_dir: Path, names: Collection[str], staging: Path) -> None:
    replace_file(sidecar(output_dir, PENDING), json.dumps(sorted(names)).encode("ascii"),
                 staging)
