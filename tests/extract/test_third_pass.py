"""Golden sentences (written for dateline) for the third pass over the extraction rules.

Each test pins one convention of ``docs/annotation.md`` on a realistic sentence: support
named as a means is not an event, a held state is not an arrest, an attack's status stays
asserted when someone claims it, "comes N months after" dates the event it names, a single
named victim is a count of one, nationality modifiers are not places.
"""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.extract.date_context import elapsed_before
from dateline.records import DateInterval, Mention
from tests.factories import extract_text as _extract

pytestmark = pytest.mark.slow


def _perpetrators(m: Mention) -> set[str]:
    return {a.name for a in m.actors if a.role == "perpetrator"}


def test_support_named_as_a_means_is_not_an_event(nlp) -> None:
    text = (
        "Isis fighters were pushed out of Sinjar in November 2015 by Kurdish peshmerga forces "
        "backed by US-led airstrikes."
    )
    (m,) = _extract(nlp, text, "2018-09-09")
    assert m.sub_event_type == "Government regains territory"
    assert m.background and m.date.start == dt.date(2015, 11, 1)
    assert "Peshmerga" in _perpetrators(m)
    assert m.location is None or m.location.country_code != "US"


def test_people_held_somewhere_is_a_state_not_an_arrest(nlp) -> None:
    text = (
        "What to do with at least 20,000 foreigners detained in north-east Syria continues to "
        "vex the international community."
    )
    assert _extract(nlp, text, "2019-04-10") == []


def test_claimed_attack_stays_asserted_and_claim_is_claimed(nlp) -> None:
    text = (
        "BAGHDAD (Wire) — Rockets struck a base hosting US troops in Anbar province on Tuesday. "
        "A group calling itself Qasim al-Jabbarin said it fired the rockets."
    )
    mentions = _extract(nlp, text, "2022-01-06")
    attack = next(m for m in mentions if m.event_type == "Explosions/Remote violence")
    claim = next(m for m in mentions if m.event_type == "Attribution")
    assert attack.status == "asserted"
    assert claim.status == "claimed"


def test_comes_months_after_dates_the_event_it_names(nlp) -> None:
    text = (
        "Last week, the United Arab Emirates reopened its embassy in Damascus.\n\n"
        "These developments come five months after the regime took control of Deraa in the "
        "south-west."
    )
    mentions = _extract(nlp, text, "2018-12-30")
    deraa = next(m for m in mentions if m.sub_event_type == "Government regains territory")
    assert (deraa.date.start, deraa.date.end) == (dt.date(2018, 7, 1), dt.date(2018, 7, 31))
    assert deraa.background
    assert _perpetrators(deraa) == {"Syrian Arab Army"}  # "the regime" in Syria


def test_elapsed_before_counts_days_back_from_the_news_date() -> None:
    class _D:
        sentence_span = (0, 80)
        anchor = 60

    text = "The attack came three days after drones were launched against the garrison."
    news = DateInterval.day(dt.date(2022, 1, 9), "lead")
    found = elapsed_before(text, _D(), news)
    assert found is not None
    assert (found.value.start, found.value.precision) == (dt.date(2022, 1, 6), "day")
    assert text[found.start : found.end] == "came three days after"


def test_single_named_victim_is_one_fatality(nlp) -> None:
    text = "Emwazi was killed in a drone strike in Raqqa in November 2015."
    (m,) = _extract(nlp, text, "2018-02-09")
    assert m.sub_event_type == "Air/drone strike"
    assert m.fatalities is not None and (m.fatalities.min, m.fatalities.max) == (1, 1)


def test_nationality_modifier_is_not_the_place(nlp) -> None:
    text = (
        "The pair were captured in February by Syrian Kurdish fighters, prompting negotiations "
        "between the UK and the US governments."
    )
    (m,) = _extract(nlp, text, "2018-07-27")
    assert m.sub_event_type == "Arrests"
    assert m.location is not None and m.location.country_code == "SY"


def test_police_arrest_names_the_countrys_police(nlp) -> None:
    text = (
        "He returned to the UK in November 2015 and police arrested him at a London airport "
        "on suspicion of terrorism offences."
    )
    (m,) = _extract(nlp, text, "2018-12-14")
    assert m.sub_event_type == "Arrests"
    assert _perpetrators(m) == {"Police Forces of United Kingdom"}


def test_diplomatic_venue_after_city_of(nlp) -> None:
    text = (
        "The Russian president, Vladimir Putin, and the Iranian president, Hassan Rouhani, are "
        "due to meet in the Russian city of Sochi on Thursday."
    )
    (m,) = _extract(nlp, text, "2019-02-12")
    assert (m.sub_event_type, m.status) == ("Diplomatic event", "planned")
    assert m.location is not None and m.location.country_code == "RU"
