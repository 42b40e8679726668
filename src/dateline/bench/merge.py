"""``dateline bench merge``: pairwise merge precision/recall, and speed at scale.

Two modes:

* ``dateline bench merge gold/demo_events.jsonl gold/guardian_events.jsonl`` turns every gold
  event mention into a single-report event (gold mentions, as in the standard coreference
  setting, so extraction errors do not count against merging), merges them, and scores the
  clusters against gold's ``event`` labels with pairwise precision and recall.
* ``dateline bench merge --synthetic 1000000`` merges seeded synthetic reports
  (:mod:`dateline.merge.synth`) one country partition at a time and reports wall time, peak
  RSS and pairwise P/R against the synthetic truth.
"""

from __future__ import annotations

import resource
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.table import Table

from dateline.merge import merge_events
from dateline.records import DateInterval, Event, Evidence, Mention, Place, SourceRef

TARGET = 0.9
TIME_LIMIT_S = 600


def gold_events(path: str | Path) -> tuple[list[Event], dict[str, str]]:
    """Gold mentions of one file as single-report events, and mention_id -> gold event."""
    from dateline.bench.gold import load_gold

    events, truth = [], {}
    stem = Path(path).stem
    for g in load_gold(path):
        article = f"{stem}:{g.article}"
        mention_id = Mention.make_id(article, g.sub_event_type, g.line)
        evidence = (
            (Evidence(article, "event", 0, len(g.evidence), g.evidence),) if g.evidence else ()
        )
        outlet = Path(g.article.partition("#")[0]).stem.split("_")[1:2]
        mention = Mention(
            mention_id,
            article,
            g.event_type,
            g.sub_event_type,
            g.status,
            g.background,
            _precise(g.date),
            _point(g.location),
            _actors(g),
            g.fatalities,
            g.injured,
            evidence,
        )
        source = SourceRef(article, outlet[0] if outlet else None)
        events.append(Event.from_mention(mention, source))
        truth[mention_id] = f"{stem}:{g.event}"
    return events, truth


def _precise(date: DateInterval) -> DateInterval:
    """Gold gives intervals only; their width says how precise they are."""
    if not date.is_known:
        return date
    assert date.start and date.end
    width = (date.end - date.start).days
    precision = "day" if width == 0 else "week" if width < 7 else "month" if width < 31 else "year"
    return DateInterval(date.start, date.end, precision, "gold")


def _point(place: Place | None) -> Place | None:
    """Gold places with coordinates are points (precision 1), others regions (3)."""
    if place is None or place.latitude is None:
        return place
    return Place(
        place.name,
        place.country_code,
        place.admin1,
        place.latitude,
        place.longitude,
        1,
        place.gazetteer_id,
    )


def _actors(g: Any) -> tuple:
    from dateline.records import Actor

    out = []
    for role in ("perpetrator", "claimant", "suspected"):
        value = getattr(g, role)
        for name in (value if isinstance(value, tuple) else (value,)) if value else ():
            out.append(Actor(name, role))
    return tuple(out)


def pairwise(pred: dict[str, str], gold: dict[str, str]) -> tuple[float, float, int, int]:
    """Pairwise precision, recall, and the predicted / gold pair counts (contingency sums)."""

    def pairs(counts: Counter) -> int:
        return sum(n * (n - 1) // 2 for n in counts.values())

    shared = pred.keys() & gold.keys()
    p_pairs = pairs(Counter(pred[m] for m in shared))
    g_pairs = pairs(Counter(gold[m] for m in shared))
    hits = pairs(Counter((pred[m], gold[m]) for m in shared))
    return (
        hits / p_pairs if p_pairs else 1.0,
        hits / g_pairs if g_pairs else 1.0,
        p_pairs,
        g_pairs,
    )


def score_gold_files(paths: Sequence[str]) -> list[dict[str, Any]]:
    rows = []
    for path in paths:
        events, truth = gold_events(path)
        merged = merge_events(events).events
        pred = {m: e.event_id for e in merged for m in e.mention_ids}
        p, r, np_, ng = pairwise(pred, truth)
        rows.append(
            {
                "file": Path(path).name,
                "mentions": len(events),
                "events": len(merged),
                "gold_events": len(set(truth.values())),
                "precision": p,
                "recall": r,
                "pred_pairs": np_,
                "gold_pairs": ng,
            }
        )
    return rows


def run_synthetic(n: int, seed: int) -> dict[str, Any]:
    """Merge ``n`` synthetic reports partition by partition; time, memory and accuracy."""
    from dateline.merge.synth import SynthConfig, country_partitions

    cfg = SynthConfig(events=n, seed=seed)
    started = time.perf_counter()
    merge_s = 0.0
    total_in = total_out = 0
    hits_p = pairs_p = hits_r = pairs_r = 0  # no pair crosses a country: sum per partition
    for part in country_partitions(cfg):
        events = [e for e, _ in part]
        gold = {e.mention_ids[0]: g for e, g in part}
        t0 = time.perf_counter()
        merged = merge_events(events).events
        merge_s += time.perf_counter() - t0
        pred = {m: e.event_id for e in merged for m in e.mention_ids}
        p, r, np_, ng = pairwise(pred, gold)
        hits_p, pairs_p = hits_p + round(p * np_), pairs_p + np_
        hits_r, pairs_r = hits_r + round(r * ng), pairs_r + ng
        total_in += len(events)
        total_out += len(merged)
        del part, events, merged, pred, gold
    return {
        "events_in": total_in,
        "events_out": total_out,
        "seconds_total": time.perf_counter() - started,
        "seconds_merge": merge_s,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "precision": hits_p / max(1, pairs_p),
        "recall": hits_r / max(1, pairs_r),
    }


@click.command("merge")
@click.argument("gold", nargs=-1, type=click.Path(exists=True, dir_okay=False))
@click.option("--synthetic", type=int, default=None, help="Merge N synthetic reports instead.")
@click.option("--seed", type=int, default=20261122, show_default=True)
def command(gold: tuple[str, ...], synthetic: int | None, seed: int) -> None:
    """Pairwise merge P/R against gold clusters, or speed on synthetic reports."""
    console = Console()
    if synthetic:
        res = run_synthetic(synthetic, seed)
        table = Table(title=f"merge: {res['events_in']:,} synthetic reports (seed {seed})")
        for col in ("figure", "value", "anchor / target"):
            table.add_column(col)
        table.add_row("events out", f"{res['events_out']:,}", "")
        table.add_row(
            "wall time (s), incl. generation", f"{res['seconds_total']:.0f}", f"< {TIME_LIMIT_S}"
        )
        table.add_row("merge time (s)", f"{res['seconds_merge']:.0f}", f"< {TIME_LIMIT_S}")
        table.add_row("peak RSS (MB)", f"{res['peak_rss_mb']:.0f}", "bounded")
        table.add_row("pairwise precision", f"{res['precision']:.3f}", "synthetic truth")
        table.add_row("pairwise recall", f"{res['recall']:.3f}", "synthetic truth")
        console.print(table)
        return
    if not gold:
        raise click.UsageError("give gold JSONL files or --synthetic N")
    table = Table(title="merge: pairwise P/R on gold mentions")
    for col in ("file", "mentions", "events", "gold events", "P", "R", "target"):
        table.add_column(col)
    for row in score_gold_files(gold):
        table.add_row(
            row["file"],
            str(row["mentions"]),
            str(row["events"]),
            str(row["gold_events"]),
            f"{row['precision']:.3f}",
            f"{row['recall']:.3f}",
            f">= {TARGET}",
        )
    console.print(table)


if __name__ == "__main__":
    command()
