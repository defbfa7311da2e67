"""Parse many input files on several cores; the result is the same as parsing them in turn.

Parsing is pure and per file, so files are handed to worker processes in chunks and the
results come back in input order: the site built from them is byte-identical to a
single-process build (tests/test_pool.py builds both and compares).
"""
from __future__ import annotations

import gc
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from typing import TypeVar

from .config import Config
from .errors import FeedpubError, InputError

S = TypeVar("S")
T = TypeVar("T")

# Below this many files to parse, one process is faster: starting the workers and sending
# the articles back costs more than it saves. Measured on 2 cores with bench/run.py (load
# about 3): at 1,000 files the pool cut the full build from 6.1 s to 4.4 s; at 100 files
# there is nothing to gain beside ~0.1 s of worker start. Not finely calibrated between.
POOL_MIN_FILES = 400
# Files per task sent to a worker: large enough that the per-task overhead (pickling the
# config, a round trip) is small beside parsing, small enough to keep the workers even.
CHUNK_FILES = 50
# Tasks handed to the pool ahead of the one being consumed, per worker: enough to keep every
# worker busy, few enough that parsed articles never pile up in memory (they are consumed,
# cached and dropped one at a time, however many files there are).
TASKS_AHEAD_PER_WORKER = 2
# How often a worker checks that the build that started it is still alive.
ORPHAN_CHECK_SECONDS = 1.0
# The cyclic garbage collector's thresholds in a process that feedpub owns and that parses
# (the feedpub command, its parse workers). A parse makes a few container objects per block
# that live until the page is done and are freed by reference counting, not by the
# collector; at Python's default (700, 10, 10) it runs some 370 times over a 5 MB page,
# scanning those blocks again and again. At these, `feedpub parse BIG --json` of that page
# took 1.32-1.34 s of CPU instead of 1.41-1.43 s (best of 7 processes), its peak memory the
# same (104 MB); gc.freeze() after the imports saved nothing more. The library's parse
# never touches the collector: that would change the process of whoever calls it.
PARSE_GC_THRESHOLDS = (50_000, 20, 10)


def worker_count() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on every platform
        return os.cpu_count() or 1


def parse_files(items: Sequence[S], config: Config,
                load: Callable[[S, Config], T]) -> list[T | InputError]:
    """`load(item, config)` for every item, in order; an InputError is returned, not raised."""
    return list(parse_stream(items, config, load))


def parse_stream(items: Sequence[S], config: Config,
                 load: Callable[[S, Config], T]) -> Iterator[T | InputError]:
    """parse_files one result at a time, in order, with only a few chunks parsed ahead."""
    workers = min(config.parse_workers or worker_count(), -(-len(items) // CHUNK_FILES))
    if len(items) < POOL_MIN_FILES or workers < 2:
        for item in items:
            yield from load_chunk(load, config, (item,))
        return
    yield from parse_in_pool(items, config, load, workers)


def parse_in_pool(items: Sequence[S], config: Config, load: Callable[[S, Config], T],
                  workers: int) -> Iterator[T | InputError]:
    # Imported here: a build with little or nothing to parse never needs them (a tenth of
    # a no-op build's start-up).
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    task = partial(load_chunk, load, config)
    ahead: deque = deque()
    try:
        with ProcessPoolExecutor(max_workers=workers, initializer=start_parse_worker) \
                as executor:
            try:
                for start in range(0, len(items), CHUNK_FILES):
                    ahead.append(executor.submit(task, items[start:start + CHUNK_FILES]))
                    if len(ahead) > workers * TASKS_AHEAD_PER_WORKER:
                        yield from ahead.popleft().result()
                while ahead:
                    yield from ahead.popleft().result()
            except BaseException:
                # Stopped (a signal, an error): the pool's shutdown then waits only for the
                # chunks already being parsed, not for every one queued.
                for future in ahead:
                    future.cancel()
                raise
    except BrokenProcessPool:
        # A worker was killed (out of memory, or a signal sent to the whole process group).
        raise FeedpubError("a parse worker process died; nothing was published") from None


def collect_garbage_less_often() -> None:
    """Set PARSE_GC_THRESHOLDS; only where feedpub owns the process."""
    gc.set_threshold(*PARSE_GC_THRESHOLDS)


def start_parse_worker() -> None:
    """A parse worker's set-up: signals left to the parent, the collector's thresholds
    as the feedpub command sets them (a worker that is not forked starts with Python's)."""
    leave_signals_to_parent()
    collect_garbage_less_often()


def leave_signals_to_parent() -> None:
    """Ctrl-C and a service manager's stop reach every process of the group: the workers
    leave both to the parent, which stops the pool and says so in one line. (A worker that
    died of SIGTERM would break the pool while the parent is cancelling it, and Python
    3.11's pool can then hang instead of raising.) A worker whose parent is gone (killed
    with SIGKILL) exits on its own instead of waiting for work forever."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    parent = os.getppid()
    threading.Thread(target=exit_when_orphaned, args=(parent,), daemon=True).start()


def exit_when_orphaned(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(ORPHAN_CHECK_SECONDS)
    os._exit(1)


def load_chunk(load: Callable[[S, Config], T], config: Config,
               items: Sequence[S]) -> list[T | InputError]:
    results: list[T | InputError] = []
    for item in items:
        try:
            results.append(load(item, config))
        except InputError as error:
            results.append(error)
    return results
