"""Day mentions in PTB-tokenised news text, resolved against the publication date."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.timeline.datementions import find_day_mentions, regex_day_mentions

PUB = dt.date(2010, 4, 22)  # a Thursday


@pytest.mark.parametrize(
    ("text", "day", "explicit"),
    [
        ("The rig exploded on April 20 , 2010 .", dt.date(2010, 4, 20), True),
        ("It sank on 22 April 2010 .", dt.date(2010, 4, 22), True),
        ("Hearings begin May 11 .", dt.date(2010, 5, 11), True),
        ("The spill began on Tuesday night .", dt.date(2010, 4, 20), False),
        ("Officials said yesterday that 11 workers were missing .", dt.date(2010, 4, 21), False),
        ("The Coast Guard will report next Monday .", dt.date(2010, 4, 26), False),
        ("The well was capped in Dec. 2009 ... on Dec 30 .", dt.date(2009, 12, 30), True),
    ],
)
def test_vectors(text, day, explicit):
    found = regex_day_mentions(text, PUB)
    assert [(m.day, m.explicit) for m in found] == [(day, explicit)]
    assert text[found[0].start : found[0].end] == found[0].text


def test_may_the_verb_is_not_a_date():
    assert regex_day_mentions("Oil may reach the coast .", PUB) == []


def test_auto_resolver_falls_back_to_patterns():
    assert find_day_mentions("on April 20", PUB, "auto")[0].day == dt.date(2010, 4, 20)


@given(
    st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)),
    st.sampled_from(["{M} {d} , {Y}", "{d} {M} {Y}", "{Mo} {d} , {Y}", "{d} {Mo} {Y}"]),
)
def test_written_dates_round_trip(day, template):
    text = (
        "It happened on "
        + template.format(M=day.strftime("%B"), Mo=day.strftime("%b"), d=day.day, Y=day.year)
        + " ."
    )
    found = regex_day_mentions(text, dt.date(2010, 1, 1))
    assert [m.day for m in found] == [day]


@given(st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31)), st.integers(0, 6))
def test_weekday_resolves_to_the_last_such_day_within_a_week(pub, wd):
    name = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][wd]
    (m,) = regex_day_mentions(f"It happened on {name} .", pub)
    assert m.day.weekday() == wd and 0 <= (pub - m.day).days < 7


@pytest.mark.parametrize("resolver", ["regex", "ground"])
def test_comment_stamps_and_bylines_date_the_page_not_an_event(resolver):
    pub = dt.date(2010, 5, 28)
    stamp = "At 10:14 am on 28 May 2010 , pzero wrote : BP capped nothing on Friday ."
    assert [m.text for m in find_day_mentions(stamp, pub, resolver)] == ["Friday"]
    byline = "09:27 UK time , Friday , 28 May 2010 The amount has risen ."
    assert find_day_mentions(byline, pub, resolver) == []
    event = "The rig exploded at 9:45 pm on April 20 , 2010 , killing 11 ."
    assert [m.day for m in find_day_mentions(event, pub, resolver)] == [dt.date(2010, 4, 20)]
