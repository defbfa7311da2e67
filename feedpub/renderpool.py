"""Render and stage many files on several cores; the result is the same as doing it in turn.

A full build, or one after a template, title or feedpub upgrade, renders every file of the
site with nothing to parse: rendering and writing each file is independent of the others,
so publish.py hands the files to worker processes in chunks of consecutive files, never
parting a file from the one it follows (a feed document and the pages of its articles,
which reuse what was read and rendered for it: plan.py), and renders chunks itself between
handing them out. The workers are forked, so they inherit the plan (each file's render
function, the parse cache reader) instead of receiving it pickled; only indices go out and
small results (a temporary file's path, a digest, notes) come back, and are put back in
order. tests/test_renderpool.py builds a site both ways and compares the bytes and
manifests.

A failure in any worker, or a stop signal, stops the pool; then every file any chunk may
have staged is removed before the error goes on, so that nothing half-published is left
beside the served files.
"""
from __future__ import annotations

import collections
import contextlib
import multiprocessing
import signal
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

from .errors import PublishError
from .pool import leave_signals_to_parent, worker_count

T = TypeVar("T")

# Below this many files to render, one process is as fast: forking the workers, the pages
# they copy on write and the slowest chunk cost about what the second core saves. Measured
# on 2 cores shared with other jobs (load about 2), rendering and staging a generated site
# after a title change, best of 5: 307 files 0.115 s in one process, 0.104 s on two; 3,061
# files 1.07 s and 0.69 s, with 12 % more CPU time on two (README "Rendering on several
# cores").
POOL_MIN_FILES = 300
# Files per chunk, about: small enough that the workers finish together and that a stop
# signal waits for little (the workers leave signals to the parent, which lets the running
# chunks end). A chunk ends only where a file does not follow the one before it, so one
# holds a whole feed document with its pages (archive_size + 1 files) however small this.
CHUNK_FILES = 50
# Chunks per worker at least, so that an uneven chunk (a feed document costs many pages)
# does not leave one core idle at the end.
CHUNKS_PER_WORKER = 4

# What a worker runs: the work function it inherited when it was forked (start_worker).
# Module state only in the worker processes; the parent never sets it.
_inherited: dict[str, Callable] = {}


def pool_available() -> bool:
    """Whether workers can be forked here (inheriting the plan); elsewhere, one process.
    macOS offers fork, but its system libraries may crash or hang a forked child."""
    return "fork" in multiprocessing.get_all_start_methods() and sys.platform != "darwin"


def stage_files(work: Callable[[int], T], follows: Sequence[bool], workers: int,
                undo: Callable[[int], None]) -> list[T]:
    """[work(0), ..., work(n - 1)] for the n files, on `workers` processes (0: one per core)
    when there are many; file i is staged in the process of file i - 1 if `follows[i]`.
    If any raises, `undo(i)` is called for every i that may have run (it removes what
    work(i) left on disk, whether or not it finished) before the error is raised."""
    count = len(follows)
    workers = workers or worker_count()
    if count < POOL_MIN_FILES or workers < 2 or not pool_available():
        return stage_in_turn(work, count, undo)
    try:
        return stage_in_pool(work, chunked(follows, workers), workers, undo)
    except BrokenProcessPool:
        # A worker was killed (out of memory, or a signal sent to the whole process group).
        raise PublishError("a render worker process died; nothing was published") from None


def stage_in_turn(work: Callable[[int], T], count: int, undo: Callable[[int], None]) -> list[T]:
    results: list[T] = []
    try:
        for index in range(count):
            results.append(work(index))
    except BaseException:
        undo_all(undo, range(len(results) + 1))
        raise
    return results


def chunked(follows: Sequence[bool], workers: int) -> list[range]:
    """The files in consecutive chunks of about CHUNK_FILES (fewer when there are few files),
    each cut only before a file that does not follow the one before it."""
    size = max(1, min(CHUNK_FILES, len(follows) // (workers * CHUNKS_PER_WORKER)))
    chunks: list[range] = []
    start = 0
    for index in range(1, len(follows)):
        if index - start >= size and not follows[index]:
            chunks.append(range(start, index))
            start = index
    return chunks + [range(start, len(follows))]


def stage_in_pool(work: Callable[[int], T], chunks: Sequence[range], workers: int,
                  undo: Callable[[int], None]) -> list[T]:
    """The chunks on `workers` processes: this one and `workers` - 1 forked from it. This
    process renders too rather than wait: each forked worker counts the build's memory once
    more (its pages are shared, but each process's resident size counts them)."""
    # Forked, not spawned: the initializer's arguments (closures over the plan and the parse
    # cache) are inherited by the workers, never pickled.
    executor = ProcessPoolExecutor(max_workers=min(workers - 1, len(chunks)),
                                   mp_context=multiprocessing.get_context("fork"),
                                   initializer=start_worker, initargs=(work,))
    results: dict[int, list[T]] = {}  # by chunk number
    futures: dict[int, Future] = {}
    here: list[int] = []  # the chunks this process began
    waiting = collections.deque(range(len(chunks)))
    try:
        while waiting:
            # Keep each worker a chunk ahead, then take the next chunk here.
            while waiting and len(futures) - finished(futures) < 2 * (workers - 1):
                number = waiting.popleft()
                futures[number] = executor.submit(run_chunk, chunks[number].start,
                                                  chunks[number].stop)
            if waiting:
                number = waiting.popleft()
                here.append(number)
                results[number] = [work(index) for index in chunks[number]]
            raise_first_failure(futures)
        for number, future in futures.items():
            results[number] = future.result()
    except BaseException:
        # Queued chunks are cancelled; the running ones end (their workers ignore signals)
        # before what every started chunk staged is removed. A second Ctrl-C meanwhile
        # waits until that is done.
        with signals_held():
            executor.shutdown(wait=True, cancel_futures=True)
            begun = here + [number for number, future in futures.items()
                            if not future.cancelled()]
            undo_all(undo, (index for number in begun for index in chunks[number]))
        raise
    executor.shutdown(wait=True)
    return [result for number in range(len(chunks)) for result in results[number]]


def finished(futures: dict[int, Future]) -> int:
    return sum(1 for future in futures.values() if future.done())


def raise_first_failure(futures: dict[int, Future]) -> None:
    """Raise what a finished chunk raised, if any did: no more chunks are begun after it."""
    for future in futures.values():
        if future.done() and not future.cancelled() and future.exception() is not None:
            future.result()


@contextlib.contextmanager
def signals_held() -> Iterator[None]:
    """SIGINT and SIGTERM held back while in the block, delivered after it."""
    stops = {signal.SIGINT, signal.SIGTERM}
    held = signal.pthread_sigmask(signal.SIG_BLOCK, stops)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def undo_all(undo: Callable[[int], None], indices) -> None:
    for index in indices:
        with contextlib.suppress(OSError):
            undo(index)


def start_worker(work: Callable[[int], T]) -> None:
    _inherited["work"] = work
    leave_signals_to_parent()


def run_chunk(start: int, stop: int) -> list:
    work = _inherited["work"]
    return [work(index) for index in range(start, stop)]
