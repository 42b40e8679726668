"""Property tests: the finder never crashes and its spans are always well formed."""

from __future__ import annotations

import datetime as dt
import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.ground.time import calendar as cal
from dateline.ground.time import find_timexes
from dateline.records import DateInterval

WORDS = [
    "on",
    "Tuesday",
    "evening",
    "last",
    "week",
    "the",
    "third",
    "quarter",
    "Nov.",
    "20",
    ",",
    "2020",
    "20/11/2020",
    "ago",
    "two",
    "years",
    "every",
    "Friday",
    "mid-November",
    "early",
    "since",
    "yesterday",
    "10",
    "p.m.",
    "the",
    "1990s",
    "summer",
    "anniversary",
    "of",
    "May",
    "may",
    "said",
    "will",
    "Christmas",
    "Q3",
    "decade",
    "1/2",
    "-",
    "old",
    "\n",
    "'s",
    "nights",
]
texts = st.one_of(
    st.text(max_size=200),
    st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join),
)
anchors = st.one_of(
    st.none(),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2090, 12, 31)),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2090, 12, 31)).map(
        lambda d: DateInterval(d, d + dt.timedelta(days=6), "week", "a week")
    ),
)


@settings(max_examples=200, deadline=None)
@given(texts, anchors)
def test_spans_are_exact_sorted_and_disjoint(text: str, anchor: object) -> None:
    found = find_timexes(text, anchor)  # type: ignore[arg-type]
    for t in found:
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start : t.end] == t.text
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        if t.type in ("DURATION", "SET"):
            assert t.interval is None
        elif t.interval is not None and t.interval.is_known:
            assert t.interval.start <= t.interval.end  # type: ignore[operator]
            assert t.interval.reason
    for a, b in itertools.pairwise(found):
        assert a.end <= b.start


@settings(max_examples=50, deadline=None)
@given(texts, anchors)
def test_deterministic(text: str, anchor: object) -> None:
    assert find_timexes(text, anchor) == find_timexes(text, anchor)  # type: ignore[arg-type]


@settings(max_examples=100, deadline=None)
@given(st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2080, 12, 31)))
def test_absolute_date_round_trips_through_formats(day: dt.date) -> None:
    """date -> text in several formats -> the same date, whatever the anchor."""
    formats = [
        day.isoformat(),
        f"{day.day} {day:%B} {day.year}",
        f"{day:%B} {day.day}, {day.year}",
        f"{day.day:02d}/{day.month:02d}/{day.year}" if day.day > 12 else day.isoformat(),
    ]
    for text in formats:
        found = find_timexes(f"It happened on {text}.", None)
        assert [t.value for t in found] == [day.isoformat()], text


@given(
    st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2080, 12, 31)),
    st.sampled_from(["day", "week", "month", "quarter", "season", "year", "decade"]),
    st.integers(min_value=-30, max_value=30),
)
def test_period_shift_is_consistent(day: dt.date, unit: str, n: int) -> None:
    p = cal.period_of(unit, day)
    assert p.start <= day <= p.end
    assert p.shift(n).shift(-n) == p
