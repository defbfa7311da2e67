"""Shared fixtures: paths to the repository's sample and test data."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "dw-us-airstrikes-iraq.txt"
GOLDEN = Path(__file__).resolve().parent / "golden"


@pytest.fixture
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")
