"""Build the web page's basemap: Natural Earth countries (public domain) as GeoJSON.

Input: ``countries-50m.json`` from the npm package world-atlas@2.0.2 (Natural Earth 1:50m
admin-0 countries as TopoJSON). Run: ``npm pack world-atlas@2.0.2`` and
``python scripts/build_basemap.py package/countries-50m.json``. Coordinates are rounded to
0.01 degree (about 1 km), plenty for a background map, to keep the file small.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src/dateline/web/static/world.geojson"


def decode_arcs(topology: dict) -> list[list[list[float]]]:
    """Quantised, delta-encoded arcs -> absolute lon/lat positions."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append([round(x * sx + tx, 2), round(y * sy + ty, 2)])
        arcs.append(points)
    return arcs


def ring(indices: list[int], arcs: list[list[list[float]]]) -> list[list[float]]:
    """Join arcs into one ring; a negative index means the arc reversed (~index)."""
    out: list[list[float]] = []
    for i in indices:
        points = arcs[i] if i >= 0 else arcs[~i][::-1]
        out.extend(points[1:] if out else points)
    return out


def to_geojson(topology: dict, name: str = "countries") -> dict:
    arcs = decode_arcs(topology)
    features = []
    for geom in topology["objects"][name]["geometries"]:
        if geom["type"] == "Polygon":
            coords = [[ring(r, arcs) for r in geom["arcs"]]]
        elif geom["type"] == "MultiPolygon":
            coords = [[ring(r, arcs) for r in poly] for poly in geom["arcs"]]
        else:
            continue
        features.append(
            {
                "type": "Feature",
                "properties": {"name": geom["properties"]["name"]},
                "geometry": {"type": "MultiPolygon", "coordinates": coords},
            }
        )
    return {
        "type": "FeatureCollection",
        "features": features,
        "source": "Natural Earth 1:50m admin-0 countries (public domain), via world-atlas@2.0.2",
    }


if __name__ == "__main__":
    topo = json.loads(Path(sys.argv[1]).read_text())
    OUT.write_text(json.dumps(to_geojson(topo), separators=(",", ":")))
    print(f"wrote {OUT} ({OUT.stat().st_size // 1024} KB)")
