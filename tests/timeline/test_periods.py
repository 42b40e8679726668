"""Coarse period mentions ("mid-March", "November 2012") and the pinned-end fallback."""

from __future__ import annotations

import calendar
import datetime as dt
import functools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.timeline.datementions import find_period_mentions, ground_day_mentions
from dateline.timeline.tls import summarise_collection
from tests.timeline.helpers import article

D = dt.date
PUB = D(2009, 4, 28)


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        (
            "Health officials believe the virus was spotted in late March .",
            D(2009, 3, 21),
            D(2009, 3, 31),
        ),
        ("Villagers fell ill in March with flu-like symptoms .", D(2009, 3, 1), D(2009, 3, 31)),
        ("People started getting ill sometime in mid March .", D(2009, 3, 11), D(2009, 3, 20)),
        ("The trial is set for November 2012 .", D(2012, 11, 1), D(2012, 11, 30)),
        ("Sales have slumped since Sept. 2008 .", D(2008, 9, 1), D(2008, 9, 30)),
        ("A vaccine could be ready by next March .", D(2010, 3, 1), D(2010, 3, 31)),
        ("Cases have risen since early February .", D(2009, 2, 1), D(2009, 2, 10)),
    ],
)
def test_period_vectors(text, first, last):
    (m,) = find_period_mentions(text, PUB)
    assert (m.first, m.last) == (first, last)
    assert text[m.start : m.end] == m.text


@pytest.mark.parametrize(
    "text",
    [
        "The outbreak began on March 18 , 2009 .",  # a day, not a period
        "Oil may reach the coast .",
        "Protesters march on the embassy .",
        "May is a busy month .",  # capitalised but bare: too ambiguous to count
    ],
)
def test_not_periods(text):
    assert find_period_mentions(text, PUB) == []


@given(st.integers(1990, 2030), st.integers(1, 12), st.integers(1, 31))
def test_month_year_covers_exactly_its_days(year, month, day):
    text = f"It happened in {calendar.month_name[month]} {year} ."
    (m,) = find_period_mentions(text, PUB)
    assert m.first == D(year, month, 1) and m.days == calendar.monthrange(year, month)[1]
    if day <= m.days:
        assert D(year, month, day) in m


def test_ground_resolver_survives_expressions_off_the_calendar():
    assert ground_day_mentions("Over 2,500 years ago the Buddha taught patience .", PUB) == []


_art = functools.partial(article, outlet="guardian")


def test_a_pinned_end_named_only_by_its_month_is_written_from_that_sentence():
    """T17 h1n1: the Guardian timeline opens on 18 March, which no article names to the day."""
    articles = [
        _art(
            "a1",
            D(2009, 3, 24),
            "Doctors in Veracruz say people started getting ill in mid March with a fever . "
            "The health ministry has sent a team to the village .",
        ),
        _art(
            "a2",
            D(2009, 4, 24),
            "Mexico closed its schools on Friday as swine flu cases rose across the capital .",
        ),
    ]
    tl = summarise_collection(articles, D(2009, 3, 18), D(2009, 4, 24), 2, 1.0)
    assert list(tl) == [D(2009, 3, 18), D(2009, 4, 24)]
    assert "mid March" in tl[D(2009, 3, 18)][0]
    unpinned = summarise_collection(
        articles, D(2009, 3, 18), D(2009, 4, 24), 2, 1.0, pin_ends=False
    )
    assert D(2009, 3, 18) not in unpinned
