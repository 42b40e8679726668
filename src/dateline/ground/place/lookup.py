"""Searching the gazetteer by name, from the exact key to looser and looser ones.

Lookups fall back from the exact key to the key without feature words ("Tikrit town"), without
Arabic articles, and to a transliteration skeleton (``names.loose_key``) for the countries in
``index.LOOSE_COUNTRIES``. Results are cached per name: articles repeat their names, and
corpora repeat articles'.
"""

from __future__ import annotations

from dateline.ground.place.entry import GazEntry
from dateline.ground.place.index import NameIndex, _key_of
from dateline.ground.place.names import bare_key, loose_key, name_key, strip_feature_words
from dateline.ground.place.store import postings

#: Shortest skeleton (letters) looked up: "Jalawla" -> "jl" matches too many other places.
MIN_LOOSE = 3


class NameLookup(NameIndex):
    """Lookups over a ``NameIndex``; the base of ``gazetteer.Gazetteer``."""

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
