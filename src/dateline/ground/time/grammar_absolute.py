"""Calendar dates written out: "2020-11-20", "20/11/2020", "Nov. 20, 2020", "20 November",
"January 3 this year", "mid-November", "early 2020", "the 1990s", "Christmas", anniversaries.

A date missing its year ("Jan. 5") is completed from the anchor, on the side the sentence's
tense points to; everything else here needs no anchor at all.
"""

from __future__ import annotations

import datetime as dt
import re

from dateutil.easter import easter

from dateline.ground.time import calendar as cal
from dateline.ground.time.lexicon import alternation
from dateline.ground.time.patterns import (
    ABBR_MONTH,
    DAYNUM,
    FULL_MONTH,
    LEX,
    MOD,
    MONTH,
    ORDINAL,
    REL_YEAR,
    WEEKDAY,
    YEAR4,
    B,
    E,
    closest_year,
    day_no,
    mod_of,
    month_no,
    rel_year_offset,
)
from dateline.ground.time.rules import Ctx, Reading, all_of, capitalised, rule

MONTH_ALONE = rf"(?:{FULL_MONTH}|{ABBR_MONTH}\.)"
_WD_PREFIX = rf"(?:(?P<wd>{WEEKDAY}),?\s+(?:the\s+)?)?"


def _day(y: int, m: int, d: int, relative: bool = False, note: str = "") -> Reading | None:
    try:
        return _day_reading(dt.date(y, m, d), relative, note)
    except ValueError:
        return None  # "February 30": not a date, so not a time expression


def _day_reading(d: dt.date, relative: bool, note: str = "") -> Reading:
    return Reading("DATE", d.isoformat(), cal.day(d), relative=relative, note=note)


@rule("iso_date", rf"{B}(?P<y>\d{{4}})-(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}}){E}", priority=10)
def iso_date(m: re.Match[str], ctx: Ctx) -> Reading | None:
    return _day(int(m["y"]), int(m["m"]), int(m["d"]))


@rule("compact_date", rf"{B}(?P<y>(?:19|20)\d\d)(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01]){E}")
def compact_date(m: re.Match[str], ctx: Ctx) -> Reading | None:
    return _day(int(m["y"]), int(m["m"]), int(m["d"]))


@rule(
    "numeric_date",
    rf"{B}(?P<a>\d{{1,2}})(?P<sep>[/.-])(?P<b>\d{{1,2}})(?P=sep)(?P<y>\d{{4}}|\d{{2}}){E}",
    priority=10,
)
def numeric_date(m: re.Match[str], ctx: Ctx) -> Reading | None:
    """Day first ("20/11/2020"), as most of the world writes it; month first only when the
    second number cannot be a month ("11/20/2020")."""
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    if len(m["y"]) == 2:
        y += 1900 if y >= 50 else 2000
    day_, mon = (b, a) if b > 12 else (a, b)
    return _day(y, mon, day_)


def _month_day(m: re.Match[str], ctx: Ctx) -> Reading | None:
    mon, day_ = month_no(m["mon"]), day_no(m["day"])
    if m["year"]:
        return _day(int(m["year"]), mon, day_)
    if m["rel"]:
        return _day(ctx.today.year + rel_year_offset(m["rel"]), mon, day_, relative=True)
    return _day(
        closest_year(mon, day_, ctx.today, ctx.direction, ctx.cued),
        mon,
        day_,
        relative=True,
        note="year taken from the anchor",
    )


_YEAR_TAIL = rf"(?:(?:,\s*|\s+)(?:of\s+)?(?P<year>{YEAR4})|,?\s+(?P<rel>{REL_YEAR}))?"


@rule(
    "month_day",
    rf"{B}{_WD_PREFIX}(?P<mon>{MONTH})\s+(?P<day>{DAYNUM}){_YEAR_TAIL}{E}",
    guard=all_of(capitalised("mon"), capitalised("wd")),
    priority=20,
)
def month_day(m: re.Match[str], ctx: Ctx) -> Reading | None:
    return _month_day(m, ctx)


@rule(
    "day_month",
    rf"{B}{_WD_PREFIX}(?P<day>{DAYNUM})\s+(?:of\s+)?(?P<mon>{MONTH}){_YEAR_TAIL}{E}",
    guard=all_of(capitalised("mon"), capitalised("wd")),
    priority=20,
)
def day_month(m: re.Match[str], ctx: Ctx) -> Reading | None:
    return _month_day(m, ctx)


#: Between the two days of a range: "March 2-3", "2 to 4 March" ("and" is left out: "March 2
#: and 3 people" is not a range).
_DAY_DASH = r"(?:\s*[-\u2013\u2014]\s*|\s+to\s+)"


@rule(
    "month_day_range",
    rf"{B}(?P<mon>{MONTH})\s+(?P<day>{DAYNUM}){_DAY_DASH}(?P<day2>{DAYNUM}){_YEAR_TAIL}{E}",
    guard=capitalised("mon"),
    priority=15,
)
def month_day_range(m: re.Match[str], ctx: Ctx) -> Reading | None:
    return _day_range(m, ctx)


@rule(
    "day_range_month",
    rf"{B}(?P<day>{DAYNUM}){_DAY_DASH}(?P<day2>{DAYNUM})\s+(?:of\s+)?(?P<mon>{MONTH}){_YEAR_TAIL}{E}",
    guard=capitalised("mon"),
    priority=15,
)
def day_range_month(m: re.Match[str], ctx: Ctx) -> Reading | None:
    return _day_range(m, ctx)


def _day_range(m: re.Match[str], ctx: Ctx) -> Reading | None:
    """ "the night of March 2-3": both days, as one interval of day precision; its TimeML
    value is the first day (a value names one calendar unit)."""
    first = _month_day(m, ctx)
    if first is None or first.period is None:
        return None
    start = first.period.start
    try:
        end = start.replace(day=day_no(m["day2"]))
    except ValueError:
        return None
    if end <= start:
        return None
    span = cal.Period("day", start, end, start.isoformat())
    return Reading("DATE", start.isoformat(), span, relative=first.relative, note=first.note)


@rule(
    "month_year",
    rf"{B}(?:(?P<mod>{MOD})[-\s]+)?(?P<mon>{MONTH}),?\s+(?:of\s+)?"
    rf"(?:(?P<year>{YEAR4})|(?P<rel>{REL_YEAR})){E}",
    guard=capitalised("mon"),
    priority=25,
)
def month_year(m: re.Match[str], ctx: Ctx) -> Reading | None:
    mon = month_no(m["mon"])
    if m["year"]:
        p = cal.month(int(m["year"]), mon)
        return Reading("DATE", p.value, p, mod_of(m["mod"]))
    p = cal.month(ctx.today.year + rel_year_offset(m["rel"]), mon)
    return Reading("DATE", p.value, p, mod_of(m["mod"]), relative=True)


@rule(
    "month",
    rf"{B}(?:(?P<mod>{MOD})[-\s]+)?(?:(?P<rel>last|this|next|past|coming)\s+)?"
    rf"(?P<mon>{MONTH_ALONE}){E}",
    guard=capitalised("mon"),
    priority=40,
)
def month(m: re.Match[str], ctx: Ctx) -> Reading | None:
    """A bare month: with a past-tense cue the most recent one not after the anchor, with a
    future cue the next one; with no cue the nearest, leaning to the past."""
    mon, today = month_no(m["mon"]), ctx.today
    rel = (m["rel"] or "").lower()
    if rel == "this":
        y = today.year
    elif rel in ("next", "coming") or (not rel and ctx.direction == "future" and ctx.cued):
        y = today.year if mon >= today.month else today.year + 1
        if rel == "next" and mon == today.month:
            y += 1
    elif rel in ("last", "past") or ctx.cued:
        y = today.year if mon <= today.month else today.year - 1
        if rel in ("last", "past") and mon == today.month:
            y -= 1
    else:
        y = closest_year(mon, None, today, "past", cued=False)
    p = cal.month(y, mon)
    return Reading("DATE", p.value, p, mod_of(m["mod"]), relative=True)


def _plausible_year(m: re.Match[str], text: str) -> bool:
    """Skip numbers that only look like years: "$1990", "1,990", "1990 people", "2000 km"."""
    y = int(m["year"])
    after = text[m.end() : m.end() + 14].lower()
    if re.match(
        r"\s*(?:%|percent|people|troops|km|kilomet|miles|dollars|men|women|pounds|"
        r"tons|feet|metres|meters|members|cases|\w+-\w+)",
        after,
    ):
        return False
    before = text[max(0, m.start() - 6) : m.start()].lower()
    return 1800 <= y <= 2099 or bool(re.search(r"\b(?:in|since|of|by)\s+$", before))


@rule(
    "year",
    rf"{B}(?:(?P<mod>{MOD})[-\s]+)?(?:(?P<fiscal>fiscal)\s+(?:year\s+)?)?(?:the\s+year\s+)?"
    rf"(?P<year>{YEAR4}){E}",
    guard=_plausible_year,
    priority=45,
)
def year(m: re.Match[str], ctx: Ctx) -> Reading | None:
    p = cal.year(int(m["year"]))
    return Reading("DATE", p.value, p, mod_of(m["mod"]))


@rule(
    "decade",
    rf"{B}(?:the\s+)?(?:(?P<mod>{MOD})[-\s]+)?(?:(?P<full>(?:1\d|20)\d0)|'(?P<short>\d0))'?s\b",
    priority=30,
)
def decade(m: re.Match[str], ctx: Ctx) -> Reading | None:
    if m["full"]:
        first = int(m["full"])
    else:
        first = 1900 + int(m["short"])
        if ctx.anchor_day and first + 100 <= ctx.anchor_day.year:
            first += 100  # "the '10s" in a 2020 article
    p = cal.decade(first)
    return Reading("DATE", p.value, p, mod_of(m["mod"]))


@rule(
    "century",
    rf"{B}(?:the\s+)?(?:(?P<mod>{MOD})[-\s]+)?(?:(?P<n>\d{{1,2}})(?:st|nd|rd|th)|(?P<ord>{ORDINAL}))"
    rf"[-\s]+century\b",
    priority=30,
)
def century(m: re.Match[str], ctx: Ctx) -> Reading | None:
    n = int(m["n"]) if m["n"] else LEX.ordinals[m["ord"].lower()]
    p = cal.century((n - 1) * 100)
    return Reading("DATE", p.value, p, mod_of(m["mod"]))


_FIXED = alternation(LEX.holidays)
_MOVABLE = alternation(LEX.movable_holidays)


def _holiday_date(name: str, y: int) -> dt.date:
    n = re.sub(r"\s+", " ", name.lower())
    if n in LEX.holidays:
        return dt.date(y, *LEX.holidays[n])
    if n.startswith("thanksgiving"):  # fourth Thursday of November (US)
        first = dt.date(y, 11, 1)
        return first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)
    if n == "memorial day":  # last Monday of May (US)
        last = dt.date(y, 5, 31)
        return last - dt.timedelta(days=last.weekday())
    if n == "labor day":  # first Monday of September (US)
        first = dt.date(y, 9, 1)
        return first + dt.timedelta(days=(7 - first.weekday()) % 7)
    sunday = easter(y)
    return sunday - dt.timedelta(days=2) if n == "good friday" else sunday


@rule(
    "holiday",
    rf"{B}(?P<name>{_FIXED}|{_MOVABLE})(?:,?\s+(?P<year>{YEAR4}))?{E}",
    guard=capitalised("name"),
    priority=30,
)
def holiday(m: re.Match[str], ctx: Ctx) -> Reading | None:
    if m["year"]:
        return _day_reading(_holiday_date(m["name"], int(m["year"])), relative=False)
    today = ctx.today
    this_year = _holiday_date(m["name"], today.year)
    y = closest_year(this_year.month, this_year.day, today, ctx.direction, ctx.cued)
    return _day_reading(_holiday_date(m["name"], y), relative=True)


_FULL_DATE = re.compile(
    rf"(?P<mon>{MONTH})\s+(?P<day>{DAYNUM}),?\s+(?P<year>{YEAR4})"
    rf"|(?P<day2>{DAYNUM})\s+(?:of\s+)?(?P<mon2>{MONTH}),?\s+(?P<year2>{YEAR4})",
    re.IGNORECASE | re.VERBOSE,
)


def _full_date(m: re.Match[str]) -> dt.date | None:
    mon, d, y = (m["mon"], m["day"], m["year"]) if m["mon"] else (m["mon2"], m["day2"], m["year2"])
    try:
        return dt.date(int(y), month_no(mon), day_no(d))
    except ValueError:
        return None


@rule(
    "anniversary",
    rf"{B}(?:the\s+(?P<unit>day|night|week)\s+(?P<side>after|before)\s+)?"
    rf"the\s+(?:(?P<ord>{ORDINAL})|(?P<n>\d+)(?:st|nd|rd|th))?[-\s]*anniversary"
    rf"(?:\s+of\s+(?:the\s+)?(?P<inner>{_FULL_DATE.pattern}))?",
    priority=5,
)
def anniversary(m: re.Match[str], ctx: Ctx) -> Reading | None:
    """ "the day after the second anniversary of the January 3, 2020 strike": the event's
    date plus n years, then the day after. Without a date inside the phrase, a full date
    elsewhere in the text from n years before the anchor is taken as the event's date."""
    n = (
        (LEX.ordinals[m["ord"].lower()] if m["ord"] else int(m["n"]))
        if (m["ord"] or m["n"])
        else None
    )
    origin: dt.date | None = None
    if m["inner"]:
        origin = _full_date(_FULL_DATE.match(m["inner"]))  # type: ignore[arg-type]
    elif n is not None:
        target_year = ctx.today.year - n
        for other in _FULL_DATE.finditer(ctx.text):
            d = _full_date(other)
            if d and d.year == target_year:
                origin = d
                break
    if origin is None:
        return None
    years = n if n is not None else max(1, (ctx.anchor_day or origin).year - origin.year)
    try:
        d = origin.replace(year=origin.year + years)
    except ValueError:  # 29 February
        d = dt.date(origin.year + years, 2, 28)
    if m["side"]:
        step = 7 if m["unit"].lower() == "week" else 1
        d += dt.timedelta(days=step if m["side"].lower() == "after" else -step)
    note = f"anniversary of {origin.isoformat()}"
    return _day_reading(d, relative=not m["inner"], note=note)
