"""Parts of a year: quarters ("the third quarter", "Q3 2020", "fourth-quarter"), halves,
and seasons ("last summer", "the winter of 2019").

A quarter without a year belongs to the anchor's year. "the quarter" and "the latest
quarter" mean the quarter the story is about (the last one named), or else the last
complete quarter before the anchor, which is what a results story reports.
"""

from __future__ import annotations

import datetime as dt
import re

from dateline.ground.time import calendar as cal
from dateline.ground.time.patterns import (
    LEX,
    MOD,
    SEASON,
    YEAR4,
    B,
    E,
    mod_of,
    rel_year_offset,
)
from dateline.ground.time.rules import Ctx, Reading, rule

_QORD = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "final": 4,
    "last": 4,
}
_YEARISH = rf"(?:fiscal\s+)?(?:{YEAR4}|this\s+year|last\s+year|next\s+year|the\s+year)"


def _year_of(text: str | None, ctx: Ctx) -> tuple[int, bool]:
    """Year named by "1989", "fiscal 1989", "last year", "this year's" (and if it is relative)."""
    if text:
        digits = re.search(r"\d{4}", text)
        if digits:
            return int(digits.group()), False
        return ctx.today.year + rel_year_offset(text), True
    return ctx.today.year, True


@rule(
    "quarter",
    rf"{B}(?:the\s+)?(?:(?P<rel>latest|current|same|previous|fiscal|recent)\s+)?"
    rf"(?:(?P<yr>{_YEARISH})(?:'s)?\s+)?(?:fiscal\s+)?"
    rf"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final)[-\s]+quarter"
    rf"(?:\s+of\s+(?P<yr2>{_YEARISH}))?{E}",
    priority=20,
)
def quarter(m: re.Match[str], ctx: Ctx) -> Reading | None:
    y, relative = _year_of(m["yr"] or m["yr2"], ctx)
    p = cal.quarter(y, _QORD[m["ord"].lower()])
    if (
        not (m["yr"] or m["yr2"])
        and p.start > ctx.today
        and not (ctx.direction == "future" and ctx.cued)
    ):
        p = p.shift(-4)  # "fourth-quarter profit" in a January story: last year's
    return Reading("DATE", p.value, p, relative=relative)


@rule("quarter_code", rf"{B}Q(?P<q>[1-4])(?:\s+(?P<yr>{YEAR4}))?{E}", priority=20)
def quarter_code(m: re.Match[str], ctx: Ctx) -> Reading | None:
    if not m["q"] or m.group(0)[0] != "Q":
        return None
    y, relative = _year_of(m["yr"], ctx)
    p = cal.quarter(y, int(m["q"]))
    return Reading("DATE", p.value, p, relative=relative)


@rule(
    "the_quarter",
    rf"{B}(?:the|this|last|next)\s+(?:(?P<rel>latest|current|most\s+recent|recent|previous|"
    rf"last|fiscal)\s+)?(?:quarter|period){E}",
    priority=40,
)
def the_quarter(m: re.Match[str], ctx: Ctx) -> Reading | None:
    text = m.group(0).lower()
    if text.endswith("period") and not m["rel"]:
        return None  # "the period" alone is too vague to be a time expression
    if ctx.focus_quarter is not None and "next" not in text and not text.startswith("last"):
        # "the quarter", "this quarter's loss": the quarter the story is about
        p = ctx.focus_quarter
    else:
        current = cal.period_of("quarter", ctx.today)
        p = current.shift(-1)
        if text.startswith("this") or "current" in text:
            p = current
        elif text.startswith("next"):
            p = current.shift(1)
    return Reading("DATE", p.value, p, relative=True)


@rule(
    "year_period",
    rf"{B}the\s+(?P<yr>{YEAR4})\s+(?P<what>quarter|period|first\s+half|second\s+half){E}",
    priority=20,
)
def year_period(m: re.Match[str], ctx: Ctx) -> Reading | None:
    """ "the 1988 period" in a results story: the story's quarter, in that year."""
    y = int(m["yr"])
    what = m["what"].lower()
    if what.endswith("half"):
        p = cal.half(y, 1 if what.startswith("first") else 2)
    elif ctx.focus_quarter is not None:
        p = cal.quarter(y, int(ctx.focus_quarter.value[-1]))
    else:
        p = cal.year(y)
    return Reading("DATE", p.value, p)


@rule(
    "half", rf"{B}the\s+(?P<ord>first|second)\s+half(?:\s+of\s+(?P<yr>{_YEARISH}))?{E}", priority=25
)
def half(m: re.Match[str], ctx: Ctx) -> Reading | None:
    y, relative = _year_of(m["yr"], ctx)
    p = cal.half(y, 1 if m["ord"].lower() == "first" else 2)
    return Reading("DATE", p.value, p, relative=relative)


def _season_guard(m: re.Match[str], text: str) -> bool:
    """Bare "fall" and "spring" are verbs and nouns too; want a year or a determiner."""
    if m["s"].lower() in ("fall", "spring"):
        return bool(m["rel"] or m["year"] or m["the"])
    return True


def _start(p: cal.Period) -> dt.date:
    return p.start


@rule(
    "season",
    rf"{B}(?:(?P<mod>{MOD})[-\s]+)?(?P<the>the\s+|this\s+)?"
    rf"(?:(?P<rel>last|next|past|coming)\s+)?(?P<s>{SEASON})"
    rf"(?:,?\s+(?:of\s+)?(?P<year>{YEAR4}))?{E}",
    guard=_season_guard,
    priority=30,
)
def season(m: re.Match[str], ctx: Ctx) -> Reading | None:
    """ "last summer": the latest summer before the current season; "this winter": the one
    containing the anchor or nearest on the tense's side."""
    code = LEX.seasons[m["s"].lower()]
    mod = mod_of(m["mod"])
    if m["year"]:
        p = cal.season(int(m["year"]), code)
        return Reading("DATE", p.value, p, mod)
    today = ctx.today
    rel = (m["rel"] or "").lower()
    current = cal.season_of(today)
    candidates = [
        cal.season(y, code) for y in (today.year - 2, today.year - 1, today.year, today.year + 1)
    ]
    if m["the"] and m["the"].lower().startswith("this") and not rel:
        p = cal.season(today.year - 1 if code == "WI" and today.month <= 2 else today.year, code)
    elif rel in ("last", "past"):
        p = max((c for c in candidates if c.end < current.start), key=_start)
    elif rel in ("next", "coming"):
        p = min((c for c in candidates if c.start > current.end), key=_start)
    elif ctx.direction == "future" and ctx.cued:
        p = min((c for c in candidates if c.end >= today), key=_start)
    else:
        p = max((c for c in candidates if c.start <= today), key=_start)
    return Reading("DATE", p.value, p, mod, True)
