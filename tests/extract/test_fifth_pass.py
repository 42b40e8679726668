"""Golden sentences (written for dateline) for the fifth pass: what is not an occurrence,
definite references by possessors, clauses that add a second event, lethal fire on protesters,
conditional futures and "followed suit".

The candidate-level tests are fast (lexicon and regular expressions only); the article-level
ones parse with spaCy and are marked slow.
"""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.extract.candidates import sentence_candidates
from dateline.extract.lexicon import lexicon
from tests.factories import extract_text as _extract


def _cands(text: str) -> list[tuple[str, str]]:
    return [(c.sub_event_type, c.kind) for c in sentence_candidates(text, 0, 0, lexicon())]


@pytest.mark.parametrize(
    "text",
    [
        # what is guarded against did not happen
        "They were heading into Afrin to help defend the besieged city from Turkish attack.",
        # a relative clause describing people by what befell them, undated
        "France sent officials to collect five children whose parents were either killed, "
        "or in detention.",
        # a bare plural subject with no date or number talks about a kind of event
        "Terror attacks, for which the open-door policy has been blamed, have taken their toll.",
    ],
)
def test_not_an_occurrence(text: str) -> None:
    assert _cands(text) == []


def test_dated_or_counted_plurals_are_still_events() -> None:
    assert _cands("Airstrikes killed 12 people in Idlib.") == [("Air/drone strike", "specific")]
    assert _cands("Troops repelled an attack from militants.") == [("Armed clash", "generic")]


def test_possessed_event_nouns_refer_back() -> None:
    assert _cands("He spent four months in jail last year after his arrest in July.") == [
        ("Arrests", "anaphoric")
    ]
    assert _cands("No group has claimed responsibility for Tuesday's attack.") == [
        ("Attack", "anaphoric")
    ]
    assert _cands("Moscow gave tacit support to Turkey's recent military incursion into Afrin.")[
        0
    ] == ("Armed clash", "anaphoric")


def test_a_similar_event_in_a_with_clause_is_a_second_event() -> None:
    text = (
        "The group said the protest there was part of an international day of action, with a "
        "similar protest held at Düsseldorf airport on Sunday."
    )
    assert _cands(text) == [("Peaceful protest", "anaphoric"), ("Peaceful protest", "specific")]


def test_lethal_fire_on_protesters_is_excessive_force() -> None:
    text = (
        "Dozens of protesters were killed in Nasiriyah in November 2019, when security forces "
        "opened fire on demonstrators blocking a bridge in the city."
    )
    assert _cands(text) == [("Excessive force against protesters", "specific")]
    assert _cands("Police fired tear gas at protesters on Sunday.") == [
        ("Protest with intervention", "specific")
    ]


@pytest.mark.slow
def test_conditional_future_is_not_an_event(nlp) -> None:
    text = (
        "Hundreds of graduates protested outside the provincial government building in "
        "Nasiriyah on Sunday.\n\nProtesters said they would return to the streets if their "
        "demands were not met."
    )
    protests = [m for m in _extract(nlp, text, "2022-01-10") if m.event_type == "Protests"]
    assert len(protests) == 1
    assert protests[0].date.start == dt.date(2022, 1, 9)


@pytest.mark.slow
def test_followed_suit_takes_the_previous_place(nlp) -> None:
    text = (
        "Last week, the United Arab Emirates reopened its embassy in Damascus. Bahrain "
        "followed suit and other countries are expected to re-establish ties."
    )
    talks = [m for m in _extract(nlp, text, "2018-12-30") if m.event_type == "Diplomacy"]
    assert talks
    assert all(m.location is not None and m.location.name == "Damascus" for m in talks)


def test_no_injuries_means_no_deaths() -> None:
    from dateline.extract.counts import best_count, find_counts

    text = "Rockets struck a base in Anbar province on Jan. 5, causing no injuries."
    counts = find_counts(text, 0)
    dead, hurt = best_count(counts, "fatalities"), best_count(counts, "injured")
    assert dead is not None and (dead.count.min, dead.count.max) == (0, 0)
    assert hurt is not None and (hurt.count.min, hurt.count.max) == (0, 0)
    only_dead = best_count(find_counts("There were no deaths, police said.", 0), "injured")
    assert only_dead is None


@pytest.mark.slow
def test_protest_with_intervention_killed_no_one(nlp) -> None:
    text = (
        "Iraqi security forces fired tear gas on Sunday to disperse hundreds of graduates "
        "protesting outside the provincial government building in Nasiriyah, injuring at least "
        "17 people, medical sources said."
    )
    protests = [m for m in _extract(nlp, text, "2022-01-10") if m.event_type == "Protests"]
    assert [m.sub_event_type for m in protests] == ["Protest with intervention"]
    assert protests[0].fatalities is not None
    assert (protests[0].fatalities.min, protests[0].fatalities.max) == (0, 0)


def test_a_toll_makes_a_killing_an_attack_but_not_a_death() -> None:
    # the victims need not be on the list of people words: the toll says people were harmed
    assert _cands("Gunmen killed 12 nomads near the village on Tuesday.") == [("Attack", "generic")]
    assert _cands("Gunmen killed 12 villagers in Baghdad on Tuesday.") == [("Attack", "generic")]
    # dying, even with a number in the clause, is no attack
    assert _cands("That same year, 2012, Adrienne died of breast cancer.") == []


@pytest.mark.slow
def test_a_rally_on_an_anniversary_is_news_not_history(nlp) -> None:
    text = "Protesters gathered in Tahrir Square on the second anniversary of Soleimani's killing."
    (rally,) = [m for m in _extract(nlp, text, "2022-01-03") if m.event_type == "Protests"]
    assert not rally.background
    assert rally.date.precision == "week" and "publication" in rally.date.reason


def test_to_claim_that_is_an_argument_not_a_claim_of_responsibility() -> None:
    text = "It would be a stretch to claim that a drone strike in the Sinai was about Iraq."
    assert not any(kind == "statement" for _, kind in _cands(text))
