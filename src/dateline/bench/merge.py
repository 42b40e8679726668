"""``dateline bench merge``: pairwise merge precision/recall, and speed at scale.

Two modes:

* ``dateline bench merge gold/demo_events.jsonl gold/guardian_events.jsonl`` turns every gold
  event mention into a single-report event, merges them, and scores the clusters against
  gold's ``event`` labels with pairwise precision and recall (:mod:`.merge_gold`).
  ``--pairs`` lists every wrongly joined and every missed pair with its features and score.
  ``--end-to-end`` runs the extractor on the gold articles instead, merges what it finds and
  scores the clusters of the extracted mentions that match a gold mention.
* ``dateline bench merge --synthetic 1000000`` merges seeded synthetic reports one country
  partition at a time and reports wall time, peak RSS and pairwise P/R against the
  synthetic truth (:mod:`.merge_scale`).

This module is the command and its tables; the measures live in the two modules above.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.table import Table

from dateline.bench.merge_gold import (
    default_roots,
    end_to_end,
    extracted_events,
    gold_articles,
    gold_events,
    pair_errors,
    pairwise,
    score_gold_files,
)
from dateline.bench.merge_scale import run_synthetic, synthetic_partition

__all__ = [
    "command",
    "default_roots",
    "end_to_end",
    "extracted_events",
    "gold_articles",
    "gold_events",
    "pair_errors",
    "pairwise",
    "run_synthetic",
    "score_gold_files",
    "synthetic_partition",
]

TARGET = 0.9
TIME_LIMIT_S = 600


@click.command("merge")
@click.argument("gold", nargs=-1, type=click.Path(exists=True, dir_okay=False))
@click.option("--synthetic", type=int, default=None, help="Merge N synthetic reports instead.")
@click.option("--seed", type=int, default=20261122, show_default=True)
@click.option(
    "--workers", type=int, default=2, show_default=True, help="Processes for --synthetic."
)
@click.option("--pairs", is_flag=True, help="Also list every false and missed pair.")
@click.option(
    "--end-to-end",
    "end2end",
    is_flag=True,
    help="Merge extractor output for the gold articles instead of gold mentions.",
)
@click.option(
    "--corpus-root",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder holding corpus files named as FILE.csv#ROW in the gold (--end-to-end).",
)
def command(
    gold: tuple[str, ...],
    synthetic: int | None,
    seed: int,
    workers: int,
    pairs: bool,
    end2end: bool,
    corpus_root: Path | None,
) -> None:
    """Pairwise merge P/R against gold clusters, or speed on synthetic reports."""
    console = Console()
    if synthetic:
        _print_synthetic(console, synthetic, seed, workers)
        return
    if not gold:
        raise click.UsageError("give gold JSONL files or --synthetic N")
    if end2end:
        _print_end_to_end(console, gold, corpus_root)
    else:
        _print_gold(console, gold, corpus_root)
    if pairs:
        for path in gold:
            if end2end:
                events, truth, articles = extracted_events(path, default_roots(path, corpus_root))
                _print_pairs(console, path, pair_errors(events, truth, articles))
            else:
                events, truth = gold_events(path)
                articles = gold_articles(path, default_roots(path, corpus_root))
                _print_pairs(console, path, pair_errors(events, truth, articles))


def _print_synthetic(console: Console, n: int, seed: int, workers: int) -> None:
    def progress(row: dict[str, Any], totals: dict[str, Any]) -> None:
        console.print(
            f"partition {row['partition']:>2}: {row['events_in']:>7,} reports -> "
            f"{row['events_out']:>7,} events in {row['seconds_merge']:6.1f} s | done "
            f"{totals['partitions']} partitions, {totals['events_in']:,} reports, "
            f"{totals['events_out']:,} events, {totals['seconds_total']:.0f} s wall",
            highlight=False,
            soft_wrap=True,
        )

    res = run_synthetic(n, seed, workers=workers, progress=progress)
    table = Table(title=f"merge: {res['events_in']:,} synthetic reports (seed {seed})")
    for col in ("figure", "value", "anchor / target"):
        table.add_column(col)
    table.add_row("events out", f"{res['events_out']:,}", "")
    table.add_row(
        "wall time (s), incl. generation", f"{res['seconds_total']:.0f}", f"< {TIME_LIMIT_S}"
    )
    table.add_row(
        f"merge time (s), summed over {res['workers']} worker(s)",
        f"{res['seconds_merge']:.0f}",
        "",
    )
    table.add_row("peak RSS of one process (MB)", f"{res['peak_rss_mb']:.0f}", "bounded")
    table.add_row("pairwise precision", f"{res['precision']:.3f}", "synthetic truth")
    table.add_row("pairwise recall", f"{res['recall']:.3f}", "synthetic truth")
    console.print(table)


def _print_gold(console: Console, gold: Sequence[str], corpus_root: Path | None) -> None:
    table = Table(title="merge: pairwise P/R on gold mentions")
    for col in ("file", "mentions", "events", "gold events", "P", "R", "target"):
        table.add_column(col)
    for row in score_gold_files(gold, corpus_root):
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


def _print_end_to_end(console: Console, gold: Sequence[str], corpus_root: Path | None) -> None:
    table = Table(title="merge: pairwise P/R on extracted mentions matched to gold")
    cols = ("file", "gold mentions", "extracted", "matched", "events", "P", "R", "target")
    for col in cols:
        table.add_column(col)
    for path in gold:
        row = end_to_end(path, default_roots(path, corpus_root))
        table.add_row(
            row["file"],
            str(row["gold_mentions"]),
            str(row["extracted"]),
            str(row["matched"]),
            str(row["events"]),
            f"{row['precision']:.3f} ({row['pred_pairs']} pairs)",
            f"{row['recall']:.3f} ({row['gold_pairs']} pairs)",
            f">= {TARGET}",
        )
    console.print(table)


def _print_pairs(console: Console, path: str, rows: Sequence[dict[str, Any]]) -> None:
    console.print(f"[bold]{Path(path).name}[/]: {len(rows)} wrong pairs")
    for row in rows:
        met = "candidate" if row["candidate"] else "never a candidate (blocking)"
        console.print(
            f"[bold]{row['kind'].upper()}[/] {' / '.join(row['gold'])}"
            f"  score {row['score']:.4f}  {met}",
            highlight=False,
        )
        for text in row["mentions"]:
            console.print(f"    {text}", highlight=False, markup=False)
        console.print(f"    {row['features']}", highlight=False, markup=False)


if __name__ == "__main__":
    command()
