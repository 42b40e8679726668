"""The CASE 2021 scorer follows the task's rules (no model needed)."""

from __future__ import annotations

import pytest

from dateline.bench.case2021 import score, subtask_labels
from dateline.extract.classify.training import read_case_tsv


def test_subtask_label_sets() -> None:
    assert len(subtask_labels(1)) == 25
    assert len(subtask_labels(2)) == 28
    assert len(subtask_labels(3)) == 30
    assert "DIPLO" not in subtask_labels(2) and "ORG_CRIME" in subtask_labels(2)


def test_score_counts_none_as_wrong_and_filters_by_subtask() -> None:
    gold = ["GRENADE", "GRENADE", "DIPLO", "ARREST"]
    pred = ["GRENADE", "NONE", "DIPLO", "ARREST"]
    s3 = score(gold, pred, subtask_labels(3))
    assert s3.n == 4
    assert s3.micro == pytest.approx(0.75)
    s1 = score(gold, pred, subtask_labels(1))
    assert s1.n == 3  # the DIPLO row is not scored in subtask 1


def test_reads_dev_file(shared_bench) -> None:
    rows = read_case_tsv(shared_bench / "case2021" / "dev.tsv")
    assert len(rows) == 304
    assert all(r.sub_event_type for r in rows)
