"""What the commands share: consoles, the common options and the event filter."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.console import Console

from dateline.store import DEFAULT_DB, Store

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


outlet_option = click.option(
    "--outlet",
    metavar="NAME",
    help="Outlet for inputs that name none (e.g. 'Tehran Times'): sources are counted by it.",
)


def read_options(published: str | None, outlet: str | None = None):  # -> ReadOptions
    from dateline.ingest import ReadOptions

    return ReadOptions(published=published, outlet=outlet)


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


def filtered_events(
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
