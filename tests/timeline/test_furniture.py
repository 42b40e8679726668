"""Dated page furniture (comment stamps, bylines, datelines) is not a day mention."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.timeline.datementions import find_day_mentions
from dateline.timeline.diagnose import diagnose_days
from dateline.timeline.furniture import furniture_spans
from dateline.timeline.tls import read_sentences
from tests.timeline.test_tls import ARTICLES

PUB = dt.date(2010, 5, 28)  # a Friday


@pytest.mark.parametrize(
    "text",
    [
        "At 10:14 am on 28 May 2010 , pzero wrote : I think the response by BP is admirable .",
        "At 19:42 1st Jun 2010 , John wrote : When faced with a problem you can always count",
        "At 6:53 P.M. on Jan 13 , 2010 , Jessica Clark wrote : My heartfelt condolences",
        "Susan Watts | 18:00 UK time , Saturday , 25 April 2009 Experts are concerned .",
        "Fergus Walsh | 12:16 PM , Thursday , 28 May 2009 It 's good to see progress .",
        "A version appeared on p2 of the Guardian on 22.31 BST on Friday 30 April 2010 .",
        "HOUSTON | Thu Apr 22 , 2010 7:30 pm EDT HOUSTON -LRB- Reuters -RRB- - A rig sank .",
        "Thursday , April 29 , 2010 ; 4:49 PM A massive crude oil spill is expected .",
        "Posted by : rallyart2012 | April 30 , 2010 12:27 PM | Report abuse",
        "Deepwater Horizon disaster Thursday 29 April 2010 17.33 BST Shares fell .",
        "Last updated : 14 January , 2010 - 17:26 GMT Haitians living in Boston gather .",
        "12 October 2011 Last updated at 20:01 GMT The legal team dropped its claim .",
        "This article was amended on 18 June 2010 .",
        "RIYADH , June 3 -LRB- Reuters -RRB- - Saudi Arabia has confirmed its first case .",
    ],
)
def test_furniture_dates_are_skipped(text):
    assert furniture_spans(text)
    assert [m for m in find_day_mentions(text, PUB) if m.explicit] == []


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("The rig exploded at 9:45 pm on April 20 , 2010 , killing 11 .", dt.date(2010, 4, 20)),
        ("The quake struck at 16:53 local time on 12 January 2010 .", dt.date(2010, 1, 12)),
        ("April 29 , 2010 : Workers in Orange Beach lay booms .", dt.date(2010, 4, 29)),
        ("Hayward will step down on Oct. 1 , 2010 .", dt.date(2010, 10, 1)),
        ("Growth was 2.5 percent on May 3 , 2010 , 3.5 percent later .", dt.date(2010, 5, 3)),
    ],
)
def test_reported_events_keep_their_dates(text, day):
    assert furniture_spans(text) == []
    assert [m.day for m in find_day_mentions(text, PUB)] == [day]


def test_a_comment_keeps_the_days_its_writer_names():
    text = "At 10:14 am on 28 May 2010 , pzero wrote : BP capped nothing on Tuesday ."
    assert [(m.text, m.day) for m in find_day_mentions(text, PUB)] == [
        ("Tuesday", dt.date(2010, 5, 25))
    ]


def test_diagnosis_explains_found_missed_and_wrong_days():
    d = dt.date
    sents = read_sentences(ARTICLES, d(2010, 1, 12), d(2010, 1, 31))
    reports = {
        r.day: r
        for r in diagnose_days(
            sents, {}, [d(2010, 1, 12), d(2010, 1, 25)], [d(2010, 1, 12), d(2010, 1, 14)]
        )
    }
    assert reports[d(2010, 1, 12)].reason == "found"
    assert (reports[d(2010, 1, 12)].later, reports[d(2010, 1, 12)].explicit) == (3, 2)
    assert reports[d(2010, 1, 25)].reason == "never named, none published"
    assert reports[d(2010, 1, 14)].reason == "chosen, not gold"
