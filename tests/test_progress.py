"""The progress bar: shown on a terminal, never in logs or pipes, never under --quiet."""
from __future__ import annotations

import fcntl
import os
import pty
import select
import struct
import subprocess
import sys
import termios

import pytest

from .conftest import ROOT, SEED


def run_build(tmp_path, *extra, tty: bool) -> str:
    """Run `feedpub build` in a real process; return what it wrote to stderr."""
    (tmp_path / "in").mkdir(exist_ok=True)
    (tmp_path / "in" / "seed.txt").write_bytes(SEED.read_bytes())
    args = [sys.executable, "-m", "feedpub", "build", "--input", "in", "--output", "out",
            *extra]
    if not tty:
        done = subprocess.run(args, cwd=tmp_path, capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
        return done.stderr
    master, slave = pty.openpty()
    # A new pseudo-terminal is 0 columns wide, and a progress bar cut to 0 columns is empty.
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    try:
        with subprocess.Popen(args, cwd=tmp_path, stdout=subprocess.DEVNULL,
                              stderr=slave) as proc:
            # Our copy of the terminal's other end stays open until the process is gone:
            # Linux drops unread output when the last one closes.
            chunks = []
            while proc.poll() is None or select.select([master], [], [], 0)[0]:
                if select.select([master], [], [], 0.05)[0]:
                    chunks.append(os.read(master, 65536))
            assert proc.returncode == 0
    finally:
        os.close(slave)
        os.close(master)
    return b"".join(chunks).decode("utf-8", "replace")


@pytest.fixture(autouse=True)
def importable(monkeypatch):
    monkeypatch.setenv("PYTHONPATH", str(ROOT))


def test_progress_bar_on_a_terminal(tmp_path):
    assert "parsing" in run_build(tmp_path, tty=True)


def test_no_progress_bar_when_stderr_is_not_a_terminal(tmp_path):
    assert run_build(tmp_path, tty=False) == ""


def test_no_progress_bar_under_quiet(tmp_path):
    assert run_build(tmp_path, "--quiet", tty=True) == ""
