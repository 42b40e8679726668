"""Coding conventions of docs/annotation.md as the extractor applies them."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.annotate import paragraphs, sentence_spans
from dateline.extract.conventions import quoted_spans
from tests.factories import extract_text as _extract


def test_long_and_unclosed_quotes_are_quotations_short_ones_are_terms() -> None:
    text = (
        'Jets carried out what the Pentagon called "precision strikes". '
        "“They raped me every day, twice or more,” she recounts. “As soon as the US leaves"
    )
    spans = [text[s:e] for s, e in quoted_spans(text, 0, len(text))]
    assert spans == ["“They raped me every day, twice or more,”", "“As soon as the US leaves"]


@pytest.mark.slow
def test_headline_is_its_own_sentence_and_never_a_second_event(nlp) -> None:
    text = (
        "Rockets strike air base in western Iraq\n\nBAGHDAD (Wire) — Five rockets struck Ain "
        "al-Asad air base in Anbar province on Tuesday, the Iraqi military said."
    )
    doc = nlp(text)
    sents = [s.text for s in sentence_spans(doc, paragraphs(text))]
    assert sents[0] == "Rockets strike air base in western Iraq"
    assert sents[1].startswith("BAGHDAD (Wire) — Five rockets")
    (m,) = _extract(nlp, text, "2022-01-05")
    assert m.sub_event_type == "Shelling/artillery/missile attack"
    assert m.date.start == dt.date(2022, 1, 4)


@pytest.mark.slow
def test_meeting_and_deal_in_one_clause_are_two_events(nlp) -> None:
    text = (
        "Russia and Turkey, whose foreign and defence ministers met on Saturday in Moscow to "
        "discuss Syria, negotiated a deal to avoid a regime assault on Idlib in September."
    )
    found = {(m.sub_event_type, m.date.start) for m in _extract(nlp, text, "2018-12-31")}
    assert ("Diplomatic event", dt.date(2018, 12, 29)) in found
    assert ("Agreement", dt.date(2018, 9, 1)) in found


@pytest.mark.slow
def test_hypothetical_quoted_and_undated_history_are_not_events(nlp) -> None:
    text = (
        "Such an abrupt withdrawal would leave the SDF vulnerable to Turkish attack.\n\n"
        "“My mother’s family are from Iraq and watching Isis attack Europe made me angry,” she "
        "said.\n\nWashington has blamed previous rocket and drone attacks on militias."
    )
    assert _extract(nlp, text, "2018-12-21") == []


@pytest.mark.slow
def test_capture_by_own_army_is_government_regains(nlp) -> None:
    text = "Since the regime took over Aleppo in late 2016, few have questioned Assad's recovery."
    (m,) = _extract(nlp, text, "2018-12-30")
    assert m.sub_event_type == "Government regains territory"
    assert m.background and m.date.start is not None and m.date.start.year == 2016
