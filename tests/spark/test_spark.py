"""The Spark job gives the local pipeline's events and ids on the demo corpus (local[2])."""

from __future__ import annotations

import shutil

import pytest

from dateline.pipeline import extract
from tests.conftest import DEMO_DIR

pytestmark = pytest.mark.slow


def test_spark_and_local_runs_agree(tmp_path):
    pytest.importorskip("pyspark")
    if shutil.which("java") is None:
        pytest.skip("no Java runtime for Spark")
    import pyarrow.parquet as pq

    from dateline.spark import read_events, run_spark

    local = extract([DEMO_DIR])
    corpus = tmp_path / "in"
    shutil.copytree(DEMO_DIR, corpus)
    (corpus / "zz_empty.txt").write_text("")  # skipped, with its reason, not lost
    summary = run_spark([corpus], tmp_path / "out", master="local[2]")
    distributed = read_events(tmp_path / "out")
    skips = pq.read_table(tmp_path / "out" / "skips.parquet").to_pylist()
    assert [(s["path"].rsplit("/", 1)[-1], s["code"]) for s in skips] == [("zz_empty.txt", "E102")]
    assert summary.skipped == 1
    assert summary.events == len(local)
    assert [e.event_id for e in distributed] == [e.event_id for e in local]
    assert [e.to_dict() for e in distributed] == [e.to_dict() for e in local]
