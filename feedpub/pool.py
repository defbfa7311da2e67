"""Parse many input files on several cores (opt-in: `parse_workers`); the result is the same
as parsing them in turn.

Parsing is pure and per file, so files are handed to worker processes in chunks and the
results come back in input order: the site built from them is byte-identical to a
single-process build (tests/test_pool.py builds both and compares).
"""
from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from typing import TypeVar

from .config import Config
from .errors import InputError

S = TypeVar("S")
T = TypeVar("T")

# Below this many files to parse, one process is faster: starting the workers and sending
# the articles back costs more than it saves. Not calibrated: on the shared 2-core benchmark
# machine the pool gained nothing at 400 to 10,000 files (README "Benchmark"), which is why
# Config.parse_workers defaults to 1; this is only a guard for machines where it is set.
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
    with ProcessPoolExecutor(max_workers=workers) as executor:
        done = executor.map(partial(load_chunk, load, config), chunks)
        return [result for chunk in done for result in chunk]


def load_chunk(load: Callable[[S, Config], T], config: Config,
               items: Sequence[S]) -> list[T | InputError]:
    results: list[T | InputError] = []
    for item in items:
        try:
            results.append(load(item, config))
        except InputError as error:
            results.append(error)
    return results
