"""Overlapping builds (cron firing again before the last run ended) never write together.

Real `python -m feedpub build` processes on one input and output directory. The test process
holds the output's lock itself where it needs a build to be provably waiting.
"""
from __future__ import annotations

import contextlib
import fcntl
import os
import re
import selectors
import subprocess
from collections.abc import Iterator
from pathlib import Path

import feedparser
import pytest

from .sites import build_command, built, site_files, write_articles

BUILDS_AT_ONCE = 4
ARTICLES = range(60)
LOCKED_EXIT = 4
WAITING_NOTE = "another build is running; waiting"
LINE_TIMEOUT_SECONDS = 60


@pytest.fixture
def site(tmp_path: Path) -> tuple[Path, Path, dict[str, bytes]]:
    """An input directory, an output path, and what one build alone publishes from it."""
    input_dir = tmp_path / "input"
    write_articles(input_dir, ARTICLES)
    (tmp_path / "alone").mkdir()
    built(input_dir, tmp_path / "alone" / "output")
    return input_dir, tmp_path / "output", site_files(tmp_path / "alone" / "output")


def start(input_dir: Path, output_dir: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen(build_command(input_dir, output_dir, *extra), cwd=output_dir.parent,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@contextlib.contextmanager
def holding_lock(output_dir: Path) -> Iterator[None]:
    """Hold the output's lock as a running build would."""
    with open(output_dir.parent / f".{output_dir.name}.lock", "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def says_it_waits(process: subprocess.Popen) -> bool:
    """Whether the process reports on stderr that it waits for the lock. Read straight from the
    pipe (no buffer that select cannot see), and give up if nothing comes."""
    said = b""
    fd = process.stderr.fileno()
    with selectors.DefaultSelector() as selector:
        selector.register(fd, selectors.EVENT_READ)
        while WAITING_NOTE.encode() not in said and selector.select(LINE_TIMEOUT_SECONDS):
            chunk = os.read(fd, 4096)
            if not chunk:
                break
            said += chunk
    return WAITING_NOTE.encode() in said


def finish(process: subprocess.Popen) -> tuple[int, str, str]:
    out, err = process.communicate(timeout=120)
    return process.returncode, out, err


def assert_published(output_dir: Path, expected: dict[str, bytes]) -> None:
    assert site_files(output_dir) == expected
    assert not feedparser.parse(output_dir / "feed.atom").bozo


def test_builds_started_together_publish_once_or_exit_locked(site) -> None:
    input_dir, output_dir, expected = site
    processes = [start(input_dir, output_dir) for _ in range(BUILDS_AT_ONCE)]
    results = [finish(p) for p in processes]
    codes = sorted(code for code, _, _ in results)
    assert set(codes) <= {0, LOCKED_EXIT} and codes[0] == 0, results
    for code, out, err in results:
        if code == LOCKED_EXIT:
            assert out == ""
            assert err.count("\n") == 1 and err.startswith("feedpub: "), err
            assert ".output.lock: locked by another feedpub build" in err
    assert_published(output_dir, expected)


def test_builds_with_wait_run_one_after_another(site) -> None:
    input_dir, output_dir, expected = site
    processes = [start(input_dir, output_dir, "--wait", "60") for _ in range(BUILDS_AT_ONCE)]
    results = [finish(p) for p in processes]
    assert [code for code, _, _ in results] == [0] * BUILDS_AT_ONCE, results
    # Exactly one of them found files to write; the rest found them already published.
    written = sorted(int(re.search(r"(\d+) files? written", out)[1]) for _, out, _ in results)
    assert written == [0] * (BUILDS_AT_ONCE - 1) + [len(expected)], results
    assert_published(output_dir, expected)


def test_nothing_is_read_or_written_while_another_build_holds_the_lock(site) -> None:
    input_dir, output_dir, expected = site
    with holding_lock(output_dir):
        refused = start(input_dir, output_dir)
        assert finish(refused)[0] == LOCKED_EXIT
        waiters = [start(input_dir, output_dir, "--wait", "60") for _ in range(BUILDS_AT_ONCE)]
        for waiter in waiters:
            assert says_it_waits(waiter)
        # Every build is blocked now: not one file may have been written yet.
        assert not output_dir.exists()
    results = [finish(w) for w in waiters]
    assert [code for code, _, _ in results] == [0] * BUILDS_AT_ONCE, results
    assert_published(output_dir, expected)


def test_a_build_that_waited_publishes_the_inputs_as_they_are_then(site, tmp_path) -> None:
    input_dir, output_dir, _ = site
    with holding_lock(output_dir):
        waiter = start(input_dir, output_dir, "--wait", "60")
        assert says_it_waits(waiter)
        write_articles(input_dir, [len(ARTICLES)])  # arrives while the build waits
    assert finish(waiter)[0] == 0
    (tmp_path / "later").mkdir()
    built(input_dir, tmp_path / "later" / "output")
    assert_published(output_dir, site_files(tmp_path / "later" / "output"))


def test_giving_up_after_waiting_says_so_in_one_line(site) -> None:
    input_dir, output_dir, _ = site
    with holding_lock(output_dir):
        code, out, err = finish(start(input_dir, output_dir, "--wait", "0.3", "--quiet"))
    assert code == LOCKED_EXIT and out == ""
    assert err.count("\n") == 1 and "locked by another feedpub build for over 0.3 s" in err, err
    assert not output_dir.exists()
