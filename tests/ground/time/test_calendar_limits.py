"""Expressions beyond the calendar (before year 1, after 9999) are found, never fatal."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from dateline.ground.time import find_timexes
from dateline.records import DateInterval

PUBLISHED = DateInterval.day(dt.date(2010, 6, 1), "test")


def test_deep_past_is_reported_without_an_interval() -> None:
    found = find_timexes("The city was founded 2,500 years ago and rebuilt 3 years ago.", PUBLISHED)
    assert [t.text for t in found] == ["2,500 years ago", "3 years ago"]
    assert found[0].interval is not None and found[0].interval.start is None
    assert found[1].interval is not None and found[1].interval.start == dt.date(2007, 1, 1)


@given(
    st.integers(min_value=1, max_value=10**6),
    st.sampled_from(["years ago", "years from now", "months ago", "decades ago", "weeks ago"]),
)
def test_any_distance_in_time_reads_without_error(n: int, unit: str) -> None:
    for timex in find_timexes(f"It happened {n:,} {unit}, officials said.", PUBLISHED):
        if timex.interval is not None and timex.interval.start is not None:
            assert 1 <= timex.interval.start.year <= 9999
