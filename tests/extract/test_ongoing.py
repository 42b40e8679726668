"""Events told as lasting ("continued for a fifth day"): the interval runs from the first day
they may have begun to the day the sentence speaks of. Sentences written for dateline."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from dateline.extract.date_context import ongoing_since
from dateline.records import DateInterval
from tests.factories import extract_text as _extract

D = dt.date.fromisoformat


def _dates(nlp, text: str, published: str) -> list[tuple[str, dt.date, dt.date, str]]:
    return [
        (m.sub_event_type, m.date.start, m.date.end, m.date.precision)
        for m in _extract(nlp, text, published)
    ]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "published", "start", "end"),
    [
        (  # the day told is Wednesday, the fifth day of the assault
            "Turkey's president announced the move late on Wednesday as a Turkish military "
            "assault on the city of Afrin, in north-west Syria, continued for a fifth day.",
            "2018-01-24",
            "2018-01-20",
            "2018-01-24",
        ),
        (
            "Clashes between protesters and police in Basra raged for a third straight day on "
            "Monday, leaving two dead.",
            "2019-10-07",
            "2019-10-05",
            "2019-10-07",
        ),
    ],
)
def test_a_lasting_event_reaches_back_to_its_first_day(
    nlp, text: str, published: str, start: str, end: str
) -> None:
    [(_, first, last, precision)] = _dates(nlp, text, published)
    assert (first, last, precision) == (D(start), D(end), "day")


@pytest.mark.slow
def test_the_day_of_another_event_does_not_stretch_a_single_strike(nlp) -> None:
    """ "On the fourth day of the offensive" counts the offensive, not the air strike told
    after it, which happened on Tuesday alone."""
    text = "On the fourth day of the offensive on Tuesday, Turkish jets bombed villages near Afrin."
    assert _dates(nlp, text, "2018-01-24") == [
        ("Air/drone strike", D("2018-01-23"), D("2018-01-23"), "day")
    ]


@pytest.mark.parametrize(
    ("text", "trigger", "start", "precision"),
    [
        ("The siege of Tal Afar entered its third week on Sunday.", "siege", "2017-07-31", "week"),
        ("Protests went on for a second day on Sunday.", "Protests", "2017-08-19", "day"),
        ("Protests went on for a first day on Sunday.", "Protests", None, None),  # not lasting
        ("Protests were held on the second day of Ramadan.", "Protests", None, None),
    ],
)
def test_ongoing_since_counts_back_from_the_day_told(
    text: str, trigger: str, start: str | None, precision: str | None
) -> None:
    at = text.index(trigger)
    draft = SimpleNamespace(
        date=DateInterval.day(D("2017-08-20"), "'on Sunday'"),
        sentence_span=(0, len(text)),
        cand=SimpleNamespace(trigger_start=at, trigger_end=at + len(trigger)),
    )
    got = ongoing_since(text, draft)
    if start is None:
        assert got is None
    else:
        assert got is not None
        assert (got.start, got.end, got.precision) == (D(start), D("2017-08-20"), precision)
