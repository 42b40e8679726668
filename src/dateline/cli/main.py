"""``dateline`` commands. Each parses options, calls the library, and prints with rich."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from dateline.cli.bench import bench
from dateline.cli.render import events_table, key_values, skips_table, type_counts
from dateline.errors import DatelineError, OverrideRejected, UnknownEvent
from dateline.pipeline import MERGE_POLICIES, RunConfig
from dateline.store import DEFAULT_DB, Store

if TYPE_CHECKING:
    from dateline.overrides import OverrideResult

# Piped output (CI logs, `| less`) gets a wide table instead of rich's 80-column default.
console = Console(width=None if sys.stdout.isatty() else 160)
err = Console(stderr=True)
DEMO_DIR = Path(__file__).resolve().parents[3] / "examples" / "demo"

db_option = click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    default=DEFAULT_DB,
    show_default=True,
    help="DuckDB file.",
)
published_option = click.option(
    "--published",
    metavar="DATE",
    help="Publication date for inputs without one (ISO date, e.g. 2022-01-05).",
)


def _read_options(published: str | None):  # -> ReadOptions
    from dateline.ingest import ReadOptions

    return ReadOptions(published=published)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="dateline")
def cli() -> None:
    """dateline: news articles in, evidence-backed political-violence events out."""


cli.add_command(bench)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@published_option
@click.option("--strict", is_flag=True, help="Stop at the first unreadable input.")
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Worker processes for extraction (each loads the model once).",
)
@click.option(
    "--policy",
    type=click.Choice(MERGE_POLICIES),
    default="conservative",
    show_default=True,
    help="How a merged event's value is chosen among sources.",
)
@click.option("--table/--no-table", default=True, help="Print the event table at the end.")
def run(
    paths: tuple[str, ...],
    db: Path,
    published: str | None,
    strict: bool,
    workers: int,
    policy: str,
    table: bool,
) -> None:
    """Read PATHS (files, folders, globs), extract and merge events into the database."""
    _run_into(
        paths,
        db,
        published=published,
        strict=strict,
        workers=workers,
        policy=policy,
        show_table=table,
    )


def _run_into(
    paths,
    db: Path,
    *,
    published=None,
    strict=False,
    workers=1,
    policy="conservative",
    show_table=True,
    title="Events",
) -> None:
    from dateline.pipeline import run as run_pipeline

    config = RunConfig(policy=policy, workers=workers, strict=strict)
    columns = (
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[events]} mentions"),
        TimeElapsedColumn(),
    )
    with Store(db) as store, Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task("reading", total=None, events=0)
        found = 0

        def tick(item, n_mentions: int) -> None:
            nonlocal found
            found += n_mentions
            progress.update(task, advance=1, events=found)

        summary = run_pipeline(
            paths, store, config=config, options=_read_options(published), on_item=tick
        )
        progress.update(task, description="done")
        events = store.events() if show_table else []
    if summary.skipped:
        err.print(skips_table(summary.skipped))
    if show_table:
        console.print(events_table(events, title=f"{title} ({len(events)}) in {db}"))
    console.print(
        f"[bold]{summary.read}[/] articles read ({summary.new} new, "
        f"{summary.already_stored} already stored), [bold]{len(summary.skipped)}[/] skipped, "
        f"{summary.mentions} new mentions, [bold]{summary.events}[/] events in {db} "
        f"({summary.seconds:.1f} s)"
    )


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@published_option
@click.option(
    "--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl", show_default=True
)
def extract(inputs: tuple[str, ...], published: str | None, fmt: str) -> None:
    """Extract events from files (or '-' for stdin) without a database."""
    from dataclasses import replace

    from dateline.ingest import read_text
    from dateline.pipeline import extract as extract_paths
    from dateline.pipeline import extract_from_articles

    # Text given explicitly may be a single paragraph: no minimum length here.
    options = replace(_read_options(published), min_chars=1)
    if inputs == ("-",):
        article = read_text(sys.stdin.read(), source_path="-", options=options)
        events = extract_from_articles([article])
    else:

        def report(skip) -> None:
            err.print(f"[yellow]skipped[/] {skip.path}: {skip.reason}")

        events = extract_paths(list(inputs), options=options, on_skip=report)
    if fmt == "table":
        console.print(events_table(events))
    else:
        for event in events:
            click.echo(json.dumps(event.to_dict(), ensure_ascii=False))


@cli.command()
@db_option
def demo(db: Path) -> None:
    """Run the whole pipeline on the bundled demo corpus and show the events."""
    if not DEMO_DIR.is_dir():
        raise click.ClickException(f"demo corpus not found at {DEMO_DIR}")
    _run_into([str(DEMO_DIR)], db, title="Demo events")


def filter_options(func):  # type: ignore[no-untyped-def]
    """The event filter every read command shares (same names as the web page's URL)."""
    for option in reversed(
        [
            click.option("--country", help="ISO2 country code, e.g. IQ."),
            click.option(
                "--since",
                type=click.DateTime(["%Y-%m-%d"]),
                help="Only events ending on or after this date.",
            ),
            click.option(
                "--until",
                type=click.DateTime(["%Y-%m-%d"]),
                help="Only events starting on or before this date.",
            ),
            click.option("--type", "event_type", help="An event_type, e.g. Protests."),
            click.option("--actor", help="An actor; a parent group includes its fronts."),
            click.option("--story", help="A story id (see the web page's stories)."),
            click.option("--no-background", is_flag=True, help="Drop events told only as history."),
        ]
    ):
        func = option(func)
    return func


def _filtered_events(
    db: Path, country, since, until, event_type, actor, story, no_background
):  # -> list[Event]
    from dateline.store.filters import EventFilter

    f = EventFilter(
        start=since.date() if since else None,
        end=until.date() if until else None,
        country=country,
        event_type=event_type,
        actor=actor,
        story=story,
        background=False if no_background else None,
    )
    with Store(db, read_only=True) as store:
        return store.events(*f.where())


@cli.command("export")
@db_option
@click.option(
    "--format",
    "fmt",
    default="jsonl",
    show_default=True,
    type=click.Choice(["jsonl", "csv", "acled", "geojson", "parquet"]),
)
@click.option(
    "--out",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Output file (default: stdout; required for parquet).",
)
@filter_options
def export_cmd(db: Path, fmt: str, out: Path | None, **filters) -> None:
    """Write stored events in another format (every one a view of the event record)."""
    from dateline.export import export

    if fmt == "parquet" and not out:
        raise click.UsageError("parquet needs --out FILE")
    events = _filtered_events(db, **filters)
    data = export(events, fmt)
    if out:
        out.write_bytes(data)
        err.print(f"wrote {len(events)} events to {out} ({fmt})")
    else:
        sys.stdout.buffer.write(data)


@cli.command()
@db_option
@filter_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "markdown", "html"]),
    default="text",
    show_default=True,
)
@click.option(
    "--max",
    "max_entries",
    default=30,
    show_default=True,
    help="At most this many entries, the most important ones.",
)
@click.option("--out", "-o", type=click.Path(dir_okay=False, path_type=Path))
def timeline(db: Path, fmt: str, max_entries: int, out: Path | None, **filters) -> None:
    """A dated timeline of the most important events, each with its sentences and sources."""
    from dateline.timeline import build_timeline, render_timeline

    events = _filtered_events(db, **filters)
    with Store(db, read_only=True) as store:
        articles = store.articles({s.article_id for e in events for s in e.sources})
    text = render_timeline(build_timeline(events, articles, max_entries=max_entries), fmt)
    if out:
        out.write_text(text)
        err.print(f"wrote {out}")
    else:
        click.echo(text)


@cli.command()
@db_option
@filter_options
@click.option(
    "--plots",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write one PNG per flagged signal into this folder.",
)
@click.option("--all", "show_all", is_flag=True, help="Also list signals that are not flagged.")
def signals(db: Path, plots: Path | None, show_all: bool, **filters) -> None:
    """Escalation signals: weekly rises, threats followed by attacks, coming anniversaries."""
    from dateline.timeline import compute_signals, plot_signal

    found = compute_signals(_filtered_events(db, **filters))
    shown = [s for s in found if s.flagged or show_all]
    table = Table(title=f"Signals ({len(shown)} of {len(found)})", header_style="bold")
    for col in ("kind", "about", "flagged", "detail", "events"):
        table.add_column(col, overflow="fold")
    for s in shown:
        table.add_row(
            s.kind,
            s.key,
            "yes" if s.flagged else "",
            s.detail,
            ", ".join(i[:14] for i in s.event_ids[:4])
            + (f" +{len(s.event_ids) - 4}" if len(s.event_ids) > 4 else ""),
        )
    console.print(table)
    if plots:
        plots.mkdir(parents=True, exist_ok=True)
        for n, s in enumerate(x for x in shown if x.flagged):
            path = plot_signal(s, plots / f"{n:02d}_{s.kind}.png")
            err.print(f"plot {path}")


@cli.command()
@db_option
def info(db: Path) -> None:
    """What is stored, and which versions produced it."""
    with Store(db, read_only=True) as store:
        facts = store.info()
        events = store.events()
        skips = store.sql("SELECT code, reason, count(*) FROM skips GROUP BY ALL ORDER BY 3 DESC")
    console.print(f"[bold]{facts['path']}[/] · schema v{facts['schema_version']}")
    console.print(key_values("Stored", facts["counts"]))
    if facts["last_run"]:
        run = facts["last_run"]
        console.print(
            key_values(
                "Last run", {k: v for k, v in run.items() if k != "versions"} | run["versions"]
            )
        )
    if events:
        console.print(type_counts(events))
    if skips:
        table = Table(title="Skipped inputs by reason")
        for col in ("code", "reason", "files"):
            table.add_column(col)
        for row in skips:
            table.add_row(*map(str, row))
        console.print(table)


@cli.command()
@click.argument("event_id")
@db_option
def explain(event_id: str, db: Path) -> None:
    """Why an event's reports were joined: sources, per-source values, merge scores."""
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


@cli.command()
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


@cli.command("merge")
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


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for events.parquet and mentions.parquet.",
)
@click.option("--master", default="local[2]", show_default=True, help="Spark master URL.")
@click.option("--policy", type=click.Choice(MERGE_POLICIES), default="conservative")
def spark(inputs: tuple[str, ...], out_dir: Path, master: str, policy: str) -> None:
    """Run extraction and merging on Spark (files, folders, Parquet or JSONL tables)."""
    from dateline.spark import run_spark

    summary = run_spark(list(inputs), out_dir, master=master, policy=policy)
    console.print(
        f"{summary.articles} articles, {summary.mentions} mentions, "
        f"[bold]{summary.events}[/] events -> {summary.output}"
        + (f"; {summary.skipped} skipped, reasons in skips.parquet" if summary.skipped else "")
    )


@cli.command()
@db_option
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to bind; anything but localhost requires a token.",
)
@click.option("--port", default=8765, show_default=True, type=click.IntRange(1, 65535))
@click.option(
    "--token",
    envvar="DATELINE_TOKEN",
    help="Shared secret (or env DATELINE_TOKEN): needed for split/merge, and for "
    "every request when --host exposes the server.",
)
def serve(db: Path, host: str, port: int, token: str | None) -> None:
    """Open the database as a web application (map, timeline, table, evidence)."""
    import uvicorn

    from dateline.web import create_app

    exposed = host not in ("127.0.0.1", "localhost", "::1")
    if exposed and not token:
        raise click.UsageError("--host exposes the server: set --token or DATELINE_TOKEN")
    app = create_app(db, token=token, token_for_reads=exposed)
    console.print(f"dateline on http://{host}:{port}/  (API docs at /docs)")
    uvicorn.run(app, host=host, port=port, log_level="warning")


def main() -> None:
    try:
        cli(standalone_mode=True)
    except DatelineError as exc:
        err.print(f"[red]error[/] {exc}")
        sys.exit(2)
