"""Workers change the wall time, never the result: same clusters, ids and decisions."""

from __future__ import annotations

import pytest

import dateline.merge.window as window
from dateline.bench.merge import run_synthetic
from dateline.merge import merge_events
from dateline.merge.model import MergeResult
from dateline.merge.synth import SynthConfig, country_partition, country_partitions


def _fingerprint(result: MergeResult) -> tuple:
    events = [(e.event_id, tuple(sorted(e.mention_ids)), e.to_dict()) for e in result.events]
    decisions = [
        (d.event_id, d.absorbed_id, d.score, d.rule, sorted(d.features.items()))
        for d in result.decisions
    ]
    return events, decisions


def test_partition_alone_equals_the_stream() -> None:
    cfg = SynthConfig(events=2000, countries=4, seed=9)
    for c, part in enumerate(country_partitions(cfg)):
        assert [e for e, _ in part] == [e for e, _ in country_partition(cfg, c)]


@pytest.mark.parametrize("workers", [2, 3])
def test_workers_give_identical_merges(workers: int, monkeypatch: pytest.MonkeyPatch) -> None:
    # three countries, several type groups each: many blocks; one of them streamed
    monkeypatch.setattr(window, "STREAM_ABOVE", 400)
    cfg = SynthConfig(events=3000, countries=3, days=60, seed=4)
    events = [e for part in country_partitions(cfg) for e, _ in part]
    one = merge_events(events)
    many = merge_events(events, workers=workers)
    assert len(one.events) < len(events)
    assert _fingerprint(many) == _fingerprint(one)


def test_synthetic_figures_do_not_depend_on_workers() -> None:
    one = run_synthetic(2500, seed=5, workers=1)
    two = run_synthetic(2500, seed=5, workers=2)
    for key in ("events_in", "events_out", "partitions", "precision", "recall"):
        assert one[key] == two[key]


def test_the_pipeline_merges_large_stores_with_its_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    import dateline.merge.parallel as parallel
    import dateline.pipeline as pipeline

    used: list[int] = []
    real = parallel.cluster_blocks

    def spy(grouped, sides, workers=1):  # type: ignore[no-untyped-def]
        used.append(workers)
        return real(grouped, sides, workers)

    monkeypatch.setattr("dateline.merge.core.cluster_blocks", spy)
    events = [
        e for part in country_partitions(SynthConfig(events=600, countries=2)) for e, _ in part
    ]
    small = pipeline.merge(events, workers=2)  # below the threshold: no pool
    monkeypatch.setattr(pipeline, "PARALLEL_MERGE_ABOVE", 100)
    large = pipeline.merge(events, workers=2)
    assert used == [1, 2]
    assert _fingerprint(large) == _fingerprint(small)
