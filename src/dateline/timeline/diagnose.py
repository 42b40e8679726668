"""Why a timeline missed a gold date: the evidence behind every gold and every chosen day.

Tuning a date ranker on averages hides what goes wrong. For each day that is gold or
chosen, :func:`diagnose_days` gives its place in the ranking and the counts the ranking is
made of, plus a one-line reason, so a failure reads as "never named", "named only before
it happened" or "outranked by a busier day". ``dateline bench t17 --explain`` prints it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from dateline.timeline.tls import RELEVANCE_CUT, Sentence, rank_dates


@dataclass(frozen=True, slots=True)
class DayReport:
    """The evidence for one day of a task, and why it was (not) chosen."""

    day: dt.date
    gold: bool
    chosen: bool
    rank: int | None  # 0-based place in the ranking; None when nothing supports the day
    score: float
    naming: int  # relevant articles naming the day
    explicit: int  # ... with a calendar date
    later: int  # ... published after it (looking back at it)
    published: int  # relevant articles published on it
    reason: str


def _reason(gold: bool, chosen: bool, rank: int | None, naming: int, later: int, cut: int) -> str:
    if gold and chosen:
        return "found"
    if chosen:
        return "chosen, not gold"
    if rank is None:
        return "never named, none published"
    if naming and not later:
        return f"outranked ({cut} kept); never looked back on"
    return f"outranked ({cut} kept)"


def diagnose_days(
    sentences: Sequence[Sentence],
    relevance: dict[str, float],
    gold: Iterable[dt.date],
    chosen: Iterable[dt.date],
) -> list[DayReport]:
    """A :class:`DayReport` for every gold or chosen day, in date order."""
    gold_days, chosen_days = set(gold), set(chosen)
    ranked = rank_dates(sentences, relevance)
    place = {d: (i, s) for i, (d, s) in enumerate(ranked)}
    naming: dict[dt.date, set[str]] = defaultdict(set)
    explicit: dict[dt.date, set[str]] = defaultdict(set)
    later: dict[dt.date, set[str]] = defaultdict(set)
    published: dict[dt.date, set[str]] = defaultdict(set)
    for s in sentences:
        if relevance.get(s.article_id, 1.0) < RELEVANCE_CUT:
            continue
        published[s.published].add(s.article_id)
        for day in s.days:
            naming[day].add(s.article_id)
            if day in s.explicit_days:
                explicit[day].add(s.article_id)
            if s.published > day:
                later[day].add(s.article_id)
    cut = len(gold_days)
    out = []
    for day in sorted(gold_days | chosen_days):
        rank, score = place.get(day, (None, 0.0))
        out.append(
            DayReport(
                day,
                day in gold_days,
                day in chosen_days,
                rank,
                score,
                len(naming[day]),
                len(explicit[day]),
                len(later[day]),
                len(published[day]),
                _reason(
                    day in gold_days,
                    day in chosen_days,
                    rank,
                    len(naming[day]),
                    len(later[day]),
                    cut,
                ),
            )
        )
    return out


__all__ = ["DayReport", "diagnose_days"]
