"""Golden sentences (written for dateline) for the fourth pass over roles, places and counts.

Each test pins one convention of ``docs/annotation.md``: the subject of another clause is not
the perpetrator, a facility's owner is its target, relations stated with "controlled by" or
"backed by" are not agency, protests have no perpetrator, a claim takes the attack's place
rather than the dateline, and a reply to an attack is a second event.
"""

from __future__ import annotations

import pytest

from dateline.records import Mention
from tests.factories import extract_text as _extract

pytestmark = pytest.mark.slow


def _roles(m: Mention, role: str) -> set[str]:
    return {a.name for a in m.actors if a.role == role}


def test_subject_of_another_clause_is_not_the_perpetrator(nlp) -> None:
    text = (
        "The exchange was the most serious between US forces and Iran-backed groups in Syria "
        "since October, when drones struck the al-Tanf base without causing casualties."
    )
    strikes = [
        m for m in _extract(nlp, text, "2022-01-08") if m.sub_event_type == "Air/drone strike"
    ]
    assert strikes and all(
        "United States Armed Forces" not in _roles(m, "perpetrator") for m in strikes
    )


def test_owner_of_a_raided_facility_is_the_target(nlp) -> None:
    text = (
        "On Monday, the Counter-Terrorism Service raided a Kataib Hezbollah headquarters in "
        "southern Baghdad and detained 14 people."
    )
    mentions = _extract(nlp, text, "2022-01-12")
    assert mentions
    assert all("Kataib Hezbollah" not in _roles(m, "perpetrator") for m in mentions)


def test_backed_by_is_not_a_perpetrator(nlp) -> None:
    text = (
        "On Tuesday, SDF fighters backed by US-led coalition helicopters raided houses in the "
        "village of al-Shafa and detained six men."
    )
    (m,) = [m for m in _extract(nlp, text, "2022-01-12") if m.sub_event_type == "Arrests"]
    assert _roles(m, "perpetrator") == {"Syrian Democratic Forces"}


def test_protest_with_intervention_has_no_perpetrator(nlp) -> None:
    text = (
        "Iraqi security forces fired tear gas on Sunday to disperse hundreds of graduates "
        "protesting against unemployment in Nasiriyah, injuring at least 17 people."
    )
    protests = [m for m in _extract(nlp, text, "2022-01-10") if m.event_type == "Protests"]
    assert protests and all(not _roles(m, "perpetrator") for m in protests)


def test_claim_takes_the_attack_place_not_the_dateline(nlp) -> None:
    text = (
        "Group claims rocket attack\n\n"
        "DUBAI (Gulf Dispatch) — A little-known armed group calling itself Qasim al-Jabbarin "
        "has claimed responsibility for a rocket attack on a base in Anbar province on Tuesday."
    )
    claims = [m for m in _extract(nlp, text, "2022-01-06") if m.status == "claimed"]
    assert claims
    for m in claims:
        assert m.location is not None and m.location.country_code == "IQ"


def test_a_reply_is_a_second_event(nlp) -> None:
    text = (
        "Several rockets struck a base at the Conoco gas field in eastern Syria on Sunday. "
        "Coalition forces responded by firing artillery at the launch site near al-Mayadin."
    )
    shelling = [
        m
        for m in _extract(nlp, text, "2022-01-10")
        if m.sub_event_type == "Shelling/artillery/missile attack"
    ]
    assert len(shelling) == 2
