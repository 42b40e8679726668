"""Publication dates: metadata values, datelines in text, anniversaries, and never today."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.ingest.dates import find_full_dates
from dateline.ingest.pubdate import (
    infer_published,
    parse_published,
    published_from_text,
    resolve_published,
)

D = dt.date


@pytest.mark.parametrize(
    ("value", "start", "end", "precision"),
    [
        ("2022-01-06", D(2022, 1, 6), D(2022, 1, 6), "day"),
        ("2019-04-10T12:00:00Z", D(2019, 4, 10), D(2019, 4, 10), "day"),
        ("2022-01", D(2022, 1, 1), D(2022, 1, 31), "month"),
        ("2020-02", D(2020, 2, 1), D(2020, 2, 29), "month"),
        ("2021", D(2021, 1, 1), D(2021, 12, 31), "year"),
        ("2022-01-03/2022-01-09", D(2022, 1, 3), D(2022, 1, 9), "week"),
        ("2022-01-01..2022-01-31", D(2022, 1, 1), D(2022, 1, 31), "month"),
        ("January 6, 2022", D(2022, 1, 6), D(2022, 1, 6), "day"),
        ("Thu, 06 Jan 2022 10:00:00 GMT", D(2022, 1, 6), D(2022, 1, 6), "day"),
        ("Friday 20/11/2020", D(2020, 11, 20), D(2020, 11, 20), "day"),
        ("Jan 2022", D(2022, 1, 1), D(2022, 1, 31), "month"),
        (D(2021, 4, 15), D(2021, 4, 15), D(2021, 4, 15), "day"),
    ],
)
def test_parse_published(value: object, start: D, end: D, precision: str) -> None:
    got = parse_published(value, "test")
    assert got is not None
    assert (got.start, got.end, got.precision) == (start, end, precision)
    assert "test" in got.reason


@pytest.mark.parametrize("value", ["", "n/a", "2022-13-01", "2022-02-30", "yesterday", "last week"])
def test_parse_published_rejects_non_dates(value: str) -> None:
    assert parse_published(value, "test") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("By Jane Doe\nFriday 20/11/2020\n\nRockets hit the base.", D(2020, 11, 20)),
        ("By Jane Doe | January 3, 2021\n\nRockets hit the base.", D(2021, 1, 3)),
        ("Fri 20 Nov 2020 14.05 GMT\n\nRockets hit the base.", D(2020, 11, 20)),
        ("Last modified on Tue 7 Jan 2020 10.48 GMT\n\nRockets hit.", D(2020, 1, 7)),
        ("Published 11/20/2020\n\nRockets hit the base.", D(2020, 11, 20)),
        (
            "By Staff Reporter\nUpdated: 6 January 2022 at 10:05 am GMT\n\nRockets hit.",
            D(2022, 1, 6),
        ),
        ("KIRKUK, Iraq, March 14, 2021 (Reuters) - Four men were arrested.", D(2021, 3, 14)),
        (
            "BAGHDAD, Jan 5 (Reuters) - Rockets hit the Green Zone, the second attack of 2020.",
            D(2020, 1, 5),
        ),
    ],
)
def test_published_from_text(text: str, expected: D) -> None:
    got = published_from_text(text)
    assert got is not None and got.precision == "day" and got.start == expected


def test_dateline_without_any_year_is_unknown_not_guessed() -> None:
    got = published_from_text("BAGHDAD, Jan 5 (Reuters) - Rockets hit the Green Zone.")
    assert got is not None and not got.is_known and "no year" in got.reason


@pytest.mark.parametrize(
    "text",
    [
        "The attack on 3 January 2020 killed Soleimani.",
        "Protests began on October 1, 2019 in Baghdad and spread south within days.",
    ],
)
def test_short_report_sentence_with_a_date_is_not_a_date_line(text: str) -> None:
    assert published_from_text(f"{text}\n\nMore text follows here.") is None


def test_date_inside_a_report_sentence_is_not_the_publication_date() -> None:
    text = (
        "Thousands of people gathered in central Baghdad to remember Qassem Soleimani, who was "
        "killed in a US drone strike near Baghdad airport on January 3, 2020, officials said."
    )
    assert published_from_text(text) is None


def test_second_anniversary_this_week_is_the_week_around_it() -> None:
    text = (
        "Thousands gathered in Baghdad this week to mark the second anniversary of the killing "
        "of Qassem Soleimani, who died in a US drone strike on January 3, 2020."
    )
    got = infer_published(text)
    assert got is not None
    assert (got.start, got.end, got.precision) == (D(2021, 12, 31), D(2022, 1, 6), "week")
    assert "second anniversary" in got.reason and "this week" in got.reason


def test_anniversary_date_named_as_the_day_itself() -> None:
    text = (
        "Monday, January 3, 2022 marks the second anniversary of the assassination, which "
        "took place near Baghdad airport in 2020."
    )
    got = infer_published(text)
    assert got is not None and got.start == D(2021, 12, 31) and got.end == D(2022, 1, 6)


def test_anniversary_without_cue_is_a_month_around_it() -> None:
    text = "It was the first anniversary of the bombing. The bombing on 12 March 2019 killed 30."
    got = infer_published(text)
    assert got is not None and got.precision == "month"
    assert got.start == D(2020, 2, 26) and got.end == D(2020, 3, 27)


def test_resolve_order_flag_then_sidecar_then_column_then_text() -> None:
    text = "By Jane Doe\nFriday 20/11/2020\n\nRockets hit the base."
    got = resolve_published([("2021-01-01", "--published"), ("2021-02-02", "sidecar")], text)
    assert got.start == D(2021, 1, 1) and "--published" in got.reason
    got = resolve_published([(None, "--published"), ("2021-02-02", "sidecar")], text)
    assert got.start == D(2021, 2, 2)
    got = resolve_published([(None, "--published"), ("n/a", "column 'date'")], text)
    assert got.start == D(2020, 11, 20) and "date line" in got.reason


def test_nothing_found_is_unknown_never_today() -> None:
    got = resolve_published([("n/a", "column 'date'")], "Rockets hit the base on Wednesday.")
    assert not got.is_known and got.precision == "unknown"
    assert "'n/a' from column 'date' is not a date" in got.reason


_FORMATS = (
    "%Y-%m-%d",
    "%B %-d, %Y",
    "%b %-d, %Y",
    "%-d %B %Y",
    "%A %-d %B %Y",
    "%a, %d %b %Y 10:00:00 GMT",
    "%A %d/%m/%Y",
)


@given(st.dates(min_value=D(1990, 1, 1), max_value=D(2035, 12, 31)), st.sampled_from(_FORMATS))
def test_dates_round_trip_through_written_formats(day: D, fmt: str) -> None:
    written = day.strftime(fmt)
    got = parse_published(written, "test")  # numeric dates are read day-first, as written
    assert got is not None and got.start == day, written
    assert [m.date for m in find_full_dates(f"Published {written} in Baghdad")] == [day]


def test_a_neighbouring_sentence_about_another_named_event_does_not_date_an_anniversary() -> None:
    """Tehran Times: the Khan Sheikhoun date next to Sardasht's 30th anniversary gave 2047."""
    other = (
        "The chemical attack on Khan Sheikhoun in Idlib province on 4 April 2017 killed dozens. "
        "His visit coincided with the 30th anniversary of the chemical attack on Sardasht."
    )
    assert infer_published(other) is None
    same = (
        "General Soleimani was killed on 3 January 2020 near Baghdad airport. Iranians marked "
        "the second anniversary of Soleimani's assassination on Monday."
    )
    got = infer_published(same)
    assert got is not None and got.start == D(2021, 12, 31)
