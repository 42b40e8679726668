"""Finding calendar dates written out in text: the expressions publication dates use.

Only complete, unambiguous forms are recognised here ("Friday 20/11/2020", "January 3, 2021",
"3 Jan 2021", "2021-01-03"), plus month-and-day for datelines whose year comes from elsewhere.
Relative expressions ("on Wednesday") are the extraction stage's business, not ingest's.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from dateline.ground.time.lexicon import alternation, lexicon

#: Month names and abbreviations -> month number, from the time lexicon (one list for the
#: whole project, so a new spelling is learnt by ingest and grounding alike).
MONTHS: dict[str, int] = lexicon().months
_MONTH = r"(?P<mon>" + alternation(MONTHS) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAY = (
    r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?,?\s+)?"
)

#: Full dates, most specific first; each names its groups day/mon/year (or d1/d2 for numeric).
FULL_DATE_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"\b" + _YEAR + r"-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b",
        r"\b" + _WEEKDAY + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + r"\b",
        r"\b" + _WEEKDAY + _DAY + r"\s+(?:of\s+)?" + _MONTH + r",?\s+" + _YEAR + r"\b",
        r"\b" + _WEEKDAY + r"(?P<d1>[0-3]?\d)[/.](?P<d2>[0-3]?\d)[/.]" + _YEAR + r"\b",
    )
)
#: Month and day without a year, as in "BAGHDAD, Jan 5 (Reuters) -".
MONTH_DAY_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"\b" + _WEEKDAY + _MONTH + r"\s+" + _DAY + r"\b",
        r"\b" + _WEEKDAY + _DAY + r"\s+" + _MONTH + r"(?!\w)",
    )
)
_MONTH_YEAR_RE = re.compile(r"^\s*" + _MONTH + r",?\s+" + _YEAR + r"\s*$", re.IGNORECASE)
YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A date found in text, with its span and a note on how an ambiguity was settled."""

    date: dt.date
    start: int
    end: int
    text: str
    note: str = ""


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _numeric(d1: int, d2: int, year: int) -> tuple[dt.date | None, str]:
    """20/11/2020 is day-first; 11/20/2020 can only be month-first; 03/04 is read day-first."""
    if d2 > 12 >= d1:
        return _safe_date(year, d1, d2), "month-first because the second number exceeds 12"
    note = "" if d1 > 12 or d1 == d2 else "read day-first (international order)"
    return _safe_date(year, d2, d1), note


def _from_match(m: re.Match[str]) -> DateMatch | None:
    groups = m.groupdict()
    year = int(groups["year"])
    note = ""
    if groups.get("d1"):
        date, note = _numeric(int(groups["d1"]), int(groups["d2"]), year)
    elif groups.get("month"):
        date = _safe_date(year, int(groups["month"]), int(groups["day"]))
    else:
        date = _safe_date(year, MONTHS[groups["mon"].lower()], int(groups["day"]))
    if date is None:
        return None
    return DateMatch(date, m.start(), m.end(), m.group(0), note)


def find_full_dates(text: str) -> list[DateMatch]:
    """Every complete date in ``text``, in reading order, overlapping matches removed."""
    found: list[DateMatch] = []
    for pattern in FULL_DATE_PATTERNS:
        for m in pattern.finditer(text):
            match = _from_match(m)
            if match and not any(f.start < match.end and match.start < f.end for f in found):
                found.append(match)
    return sorted(found, key=lambda f: f.start)


def find_month_day(text: str) -> Iterator[tuple[int, int, re.Match[str]]]:
    """(month, day, match) for every month-and-day expression without a year."""
    for pattern in MONTH_DAY_PATTERNS:
        for m in pattern.finditer(text):
            day = int(m.group("day"))
            if 1 <= day <= 31:
                yield MONTHS[m.group("mon").lower()], day, m


def parse_month_year(text: str) -> tuple[int, int] | None:
    """(year, month) for a value that is only "January 2022"."""
    m = _MONTH_YEAR_RE.match(text)
    return (int(m.group("year")), MONTHS[m.group("mon").lower()]) if m else None
