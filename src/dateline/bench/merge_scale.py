"""Scale run for ``dateline bench merge --synthetic N``: speed, memory and accuracy.

Seeded synthetic reports (:mod:`dateline.merge.synth`) are merged one country partition at a
time, in worker processes, and scored against the synthetic truth.
"""

from __future__ import annotations

import resource
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from typing import Any

from dateline.bench.merge_gold import pairwise
from dateline.merge import merge_events


def synthetic_partition(n: int, seed: int, c: int) -> dict[str, Any]:
    """Generate and merge country partition ``c`` of ``n`` synthetic reports; counts only,
    so a worker process sends back a few numbers rather than the events."""
    from dateline.merge.synth import SynthConfig, country_partition

    cfg = SynthConfig(events=n, seed=seed)
    part = country_partition(cfg, c)
    events = [e for e, _ in part]
    gold = {e.mention_ids[0]: g for e, g in part}
    t0 = time.perf_counter()
    merged = merge_events(events).events
    seconds = time.perf_counter() - t0
    pred = {m: e.event_id for e in merged for m in e.mention_ids}
    p, r, np_, ng = pairwise(pred, gold)
    return {
        "partition": c,
        "events_in": len(events),
        "events_out": len(merged),
        "seconds_merge": seconds,
        "hits_p": round(p * np_),
        "pairs_p": np_,
        "hits_r": round(r * ng),
        "pairs_r": ng,
        "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def run_synthetic(
    n: int,
    seed: int,
    workers: int = 2,
    progress: Callable[[dict[str, Any], dict[str, Any]], None] | None = None,
) -> dict[str, Any]:
    """Merge ``n`` synthetic reports partition by partition; time, memory and accuracy.

    No pair crosses a country, so partitions go to ``workers`` processes, largest first
    (wall time about max(largest, total / workers)); each worker makes its partition from
    the seed, so memory holds one partition per worker. ``progress(partition, totals)`` is
    called as each partition finishes, so a run stopped early still says how far it got.
    The figures are the same for any number of workers (sums of per-partition counts).
    """
    from dateline.merge.synth import SynthConfig, partition_sizes

    sizes = partition_sizes(SynthConfig(events=n, seed=seed))
    started = time.perf_counter()
    totals: dict[str, Any] = dict.fromkeys(
        ("partitions", "events_in", "events_out", "hits_p", "pairs_p", "hits_r", "pairs_r"), 0
    )
    totals["seconds_merge"] = 0.0
    totals["worker_rss_mb"] = 0.0

    def add(row: dict[str, Any]) -> None:
        totals["partitions"] += 1
        for k in ("events_in", "events_out", "hits_p", "pairs_p", "hits_r", "pairs_r"):
            totals[k] += row[k]
        totals["seconds_merge"] += row["seconds_merge"]
        totals["worker_rss_mb"] = max(totals["worker_rss_mb"], row["rss_mb"])
        totals["seconds_total"] = time.perf_counter() - started
        if progress:
            progress(row, totals)

    order = sorted(range(len(sizes)), key=lambda c: (-sizes[c], c))
    if workers <= 1:
        for c in order:
            add(synthetic_partition(n, seed, c))
    else:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            futures = [pool.submit(synthetic_partition, n, seed, c) for c in order]
            for future in as_completed(futures):
                add(future.result())
    return {
        "events_in": totals["events_in"],
        "events_out": totals["events_out"],
        "partitions": totals["partitions"],
        "workers": workers,
        "seconds_total": time.perf_counter() - started,
        "seconds_merge": totals["seconds_merge"],
        "peak_rss_mb": max(
            totals["worker_rss_mb"],
            resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        ),
        "precision": totals["hits_p"] / max(1, totals["pairs_p"]),
        "recall": totals["hits_r"] / max(1, totals["pairs_r"]),
    }
