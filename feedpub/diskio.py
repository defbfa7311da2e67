"""Writing to disk so that a crash or a power cut leaves a file's old bytes or its new ones.

publish.py stages every file of the site and flushes them all (fsync_all) before renaming
any into place; state and cache files beside the site are replaced whole (write_file_atomic),
except a new parse cache entry, which its reader checks whole and which is written in place
(create_file).
"""
from __future__ import annotations

import contextlib
import ctypes
import os
from collections.abc import Collection, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

# Staged files are flushed to disk before any is renamed in. One fsync per file waits for a
# journal commit each, a third of a full build's publishing; from this many files on, one
# syncfs(2) of their file system flushes them all at once, where Linux offers it. Fewer
# files (an incremental build's handful) are flushed one by one, which costs less than
# flushing whatever else the file system holds.
SYNCFS_MIN_FILES = 64


def fsync_all(paths: Collection[Path]) -> None:
    """Flush every file of `paths` to disk, data and mtime (SYNCFS_MIN_FILES)."""
    if len(paths) >= SYNCFS_MIN_FILES and syncfs_all({path.parent for path in paths}):
        return
    for path in paths:
        fsync_path(path)


def syncfs_all(directories: Collection[Path]) -> bool:
    """syncfs(2) each file system that holds one of `directories`; False where it cannot."""
    syncfs = getattr(ctypes.CDLL(None, use_errno=True), "syncfs", None)
    if syncfs is None:  # not Linux
        return False
    devices = {os.stat(directory).st_dev: directory for directory in directories}
    for directory in devices.values():
        fd = os.open(directory, os.O_RDONLY)
        try:
            if syncfs(fd) != 0:  # an I/O error: fsync file by file reports which file
                return False
        finally:
            os.close(fd)
    return True


def fsync_path(path: Path) -> None:
    """Flush a file, or a directory's entries (renames into it), to disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_stream_atomic(target: Path, chunks: Iterable[bytes], *, durable: bool = True) -> None:
    """Replace `target` atomically with `chunks`, never all in memory at once (the parse
    cache's index: megabytes on a large site). Callers hold the output lock.

    `durable`: flush the bytes to disk before the rename, so that a power cut leaves the old
    or the new file. Without it (the parse cache, which checks each entry it reads) a power
    cut may leave a torn file, read as corrupt and parsed again.
    """
    _replace(target, chunks, durable, compare=False)


def replace_if_changed(target: Path, chunks: Iterable[bytes], *, durable: bool = True) -> bool:
    """write_stream_atomic, each chunk compared with `target`'s bytes as it is written:
    False, and `target` left as it was, if it already held them all. Neither the new text
    nor the old is ever held whole (the state file: megabytes on a large site, written at
    the end of a build, when it holds the most)."""
    return _replace(target, chunks, durable, compare=True)


def _replace(target: Path, chunks: Iterable[bytes], durable: bool, compare: bool) -> bool:
    temp = target.with_name(f".{target.name}.tmp")
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with open(temp, "wb") as handle, _reading(target if compare else None) as old:
            same = old is not None
            for chunk in chunks:
                handle.write(chunk)
                same = same and old.read(len(chunk)) == chunk
            if same and old.read(1) == b"":
                return False
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(temp, target)
        return True
    finally:
        temp.unlink(missing_ok=True)


@contextlib.contextmanager
def _reading(path: Path | None) -> Iterator[BinaryIO | None]:
    """`path` open for reading; None for no path, or one that cannot be read (it is replaced
    all the same, as write_file_atomic replaces it)."""
    try:
        handle = open(path, "rb") if path is not None else None
    except OSError:
        handle = None
    try:
        yield handle
    finally:
        if handle is not None:
            handle.close()


def write_file_atomic(target: Path, data: bytes, *, durable: bool = True) -> bool:
    """Replace `target` (state, cache: files beside the site) atomically with `data`; False
    if it already held them (replace_if_changed).

    Callers hold the output lock, so one fixed temporary name suffices, and a run killed
    while writing leaves at most that one file, which the next call truncates and removes.
    """
    return replace_if_changed(target, (data,), durable=durable)


def create_file(target: str | Path, data: bytes) -> os.stat_result | None:
    """Write `data` as the new file `target`, in place; its stat, or None if it exists.

    For a file that its reader checks whole (a parse cache entry): creating it where it goes
    costs a third of a temporary file renamed into place, which a full build pays once per
    input. A run stopped between creating and writing it leaves it empty, which the reader
    takes for no file; a failed write removes it.
    """
    try:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except FileExistsError:
        return None
    try:
        with open(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            return os.fstat(fd)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(target)
        raise
