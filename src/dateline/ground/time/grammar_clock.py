"""Clock times and parts of the anchor day: "10 p.m.", "10:30 a.m. Wednesday", "noon Thursday",
"1400 GMT", "this morning", "last night".

A TIME's interval is its day (day precision): events are dated to the day, the clock time
only survives in the TimeML value ("2020-11-17T22:00").
"""

from __future__ import annotations

import datetime as dt
import re

from dateline.ground.time import calendar as cal
from dateline.ground.time.patterns import (
    DAYNUM,
    LEX,
    MONTH,
    WEEKDAY,
    B,
    E,
    closest_year,
    day_no,
    month_no,
    weekday_date,
    weekday_no,
)
from dateline.ground.time.rules import Ctx, Reading, all_of, capitalised, rule

_DAYWORD = rf"(?:{WEEKDAY}|yesterday|today|tomorrow|tonight)"
_ZONE = r"(?:\s+(?:local\s+time|\(\d{4}\s+GMT\)|GMT|UTC|EST|EDT|CET|[A-Z]{3}\b))?"
_AMPM = r"(?:a\.m\.?|p\.m\.?|am\b|pm\b)"


def _resolve_day(word: str | None, ctx: Ctx) -> dt.date:
    if not word:
        return ctx.today
    w = word.lower()
    offsets = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}
    if w in offsets:
        return ctx.today + dt.timedelta(days=offsets[w])
    return weekday_date(ctx.today, weekday_no(w), ctx.direction)


@rule(
    "clock",
    rf"{B}(?:(?P<d1>{_DAYWORD})\s+(?:at\s+)?)?(?:about\s+|around\s+)?"
    rf"(?:(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<min>[0-5]\d))?\s*(?P<ampm>{_AMPM})"
    rf"|(?P<h24>[01]\d|2[0-3]):?(?P<min24>[0-5]\d)\s+(?:GMT|UTC|local\s+time)"
    rf"|(?P<named>noon|midnight|midday))"
    rf"{_ZONE}(?:,?\s+(?:on\s+)?(?:(?P<d2>{_DAYWORD})|(?P<mon>{MONTH})\s+(?P<day>{DAYNUM})))?"
    rf"(?![\w])",
    type="TIME",
    guard=all_of(capitalised("d2"), capitalised("mon")),
    priority=15,
)
def clock(m: re.Match[str], ctx: Ctx) -> Reading | None:
    if (
        m["d1"]
        and m["d1"][0].islower()
        and m["d1"].lower() not in ("yesterday", "today", "tomorrow", "tonight")
    ):
        return None
    if m["mon"]:
        mon, day_ = month_no(m["mon"]), day_no(m["day"])
        try:
            day = dt.date(closest_year(mon, day_, ctx.today, ctx.direction, ctx.cued), mon, day_)
        except ValueError:
            return None
    else:
        day = _resolve_day(m["d1"] or m["d2"], ctx)
    if m["named"]:
        named = m["named"].lower()
        hhmm = "24:00" if named == "midnight" else "12:00"
    elif m["h24"]:
        hhmm = f"{int(m['h24']):02d}:{m['min24']}"
    else:
        hour = int(m["h"]) % 12 + (12 if m["ampm"].lower().startswith("p") else 0)
        hhmm = f"{hour:02d}:{m['min'] or '00'}"
    p = cal.day(day)
    return Reading("TIME", f"{p.value}T{hhmm}", p, relative=True)


@rule(
    "part_of_day",
    rf"{B}(?P<rel>this|the|last|early\s+this|late\s+this|earlier\s+this)\s+"
    rf"(?P<pod>morning|afternoon|evening|night){E}",
    type="TIME",
    priority=30,
)
def part_of_day(m: re.Match[str], ctx: Ctx) -> Reading | None:
    rel, pod = re.sub(r"\s+", " ", m["rel"].lower()), m["pod"].lower()
    if rel == "the" and pod == "night":
        return None  # "the night" is usually a narrated night, not the anchor's
    day = ctx.today - dt.timedelta(days=1 if rel == "last" else 0)
    if rel == "last" and pod != "night":
        return None  # "last evening" is rare; do not guess
    p = cal.day(day)
    return Reading("TIME", f"{p.value}T{LEX.parts_of_day[pod]}", p, relative=True)


@rule("overnight", rf"{B}overnight{E}", type="TIME", priority=60)
def overnight(m: re.Match[str], ctx: Ctx) -> Reading | None:
    p = cal.day(ctx.today - dt.timedelta(days=1))
    return Reading("TIME", f"{p.value}TNI", p, relative=True)
