"""Time and peak memory of `feedpub build` over big hostile inputs; prints one line per shape.

    .venv/bin/python bench/hostile_inputs.py [--scale 1.0]

Each build runs in its own process (so ru_maxrss is that build's peak) over a fresh input
directory made by tests/hostile.py's writers. Figures are for this machine; nothing asserts.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests import hostile  # noqa: E402  (the writers live with the tests)
from tests.test_hostile import PEAK_RSS_SCRIPT  # noqa: E402


def tiny_lines(path: Path, size: int) -> None:
    """The parser's worst shape: a headline, then one two-word bullet line after another."""
    path.write_text("A headline for the list\n\nMarch 13, 2020\n\n" + "* item\n" * (size // 7),
                    encoding="utf-8")


def repeated_headline(path: Path, size: int) -> None:
    """One headline-shaped line over and over, then a byline and a short article: every copy
    is a headline candidate, each as good as the next."""
    line = "Night buses reach the outer districts\n\n"
    tail = "By Ann Lee\n\n" + ("The council voted on Tuesday to extend the night bus "
                              "service to the outer districts.\n\n") * 10
    path.write_text(line * (size // len(line)) + tail, encoding="utf-8")


SHAPES = {
    "prose, 50 MB": lambda d, s: hostile.write_huge_article(d / "huge.txt", int(50e6 * s)),
    "one 5 MB line": lambda d, s: hostile.write_long_line(d / "line.txt", int(5e6 * s)),
    "tiny bullet lines, 5 MB": lambda d, s: tiny_lines(d / "lines.txt", int(5e6 * s)),
    "one headline repeated, 5 MB": lambda d, s: repeated_headline(d / "repeat.txt", int(5e6 * s)),
    "2000 tiny files": lambda d, s: hostile.write_tiny_files(d, int(2000 * s)),
}


def measure(name: str, write, scale: float) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        inputs = Path(tmp, "in")
        inputs.mkdir()
        write(inputs, scale)
        size = sum(p.stat().st_size for p in inputs.rglob("*") if p.is_file())
        start = time.perf_counter()
        result = subprocess.run(
            [sys.executable, "-c", PEAK_RSS_SCRIPT, "build", "--quiet", "--input", str(inputs),
             "--output", str(Path(tmp, "out"))], capture_output=True, text=True, cwd=ROOT)
        seconds = time.perf_counter() - start
        report = json.loads(result.stdout.splitlines()[-1])
    return (f"{name:26} input {size / 1e6:7.1f} MB  {seconds:6.1f} s  "
            f"peak RSS {report['peak_rss'] / 2**20:6.0f} MiB  exit {report['code']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every input size")
    args = parser.parse_args()
    for name, write in SHAPES.items():
        print(measure(name, write, args.scale), flush=True)


if __name__ == "__main__":
    main()
