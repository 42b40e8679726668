"""Where two reports happened, compared: distances and the place feature.

Split from :mod:`.features` (which re-exports these names): a point, a town, an admin1
region and a country are compared at their own precision, so "a base in western Iraq" is
compatible with "Ain al-Asad air base" and two towns 60 km apart are not one place.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dateline.merge.features import Profile

EARTH_KM = 6371.0
NEUTRAL = 0.5
#: Radius within which a place of each precision is compatible with a point.
RADIUS_KM = {1: 25.0, 2: 60.0, 3: 400.0}


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def distance_km(a: Profile, b: Profile) -> float:
    """:func:`haversine_km` of two profiles with coordinates, bit for bit, reusing the
    radians and cosines computed once per profile (this runs for most candidate pairs)."""
    assert a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None
    dl = math.radians(b.lon - a.lon)
    h = math.sin((b.lat_rad - a.lat_rad) / 2) ** 2 + a.lat_cos * b.lat_cos * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def place_score(a: Profile, b: Profile) -> tuple[float, float | None, bool]:
    """(score, distance_km or None, region_compatible)."""
    if not (a.country or a.place) or not (b.country or b.place):
        return NEUTRAL, None, True
    if a.country and b.country and a.country != b.country:
        return 0.0, None, False
    distance = None
    if a.lat is not None and b.lat is not None:
        distance = distance_km(a, b)
    if a.place and a.place == b.place:
        return 1.0, distance, True
    # Two provinces are two places, except around a city that is a province of its own: its
    # suburbs lie in the province around it (Douma, Rif Dimashq, is 12 km from Damascus).
    if (
        a.admin1
        and b.admin1
        and a.admin1 != b.admin1
        and min(a.place_precision, b.place_precision) <= 2
        and not (
            (a.city_province or b.city_province)
            and distance is not None
            and distance <= RADIUS_KM[1]
        )
    ):
        return 0.1, distance, False
    if distance is not None:
        radius = max(RADIUS_KM[a.place_precision], RADIUS_KM[b.place_precision])
        if distance > radius:
            return 0.1, distance, False
        if a.is_point and b.is_point:
            return max(0.3, 1.0 - distance / 50.0), distance, True
        return 0.7, distance, True
    # No coordinates to compare: same admin1, or a region-level place, is compatible.
    coarse = max(a.place_precision, b.place_precision) >= 2
    if a.admin1 and a.admin1 == b.admin1:
        return 0.75, distance, True
    return (0.6 if coarse else 0.35), distance, True
