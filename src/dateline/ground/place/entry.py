"""``GazEntry``: one place the gazetteer knows, and how precise a location it names.

Kept apart from the index so the ranking and resolving code can name the type without the
machinery that loads and searches the shipped data.
"""

from __future__ import annotations

from dataclasses import dataclass

from dateline.records import Place

#: Features that name a point (precision 1) rather than an area.
POINT_FEATURES = frozenset({"city", "base", "airport", "field", "landmark"})
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
