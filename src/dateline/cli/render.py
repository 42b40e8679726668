"""Rich renderings shared by CLI commands: what a person reads is a table, not a dump."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from rich.table import Table

from dateline.records import Event

_ROLE_MARK = {
    "perpetrator": "",
    "claimant": " (claimed)",
    "suspected": " (suspected)",
    "accused": " (accused)",
    "denier": " (denies)",
    "speaker": " (speaker)",
}


def _date(e: Event) -> str:
    d = e.date
    if not d.is_known:
        return "unknown"
    assert d.start and d.end
    if d.start == d.end:
        return d.start.isoformat()
    return f"{d.start.isoformat()}…{d.end.isoformat()[5:]} ({d.precision})"


def _count(e: Event) -> str:
    parts = []
    for label, c in (("k", e.fatalities), ("w", e.injured)):
        if c is not None:
            parts.append(f"{c.min}{label}" if c.min == c.max else f"{c.min}-{c.max}{label}")
    return " ".join(parts) or "–"


def _actors(e: Event, limit: int = 3) -> str:
    shown = [f"{a.name}{_ROLE_MARK[a.role]}" for a in e.actors if a.role in _ROLE_MARK]
    return "; ".join(shown[:limit]) + (" …" if len(shown) > limit else "")


def _place(e: Event) -> str:
    loc = e.location
    if loc is None:
        return "–"
    where = ", ".join(p for p in (loc.name, loc.admin1, loc.country_code) if p)
    return where if loc.name != loc.admin1 else f"{loc.name}, {loc.country_code or ''}"


def events_table(events: Sequence[Event], title: str = "Events") -> Table:
    table = Table(title=title, show_lines=False, header_style="bold")
    table.add_column("date", no_wrap=True)
    for col in ("type", "where", "who", "toll", "src", "status", "conflicts"):
        table.add_column(col, overflow="fold")
    table.add_column("id", no_wrap=True)
    for e in events:
        status = e.status + (" · background" if e.background else "")
        table.add_row(
            _date(e),
            e.sub_event_type,
            _place(e),
            _actors(e),
            _count(e),
            str(len({s.article_id for s in e.sources})),
            status,
            ", ".join(c.field for c in e.conflicts) or "–",
            e.event_id[:14],
        )
    return table


def skips_table(skips: Sequence[Any]) -> Table:
    table = Table(title="Skipped inputs", header_style="bold")
    table.add_column("file", overflow="fold")
    table.add_column("reason", overflow="fold")
    for s in skips:
        table.add_row(s.path, s.reason)
    return table


def type_counts(events: Sequence[Event]) -> Table:
    table = Table(title="Events by type", header_style="bold")
    table.add_column("sub-event type")
    table.add_column("events", justify="right")
    for name, n in Counter(e.sub_event_type for e in events).most_common():
        table.add_row(name, str(n))
    return table


def key_values(title: str, rows: dict[str, Any]) -> Table:
    table = Table(title=title, show_header=False)
    table.add_column("key", style="bold")
    table.add_column("value", overflow="fold")
    for k, v in rows.items():
        table.add_row(k, str(v))
    return table
