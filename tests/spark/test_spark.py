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


def test_spark_routes_reports_naming_no_country_as_a_local_merge():
    """The demo names a country everywhere; these reports do not (merge/test_routing.py)."""
    pytest.importorskip("pyspark")
    if shutil.which("java") is None:
        pytest.skip("no Java runtime for Spark")
    import json

    from dateline.merge import merge_events
    from dateline.pipeline import block_key
    from dateline.spark.job import _merge_group, _routed, _stray_routes, spark_session
    from tests.merge.test_routing import more_reports, reports

    events = [e for _, e in reports()] + more_reports()
    sc = spark_session("local[2]").sparkContext
    rows = [(block_key(e), json.dumps(e.to_dict(), sort_keys=True)) for e in events]
    mentions = sc.parallelize(rows, 3)
    routes = _stray_routes(mentions, sc)
    assert len(routes) == 1  # the Emwazi strike "in 2015": to Iraq's block (best offer)
    grouped = mentions.map(_routed(sc.broadcast(routes))).groupByKey().mapValues(list)
    merged = grouped.flatMap(_merge_group("conservative", [])).collect()
    spark_groups = {tuple(sorted(json.loads(r)["mention_ids"])) for r in merged}
    local = {tuple(sorted(e.mention_ids)) for e in merge_events(events).events}
    assert spark_groups == local
