"""Golden resolutions: realistic sentences, a fixed anchor, the exact value and interval."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.ground.time import Timex, find_timexes, resolve
from dateline.records import DateInterval

FRI = dt.date(2022, 1, 7)  # a Friday article
WED = dt.date(2020, 11, 18)  # a Wednesday article
SUN = dt.date(2019, 2, 17)  # a Sunday paper
D = dt.date.fromisoformat

# (sentence, anchor, expression found, TimeML value, interval start, interval end)
GOLDEN = [
    (
        "Gunmen attacked a checkpoint on Tuesday evening.",
        FRI,
        "Tuesday evening",
        "2022-01-04TEV",
        "2022-01-04",
        "2022-01-04",
    ),
    (
        "The militia said Friday it had withdrawn.",
        FRI,
        "Friday",
        "2022-01-07",
        "2022-01-07",
        "2022-01-07",
    ),
    (
        "Rockets hit the base on Wednesday.",
        FRI,
        "Wednesday",
        "2022-01-05",
        "2022-01-05",
        "2022-01-05",
    ),
    (
        "The ministers will meet on Tuesday.",
        FRI,
        "Tuesday",
        "2022-01-11",
        "2022-01-11",
        "2022-01-11",
    ),
    ("Talks resume next Tuesday.", FRI, "next Tuesday", "2022-01-11", "2022-01-11", "2022-01-11"),
    (
        "He was arrested last Tuesday.",
        FRI,
        "last Tuesday",
        "2022-01-04",
        "2022-01-04",
        "2022-01-04",
    ),
    (
        "A drone struck the convoy on Saturday.",
        FRI,
        "Saturday",
        "2022-01-01",
        "2022-01-01",
        "2022-01-01",
    ),
    ("The bomb exploded yesterday.", FRI, "yesterday", "2022-01-06", "2022-01-06", "2022-01-06"),
    ("Protesters gathered today.", FRI, "today", "2022-01-07", "2022-01-07", "2022-01-07"),
    ("A vigil is planned for tonight.", FRI, "tonight", "2022-01-07", "2022-01-07", "2022-01-07"),
    ("Troops will withdraw tomorrow.", FRI, "tomorrow", "2022-01-08", "2022-01-08", "2022-01-08"),
    ("Clashes continued this week.", FRI, "this week", "2022-W01", "2022-01-03", "2022-01-09"),
    (
        "Two soldiers were killed last week.",
        FRI,
        "last week",
        "2021-W52",
        "2021-12-27",
        "2022-01-02",
    ),
    ("Talks are due next week.", FRI, "next week", "2022-W02", "2022-01-10", "2022-01-16"),
    (  # on a Sunday "last week" may be the week now ending: the interval holds both
        "Celebrations in Sochi last week were tempered.",
        SUN,
        "last week",
        "2019-W06",
        "2019-02-04",
        "2019-02-16",
    ),
    (
        "The group claimed an attack earlier this month.",
        FRI,
        "earlier this month",
        "2022-01",
        "2022-01-01",
        "2022-01-07",
    ),
    ("Fighting intensified last month.", FRI, "last month", "2021-12", "2021-12-01", "2021-12-31"),
    ("Rebels seized the town in November.", FRI, "November", "2021-11", "2021-11-01", "2021-11-30"),
    ("Elections will be held in November.", FRI, "November", "2022-11", "2022-11-01", "2022-11-30"),
    ("The siege began two years ago.", FRI, "two years ago", "2020", "2020-01-01", "2020-12-31"),
    ("The camp was built a decade ago.", FRI, "a decade ago", "2012", "2012-01-01", "2012-12-31"),
    (
        "The militia was founded three months ago.",
        FRI,
        "three months ago",
        "2021-10",
        "2021-10-01",
        "2021-10-31",
    ),
    ("He was detained 10 days ago.", FRI, "10 days ago", "2021-12-28", "2021-12-28", "2021-12-28"),
    ("The war of the 1990s left scars.", FRI, "the 1990s", "199", "1990-01-01", "1999-12-31"),
    (
        "Raids were frequent in the late 1970s.",
        FRI,
        "the late 1970s",
        "197",
        "1977-01-01",
        "1979-12-31",
    ),
    (
        "Floods hit the region last summer.",
        FRI,
        "last summer",
        "2021-SU",
        "2021-06-01",
        "2021-08-31",
    ),
    (
        "Offensives usually start in spring 2021.",
        FRI,
        "spring 2021",
        "2021-SP",
        "2021-03-01",
        "2021-05-31",
    ),
    (
        "Profits fell in the third quarter of 2021.",
        FRI,
        "the third quarter of 2021",
        "2021-Q3",
        "2021-07-01",
        "2021-09-30",
    ),
    ("Q2 2020 was the worst.", FRI, "Q2 2020", "2020-Q2", "2020-04-01", "2020-06-30"),
    (
        "The ceasefire was signed on 20/11/2020.",
        FRI,
        "20/11/2020",
        "2020-11-20",
        "2020-11-20",
        "2020-11-20",
    ),
    (
        "The ceasefire was signed on 11/20/2020.",
        FRI,
        "11/20/2020",
        "2020-11-20",
        "2020-11-20",
        "2020-11-20",
    ),
    ("It was signed on 05/04/2021.", FRI, "05/04/2021", "2021-04-05", "2021-04-05", "2021-04-05"),
    (
        "The strike happened on Nov. 20, 2020.",
        FRI,
        "Nov. 20, 2020",
        "2020-11-20",
        "2020-11-20",
        "2020-11-20",
    ),
    (
        "The strike happened on 20 November 2020.",
        FRI,
        "20 November 2020",
        "2020-11-20",
        "2020-11-20",
        "2020-11-20",
    ),
    (
        "The strike happened on November 20th, 2020.",
        FRI,
        "November 20th, 2020",
        "2020-11-20",
        "2020-11-20",
        "2020-11-20",
    ),
    (
        "The report is dated 2020-11-20.",
        FRI,
        "2020-11-20",
        "2020-11-20",
        "2020-11-20",
        "2020-11-20",
    ),
    ("Militants attacked on Jan. 5.", FRI, "Jan. 5", "2022-01-05", "2022-01-05", "2022-01-05"),
    (
        "The base was shelled on January 3 this year.",
        FRI,
        "January 3 this year",
        "2022-01-03",
        "2022-01-03",
        "2022-01-03",
    ),
    ("Three people died on Dec. 30.", FRI, "Dec. 30", "2021-12-30", "2021-12-30", "2021-12-30"),
    (
        "Violence peaked in mid-November.",
        FRI,
        "mid-November",
        "2021-11",
        "2021-11-11",
        "2021-11-20",
    ),
    ("The group formed in early 2020.", FRI, "early 2020", "2020", "2020-01-01", "2020-04-30"),
    ("Negotiations collapsed in late 2019.", FRI, "late 2019", "2019", "2019-09-01", "2019-12-31"),
    ("Riots broke out in March 2021.", FRI, "March 2021", "2021-03", "2021-03-01", "2021-03-31"),
    ("He was killed in 2019.", FRI, "2019", "2019", "2019-01-01", "2019-12-31"),
    ("Attacks rose last year.", FRI, "last year", "2021", "2021-01-01", "2021-12-31"),
    ("Attacks fell this year.", FRI, "this year", "2022", "2022-01-01", "2022-12-31"),
    (
        "The convoy was hit at 10 p.m. Wednesday.",
        FRI,
        "10 p.m. Wednesday",
        "2022-01-05T22:00",
        "2022-01-05",
        "2022-01-05",
    ),
    (
        "The blast occurred at 10:35 a.m.",
        FRI,
        "10:35 a.m.",
        "2022-01-07T10:35",
        "2022-01-07",
        "2022-01-07",
    ),
    (
        "Crowds gathered this morning.",
        FRI,
        "this morning",
        "2022-01-07TMO",
        "2022-01-07",
        "2022-01-07",
    ),
    (
        "Shelling continued over the weekend.",
        FRI,
        "the weekend",
        "2021-W52-WE",
        "2022-01-01",
        "2022-01-02",
    ),
    (
        "Churches were attacked on Christmas Day.",
        FRI,
        "Christmas Day",
        "2021-12-25",
        "2021-12-25",
        "2021-12-25",
    ),
    (
        "The day after the second anniversary of the January 3, 2020 strike, rockets fell.",
        FRI,
        "The day after the second anniversary of the January 3, 2020",
        "2022-01-04",
        "2022-01-04",
        "2022-01-04",
    ),
    (
        "Soleimani was killed on January 3, 2020. The second anniversary passed quietly.",
        FRI,
        "The second anniversary",
        "2022-01-03",
        "2022-01-03",
        "2022-01-03",
    ),
    ("Gunmen struck late Monday.", WED, "late Monday", "2020-11-16", "2020-11-16", "2020-11-16"),
    ("The vote is set for Friday.", WED, "Friday", "2020-11-20", "2020-11-20", "2020-11-20"),
    (
        "Police said on Wednesday that six died.",
        WED,
        "Wednesday",
        "2020-11-18",
        "2020-11-18",
        "2020-11-18",
    ),
    (
        "The truce held through the summer of 2019.",
        FRI,
        "the summer of 2019",
        "2019-SU",
        "2019-06-01",
        "2019-08-31",
    ),
    (
        "Fighting resumed in the first half of 2021.",
        FRI,
        "the first half of 2021",
        "2021-H1",
        "2021-01-01",
        "2021-06-30",
    ),
    (
        "Most attacks in the 20th century were bombings.",
        FRI,
        "the 20th century",
        "19",
        "1900-01-01",
        "1999-12-31",
    ),
    ("Some violence continues now.", FRI, "now", "PRESENT_REF", "2022-01-07", "2022-01-07"),
]


def _only(text: str, anchor: dt.date, expression: str) -> Timex:
    found = [t for t in find_timexes(text, anchor) if t.text == expression]
    assert found, f"{expression!r} not found in {text!r}: {find_timexes(text, anchor)}"
    return found[0]


@pytest.mark.parametrize(("text", "anchor", "expression", "value", "start", "end"), GOLDEN)
def test_golden(
    text: str, anchor: dt.date, expression: str, value: str, start: str, end: str
) -> None:
    t = _only(text, anchor, expression)
    assert t.value == value
    assert t.interval is not None
    assert (t.interval.start, t.interval.end) == (D(start), D(end))
    assert t.interval.reason


# (sentence, expression, type, value): lengths and frequencies carry no interval
DURATIONS_AND_SETS = [
    ("The fighting lasted three days.", "three days", "DURATION", "P3D"),
    ("The siege lasted 16 months.", "16 months", "DURATION", "P16M"),
    ("He spent 2 1/2 years in prison.", "2 1/2 years", "DURATION", "P2Y6M"),
    ("Over the past two weeks, raids rose.", "the past two weeks", "DURATION", "P2W"),
    ("A 10-year ceasefire was signed.", "10-year", "DURATION", "P10Y"),
    ("Talks lasted several hours.", "several hours", "DURATION", "PTXH"),
    ("Violence has gone on for decades.", "decades", "DURATION", "PXDE"),
    ("Protests are held every Friday.", "every Friday", "SET", "XXXX-WXX-5"),
    ("The group publishes a weekly bulletin.", "weekly", "SET", "P1W"),
    ("Patrols run daily.", "daily", "SET", "P1D"),
    ("Inspections happen twice a month.", "twice a month", "SET", "P1M"),
]


@pytest.mark.parametrize(("text", "expression", "type_", "value"), DURATIONS_AND_SETS)
def test_durations_and_sets(text: str, expression: str, type_: str, value: str) -> None:
    t = _only(text, FRI, expression)
    assert (t.type, t.value, t.interval) == (type_, value, None)


def test_reason_names_expression_and_anchor() -> None:
    t = _only("Gunmen attacked on Tuesday evening.", FRI, "Tuesday evening")
    assert t.type == "DATE"
    assert t.interval is not None
    assert t.interval.precision == "day"
    assert t.interval.reason == (
        "'on Tuesday evening' anchored to publication date 2022-01-07 (Friday)"
    )


def test_ages_are_not_durations() -> None:
    assert find_timexes("A 6-year-old boy and a man, 52 years old, died.", FRI) == []


def test_unknown_anchor_keeps_absolute_and_flags_relative() -> None:
    found = {t.text: t for t in find_timexes("On Tuesday, after the 3 May 2021 raid...", None)}
    assert found["3 May 2021"].interval == DateInterval(
        D("2021-05-03"), D("2021-05-03"), "day", "'3 May 2021' is a calendar date"
    )
    tuesday = found["Tuesday"].interval
    assert tuesday is not None and tuesday.precision == "unknown"
    assert "unknown" in tuesday.reason


def test_interval_anchor_keeps_what_both_ends_agree_on() -> None:
    anchor = DateInterval(D("2022-01-03"), D("2022-01-09"), "week", "dateline week")
    t = find_timexes("Rebels attacked last month.", anchor)[0]
    assert t.value == "2021-12"
    y = find_timexes("The blast happened yesterday.", anchor)[0]
    assert y.interval is not None
    assert (y.interval.start, y.interval.end) == (D("2022-01-02"), D("2022-01-08"))
    assert y.value == "2022-01-0X"


def test_resolve_reads_one_expression() -> None:
    assert resolve("last Tuesday", FRI) == DateInterval(
        D("2022-01-04"),
        D("2022-01-04"),
        "day",
        "'last Tuesday' anchored to publication date 2022-01-07 (Friday)",
    )
    assert resolve("three days", FRI) is None
    assert resolve("no date here", FRI) is None


def test_public_api_and_rule_registry_are_pinned() -> None:
    import dateline.ground.time as time_pkg
    from dateline.ground.time.rules import RULES

    assert time_pkg.__all__ == ["TIMEX_TYPES", "Timex", "TimexType", "find_timexes", "resolve"]
    assert sorted(RULES) == sorted(
        [
            "iso_date",
            "compact_date",
            "numeric_date",
            "month_day",
            "day_month",
            "month_day_range",
            "day_range_month",
            "month_year",
            "month",
            "year",
            "decade",
            "century",
            "holiday",
            "anniversary",
            "deictic_day",
            "weekday",
            "this_unit",
            "the_weekend",
            "ago",
            "year_ago_adj",
            "reference",
            "clock",
            "part_of_day",
            "overnight",
            "duration",
            "vague_duration",
            "set_adverb",
            "every_unit",
            "every_weekday",
            "times_per",
            "per_unit",
            "quarter",
            "quarter_code",
            "the_quarter",
            "year_period",
            "half",
            "season",
        ]
    )


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        (
            "On the night of March 2-3, drones attacked a base.",
            dt.date(2021, 3, 2),
            dt.date(2021, 3, 3),
        ),
        ("Fighting raged from 2 to 4 March.", dt.date(2021, 3, 2), dt.date(2021, 3, 4)),
        ("Talks were held on March 2\u20133, 2020.", dt.date(2020, 3, 2), dt.date(2020, 3, 3)),
    ],
)
def test_a_day_range_is_one_interval(text: str, start: dt.date, end: dt.date) -> None:
    (found,) = find_timexes(text, dt.date(2021, 3, 7))
    assert (found.interval.start, found.interval.end, found.interval.precision) == (
        start,
        end,
        "day",
    )
