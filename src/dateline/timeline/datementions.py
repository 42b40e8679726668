"""Day-level date mentions in (PTB-tokenised) news text, resolved against the publication date.

A deliberately small resolver for timeline summarisation: it finds only expressions that
name one day ("April 20 , 2010", "20 April", "on Tuesday", "yesterday") and resolves them
against the article's publication date. The full temporal tagger lives in
``dateline.ground.time``; :func:`find_day_mentions` chooses between the two, so the
timeline benchmark can compare them.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from dateline.ground.time import find_timexes
from dateline.ground.time.lexicon import alternation, lexicon
from dateline.timeline.furniture import furniture_spans

#: Month words -> month number, from the time lexicon shared with ``dateline.ground.time``.
MONTHS: dict[str, int] = lexicon().months
#: Weekday names -> Python weekday (Monday = 0); the lexicon holds ISO numbers (Monday = 1).
WEEKDAYS: dict[str, int] = {name: iso - 1 for name, iso in lexicon().weekdays.items()}
#: Relative day words -> offset from the publication date (dateline lexicon).
RELATIVE: dict[str, int] = {
    "yesterday": -1,
    "last night": -1,
    "today": 0,
    "tonight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "tomorrow": 1,
}

_MONTH = r"(?P<mon>" + alternation(MONTHS) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
# "April 20 , 2010" / "April 20" / "20 April 2010" / "20 April". "May" alone is never a date.
_PATTERNS = (
    re.compile(rf"\b{_MONTH} {_DAY}\b(?: ?, {_YEAR}\b)?", re.IGNORECASE),
    re.compile(rf"\b{_DAY} (?:of )?{_MONTH}\b(?: ,?{_YEAR}\b)?", re.IGNORECASE),
)
_WEEKDAY = re.compile(
    r"\b(?P<mod>last|next|this|on|since|until|by|from)? ?(?P<wd>" + "|".join(WEEKDAYS) + r")\b",
    re.IGNORECASE,
)
_RELATIVE = re.compile(r"\b(?:" + "|".join(RELATIVE) + r")\b", re.IGNORECASE)
#: "mid-March", "in late March 2009", "November 2012": a month (or a third of one) named
#: without a day. A month word must be capitalised, and without a year it needs one of these
#: words in front, so that "may" the verb and "march" the verb are never periods.
_PERIOD = re.compile(
    r"\b(?:(?P<mod>in|since|until|till|by|during|of|last|next|this)\s)?"
    r"(?:(?P<part>early|mid|late)[- ])?"
    rf"(?P<mon>{alternation(MONTHS)})\.?(?! ?[0-3]?\d\b)(?: ,? ?{_YEAR}\b)?",
    re.IGNORECASE,
)
#: Days of the month covered by "early", "mid" and "late".
_PARTS: dict[str, tuple[int, int]] = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
#: A month-day without a year is put in the year that brings it nearest the anchor.
_YEARLESS_WINDOW_DAYS = 183


@dataclass(frozen=True, slots=True)
class DayMention:
    """One expression in ``text[start:end]`` that names the day ``day``."""

    start: int
    end: int
    text: str
    day: dt.date
    explicit: bool  # a calendar date written out, as opposed to "Tuesday" or "yesterday"


def _nearest_year(month: int, day: int, anchor: dt.date) -> dt.date | None:
    """The date with this month/day closest to ``anchor`` (past preferred on ties)."""
    best: dt.date | None = None
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            cand = dt.date(year, month, day)
        except ValueError:
            continue
        if best is None or abs((cand - anchor).days) < abs((best - anchor).days):
            best = cand
    if best is None or abs((best - anchor).days) > _YEARLESS_WINDOW_DAYS:
        return None
    return best


def _calendar(text: str, anchor: dt.date) -> list[DayMention]:
    found: list[DayMention] = []
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            month, day = MONTHS[m["mon"].lower()], int(m["day"])
            try:
                when = (
                    dt.date(int(m["year"]), month, day)
                    if m["year"]
                    else _nearest_year(month, day, anchor)
                )
            except ValueError:
                when = None
            if when is not None:
                found.append(DayMention(m.start(), m.end(), m.group(0), when, True))
    return found


def _weekday(text: str, anchor: dt.date) -> list[DayMention]:
    """Weekdays: the last such day on or before the anchor, or the next one after "next"."""
    found: list[DayMention] = []
    for m in _WEEKDAY.finditer(text):
        target = WEEKDAYS[m["wd"].lower()]
        back = (anchor.weekday() - target) % 7
        mod = (m["mod"] or "").lower()
        if mod == "next" or (mod in ("until", "by") and back):
            when = anchor + dt.timedelta(days=(target - anchor.weekday()) % 7 or 7)
        elif mod == "last" and back == 0:
            when = anchor - dt.timedelta(days=7)
        else:
            when = anchor - dt.timedelta(days=back)
        found.append(DayMention(m.start("wd"), m.end(), m.group("wd"), when, False))
    return found


def _relative(text: str, anchor: dt.date) -> list[DayMention]:
    return [
        DayMention(
            m.start(),
            m.end(),
            m.group(0),
            anchor + dt.timedelta(days=RELATIVE[m.group(0).lower()]),
            False,
        )
        for m in _RELATIVE.finditer(text)
    ]


@dataclass(frozen=True, slots=True)
class PeriodMention:
    """An expression in ``text[start:end]`` naming a stretch of days, ``first`` to ``last``."""

    start: int
    end: int
    text: str
    first: dt.date
    last: dt.date

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.first <= day <= self.last

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1


def find_period_mentions(text: str, anchor: dt.date) -> list[PeriodMention]:
    """Months and thirds of months named without a day ("in mid-March", "November 2012").

    Timelines use these only as a last resort: when a day the timeline must contain (the
    first or last day of its range) is never named to the day, the sentences about the
    shortest period around it are the best the collection says about it. A month without
    a year is the latest such month up to the anchor's month ("next March": the first after).
    """
    found: list[PeriodMention] = []
    for m in _PERIOD.finditer(text):
        word, mod = m["mon"], (m["mod"] or "").lower()
        if not word[0].isupper() or not (m["year"] or mod or m["part"]):
            continue
        month = MONTHS[word.lower()]
        if m["year"]:
            year = int(m["year"])
        elif mod == "next":
            year = anchor.year + (month <= anchor.month)
        else:
            year = anchor.year - (month > anchor.month or (mod == "last" and month == anchor.month))
        last_day = calendar.monthrange(year, month)[1]
        lo, hi = _PARTS.get((m["part"] or "").lower(), (1, last_day))
        first, last = dt.date(year, month, lo), dt.date(year, month, min(hi, last_day))
        found.append(PeriodMention(m.start(), m.end(), m.group(0), first, last))
    return found


def regex_day_mentions(text: str, anchor: dt.date) -> list[DayMention]:
    """Day mentions found by dateline's own patterns, in text order, overlaps removed."""
    found = _calendar(text, anchor) + _weekday(text, anchor) + _relative(text, anchor)
    found.sort(key=lambda d: (d.start, -(d.end - d.start)))
    kept: list[DayMention] = []
    for mention in found:
        if not kept or mention.start >= kept[-1].end:
            kept.append(mention)
    return kept


def ground_day_mentions(text: str, anchor: dt.date) -> list[DayMention]:
    """Day mentions found by the full temporal tagger: every timex resolved to one day."""
    out: list[DayMention] = []
    try:
        timexes = find_timexes(text, anchor)
    except (ValueError, OverflowError):  # e.g. "2,500 years ago" runs off the calendar
        return out
    for tx in timexes:
        iv = tx.interval
        if iv is None or iv.precision != "day" or iv.start is None:
            continue
        explicit = any(ch.isdigit() for ch in tx.text)
        out.append(DayMention(tx.start, tx.end, tx.text, iv.start, explicit))
    return out


def find_day_mentions(text: str, anchor: dt.date, resolver: str = "regex") -> list[DayMention]:
    """Day mentions in ``text`` anchored at ``anchor``.

    ``resolver`` is ``"regex"`` (dateline's patterns above) or ``"ground"`` (the full
    temporal tagger); ``"auto"`` is kept as a synonym of ``"ground"``, from when the tagger
    was optional.

    Dates inside page furniture (comment stamps, bylines, wire datelines; see
    :mod:`dateline.timeline.furniture`) are left out: they date the page, not an event.
    """
    found = (
        ground_day_mentions(text, anchor)
        if resolver in ("ground", "auto")
        else regex_day_mentions(text, anchor)
    )
    stamps = furniture_spans(text)
    if not stamps:
        return found
    return [m for m in found if not any(a <= m.start and m.end <= b for a, b in stamps)]


__all__ = [
    "DayMention",
    "PeriodMention",
    "find_day_mentions",
    "find_period_mentions",
    "ground_day_mentions",
    "regex_day_mentions",
]
