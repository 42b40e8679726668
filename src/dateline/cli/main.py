"""The ``dateline`` group and its pipeline commands (run, extract, demo, info, spark, serve).

Review commands live in ``cli.review``, read commands in ``cli.views``; all are registered
on the one group here.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from dateline.cli.bench import bench
from dateline.cli.options import (
    DEMO_DIR,
    console,
    db_option,
    err,
    outlet_option,
    published_option,
    read_options,
)
from dateline.cli.render import events_table, key_values, skips_table, type_counts
from dateline.cli.review import explain, merge_cmd, split
from dateline.cli.views import export_cmd, signals, timeline
from dateline.errors import DatelineError
from dateline.pipeline import MERGE_POLICIES, RunConfig
from dateline.store import Store


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="dateline")
def cli() -> None:
    """dateline: news articles in, evidence-backed political-violence events out."""


for command in (bench, explain, split, merge_cmd, export_cmd, timeline, signals):
    cli.add_command(command)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@published_option
@outlet_option
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
    outlet: str | None,
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
        outlet=outlet,
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
    outlet=None,
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
            paths, store, config=config, options=read_options(published, outlet), on_item=tick
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
    if summary.undated:
        err.print(
            f"[yellow]{summary.undated} new article(s) have no publication date[/]: "
            '"on Tuesday" or "last week" cannot be resolved in them, so their events carry '
            "only the dates their text states (give --published DATE if they share one)."
        )


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@published_option
@outlet_option
@click.option(
    "--format", "fmt", type=click.Choice(["jsonl", "table"]), default="jsonl", show_default=True
)
def extract(inputs: tuple[str, ...], published: str | None, outlet: str | None, fmt: str) -> None:
    """Extract events from files (or '-' for stdin) without a database."""
    from dataclasses import replace

    from dateline.ingest import read_text
    from dateline.pipeline import extract as extract_paths
    from dateline.pipeline import extract_from_articles

    # Text given explicitly may be a single paragraph: no minimum length here.
    options = replace(read_options(published, outlet), min_chars=1)
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
