"""Paragraph spans, and the time expressions annotation hands to the extractor."""

from __future__ import annotations

import datetime as dt

from dateline.annotate import paragraphs
from dateline.ground.time import find_timexes


def test_paragraphs_split_at_blank_lines() -> None:
    text = "Title\n\nFirst para.\nstill first.\n\n  \nSecond."
    assert [text[s:e] for s, e in paragraphs(text)] == [
        "Title",
        "First para.\nstill first.",
        "Second.",
    ]


def test_weekday_and_absolute_dates() -> None:
    text = "Rockets hit the base on Tuesday; a similar attack on January 3, 2020 killed two."
    found = {t.text: t.interval.start for t in find_timexes(text, dt.date(2022, 1, 5))}
    assert found == {"Tuesday": dt.date(2022, 1, 4), "January 3, 2020": dt.date(2020, 1, 3)}
