"""Parse many input files on several cores; the result is the same as parsing them in turn.

Parsing is pure and per file, so files are handed to worker processes in chunks and the
results come back in input order: the site built from them is byte-identical to a
single-process build (tests/test_pool.py builds both and compares).
"""
from __future__ import annotations

import os
import signal
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
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


def worker_count() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on every platform
        return os.cpu_count() or 1


def parse_files(items: Sequence[S], config: Config,
                load: Callable[[S, Config], T]) -> list[T | InputError]:
    """`load(item, config)` for every item, in order; an InputError is returned, not raised."""
    workers = min(config.parse_workers or worker_count(), -(-len(items) // CHUNK_FILES))
    if len(items) < POOL_MIN_FILES or workers < 2:
        return load_chunk(load, config, items)
    chunks = [items[i:i + CHUNK_FILES] for i in range(0, len(items), CHUNK_FILES)]
    try:
        with ProcessPoolExecutor(max_workers=workers, initializer=leave_ctrl_c_to_parent) \
                as executor:
            done = executor.map(partial(load_chunk, load, config), chunks)
            return [result for chunk in done for result in chunk]
    except BrokenProcessPool:
        # A worker was killed (out of memory, or a signal sent to the whole process group).
        raise FeedpubError("a parse worker process died; nothing was published") from None


def leave_ctrl_c_to_parent() -> None:
    """Ctrl-C reaches every process of the terminal's group: the workers leave it to the
    parent, which stops the pool and says so in one line, instead of each printing a trace.
    A SIGTERM simply ends a worker (not the parent's unwinding handler, which a forked
    worker would inherit); the parent then reports the broken pool in one line."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def load_chunk(load: Callable[[S, Config], T], config: Config,
               items: Sequence[S]) -> list[T | InputError]:
    results: list[T | InputError] = []
    for item in items:
        try:
            results.append(load(item, config))
        except InputError as error:
            results.append(error)
    return results
