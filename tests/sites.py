"""Helpers for the end-to-end tests: generated input sets, real `feedpub build` runs, ports."""
from __future__ import annotations

import re
import shutil
import socket
import subprocess
import sys
from pathlib import Path

from .realtools import SITE_URL

PARAGRAPH = ("The council met on {day} March and discussed item {n} at length; members asked "
             "for figures, a timetable and a clear statement of what the change would cost.")


def article_text(n: int, revision: int = 0) -> str:
    """A saved article in the shape feedpub reads: headline, date line, lede, body."""
    paragraphs = [PARAGRAPH.format(day=1 + n % 28, n=n) for _ in range(4 + n % 5)]
    if revision:
        paragraphs.append(f"Update {revision}: the council published the figures for item {n}.")
    return "\n\n".join([
        f"Council debates item {n} of the spring agenda",
        f"March {1 + n % 28}, 2020",
        f"The town council spent its evening on item {n}, which had been postponed twice.",
        *paragraphs,
    ]) + "\n"


def write_articles(input_dir: Path, numbers: range | list[int], revision: int = 0) -> None:
    """Write articles `numbers` into `input_dir` (created if needed)."""
    input_dir.mkdir(parents=True, exist_ok=True)
    for n in numbers:
        (input_dir / f"item-{n:04d}.txt").write_text(article_text(n, revision), encoding="utf-8")


def build_command(input_dir: Path, output_dir: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "feedpub", "build", "--input", str(input_dir),
            "--output", str(output_dir), "--site-url", SITE_URL, *extra]


def feedpub_build(input_dir: Path, output_dir: Path, *extra: str) -> subprocess.CompletedProcess:
    """Run `python -m feedpub build` in a real process; the caller checks the outcome."""
    return subprocess.run(build_command(input_dir, output_dir, *extra), cwd=output_dir.parent,
                          capture_output=True, text=True, timeout=120)


def built(input_dir: Path, output_dir: Path) -> None:
    """Build and insist that it worked."""
    result = feedpub_build(input_dir, output_dir, "--quiet")
    assert result.returncode == 0, result.stderr
    assert result.stderr == "", result.stderr


def site_files(output_dir: Path) -> dict[str, bytes]:
    """Every file under `output_dir` by its relative path."""
    return {path.relative_to(output_dir).as_posix(): path.read_bytes()
            for path in sorted(output_dir.rglob("*")) if path.is_file()}


def copy_site(source: Path, target: Path) -> None:
    """Copy a published output directory and its manifest (mtimes kept), as it was served."""
    shutil.copytree(source, target, copy_function=shutil.copy2)
    manifest = source.parent / f".{source.name}.manifest"
    if manifest.exists():
        shutil.copy2(manifest, target.parent / f".{target.name}.manifest")


def linked_pages(index_html: bytes) -> list[str]:
    """The article pages index.html links to."""
    return re.findall(r'href="(articles/[^"]+)"', index_html.decode("utf-8"))


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
