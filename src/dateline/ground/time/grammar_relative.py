"""Dates relative to the anchor: "yesterday", "on Tuesday", "last week", "earlier this month",
"two years ago", "a year earlier", "now", "recently".

Each reader asks ``ctx.today`` for the anchor day; when the document date is unknown that
raises ``Unanchored`` and the finder records the expression with an unknown interval.
"""

from __future__ import annotations

import datetime as dt
import re

from dateline.ground.time import calendar as cal
from dateline.ground.time.lexicon import alternation, parse_number
from dateline.ground.time.patterns import (
    LEX,
    MOD,
    NUM,
    UNIT,
    VAGUE,
    WEEKDAY,
    B,
    E,
    duration_value,
    mod_of,
    unit_name,
    weekday_date,
    weekday_no,
)
from dateline.ground.time.rules import Ctx, Reading, capitalised, rule

_DEICTIC = {
    "yesterday": -1,
    "today": 0,
    "tonight": 0,
    "tomorrow": 1,
    "the day before yesterday": -2,
    "the day after tomorrow": 2,
}
_POD = alternation(k for k in LEX.parts_of_day if k not in ("midday", "noon", "overnight"))


def _with_pod(day: dt.date, pod: str | None, type_: str = "DATE") -> Reading:
    """A day, or a part of it ("Tuesday evening" keeps day precision, value 2022-01-04TEV)."""
    p = cal.day(day)
    if not pod:
        return Reading("DATE", p.value, p, relative=True)
    code = LEX.parts_of_day[pod.lower()]
    return Reading(type_, f"{p.value}T{code}", p, relative=True)  # type: ignore[arg-type]


@rule(
    "deictic_day",
    rf"{B}(?:(?P<mod>early|late)\s+)?(?P<word>{alternation(_DEICTIC)})"
    rf"(?:\s+(?P<pod>{_POD}))?{E}",
    priority=20,
)
def deictic_day(m: re.Match[str], ctx: Ctx) -> Reading | None:
    word = re.sub(r"\s+", " ", m["word"].lower())
    day = ctx.today + dt.timedelta(days=_DEICTIC[word])
    r = _with_pod(day, m["pod"], "TIME")
    return Reading(r.type, r.value, r.period, mod_of(m["mod"]), True)


_REL = r"last|this|next|this\s+coming|coming|past|the\s+previous|previous"


@rule(
    "weekday",
    rf"{B}(?:(?P<mod>early|late)\s+)?(?:(?P<rel>{_REL})\s+)?(?P<wd>{WEEKDAY})"
    rf"(?:\s+(?P<pod>{_POD}|overnight))?{E}",
    guard=capitalised("wd"),
    priority=30,
)
def weekday(m: re.Match[str], ctx: Ctx) -> Reading | None:
    """ "Tuesday" in news is the past week (or today) unless the sentence looks ahead."""
    rel = re.sub(r"\s+", " ", m["rel"].lower()) if m["rel"] else None
    rel = "last" if rel and rel.endswith("previous") else rel
    day = weekday_date(ctx.today, weekday_no(m["wd"]), ctx.direction, rel)
    r = _with_pod(day, m["pod"])
    return Reading(r.type, r.value, r.period, mod_of(m["mod"]), True)


_UNIT_WORDS = r"week|weekend|month|year|decade|century|quarter"
_SHIFT = {
    "last": -1,
    "past": -1,
    "previous": -1,
    "this": 0,
    "current": 0,
    "next": 1,
    "coming": 1,
    "following": 1,
}


@rule(
    "this_unit",
    rf"{B}(?:(?P<mod>{MOD})\s+)?(?P<the>the\s+)?"
    rf"(?P<rel>this|last|next|previous|following|coming|current|past)\s+"
    rf"(?P<unit>{_UNIT_WORDS}){E}",
    priority=30,
)
def this_unit(m: re.Match[str], ctx: Ctx) -> Reading | None:
    """ "last week" is the ISO week before the anchor's; "the past week" is a length (P1W)."""
    rel, unit = m["rel"].lower(), m["unit"].lower()
    if (rel == "past" or (m["the"] and rel in ("last", "next", "coming"))) and not m["mod"]:
        return Reading("DURATION", f"P1{LEX.units[unit]}")
    if unit == "weekend":
        return _weekend(ctx, rel)
    p = cal.period_of(unit, ctx.today).shift(_SHIFT[rel])
    if unit == "week" and rel in ("last", "previous") and ctx.today.isoweekday() == 7:
        p = _week_just_ended(ctx.today)
    mod = mod_of(m["mod"])
    cut = (m["mod"] or "").lower() in ("earlier", "later")
    return Reading(
        "DATE", p.value, _before_anchor(p, m["mod"], ctx.today), mod, True, narrow=not cut
    )


def _week_just_ended(sunday: dt.date) -> cal.Period:
    """ "Last week" written on a Sunday is either reading: the ISO week before (TimeML's
    value, kept) or the week now ending, as in a Sunday paper's "celebrations in Sochi last
    week" for a Thursday summit. The interval covers both, up to the day before."""
    before = cal.week(sunday).shift(-1)
    return cal.Period("week", before.start, sunday - dt.timedelta(days=1), before.value)


def _before_anchor(p: cal.Period, mod_word: str | None, today: dt.date) -> cal.Period:
    """ "earlier this month" cannot be after the anchor; "later this year" cannot be before."""
    w = (mod_word or "").lower()
    if w == "earlier" and p.start < today <= p.end:
        return cal.Period(p.unit, p.start, today, p.value)
    if w == "later" and p.start <= today < p.end:
        return cal.Period(p.unit, today, p.end, p.value)
    return p


def _weekend(ctx: Ctx, rel: str) -> Reading:
    today = ctx.today
    p = cal.weekend(today)
    if rel in ("last", "past", "previous") or (
        rel in ("this", "the") and ctx.direction == "past" and today < p.start
    ):
        p = p.shift(-1)
    elif rel in ("next", "coming", "following") and today >= p.start:
        p = p.shift(1)
    return Reading("DATE", p.value, p, relative=True)


@rule("the_weekend", rf"{B}the\s+weekend{E}", priority=35)
def the_weekend(m: re.Match[str], ctx: Ctx) -> Reading | None:
    return _weekend(ctx, "the" if ctx.direction == "past" else "coming")


_AGO_GRANULE = {
    "day": "day",
    "week": "week",
    "weekend": "week",
    "month": "month",
    "quarter": "quarter",
    "year": "year",
    "decade": "year",
    "century": "year",
    "hour": "day",
    "minute": "day",
    "second": "day",
}
_AGO_DIR = r"ago|earlier|before|later|after|from\s+now|hence|back"


@rule(
    "ago",
    rf"{B}(?:(?P<approx>about|some|nearly|almost|roughly|around|more\s+than|less\s+than|over|"
    rf"just|only)\s+)?(?P<n>{NUM}|{VAGUE})[-\s]+(?P<unit>{UNIT})s?(?P<orso>\s+or\s+so)?\s+"
    rf"(?P<dir>{_AGO_DIR}){E}",
    priority=15,
)
def ago(m: re.Match[str], ctx: Ctx) -> Reading | None:
    """ "two years ago" is the year two before the anchor's; "a year earlier" in a story about
    a quarter's results is the same quarter a year before (TimeBank's financial news)."""
    n = parse_number(m["n"])
    unit = unit_name(m["unit"])
    direction_word = m["dir"].lower()
    if direction_word in ("later", "after", "before"):
        # "three days later", "a month after the raid": counted from another event, not from
        # the anchor, so only the length is known (annotators mark these as durations)
        return Reading("DURATION", duration_value(n if n is not None else None, unit))
    sign = -1 if direction_word in ("ago", "earlier", "back") else 1
    if n is None or not float(n).is_integer():
        ref = "PAST_REF" if sign < 0 else "FUTURE_REF"
        return Reading("DATE", ref, relative=True)
    steps = int(n) * sign
    mod = "APPROX" if (m["approx"] or m["orso"]) else None
    if unit in ("year", "quarter") and ctx.focus_quarter is not None:
        p = ctx.focus_quarter.shift(steps * (4 if unit == "year" else 1))
        return Reading("DATE", p.value, p, mod, True, note="same quarter as the story's")
    if unit in ("decade", "century"):
        steps *= 10 if unit == "decade" else 100
    if unit in ("hour", "minute", "second"):
        steps = 0 if unit != "hour" else -(-int(n) // 24) * sign
    p = cal.period_of(_AGO_GRANULE[unit], ctx.today)
    if p.unit == "day" or p.unit == "week":
        step_days = {"day": 1, "week": 7}[unit] if unit in ("day", "week") else 1
        p = cal.period_of(p.unit, ctx.today + dt.timedelta(days=steps * step_days))
    else:
        p = p.shift(steps)
    return Reading("DATE", p.value, p, mod, True)


@rule(
    "year_ago_adj",
    rf"{B}(?:the\s+(?P<adj1>year-ago|year-earlier|prior-year|year-before)\s+(?:quarter|period)"
    rf"|(?P<adj2>year-ago|year-earlier)){E}",
    priority=20,
)
def year_ago_adj(m: re.Match[str], ctx: Ctx) -> Reading | None:
    if ctx.focus_quarter is not None:
        p = ctx.focus_quarter.shift(-4)
    else:
        p = cal.year(ctx.today.year - 1)
    return Reading("DATE", p.value, p, relative=True)


_REFS = {
    **{w: "PRESENT_REF" for w in LEX.present_ref},
    **{w: "PAST_REF" for w in LEX.past_ref},
    **{w: "FUTURE_REF" for w in LEX.future_ref},
}


@rule("reference", rf"{B}(?P<w>{alternation(_REFS)}){E}", priority=60)
def reference(m: re.Match[str], ctx: Ctx) -> Reading | None:
    """ "now" is the anchor day; "recently" and "the future" have no calendar interval."""
    value = _REFS[re.sub(r"\s+", " ", m["w"].lower())]
    if value == "PRESENT_REF" and ctx.anchor_day is not None:
        return Reading("DATE", value, cal.day(ctx.anchor_day), relative=True)
    return Reading("DATE", value, relative=True)
