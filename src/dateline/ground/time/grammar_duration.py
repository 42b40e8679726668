"""Lengths and frequencies: "three days" (P3D), "the past two months" (P2M), "16-hour" (PT16H),
"several years" (PXY); "daily" (P1D), "every Friday" (XXXX-WXX-5), "twice a week".

Durations and sets are not dates, so they carry no interval; they are found so that the
dates around them are not misread ("two years" must not become the year 2) and so the
TempEval benchmark sees them.
"""

from __future__ import annotations

import re

from dateline.ground.time.lexicon import alternation, parse_number
from dateline.ground.time.patterns import (
    LEX,
    NUM,
    UNIT,
    VAGUE,
    WEEKDAY,
    B,
    E,
    duration_value,
    unit_name,
    weekday_no,
)
from dateline.ground.time.rules import Ctx, Reading, capitalised, rule

_APPROX = {
    "about": "APPROX",
    "some": "APPROX",
    "roughly": "APPROX",
    "around": "APPROX",
    "approximately": "APPROX",
    "nearly": "LESS_THAN",
    "almost": "LESS_THAN",
    "less than": "LESS_THAN",
    "under": "LESS_THAN",
    "up to": "EQUAL_OR_LESS",
    "more than": "MORE_THAN",
    "at least": "EQUAL_OR_MORE",
}
_APPROX_RE = alternation(_APPROX)
_LEADING = r"past|last|next|first|coming|previous|following|latest|final|remaining|recent"


def _is_age(m: re.Match[str], text: str) -> bool:
    return bool(re.match(r"[-\s]+old\b", text[m.end() : m.end() + 6]))


def _is_duration(m: re.Match[str], text: str) -> bool:
    """Reject what only looks like a length: ages ("6-year-old", "52 years old", which
    annotators leave out), "a second attack" (an ordinal), "a quarter of" (a fraction)."""
    unit = m["unit"].lower()
    n = (m["n"] or "").lower()
    if _is_age(m, text):
        return False
    if re.fullmatch(r"\d{4}", n) and not m.group(0).lower().endswith("s"):
        return False  # "the 1988 quarter" is a year, not 1988 quarters
    if unit.startswith("quarter") and (n in ("a", "an") or "-" in m.group(0)):
        return False
    return not (unit.startswith("second") and not n[:1].isdigit() and n not in ("one", "two"))


@rule(
    "duration",
    rf"{B}(?:(?P<approx>{_APPROX_RE})\s+)?(?:the\s+)?(?:(?P<rel>{_LEADING})\s+)?"
    rf"(?P<n>{NUM}|{VAGUE})(?P<half>[-\s]+and[-\s]+a[-\s]+half|\s+1/2)?"
    rf"(?:\s+(?:more|additional|further|straight|consecutive))?[-\s]+(?P<unit>{UNIT})s?"
    rf"(?:[-\s]+long)?{E}",
    type="DURATION",
    guard=_is_duration,
    priority=40,
)
def duration(m: re.Match[str], ctx: Ctx) -> Reading | None:
    n = parse_number(m["n"])
    if n is not None and m["half"]:
        n += 0.5
    unit = m["unit"].lower()
    unit = unit_name(unit) if unit_name(unit) in LEX.units else unit
    mod = _APPROX.get(re.sub(r"\s+", " ", (m["approx"] or "").lower()))
    return Reading("DURATION", duration_value(n, unit), mod=mod)


_PLURALS = r"years|months|weeks|days|decades|hours|minutes|centuries"


@rule(
    "vague_duration",
    rf"{B}(?:(?P<rel>the\s+past|the\s+last|the\s+next|the\s+coming|coming|recent)\s+)?"
    rf"(?P<unit>{_PLURALS})(?:-long)?{E}",
    type="DURATION",
    guard=lambda m, text: not _is_age(m, text),
    priority=70,
)
def vague_duration(m: re.Match[str], ctx: Ctx) -> Reading | None:
    """ "for years", "decades-long": a length whose count is unknown (PXY)."""
    return Reading("DURATION", duration_value(None, unit_name(m["unit"])))


_SETS = alternation(LEX.sets)


@rule("set_adverb", rf"{B}(?P<w>{_SETS}){E}", type="SET", priority=40)
def set_adverb(m: re.Match[str], ctx: Ctx) -> Reading | None:
    return Reading("SET", LEX.sets[m["w"].lower()])


@rule(
    "every_unit",
    rf"{B}(?:every|each)\s+(?P<other>other\s+)?(?:(?P<n>{NUM})\s+)?(?P<unit>{UNIT})s?{E}",
    type="SET",
    priority=30,
)
def every_unit(m: re.Match[str], ctx: Ctx) -> Reading | None:
    n = parse_number(m["n"]) if m["n"] else 1.0
    if m["other"]:
        n = (n or 1.0) * 2
    return Reading("SET", duration_value(n, unit_name(m["unit"])))


@rule(
    "every_weekday",
    rf"{B}(?:(?:every|each)\s+(?P<wd>{WEEKDAY})|(?P<wds>{WEEKDAY})s)"
    rf"(?:\s+(?P<pod>morning|afternoon|evening|night)s?)?{E}",
    type="SET",
    guard=capitalised("wds"),
    priority=30,
)
def every_weekday(m: re.Match[str], ctx: Ctx) -> Reading | None:
    day = weekday_no(m["wd"] or m["wds"])
    pod = f"T{LEX.parts_of_day[m['pod'].lower()]}" if m["pod"] else ""
    return Reading("SET", f"XXXX-WXX-{day}{pod}")


@rule(
    "times_per",
    rf"{B}(?P<k>once|twice|thrice|{NUM}\s+times)\s+(?:a|an|per|each|every)\s+"
    rf"(?P<unit>{UNIT}){E}",
    type="SET",
    priority=30,
)
def times_per(m: re.Match[str], ctx: Ctx) -> Reading | None:
    return Reading("SET", duration_value(1, unit_name(m["unit"])))


@rule(
    "per_unit",
    rf"(?<=\d\s)(?:a|per)\s+(?P<unit>year|month|week|day|hour){E}"
    rf"|{B}per\s+(?P<unit2>annum|year|month|week|day){E}",
    type="SET",
    priority=50,
)
def per_unit(m: re.Match[str], ctx: Ctx) -> Reading | None:
    unit = (m["unit"] or m["unit2"]).lower()
    return Reading("SET", duration_value(1, "year" if unit == "annum" else unit))
