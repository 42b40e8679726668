"""Built-in export formats. Every one is a view of the event record contract.

An exporter takes events and returns the file's bytes, so the CLI can write them to a
file or stdout and the web API can stream them for the current filter alike.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from dateline.records import Event
from dateline.registry import exporters


@exporters.register("jsonl", extension=".jsonl", media_type="application/x-ndjson")
def to_jsonl(events: Sequence[Event]) -> bytes:
    """The contract itself: one JSON object per line."""
    return "".join(json.dumps(e.to_dict(), ensure_ascii=False) + "\n" for e in events).encode()


def flat_row(e: Event) -> dict[str, Any]:
    """One flat row per event: the columns shared by CSV and Parquet."""
    loc = e.location

    def actors(*roles: str) -> str:
        return "; ".join(a.name for a in e.actors if a.role in roles)

    return {
        "event_id": e.event_id,
        "event_type": e.event_type,
        "sub_event_type": e.sub_event_type,
        "status": e.status,
        "background": e.background,
        "date_start": e.date.start.isoformat() if e.date.start else None,
        "date_end": e.date.end.isoformat() if e.date.end else None,
        "date_precision": e.date.precision,
        "date_reason": e.date.reason,
        "location": loc.name if loc else None,
        "country_code": loc.country_code if loc else None,
        "admin1": loc.admin1 if loc else None,
        "latitude": loc.latitude if loc else None,
        "longitude": loc.longitude if loc else None,
        "location_precision": loc.precision if loc else None,
        "perpetrators": actors("perpetrator"),
        "claimants": actors("claimant"),
        "suspected": actors("suspected", "accused"),
        "targets": actors("target", "victim"),
        "fatalities_min": e.fatalities.min if e.fatalities else None,
        "fatalities_max": e.fatalities.max if e.fatalities else None,
        "injured_min": e.injured.min if e.injured else None,
        "injured_max": e.injured.max if e.injured else None,
        "n_sources": len({s.article_id for s in e.sources}),
        "outlets": "; ".join(sorted({s.outlet for s in e.sources if s.outlet})),
        "conflicts": "; ".join(c.field for c in e.conflicts),
        "confidence": e.confidence,
        "evidence": e.evidence[0].text if e.evidence else None,
    }


def _csv(rows: list[dict[str, Any]], columns: Sequence[str]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue().encode()


@exporters.register("csv", extension=".csv", media_type="text/csv")
def to_csv(events: Sequence[Event]) -> bytes:
    rows = [flat_row(e) for e in events]
    return _csv(rows, list(flat_row(events[0])) if events else ["event_id"])


#: ACLED's own column names, so ACLED tooling reads the file unchanged.
ACLED_COLUMNS = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "actor2",
    "iso",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
)
_ACLED_TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3, "unknown": 3}


@exporters.register("acled", extension=".csv", media_type="text/csv")
def to_acled(events: Sequence[Event]) -> bytes:
    """ACLED's CSV layout. Extension types (Diplomacy, Attribution, Security) are kept,
    since ACLED has no home for them; filter on event_type to drop them."""
    rows = []
    for e in events:
        doers = [a.name for a in e.actors if a.role in ("perpetrator", "claimant")] or [
            a.name for a in e.actors if a.role in ("suspected", "accused", "participant", "speaker")
        ]
        others = [a.name for a in e.actors if a.role in ("target", "victim")]
        loc = e.location
        rows.append(
            {
                "event_id_cnty": e.event_id,
                "event_date": e.date.start.isoformat() if e.date.start else "",
                "year": e.date.start.year if e.date.start else "",
                "time_precision": _ACLED_TIME_PRECISION[e.date.precision],
                "event_type": e.event_type,
                "sub_event_type": e.sub_event_type,
                "actor1": doers[0] if doers else "",
                "assoc_actor_1": "; ".join(doers[1:]),
                "actor2": others[0] if others else "",
                "iso": loc.country_code if loc else "",
                "country": loc.country_code if loc else "",
                "admin1": (loc.admin1 or "") if loc else "",
                "location": loc.name if loc else "",
                "latitude": loc.latitude if loc else "",
                "longitude": loc.longitude if loc else "",
                "geo_precision": loc.precision if loc else "",
                "source": "; ".join(sorted({s.outlet or s.article_id for s in e.sources})),
                "source_scale": "",
                "notes": e.evidence[0].text if e.evidence else "",
                "fatalities": e.fatalities.min if e.fatalities else 0,
                "tags": "; ".join(e.tags + (("background",) if e.background else ())),
            }
        )
    return _csv(rows, ACLED_COLUMNS)


@exporters.register("geojson", extension=".geojson", media_type="application/geo+json")
def to_geojson(events: Sequence[Event]) -> bytes:
    """Events with coordinates as points; the full record rides in ``properties``."""
    features = []
    for e in events:
        loc = e.location
        if loc is None or loc.latitude is None or loc.longitude is None:
            continue
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [loc.longitude, loc.latitude]},
                "properties": flat_row(e),
            }
        )
    return json.dumps(
        {"type": "FeatureCollection", "features": features}, ensure_ascii=False
    ).encode()


@exporters.register("parquet", extension=".parquet", media_type="application/octet-stream")
def to_parquet(events: Sequence[Event]) -> bytes:
    """Flat columns plus the full record as JSON, for Spark, pandas and DuckDB users."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [flat_row(e) | {"record": json.dumps(e.to_dict(), ensure_ascii=False)} for e in events]
    empty = pa.table({"event_id": pa.array([], pa.string())})
    table = pa.Table.from_pylist(rows) if rows else empty
    sink = io.BytesIO()
    pq.write_table(table, sink)
    return sink.getvalue()
