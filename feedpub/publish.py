"""publish_site: the only writer. Each file replaced atomically, unchanged files left alone."""
from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import shutil
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from .errors import LockedError, PublishError

# Files written last, in this order: the feed goes out only once every page it links exists.
WRITE_LAST = ("index.html", "feed.atom")
LOCK_POLL_SECONDS = 0.1


@dataclass(frozen=True)
class PublishReport:
    """What a publish changed in the output directory."""

    written: tuple[str, ...]
    unchanged: tuple[str, ...]
    removed: tuple[str, ...]


def sidecar(output_dir: Path, suffix: str) -> Path:
    """A hidden file or directory beside the output directory, never inside what is served."""
    # Made absolute first: for `--output .` the plain parent would be the directory itself.
    served = Path(os.path.abspath(output_dir))
    return served.parent / f".{served.name}.{suffix}"


@contextlib.contextmanager
def output_lock(output_dir: Path, wait_seconds: float = 0.0,
                on_wait: Callable[[], None] | None = None) -> Iterator[None]:
    """Hold the output directory's lock (an OS lock: released when the process dies).

    If another process holds it, call `on_wait` once and retry for up to `wait_seconds`.
    """
    path = sidecar(output_dir, "lock")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(path, "a+b")
    except OSError as exc:
        raise PublishError(f"{path}: cannot open lock file: {exc.strerror}") from None
    with handle:
        acquire(handle, path, wait_seconds, on_wait)
        yield


def acquire(handle: IO[bytes], path: Path, wait_seconds: float,
            on_wait: Callable[[], None] | None) -> None:
    """Lock `handle` exclusively, polling until `wait_seconds` have passed."""
    deadline = time.monotonic() + wait_seconds
    waited = False
    while True:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                held = f" for over {wait_seconds:g} s" if waited else ""
                raise LockedError(f"{path}: locked by another feedpub build{held}") from None
            if not waited and on_wait is not None:
                on_wait()
            waited = True
            time.sleep(LOCK_POLL_SECONDS)


def publish_site(site: Mapping[str, bytes], output_dir: Path) -> PublishReport:
    """Write `site` into `output_dir`: atomic per file, stale pages removed, others untouched."""
    try:
        return _publish(site, output_dir)
    except OSError as exc:
        where = exc.filename or output_dir
        raise PublishError(f"{where}: cannot write: {exc.strerror or exc}") from None


def _publish(site: Mapping[str, bytes], output_dir: Path) -> PublishReport:
    if output_dir.exists() and not output_dir.is_dir():
        raise PublishError(f"{output_dir}: output path exists and is not a directory")
    output_dir.mkdir(parents=True, exist_ok=True)
    staging = sidecar(output_dir, "staging")
    shutil.rmtree(staging, ignore_errors=True)  # left by a killed run; we hold the lock
    staging.mkdir()
    # Name every file this run may write before writing any: a run killed part-way then
    # leaves no page that the next build would not know to remove.
    write_manifest(output_dir, sorted(set(read_manifest(output_dir)) | set(site)), staging)
    # Every changed file is written out in full before any is renamed into place: a full or
    # read-only disk then fails while nothing that is served has changed yet.
    staged = stage_all(site, output_dir, staging)
    for name, temp in staged.items():
        os.replace(temp, output_dir / name)
    # The renames are made durable once per directory, not once per file.
    for directory in sorted({(output_dir / name).parent for name in staged}):
        fsync_dir(directory)
    written = [name for name in write_order(site) if name in staged]
    unchanged = [name for name in write_order(site) if name not in staged]
    removed = remove_stale(output_dir, set(site))
    write_manifest(output_dir, sorted(site), staging)
    shutil.rmtree(staging, ignore_errors=True)
    return PublishReport(tuple(written), tuple(unchanged), tuple(removed))


def stage_all(site: Mapping[str, bytes], output_dir: Path, staging: Path) -> dict[str, Path]:
    """Stage every changed file, in write order; on failure remove what was staged."""
    staged: dict[str, Path] = {}
    try:
        for name in write_order(site):
            temp = stage_file(output_dir / name, site[name], staging)
            if temp is not None:
                staged[name] = temp
    except BaseException:
        for temp in staged.values():
            with contextlib.suppress(OSError):
                temp.unlink()
        raise
    return staged


def write_order(site: Mapping[str, bytes]) -> list[str]:
    last = [name for name in WRITE_LAST if name in site]
    return sorted(set(site) - set(last)) + last


def replace_file(target: Path, data: bytes, staging: Path) -> bool:
    """Atomically put `data` at `target` unless it already holds exactly those bytes."""
    temp = stage_file(target, data, staging)
    if temp is not None:
        move_into_place(temp, target)
    return temp is not None


def stage_file(target: Path, data: bytes, staging: Path) -> Path | None:
    """Write `data` to a temporary file ready to replace `target`; None if unchanged."""
    try:
        old = target.stat()
        if old.st_size == len(data) and target.read_bytes() == data:
            return None
        old_mtime: float | None = old.st_mtime
    except FileNotFoundError:
        old_mtime = None
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = temp_path(target, staging)
    try:
        write_synced(temp, data, old_mtime)
    except BaseException:
        # A full or read-only disk: leave no half-written file behind, then report it.
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    return temp


def move_into_place(temp: Path, target: Path) -> None:
    os.replace(temp, target)
    fsync_dir(target.parent)


def temp_path(target: Path, staging: Path) -> Path:
    """Where `target`'s new bytes wait for the rename: in the staging directory, unless that
    is on another file system (the output directory is a mount point of its own), which
    os.replace cannot rename across; then under a hidden name beside `target`."""
    if os.stat(staging).st_dev == os.stat(target.parent).st_dev:
        # Named after the whole path: articles/index.html and index.html wait side by side.
        digest = hashlib.sha256(os.fsencode(target)).hexdigest()[:16]
        return staging / f"{digest}-{target.name}"
    return target.parent / f".{target.name}.feedpub-new"


def write_synced(temp: Path, data: bytes, old_mtime: float | None) -> None:
    with open(temp, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    if old_mtime is not None:
        # Same second and same size would give the same ETag and Last-Modified as the old
        # file, and caches would keep serving it: make the new mtime at least a second later.
        stamp = max(time.time(), old_mtime + 1)
        os.utime(temp, (stamp, stamp))


def remove_stale(output_dir: Path, keep: set[str]) -> list[str]:
    """Delete files an earlier build wrote that this build no longer has."""
    removed = []
    for name in read_manifest(output_dir):
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


def read_manifest(output_dir: Path) -> list[str]:
    try:
        text = sidecar(output_dir, "manifest").read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    return [line for line in text.splitlines() if line and ".." not in line.split("/")]


def write_manifest(output_dir: Path, names: list[str], staging: Path) -> None:
    replace_file(sidecar(output_dir, "manifest"), "\n".join(names).encode() + b"\n", staging)


def fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_file_atomic(target: Path, data: bytes) -> bool:
    """Replace `target` (state, cache: files beside the site) atomically; False if unchanged.

    Callers hold the output lock, so one fixed temporary name suffices, and a run killed
    while writing leaves at most that one file, which the next call removes or reuses.
    """
    temp = target.with_name(f".{target.name}.tmp")
    temp.unlink(missing_ok=True)
    try:
        if target.read_bytes() == data:
            return False
    except OSError:
        pass
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with open(temp, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    finally:
        temp.unlink(missing_ok=True)
    return True
