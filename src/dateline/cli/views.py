"""Read commands: stored events as exports, timelines and escalation signals."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.table import Table

from dateline.cli.options import console, db_option, err, filter_options, filtered_events
from dateline.store import Store


@click.command("export")
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
    events = filtered_events(db, **filters)
    data = export(events, fmt)
    if out:
        out.write_bytes(data)
        err.print(f"wrote {len(events)} events to {out} ({fmt})")
    else:
        sys.stdout.buffer.write(data)


@click.command()
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

    events = filtered_events(db, **filters)
    with Store(db, read_only=True) as store:
        articles = store.articles({s.article_id for e in events for s in e.sources})
    text = render_timeline(build_timeline(events, articles, max_entries=max_entries), fmt)
    if out:
        out.write_text(text)
        err.print(f"wrote {out}")
    else:
        click.echo(text)


@click.command()
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

    found = compute_signals(filtered_events(db, **filters))
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
