"""Casualty counts: golden phrases and a round-trip property."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.extract.counts import best_count, find_counts
from dateline.records import Count


def _count(text: str, field: str) -> Count | None:
    found = best_count(find_counts(text), field)
    if found is not None:
        assert text[found.start : found.end].strip() == text[found.start : found.end]
    return found.count if found else None


@pytest.mark.parametrize(
    ("text", "fatalities", "injured"),
    [
        ("An airstrike killed six Iraqi civilians, including a child.", Count(6, 6), None),
        ("More than 100 civilians have been killed since January.", Count(101, 200), None),
        ("Dozens of protesters were killed in Nasiriyah.", Count(24, 99), None),
        ("The jet crashed, killing all 176 people on board.", Count(176, 176), None),
        ("The drones struck without inflicting any casualties.", Count(0, 0), Count(0, 0)),
        ("A bomb exploded, killing two and wounding five.", Count(2, 2), Count(5, 5)),
        ("At least 10 civilians were killed and 45 injured.", Count(10, 20), Count(45, 45)),
        ("Snipers killed three SDF soldiers and injured another seven.", Count(3, 3), Count(7, 7)),
        ("No injuries were reported.", None, Count(0, 0)),
        ("The roughly 2,500 US troops stationed in Iraq advise local forces.", None, None),
        ("Five Katyusha rockets struck the base on Tuesday.", None, None),
    ],
)
def test_golden_counts(text: str, fatalities: Count | None, injured: Count | None) -> None:
    assert _count(text, "fatalities") == fatalities
    assert _count(text, "injured") == injured


@given(st.integers(min_value=1, max_value=100_000), st.sampled_from(["people", "civilians"]))
def test_exact_number_round_trips(n: int, noun: str) -> None:
    text = f"The blast killed {n:,} {noun} and wounded {n + 1} others."
    assert _count(text, "fatalities") == Count(n, n)
    assert _count(text, "injured") == Count(n + 1, n + 1)
