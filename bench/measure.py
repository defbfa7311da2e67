"""Time one command as a whole process tree: wall time, CPU time and peak memory."""
from __future__ import annotations

import resource
import statistics
import subprocess
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import psutil

# How often the process tree's memory is sampled; short builds may finish between samples,
# so their peak is a lower bound.
POLL_SECONDS = 0.005


@dataclass(frozen=True)
class Sample:
    wall: float   # seconds, start to exit
    cpu: float    # user + system seconds of the process and all its children
    rss: int      # peak resident bytes of the process tree, summed over its processes


class CommandFailed(Exception):
    pass


def measure(command: Sequence[str], cwd: Path) -> Sample:
    """Run `command` to its end and measure it; raise CommandFailed on a non-zero exit."""
    # stderr goes to a file: a pipe nobody reads while we poll would fill up and block.
    with tempfile.TemporaryFile() as errors:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        proc = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=errors)
        peak = poll_peak_rss(proc)
        code = proc.wait()
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        errors.seek(0)
        stderr = errors.read().decode(errors="replace")
    if code != 0:
        raise CommandFailed(f"{' '.join(map(str, command))}: exit {code}: {stderr.strip()[-500:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Sample(wall, cpu, peak)


def poll_peak_rss(proc: subprocess.Popen) -> int:
    """The largest summed RSS of `proc` and its descendants seen while it runs."""
    peak = 0
    try:
        root = psutil.Process(proc.pid)
    except psutil.NoSuchProcess:
        return 0
    while proc.poll() is None:
        peak = max(peak, tree_rss(root))
        time.sleep(POLL_SECONDS)
    return peak


def tree_rss(root: psutil.Process) -> int:
    total = 0
    try:
        processes = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0
    for process in processes:
        try:
            total += process.memory_info().rss
        except (psutil.NoSuchProcess, psutil.ZombieProcess, psutil.AccessDenied):
            pass
    return total


def summary(values: Sequence[float]) -> tuple[float, float, float]:
    """(median, min, max)."""
    return statistics.median(values), min(values), max(values)
