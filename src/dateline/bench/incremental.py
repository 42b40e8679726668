"""``dateline bench incremental``: adding a day of news costs the day, not the database.

Builds databases of synthetic single-report events (``merge.synth``, realistic density)
of growing size, merges each once in full, then adds the same fresh day of reports and
times the incremental merge (``pipeline.rebuild_events(new_mentions=...)``). If the cost
followed the database size, the last column would grow with the first.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from dateline.merge.synth import SynthConfig, country_partitions
from dateline.pipeline import mention_record, merge, rebuild_events
from dateline.records import Article, DateInterval, Event
from dateline.store import Store

console = Console()


def synthetic(cfg: SynthConfig) -> Iterator[Event]:
    for part in country_partitions(cfg):
        for event, _gold in part:
            yield event


def shifted(event: Event, days: int, tag: str) -> Event:
    """The same kind of report, moved to a new day under new ids (a fresh day of news)."""
    d = event.date
    moved = DateInterval(
        d.start + dt.timedelta(days=days) if d.start else None,
        d.end + dt.timedelta(days=days) if d.end else None,
        d.precision,
        d.reason,
    )
    sources = tuple(
        dataclasses.replace(s, article_id=f"{s.article_id}_{tag}") for s in event.sources
    )
    evidence = tuple(
        dataclasses.replace(e, article_id=f"{e.article_id}_{tag}") for e in event.evidence
    )
    return event.with_(
        event_id=f"{event.event_id}_{tag}",
        date=moved,
        sources=sources,
        evidence=evidence,
        mention_ids=(f"{event.mention_ids[0]}_{tag}",),
    )


def store_events(store: Store, events: list[Event], batch: int = 5000) -> list[str]:
    """Store synthetic reports as articles with one mention each; returns mention ids."""
    pending = []
    for e in events:
        text = e.evidence[0].text
        article = Article(
            article_id=e.sources[0].article_id,
            text=text,
            outlet=e.sources[0].outlet,
            published=DateInterval.day(
                dt.date.fromisoformat(e.sources[0].published or "2024-01-01"), "synthetic"
            ),
        )
        pending.append((article, [mention_record(e)]))
        if len(pending) >= batch:
            store.add_articles(pending, None)
            pending = []
    store.add_articles(pending, None)
    return [e.mention_ids[0] for e in events]


def _warm_up() -> None:
    """Load lazily imported modules once, so the first size measured is not charged."""
    events = list(synthetic(SynthConfig(events=200, days=30)))
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "warm.duckdb") as store:
        store_events(store, events[:150])
        full_merge(store)
        rebuild_events(store, new_mentions=store_events(store, events[150:]))


def full_merge(store: Store) -> None:
    """The base view: every stored report merged at once (story grouping left out, as it
    compares article texts and is not what this benchmark measures)."""
    singles = [Event.from_dict(r) for r in store.mention_records()]
    result = merge(singles)
    store.replace_events(result.events, result.decisions)


@click.command("incremental")
@click.option(
    "--sizes",
    default="10000,100000",
    show_default=True,
    help="Database sizes (single-report events), comma-separated.",
)
@click.option(
    "--day", "day_size", default=300, show_default=True, help="Reports in the added day of news."
)
def command(sizes: str, day_size: int) -> None:
    """Time of adding one day of reports to databases of growing size."""
    table = Table(title=f"Adding one day ({day_size} reports) to an existing database")
    for col in (
        "database events",
        "full merge s",
        "events after",
        "incremental merge s",
        "mentions revisited",
    ):
        table.add_column(col, justify="right")
    _warm_up()
    for size in (int(s) for s in sizes.split(",")):
        # A bigger database covers more days at the same density (about 27 reports a day),
        # as an archive grows: what a new day meets should not grow with it.
        cfg = SynthConfig(events=size, days=max(365, size * 365 // 10_000))
        base = list(synthetic(cfg))
        day_cfg = dataclasses.replace(cfg, events=day_size * 365, days=365, seed=cfg.seed + 1)
        fresh = [
            shifted(e, 0, "new") for e in synthetic(day_cfg) if e.date.start == dt.date(2024, 6, 1)
        ][:day_size]
        with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "inc.duckdb") as store:
            store_events(store, base)
            started = time.perf_counter()
            full_merge(store)
            full = time.perf_counter() - started
            new_ids = store_events(store, fresh)
            revisited = len(store.neighbourhood(new_ids))
            started = time.perf_counter()
            rebuild_events(store, new_mentions=new_ids)
            incremental = time.perf_counter() - started
            table.add_row(
                f"{size:,}",
                f"{full:.1f}",
                f"{store.count('events'):,}",
                f"{incremental:.2f}",
                f"{revisited:,}",
            )
    console.print(table)


if __name__ == "__main__":
    command()
