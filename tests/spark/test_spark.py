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
    from dateline.spark import read_events, run_spark

    local = extract([DEMO_DIR])
    summary = run_spark([DEMO_DIR], tmp_path / "out", master="local[2]")
    distributed = read_events(tmp_path / "out")
    assert summary.events == len(local)
    assert [e.event_id for e in distributed] == [e.event_id for e in local]
    assert [e.to_dict() for e in distributed] == [e.to_dict() for e in local]
