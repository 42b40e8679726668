"""Golden paragraphs (written for dateline) -> the mentions an analyst would code.

Place names are asserted only by country: the exact toponym depends on the place module.
"""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.records import Mention
from tests.factories import extract_text as _extract

pytestmark = pytest.mark.slow


def _roles(m: Mention) -> set[tuple[str, str]]:
    return {(a.name, a.role) for a in m.actors}


IED = (
    "MOSUL (Wire) — A roadside bomb struck a police patrol south of Mosul on Saturday, killing "
    "two officers and wounding five, a security source said.\n\nNo group claimed responsibility "
    "for the attack, but officials blamed Islamic State sleeper cells, which remain active in "
    "the area."
)


def test_ied_with_counts_suspect_and_unidentified_perpetrator(nlp) -> None:
    (m,) = _extract(nlp, IED, "2021-03-08")
    assert m.sub_event_type == "Remote explosive/landmine/IED"
    assert (m.status, m.background) == ("asserted", False)
    assert (m.date.start, m.date.precision) == (dt.date(2021, 3, 6), "day")
    assert m.location is not None and m.location.country_code == "IQ"
    assert (m.fatalities.min, m.injured.min) == (2, 5)  # type: ignore[union-attr]
    assert ("Unidentified armed group (Iraq)", "perpetrator") in _roles(m)
    suspect = next(a for a in m.actors if a.role == "suspected")
    assert (suspect.name, suspect.attributed_by) == ("Islamic State", "officials")
    assert {e.field for e in m.evidence} >= {"event", "date", "location", "fatalities", "injured"}


CLAIM = (
    "ERBIL — A group calling itself Saraya Awliya al-Dam claimed responsibility on Wednesday for "
    "a rocket attack on the airport in Erbil that wounded three contractors.\n\nKataib Hezbollah "
    "denied any involvement in the attack on Thursday."
)


def test_claim_gives_attribution_event_and_claimant_on_attack(nlp) -> None:
    claim, attack, denial = _extract(nlp, CLAIM, "2021-02-19")
    assert claim.sub_event_type == "Attribution of responsibility"
    assert claim.date.start == dt.date(2021, 2, 17)
    claimant = next(a for a in claim.actors if a.role == "claimant")
    assert (claimant.name, claimant.parent) == ("Saraya Awliya al-Dam", "Kataib Hezbollah")
    assert attack.sub_event_type == "Shelling/artillery/missile attack"
    # the outlet asserts the attack; the claim is the Attribution event (annotation rules)
    assert attack.status == "asserted"
    assert claim.status == "claimed"
    assert ("Saraya Awliya al-Dam", "claimant") in _roles(attack)
    assert attack.injured is not None and attack.injured.min == 3
    assert (denial.status, denial.date.start) == ("denied", dt.date(2021, 2, 18))
    assert _roles(denial) == {("Kataib Hezbollah", "denier")}


RALLY = (
    "BAGHDAD — Thousands of mourners rallied in Baghdad on Sunday to commemorate the anniversary "
    "of the killing of Abu Mahdi al-Muhandis. Qais al-Khazali vowed to avenge the killing.\n\n"
    "The two men were killed in a US drone strike near Baghdad airport on January 3, 2020."
)


def test_commemoration_threat_and_background_strike(nlp) -> None:
    rally, threat, strike = _extract(nlp, RALLY, "2021-01-04")
    assert rally.sub_event_type == "Peaceful protest" and "commemoration" in rally.tags
    assert rally.date.start == dt.date(2021, 1, 3)
    assert ("Protesters (Iraq)", "participant") in _roles(rally)
    assert (threat.sub_event_type, threat.status) == ("Diplomatic event", "threatened")
    assert _roles(threat) == {("Qais al-Khazali", "speaker")}
    assert strike.sub_event_type == "Air/drone strike" and strike.background
    assert strike.date.start == dt.date(2020, 1, 3)
    assert ("United States Armed Forces", "perpetrator") in _roles(strike)


def test_no_casualties_is_zero_and_undated_is_an_honest_window(nlp) -> None:
    (m,) = _extract(
        nlp,
        "Two drones targeted the al-Tanf garrison in Syria without inflicting any casualties.",
        "2022-01-08",
    )
    assert m.sub_event_type == "Air/drone strike"
    assert m.fatalities is not None and (m.fatalities.min, m.fatalities.max) == (0, 0)
    assert m.injured is not None and m.injured.max == 0
    assert m.date.precision == "week" and m.date.end == dt.date(2022, 1, 8)
    assert "no date expression" in m.date.reason


def test_front_link_stated_in_text_sets_parent(nlp) -> None:
    text = (
        "Ahl al-Kahf, formed by al-Nujaba, claimed responsibility on Monday for a roadside bomb "
        "that hit a logistics convoy near Diwaniyah."
    )
    mentions = _extract(nlp, text, "2021-06-09")
    claimant = next(a for m in mentions for a in m.actors if a.role == "claimant")
    assert (claimant.name, claimant.parent) == ("Ashab al-Kahf", "Harakat al-Nujaba")
    assert any("parent_from_text" in m.tags for m in mentions)


def test_troops_stationed_is_not_an_event(nlp) -> None:
    text = "About 2,500 US troops are stationed in Iraq to advise and assist local forces."
    assert _extract(nlp, text, "2022-01-08") == []
