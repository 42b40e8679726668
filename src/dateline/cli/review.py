"""Review commands: why reports were joined, and an analyst's split or merge."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click
from rich.table import Table

from dateline.cli.options import console, db_option
from dateline.cli.render import events_table
from dateline.errors import OverrideRejected, UnknownEvent
from dateline.pipeline import MERGE_POLICIES
from dateline.store import Store

if TYPE_CHECKING:
    from dateline.overrides import OverrideResult


@click.command()
@click.argument("event_id")
@click.option(
    "--against",
    metavar="OTHER_ID",
    help="Say instead why EVENT_ID and OTHER_ID were not joined: every pair of their "
    "reports, its score and features, and any rule that forbids the join.",
)
@db_option
def explain(event_id: str, db: Path, against: str | None) -> None:
    """Why an event's reports were joined: sources, per-source values, merge scores."""
    if against is not None:
        _explain_apart(event_id, against, db)
        return
    with Store(db, read_only=True) as store:
        event = store.event(event_id)
        decisions = store.decisions_for(event.event_id)
        articles = store.articles(s.article_id for s in event.sources)
    console.print(events_table([event], title=f"Event {event.event_id}"))
    sources = Table(title="Sources", header_style="bold")
    for col in ("article", "outlet", "published", "title"):
        sources.add_column(col, overflow="fold")
    for s in event.sources:
        title = articles[s.article_id].title if s.article_id in articles else ""
        sources.add_row(s.article_id[:14], s.outlet or "–", s.published or "–", title or "")
    console.print(sources)
    values = Table(title="What each source said", header_style="bold")
    for col in ("field", "article", "value", "evidence"):
        values.add_column(col, overflow="fold")
    evidence = {(e.article_id, e.field): e.text for e in event.evidence}
    for fv in event.field_values:
        values.add_row(
            fv.field,
            fv.article_id[:14],
            json.dumps(fv.value, ensure_ascii=False),
            evidence.get((fv.article_id, fv.field), ""),
        )
    if event.field_values:
        console.print(values)
    for c in event.conflicts:
        console.print(
            f"[red]conflict[/] {c.field}: "
            + " vs ".join(f"{json.dumps(v.value)} ({v.article_id[:14]})" for v in c.values)
        )
    merges = Table(title="Merge decisions", header_style="bold")
    for col in ("absorbed", "score", "rule", "features"):
        merges.add_column(col, overflow="fold")
    for d in decisions:
        features = ", ".join(
            f"{k}={v:.2f}" if isinstance(v, float) else f"{k}={v}"
            for k, v in sorted(d["features"].items())
        )
        merges.add_row(d["absorbed_id"][:14], f"{d['score']:.3f}", d["rule"], features)
    console.print(merges if decisions else "[dim]a single report: nothing was merged[/]")
    console.print("Evidence:")
    for e in event.evidence:
        console.print(f"  [bold]{e.field}[/] [{e.start}:{e.end}] {e.text}")


def _explain_apart(event_id: str, other_id: str, db: Path) -> None:
    """Both events, each pair of their reports with what the merge saw, and the verdict."""
    from dateline.overrides import why_apart

    with Store(db, read_only=True) as store:
        try:
            left, right, result = why_apart(store, event_id, other_id)
        except UnknownEvent as exc:
            raise click.BadParameter(str(exc)) from exc
    console.print(events_table([left, right], title="Two events"))
    table = Table(title="Every pair of their reports", header_style="bold")
    for col in (event_id[:14], other_id[:14], "compared", "score", "features"):
        table.add_column(col, overflow="fold")
    for pair in result.pairs:
        features = ", ".join(
            f"{k}={v:.2f}" if isinstance(v, float) else f"{k}={v}"
            for k, v in sorted(pair.features.items())
        )
        compared = "yes" if pair.candidate else "[yellow]never (blocking)[/]"
        table.add_row(pair.left[:14], pair.right[:14], compared, f"{pair.score:.3f}", features)
    console.print(table)
    console.print(f"[bold]Verdict:[/] {result.verdict}")


def _override(db: Path, action: str, apply: Callable[[Store], OverrideResult]) -> None:
    """Record one analyst override; bad ids become a usage error naming the reason."""
    with Store(db) as store:
        try:
            result = apply(store)
        except (UnknownEvent, OverrideRejected) as exc:
            raise click.BadParameter(str(exc)) from exc
    console.print(
        f"recorded {action} override {result.override_id}; re-merged {result.events} "
        f"events around {len(result.placed)} reports"
    )


@click.command()
@click.argument("event_id")
@click.argument("mention_ids", nargs=-1, required=True)
@db_option
@click.option("--note", default="", help="Why (kept with the override).")
@click.option("--policy", type=click.Choice(MERGE_POLICIES), default="conservative")
def split(event_id: str, mention_ids: tuple[str, ...], db: Path, note: str, policy: str) -> None:
    """Take MENTION_IDS out of EVENT_ID; the override survives every later run."""
    from dateline.overrides import split_event

    def take_out(store: Store) -> OverrideResult:
        return split_event(store, event_id, mention_ids, note, policy=policy)

    _override(db, "split", take_out)


@click.command("merge")
@click.argument("ids", nargs=-1, required=True)
@db_option
@click.option("--note", default="", help="Why (kept with the override).")
@click.option("--policy", type=click.Choice(MERGE_POLICIES), default="conservative")
def merge_cmd(ids: tuple[str, ...], db: Path, note: str, policy: str) -> None:
    """Join events (or mentions) IDS into one event; the override survives later runs."""
    from dateline.overrides import merge_events

    def join(store: Store) -> OverrideResult:
        return merge_events(store, ids, note, policy=policy)

    _override(db, "merge", join)
