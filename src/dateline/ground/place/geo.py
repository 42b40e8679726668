"""Spherical geometry for grounding: distances, offsets, and "the western part of" a country."""

from __future__ import annotations

import math

from dateline.records import Place

EARTH_RADIUS_KM = 6371.0088
#: Compass words -> bearing in degrees clockwise from north.
BEARINGS: dict[str, float] = {
    "north": 0,
    "northeast": 45,
    "east": 90,
    "southeast": 135,
    "south": 180,
    "southwest": 225,
    "west": 270,
    "northwest": 315,
    "north-east": 45,
    "south-east": 135,
    "south-west": 225,
    "north-west": 315,
}


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def distance_km(a: Place, b: Place) -> float | None:
    """Distance between two places, or None when either has no coordinates."""
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return None
    assert a.latitude is not None and a.longitude is not None
    assert b.latitude is not None and b.longitude is not None
    return haversine_km(a.latitude, a.longitude, b.latitude, b.longitude)


def offset(lat: float, lon: float, km: float, bearing: float) -> tuple[float, float]:
    """The point ``km`` kilometres from (lat, lon) along ``bearing`` degrees."""
    d, theta = km / EARTH_RADIUS_KM, math.radians(bearing)
    p1, l1 = math.radians(lat), math.radians(lon)
    p2 = math.asin(math.sin(p1) * math.cos(d) + math.cos(p1) * math.sin(d) * math.cos(theta))
    l2 = l1 + math.atan2(
        math.sin(theta) * math.sin(d) * math.cos(p1), math.cos(d) - math.sin(p1) * math.sin(p2)
    )
    return round(math.degrees(p2), 5), round((math.degrees(l2) + 540) % 360 - 180, 5)


def part_of_box(box: tuple[float, float, float, float], direction: str) -> tuple[float, float]:
    """A point in the ``direction`` part ("western", "northeastern", "central") of a box.

    ``box`` is (south, north, west, east). The point sits a quarter of the way in from the
    named edge(s), i.e. in the middle of that part rather than on the border.
    """
    south, north, west, east = box
    lat, lon = (south + north) / 2, (west + east) / 2
    word = direction.lower().replace("-", "")
    if word.startswith("north"):
        lat = north - (north - south) / 4
    elif word.startswith("south"):
        lat = south + (north - south) / 4
    if word.endswith(("east", "eastern")):
        lon = east - (east - west) / 4
    elif word.endswith(("west", "western")):
        lon = west + (east - west) / 4
    return round(lat, 4), round(lon, 4)


__all__ = ["BEARINGS", "distance_km", "haversine_km", "offset", "part_of_box"]
