"""The output directory's lock: one build at a time, however builds are started."""
from __future__ import annotations

import contextlib
import fcntl
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

from .errors import LockedError, PublishError
from .publish import sidecar

LOCK_POLL_SECONDS = 0.1


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
