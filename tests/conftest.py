"""Shared fixtures. Tests needing ``../shared/bench`` skip cleanly without it."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED_BENCH = REPO.parent / "shared" / "bench"
DEMO_DIR = REPO / "examples" / "demo"


@pytest.fixture
def shared_bench() -> Path:
    """Path to ``../shared/bench``; skips the test when it is not beside the repo."""
    if not SHARED_BENCH.is_dir():
        pytest.skip("../shared/bench is not available")
    return SHARED_BENCH


@pytest.fixture(scope="session")
def nlp():
    """The real spaCy model (slow: mark tests using it with @pytest.mark.slow)."""
    from dateline.nlp import load_nlp

    return load_nlp()
