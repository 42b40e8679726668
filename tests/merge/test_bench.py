"""The merge benchmarks on small inputs: synthetic scale run, demo gold, ECB+ reader."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.bench.merge import run_synthetic, score_gold_files

REPO = Path(__file__).resolve().parents[2]


def test_synthetic_run_is_deterministic_and_accurate() -> None:
    first = run_synthetic(3000, seed=7)
    second = run_synthetic(3000, seed=7)
    assert abs(first["events_in"] - 3000) <= 40  # rounded per country
    assert first["events_out"] == second["events_out"]
    assert first["recall"] > 0.9 and first["precision"] > 0.5


def test_demo_gold_pairwise_scores() -> None:
    gold = REPO / "gold" / "demo_events.jsonl"
    if not gold.exists():
        pytest.skip("gold/demo_events.jsonl not present")
    (row,) = score_gold_files([str(gold)])
    assert row["precision"] >= 0.9 and row["recall"] >= 0.9


def test_ecbplus_reader(shared_bench: Path) -> None:
    from dateline.bench.ecbplus import read_doc, read_validated

    root = shared_bench / "ecbplus"
    doc = read_doc(root / "ECB+" / "1" / "1_1ecb.xml", read_validated(root))
    assert doc.topic == 1 and doc.mentions
    assert all(m.gold for m in doc.mentions)
