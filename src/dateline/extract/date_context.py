"""Dates an event takes from the story around its sentence, not from one time expression.

``when_where`` picks the expression that governs a trigger. Narrative sets dates too:
"this comes five months after ..." counts back from the news, "continued for a fifth day"
stretches a day back to the first, "overnight, the governor said on Sunday" is the night
before the day named, and an undated deed told after an old date is history, not news.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from dateline.extract.lexicon import cue_table, number_words
from dateline.extract.when_where import Grounded, dates_a_state, is_background, is_clock
from dateline.ground.time.lexicon import lexicon as time_lexicon
from dateline.records import DateInterval

#: The narrative cues: ``data/extract/date_context_cues.yaml``.
_CUE = cue_table("date_context_cues")


#: Night words the time grammar anchors to the publication date ("overnight" = the night
#: before it): a day the sentence itself names is the better anchor.
_NIGHT = re.compile(r"^(?:overnight|last\s+night)$", re.I)


def night_before_named_day(timex: Any, timexes: list[Any], start: int, end: int) -> Any | None:
    """ "drones attacked a depot overnight, the governor said on Sunday": the night is the one
    before the day the sentence names, not before publication. Returns the named day's
    timex, or None when the sentence names no other single day."""
    if not _NIGHT.match(timex.text.strip()):
        return None
    days = [
        t
        for t in timexes
        if start <= t.start
        and t.end <= end
        and t is not timex
        and t.interval is not None
        and t.interval.precision == "day"
        and not _NIGHT.match(t.text.strip())
    ]
    return days[0] if len({t.interval.start for t in days}) == 1 else None


#: "These developments come five months after the regime ... took control of Deraa": the
#: news of the article happens N units after the event, so the event is N units before
#: publication.
_ELAPSED = _CUE["elapsed"]


def elapsed_before(text: str, draft: Any, anchor: DateInterval) -> Grounded | None:
    """The date of an event told as "(this) comes N months after <event>" in its sentence,
    counted back from ``anchor``: the date of the article's news (its lead event, else the
    publication day)."""
    if anchor.start is None or anchor.end is None:
        return None
    lo, _ = draft.sentence_span
    m = _ELAPSED.search(text, lo, draft.anchor)
    if m is None:
        return None
    word = m["n"].lower()
    n = 1 if word in ("a", "an") else number_words().cardinals.get(word) or int(word)
    pub, unit = anchor.start, m["unit"].lower()
    if unit in ("day", "week"):
        back = dt.timedelta(days=n) if unit == "day" else dt.timedelta(weeks=n)
        start, end = anchor.start - back, anchor.end - back
        precision = "day" if start == end else "week"
    elif unit == "month":
        months = pub.year * 12 + pub.month - 1 - n
        start = dt.date(months // 12, months % 12 + 1, 1)
        nxt = dt.date((months + 1) // 12, (months + 1) % 12 + 1, 1)
        start, end, precision = start, nxt - dt.timedelta(days=1), "month"
    else:
        start, end, precision = dt.date(pub.year - n, 1, 1), dt.date(pub.year - n, 12, 31), "year"
    reason = f"'{m.group(0)}' counted back from {anchor.start.isoformat()} ({anchor.reason})"
    return Grounded(DateInterval(start, end, precision, reason), m.start(), m.end())


#: "The assault continued for a fifth day": an event that has lasted N units by its date.
_ONGOING = _CUE["ongoing"]
#: How far after the trigger such a phrase may stand to be about the trigger's event; before
#: it, only the phrase's own noun counts ("on the fourth day of the [Turkish] offensive").
ONGOING_AFTER = 160
_NOUN_GAP = re.compile(r"\s+(?:(?:the|an?|its|their)\s+)?(?:[\w-]+\s+){0,2}$")
_UNIT_DAYS = {"day": 1, "week": 7, "month": 31}


def ongoing_since(text: str, draft: Any) -> DateInterval | None:
    """The interval of an event told as lasting ("continued for a fifth day") on a given
    day: from the first day it may have begun to that day. Only a single known day is
    extended: the phrase counts from the day the sentence speaks of."""
    date = draft.date
    if date.precision != "day" or date.start is None or date.start != date.end:
        return None
    lo, hi = draft.sentence_span
    trigger_start, trigger_end = draft.cand.trigger_start, draft.cand.trigger_end
    for m in _ONGOING.finditer(text, lo, hi):
        n = _ordinal(m["n"])
        if n is None or n < 2:
            continue
        after = not m["of"] and 0 <= m.start() - trigger_end <= ONGOING_AFTER
        before = bool(m["of"]) and bool(_NOUN_GAP.match(text, m.end(), trigger_start))
        if not (after or before):
            continue
        unit = m["unit"].lower()
        # the N-th day began N - 1 days ago; the N-th week up to 7N - 1 days ago
        back = dt.timedelta(days=n * _UNIT_DAYS[unit] - 1)
        reason = f"'{m.group(0).strip()}' by {date.start.isoformat()}: {date.reason}"
        return DateInterval(date.start - back, date.end, unit, reason)
    return None


def _ordinal(word: str) -> int | None:
    digits = re.match(r"\d+", word)
    if digits:
        return int(digits.group(0))
    return time_lexicon().ordinals.get(word.lower())


#: How far back, in characters, a told date still sets the time of an undated sentence: a
#: few sentences of narrative. Beyond it the story may have moved on without saying so.
NARRATIVE_REACH = 1200


def history_told_before(
    timexes: list[Any], text: str, start: int, end: int, published: DateInterval
) -> Any | None:
    """The old date an undated sentence is told after ("From the moment X announced the
    group on 8 April 2013 ... Banks were looted"), or None.

    A narrative keeps the time its last date set until a new one is given: an undated event
    told after a date long before publication is history of unknown date, not news of the
    week (a feature or a profile recounting 2014 in 2019). Only the latest date in
    ``[start, end)`` counts, so a recent date told in between makes what follows news."""
    if published.precision != "day" or published.start is None:
        return None
    told = [
        t
        for t in timexes
        if max(start, end - NARRATIVE_REACH) <= t.start
        and t.end <= end
        and t.interval is not None
        and t.interval.is_known
        and not is_clock(t.text)
        and not (t.interval.start and t.interval.start > published.start)
        and not dates_a_state(text, t, end)
    ]
    if not told:
        return None
    last = max(told, key=lambda t: t.start)
    return last if is_background(last.interval, published, False) else None


__all__ = [
    "NARRATIVE_REACH",
    "ONGOING_AFTER",
    "elapsed_before",
    "history_told_before",
    "night_before_named_day",
    "ongoing_since",
]
