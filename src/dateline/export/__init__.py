"""Exports: the event record in other shapes (JSONL, CSV, ACLED CSV, GeoJSON, Parquet)."""

from __future__ import annotations

from collections.abc import Sequence

from dateline.records import Event
from dateline.registry import exporters


def export(events: Sequence[Event], fmt: str) -> bytes:
    """Render ``events`` in the registered format ``fmt``."""
    return exporters.get(fmt).func(events)


__all__ = ["export", "exporters"]
