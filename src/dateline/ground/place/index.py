"""The gazetteer's name index: prebuilt keys from ``gazetteer.bin`` plus entries added at load.

Rows are read lazily: the prebuilt indexes map a name key to row numbers, and a row becomes a
``GazEntry`` only when a lookup touches its chunk, which keeps loading well under a second.
Entries added at load time (countries, ``places.tsv``, aliases) are indexed here too, under
their exact key and under the fallback keys the prebuilt file already holds for its own rows:
the key without Arabic articles, and the transliteration skeleton (``names.loose_key``) for the
countries in ``LOOSE_COUNTRIES``. Searching these keys is ``lookup.NameLookup``'s job.
"""

from __future__ import annotations

from pathlib import Path

from dateline.ground.place.entry import GazEntry
from dateline.ground.place.names import ARTICLES, bare_key, loose_key, name_key
from dateline.ground.place.store import SortedIndex, Store, postings

#: Countries whose names vary mostly by transliteration: also indexed by ``loose_key``.
LOOSE_COUNTRIES = frozenset(
    {"IQ", "SY", "IR", "LB", "YE", "TR", "JO", "SA", "KW", "PS", "IL", "EG", "AF"}
)


def _key_of(name: str) -> str:
    """Index key; abbreviations written with a final period keep it ("Ill." is not "Ill")."""
    return name_key(name) + "." if name.endswith(".") else name_key(name)


class NameIndex:
    """Name key -> rows, and rows -> ``GazEntry``; the base of ``gazetteer.Gazetteer``."""

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

    def __len__(self) -> int:
        return len(self._rows)
