"""Shared fixtures: the repository's sample, golden files, and saved articles written on the fly."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from feedpub.config import load_config

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "dw-us-airstrikes-iraq.txt"
GOLDEN = Path(__file__).resolve().parent / "golden"
# A fixed modification time for written inputs, so undated articles build the same everywhere.
FIXED_MTIME = 1_600_000_000

PARAGRAPHS = (
    "The city council voted on Tuesday to extend the night bus service to the outer districts, "
    "a change that residents had asked for over several years of public meetings.",
    "The new routes start next month and run every thirty minutes between midnight and five, "
    "according to the transport office, which expects several thousand riders a week.",
    "Opponents said the money would be better spent on the existing daytime lines, which they "
    "described as crowded and late, but the motion passed with a comfortable majority.",
)


@pytest.fixture
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def article_text(title: str, date: str | None = None, paragraphs=PARAGRAPHS,
                 front: dict[str, str] | None = None) -> str:
    """A saved page as a reader would save it: chrome, headline, date line, paragraphs."""
    head = ""
    if front:
        head = "---\n" + "".join(f"{k}: {v}\n" for k, v in front.items()) + "---\n"
    lines = ["Skip to content", "Home | News | Sport", "", title, ""]
    if date:
        lines += [date, ""]
    for paragraph in paragraphs:
        lines += [paragraph, ""]
    lines += ["Share this article", "© 2024 Example Media. All rights reserved."]
    return head + "\n".join(lines) + "\n"


def write_article(directory: Path, name: str, title: str, date: str | None = None,
                  **kwargs) -> Path:
    path = directory / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(article_text(title, date, **kwargs), encoding="utf-8")
    os.utime(path, (FIXED_MTIME, FIXED_MTIME))
    return path


@pytest.fixture
def site_dirs(tmp_path: Path):
    """(input dir, output dir) in a fresh temporary directory."""
    input_dir, output_dir = tmp_path / "in", tmp_path / "out"
    input_dir.mkdir()
    return input_dir, output_dir


def make_config(input_dir: Path, output_dir: Path, **overrides):
    overrides = {"input_dir": input_dir, "output_dir": output_dir,
                 "site_url": "https://news.example.org/feeds/", **overrides}
    return load_config(None, overrides)


def run_feedpub(*args: str, cwd: Path | None = None, timeout: float = 120):
    """`python -m feedpub ARGS` as a real process; returns the CompletedProcess."""
    return subprocess.run([sys.executable, "-m", "feedpub", *args], cwd=cwd, timeout=timeout,
                          capture_output=True, text=True)


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite the golden files from the current output (`make golden`)")


@pytest.fixture
def golden(request):
    """Compare bytes with a golden file, or rewrite it under --update-golden."""
    update = request.config.getoption("--update-golden")

    def check(name: str, data: bytes) -> None:
        path = GOLDEN / name
        if update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        assert path.exists(), f"{path} missing: run `make golden`"
        assert data == path.read_bytes(), f"{name} differs from its golden file"
    return check
