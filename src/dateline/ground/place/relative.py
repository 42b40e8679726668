"""Relative locations: "50 kilometres west of Baghdad", "near Erbil airport", "in western Iraq".

Each rule reads the words just before a resolved toponym and returns the phrase's start and
a new place: an offset point (precision 2) for distance-and-bearing, the place itself at
precision 2 for "near"/"outskirts of", and a point inside the named part of a country
(precision 3) for "northeastern Syria".
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import replace
from importlib import resources

import yaml

from dateline.ground.place.gazetteer import country_extents
from dateline.ground.place.geo import BEARINGS, offset, part_of_box
from dateline.records import Place


@functools.cache
def distance_words() -> Mapping[str, int]:
    """Number words a distance can be given in: the shared cardinals of
    ``data/extract/number_words.yaml`` and its ``distance`` words ("a few" is 5 km here).

    Read here rather than through ``dateline.extract.lexicon``: grounding sits below
    extraction and must not import it.
    """
    path = resources.files("dateline") / "data" / "extract" / "number_words.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {str(k): int(v) for k, v in {**data["cardinals"], **data["distance"]}.items()}


KM_PER = {
    "km": 1.0,
    "kilometres": 1.0,
    "kilometers": 1.0,
    "kilometre": 1.0,
    "kilometer": 1.0,
    "miles": 1.609344,
    "mile": 1.609344,
    "mi": 1.609344,
}
_DIR = r"(north|south|east|west|north-?east|north-?west|south-?east|south-?west)"
_OFFSET = re.compile(
    r"(?P<num>\d+(?:[.,]\d+)?|a few|several|some|[a-z]+)[\s-]*"
    r"(?P<unit>km|kilomet(?:re|er)s?|miles?|mi)\b[^.;]{0,24}?\s+"
    rf"{_DIR}(?:ern)?\s+of\s+(?:the\s+)?(?:city\s+of\s+|town\s+of\s+)?$",
    re.IGNORECASE,
)
_NEAR = re.compile(
    r"\b(?P<phrase>near|nearby|outside|just outside|close to|on the outskirts of|outskirts of|"
    r"in the vicinity of|vicinity of|" + _DIR + r"\s+of)\s+(?:the\s+)?(?:city\s+of\s+)?$",
    re.IGNORECASE,
)
_PART = re.compile(
    r"\b(?P<dir>(?:north|south)-?(?:east|west)ern|northern|southern|eastern|western|central)"
    r"\s+$",
    re.IGNORECASE,
)
WINDOW = 80


def _number(word: str) -> float | None:
    word = word.lower().replace(",", ".")
    try:
        return float(word)
    except ValueError:
        words = distance_words()
    return float(words[word]) if words.get(word) else None


def relative_place(text: str, start: int, place: Place, feature: str) -> tuple[int, Place] | None:
    """The relative phrase ending at ``start`` (where the toponym begins), if any.

    Returns (phrase start, place) or None when the toponym stands alone.
    """
    if place.latitude is None or place.longitude is None:
        return None
    before = text[max(0, start - WINDOW) : start]
    base = start - len(before)
    if m := _OFFSET.search(before):
        km = _number(m.group("num"))
        bearing = BEARINGS.get(m.group(3).lower().replace("-", ""))
        if km and bearing is not None:
            lat, lon = offset(
                place.latitude, place.longitude, km * KM_PER[m.group("unit").lower()], bearing
            )
            return base + m.start(), replace(
                place, latitude=lat, longitude=lon, precision=2, gazetteer_id=None
            )
    if m := _PART.search(before):
        direction = m.group("dir")
        box = country_extents().get(place.country_code or "") if feature == "country" else None
        if box:
            lat, lon = part_of_box(box, direction)
            return base + m.start(), replace(
                place, latitude=lat, longitude=lon, precision=3, gazetteer_id=None
            )
        if feature in ("admin1", "region"):
            return base + m.start(), replace(place, precision=3)
    if m := _NEAR.search(before):
        return base + m.start(), replace(place, precision=max(place.precision, 2))
    return None


__all__ = ["distance_words", "relative_place"]
