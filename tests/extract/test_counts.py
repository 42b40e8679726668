"""Casualty counts: golden phrases and a round-trip property."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.extract.counts import MAX_EVENT_TOLL, best_count, find_counts
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
        ("No injuries were reported.", Count(0, 0), Count(0, 0)),  # nobody hurt: none dead
        ("The roughly 2,500 US troops stationed in Iraq advise local forces.", None, None),
        ("Five Katyusha rockets struck the base on Tuesday.", None, None),
        # the tail of a larger number or quantity is no toll of its own
        ("More than 400,000 people have been killed since 2011.", None, None),
        ("Tens of thousands of civilians lost their lives in the war.", None, None),
        ("Gunmen killed 1,200 villagers in Borno.", Count(1200, 1200), None),
        # years and ages are not tolls
        ("That same year, 2012, Adrienne died of breast cancer.", None, None),
        ("TEHRAN, March 3, 2016 - Tens of thousands of civilians lost their lives.", None, None),
        ("Oliver Hall, 24, from Portsmouth, died on 25 November.", None, None),
        ("In 2014, 300 people were killed in the city.", Count(300, 300), None),
        # one victim and no number: one (ACLED convention)
        ("A landmine explosion killed a shepherd near Kirkuk.", Count(1, 1), None),
        ("A soldier was wounded when a mortar hit the post.", None, Count(1, 1)),
        ("The blast killed a man and wounded three others.", Count(1, 1), Count(3, 3)),
    ],
)
def test_golden_counts(text: str, fatalities: Count | None, injured: Count | None) -> None:
    assert _count(text, "fatalities") == fatalities
    assert _count(text, "injured") == injured


@given(
    st.integers(min_value=1, max_value=MAX_EVENT_TOLL - 1), st.sampled_from(["people", "civilians"])
)
def test_exact_number_round_trips(n: int, noun: str) -> None:
    text = f"The blast killed {n:,} {noun} and wounded {n + 1} others."
    assert _count(text, "fatalities") == Count(n, n)
    assert _count(text, "injured") == Count(n + 1, n + 1)


@pytest.mark.parametrize(
    ("text", "fatalities"),
    [
        # both sides added up (annotation rules)
        ("Troops and fighters clashed, killing two soldiers and one fighter.", Count(3, 3)),
        ("Militants killed four SDF fighters and one attacker.", Count(5, 5)),
        ("The attack killed three soldiers and wounded two.", Count(3, 3)),
        # years and war-wide totals are not one event's toll
        ("The 2013 attack killed five people.", Count(5, 5)),
        ("The war has killed more than 500,000 people.", None),
        ("More than 300 people have been killed since 2011.", None),
        ("Since 2014, 2,000 people were killed in the province.", None),
        ("Clashes killed 4 fighters, bringing the toll so far to 30.", Count(4, 4)),
    ],
)
def test_sums_years_and_totals(text: str, fatalities: Count | None) -> None:
    assert _count(text, "fatalities") == fatalities
