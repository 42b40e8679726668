"""Golden sentences (written for dateline) for the seventh pass: a claim of an attack whose
place has a compass word, a country's army beside "the border with" another country, a
running total counted "since the first" arrivals, and "overnight" before a day the sentence
names. Count and national-force tests are fast; article-level ones parse with spaCy."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.extract.counts import find_counts
from dateline.extract.roles import national_force
from tests.factories import extract_text as _extract


def test_a_total_since_the_first_arrivals_is_no_toll() -> None:
    text = (
        "She was the third of three Danish nurses killed working in the camps since the "
        "first teams arrived."
    )
    assert [c for c in find_counts(text) if c.field == "fatalities"] == []


@pytest.mark.parametrize(
    ("word", "noun", "name"),
    [
        ("Niger", "army", "Military Forces of Niger"),
        ("Burkina Faso", "troops", "Military Forces of Burkina Faso"),
        ("Malian", "soldiers", "Military Forces of Mali"),
        ("Nigerien", "police", "Police Forces of Niger"),
        ("Chadian", "army", "Military Forces of Chad"),
    ],
)
def test_a_country_or_its_nationality_names_its_forces(word: str, noun: str, name: str) -> None:
    force = national_force(word, noun)
    assert force is not None and force.name == name


def test_a_word_that_is_no_country_names_no_force() -> None:
    assert national_force("Wagner", "forces") is None


@pytest.mark.slow
def test_a_claimed_attack_in_a_compass_region_is_an_event_in_that_country(nlp) -> None:
    text = (
        "JNIM claimed responsibility for an ambush in eastern Burkina Faso that killed "
        "14 gendarmes."
    )
    mentions = _extract(nlp, text, "2024-05-02")
    claim = [m for m in mentions if m.event_type == "Attribution"]
    attack = [m for m in mentions if m.event_type != "Attribution"]
    assert len(claim) == 1 and len(attack) == 1
    assert attack[0].fatalities is not None and attack[0].fatalities.min == 14
    # the claim is placed where the attack was, not in the claimant's home country
    assert claim[0].location is not None and claim[0].location.country_code == "BF"
    assert attack[0].location is not None and attack[0].location.country_code == "BF"


@pytest.mark.slow
def test_a_country_army_near_the_border_with_another_acts_on_its_own_side(nlp) -> None:
    text = "Chad's army said it had killed 40 insurgents near the border with Nigeria on Friday."
    (m,) = [m for m in _extract(nlp, text, "2024-05-06") if m.event_type != "Diplomacy"]
    assert ("Military Forces of Chad", "perpetrator") in [(a.name, a.role) for a in m.actors]
    assert m.location is not None and m.location.country_code == "TD"


@pytest.mark.slow
def test_overnight_is_the_night_before_the_day_the_sentence_names(nlp) -> None:
    text = "Drones struck a fuel depot in Kursk overnight, the regional governor said on Saturday."
    (m,) = _extract(nlp, text, "2024-05-07")  # a Tuesday; Saturday was 2024-05-04
    assert m.date.start == dt.date(2024, 5, 3) and m.date.precision == "day"


@pytest.mark.slow
def test_a_mali_article_town_missing_abroad_is_not_a_german_city(nlp) -> None:
    text = (
        "Gunmen killed seven villagers in Boni, in central Mali, on Monday, local officials said."
    )
    (m,) = _extract(nlp, text, "2024-05-08")
    assert m.location is not None and m.location.country_code == "ML"
    assert all("Germany" not in a.name for a in m.actors)
