"""Event filters shared by the CLI, the HTTP API, its exports and the web page's URL state.

One ``EventFilter`` turns into one SQL ``WHERE`` clause over the ``events`` table, so the
table, the map, the timeline and the export of a view always show the same events.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from typing import Any

#: Columns the table may be sorted by (anything else is a 422, never SQL).
SORTABLE = (
    "date_start",
    "event_type",
    "sub_event_type",
    "country_code",
    "admin1",
    "fatalities_max",
    "n_sources",
    "n_conflicts",
    "confidence",
    "location_name",
)


@dataclass(frozen=True)
class EventFilter:
    start: dt.date | None = None
    end: dt.date | None = None
    country: str | None = None
    admin1: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor: str | None = None
    status: str | None = None
    background: bool | None = None
    min_sources: int | None = None
    story: str | None = None
    q: str | None = None

    def where(self, actor_names: list[str] | None = None) -> tuple[str, list[Any]]:
        """SQL condition and parameters. ``actor_names`` is the actor with its KB children."""
        clauses: list[str] = []
        params: list[Any] = []

        def add(clause: str, *values: Any) -> None:
            clauses.append(clause)
            params.extend(values)

        if self.start:
            add("date_end >= ?", self.start)
        if self.end:
            add("date_start <= ?", self.end)
        if self.country:
            add("country_code = ?", self.country.upper())
        if self.admin1:
            add("lower(admin1) = lower(?)", self.admin1)
        if self.event_type:
            add("event_type = ?", self.event_type)
        if self.sub_event_type:
            add("sub_event_type = ?", self.sub_event_type)
        if self.status:
            add("status = ?", self.status)
        if self.background is not None:
            add("background = ?", self.background)
        if self.min_sources:
            add("n_sources >= ?", self.min_sources)
        if self.story:
            add("story_id = ?", self.story)
        if self.actor:
            names = [n.lower() for n in (actor_names or [self.actor])]
            add(
                "event_id IN (SELECT event_id FROM actors WHERE lower(name) IN "
                "(SELECT unnest(?)) OR lower(parent) IN (SELECT unnest(?)))",
                names,
                names,
            )
        if self.q:
            add("event_id IN (SELECT event_id FROM evidence WHERE text ILIKE ?)", f"%{self.q}%")
        return " AND ".join(clauses), params

    def as_query(self) -> dict[str, str]:
        """The filter as URL parameters (what the page keeps in its address)."""
        out = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value is not None:
                out[f.name] = str(value).lower() if isinstance(value, bool) else str(value)
        return out
