"""The gate plans each article once: ``may_hold_event`` answers from the plan, and the
``parse`` that follows reuses it (``dateline.annotate.gate``)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.annotate.gate import CONTEXT, _planned, gate, may_hold_event, plan

LEAD = (
    "Rockets hit US base\n\n"
    "BAGHDAD (Wire) — Five rockets struck the Ain al-Asad air base on Tuesday, wounding two "
    "contractors, officials said.\n\n"
    "The minister of trade met economists in Basra to discuss the price of dates."
)
QUIET = "Dates and trade\n\nThe minister of trade met economists in Basra. Prices rose."


def test_may_hold_event_reads_the_plan() -> None:
    assert may_hold_event(LEAD)
    assert not may_hold_event(QUIET)
    assert [c.read for c in plan(QUIET)] == [False]


def test_asking_then_planning_scans_once() -> None:
    text = LEAD + "\n\nA second copy, so that the cache has not seen this text."
    before = _planned.cache_info()
    assert may_hold_event(text)
    chunks = plan(text)
    after = _planned.cache_info()
    assert after.misses - before.misses == 1
    assert after.hits - before.hits == 1
    assert any(c.read for c in chunks)


def test_plan_hands_out_a_copy() -> None:
    chunks = plan(LEAD)
    chunks.clear()
    assert plan(LEAD) == list(_planned(LEAD, CONTEXT)) != []


_WORDS = [
    "rockets",
    "struck",
    "the",
    "base",
    "claimed",
    "responsibility",
    "minister",
    "met",
    "dates",
    "airstrike",
    "Basra",
    "protest",
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=10), max_size=4))
def test_plan_agrees_with_the_whole_text_test(paragraphs: list[list[str]]) -> None:
    """Within sentences (one per paragraph), the plan reads something exactly when a cue
    occurs somewhere in the article: the whole-text scan it replaced."""
    text = "\n\n".join(" ".join(words) + "." for words in paragraphs)
    assert may_hold_event(text) == gate().search(text)
