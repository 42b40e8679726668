"""``find_timexes``: every registered rule proposes spans, the longest win, then each winner
is read against the anchor in text order.

Two phases keep it predictable: which words are a time expression never depends on the
anchor (so the same text always gives the same spans), and reading in text order lets a
financial story's "the quarter" mean the quarter it last named.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass

from dateline.ground.time import (  # noqa: F401  (imported to register their rules)
    grammar_absolute,
    grammar_clock,
    grammar_duration,
    grammar_periods,
    grammar_relative,
)
from dateline.ground.time.rules import RULES, Ctx, Reading, Rule, Unanchored
from dateline.ground.time.timex import Anchor, Timex, to_anchor
from dateline.records import DateInterval

_PREPOSITION = re.compile(
    r"\b(on|in|at|since|by|until|from|during|before|after|of|through|for)\s+$", re.IGNORECASE
)
_PLACEHOLDER = {"DATE": "XXXX-XX-XX", "TIME": "XXXX-XX-XXTXX:XX"}


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    rule: Rule
    match: re.Match[str]


def _candidates(text: str) -> list[_Span]:
    spans = []
    for r in RULES.values():
        for m in r.pattern.finditer(text):
            if m.end() > m.start() and (r.guard is None or r.guard(m, text)):
                spans.append(_Span(m.start(), m.end(), r, m))
    return spans


def _select(spans: list[_Span]) -> list[_Span]:
    """Longest first (ties: rule priority, then position), never overlapping."""
    chosen: list[_Span] = []
    starts: list[int] = []
    for s in sorted(spans, key=lambda s: (s.start - s.end, s.rule.priority, s.start)):
        i = bisect.bisect_left(starts, s.start)
        if i > 0 and chosen[i - 1].end > s.start:
            continue
        if i < len(chosen) and chosen[i].start < s.end:
            continue
        starts.insert(i, s.start)
        chosen.insert(i, s)
    return chosen


def _phrase(text: str, span: _Span) -> str:
    """The expression as a reader would quote it, with its preposition ("on Tuesday")."""
    prep = _PREPOSITION.search(text, max(0, span.start - 12), span.start)
    start = prep.start() if prep else span.start
    return re.sub(r"\s+", " ", text[start : span.end])


def _read_all(text: str, spans: list[_Span], day: dt.date | None) -> list[Reading | None]:
    readings: list[Reading | None] = []
    focus = None
    for s in spans:
        ctx = Ctx(text, s.start, s.end, day, focus)
        try:
            reading = s.rule.read(s.match, ctx)
        except Unanchored:
            reading = Reading(
                s.rule.type, _PLACEHOLDER.get(s.rule.type, "XXXX-XX-XX"), relative=True
            )
        except (ValueError, OverflowError):
            # "2,500 years ago" lands before year 1, which no calendar date can hold: the
            # expression is still reported, with no interval, instead of ending the article
            reading = Reading(s.rule.type, _PLACEHOLDER.get(s.rule.type, "XXXX-XX-XX"))
        if (
            reading
            and reading.period
            and reading.period.unit == "quarter"
            and s.rule.name in ("quarter", "quarter_code")
        ):
            focus = reading.period
        readings.append(reading)
    return readings


def _interval(r: Reading, phrase: str, anchor: Anchor) -> DateInterval | None:
    if r.type in ("DURATION", "SET"):
        return None
    if r.period is None:
        if r.relative and not anchor.known:
            return DateInterval.unknown(f"'{phrase}' is relative and the {anchor.describe()}")
        return DateInterval.unknown(f"'{phrase}' ({r.value}) names no calendar interval")
    start, end = r.period.narrow(r.mod) if r.narrow else (r.period.start, r.period.end)
    if r.relative:
        reason = f"'{phrase}' anchored to {anchor.describe()}"
    else:
        reason = f"'{phrase}' is a calendar date"
    if r.note:
        reason += f" ({r.note})"
    return DateInterval(start, end, r.period.precision, reason)


def _timex(text: str, s: _Span, r: Reading, anchor: Anchor) -> Timex:
    return Timex(
        s.start,
        s.end,
        text[s.start : s.end],
        r.type,
        r.value,
        _interval(r, _phrase(text, s), anchor),
        r.mod,
    )


def _merge_values(a: str, b: str) -> str:
    """Keep what two readings agree on: "2020-11-17" and "2020-11-23" give "2020-11-XX"."""
    if len(a) != len(b):
        return a
    out = [x if x == y else "X" for x, y in zip(a, b, strict=True)]
    return "".join(out)


def _merge(lo: Timex, hi: Timex) -> Timex:
    """A document dated only to an interval: resolve against both ends, keep the envelope."""
    if lo.value == hi.value or lo.interval is None or hi.interval is None:
        return lo
    a, b = lo.interval, hi.interval
    if not (a.is_known and b.is_known):
        return lo
    assert a.start and a.end and b.start and b.end
    start, end = min(a.start, b.start), max(a.end, b.end)
    days = (end - start).days
    precision = "day" if days == 0 else "week" if days < 7 else "month" if days < 31 else "year"
    interval = DateInterval(start, end, precision, a.reason)  # type: ignore[arg-type]
    return Timex(
        lo.start, lo.end, lo.text, lo.type, _merge_values(lo.value, hi.value), interval, lo.mod
    )


def find_timexes(text: str, anchor: DateInterval | dt.date | None) -> list[Timex]:
    """All time expressions in ``text``, sorted by start and non-overlapping.

    Relative expressions are read against ``anchor`` (the publication date, or a date
    interval when only that is known); never against today's date. With no anchor, they are
    still found, with an unknown interval saying why.
    """
    a = to_anchor(anchor)
    spans = _select(_candidates(text))
    lows = _read_all(text, spans, a.low)
    highs = _read_all(text, spans, a.high) if a.known and a.low != a.high else lows
    out = []
    for s, lo, hi in zip(spans, lows, highs, strict=True):
        if lo is None:
            continue
        t = _timex(text, s, lo, a)
        if hi is not lo and hi is not None:
            t = _merge(t, _timex(text, s, hi, a))
        out.append(t)
    return out


def resolve(expression: str, anchor: DateInterval | dt.date | None) -> DateInterval | None:
    """The calendar interval of one expression ("last Tuesday"), or ``None`` if it has none."""
    found = [t for t in find_timexes(expression, anchor) if t.interval is not None]
    if not found:
        return None
    return max(found, key=lambda t: (t.end - t.start, -t.start)).interval
