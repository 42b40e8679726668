"""Golden sentences (written for dateline) for the sixth pass: denials on the attack they
deny, shares of a group counted over its history, compound number words, narratives told
after an old date, forces that were hit, datelines against the places a sentence names,
support phrases before a finite verb, hedged futures, and actors beyond the Middle East.

Lexicon and count tests are fast; the article-level ones parse with spaCy and are slow.
"""

from __future__ import annotations

import pytest

from dateline.extract.candidates import sentence_candidates
from dateline.extract.counts import find_counts
from dateline.extract.lexicon import lexicon
from dateline.records import Count
from tests.factories import extract_text as _extract


def _cands(text: str) -> list[tuple[str, str]]:
    return [(c.sub_event_type, c.kind) for c in sentence_candidates(text, 0, 0, lexicon())]


def _tolls(text: str) -> list[Count]:
    return [c.count for c in find_counts(text) if c.field == "fatalities"]


@pytest.mark.parametrize(
    "text",
    [
        "Forty-three volunteers travelled to the front; seven of them have been killed.",
        "Of the reporters jailed after the coup, two of whom have since died in custody.",
        "Nine of them have now been killed in action.",
    ],
)
def test_a_share_of_a_group_over_time_is_no_toll(text: str) -> None:
    assert _tolls(text) == []


def test_a_share_killed_in_the_event_is_its_toll() -> None:
    text = "Gunmen stopped a minibus carrying 14 workers, and three of them were killed."
    assert _tolls(text) == [Count(3, 3)]


def test_compound_number_words_are_one_number() -> None:
    assert _tolls("The blast killed twenty-seven people in the market.") == [Count(27, 27)]
    assert _tolls("Thirty-one soldiers were killed at the outpost.") == [Count(31, 31)]


def test_hacked_to_death_is_an_attack_with_its_toll() -> None:
    text = "Militiamen hacked to death at least 15 farmers near the village on Sunday."
    assert _cands(text) == [("Attack", "specific")]
    assert _tolls(text) == [Count(15, 30)]


def test_a_single_local_official_killed_counts_one() -> None:
    assert _tolls("Gunmen shot dead a town councillor outside his home.") == [Count(1, 1)]


def test_capturing_a_base_overtakes_territory() -> None:
    assert _cands("The rebels captured an army outpost near the border on Friday.") == [
        ("Non-state actor overtakes territory", "specific")
    ]


def test_a_support_phrase_before_a_finite_verb_is_not_the_event() -> None:
    text = "Army units backed by allied helicopter gunships recaptured the town on Thursday."
    assert ("Government regains territory", "specific") in _cands(text)


@pytest.mark.slow
def test_a_denial_adds_a_denier_to_the_attack(nlp) -> None:
    text = (
        "A suicide bomber killed nine people at a bus station in Jalalabad on Monday. "
        "The Taliban denied any involvement in the bombing."
    )
    mentions = _extract(nlp, text, "2024-03-05")
    bomb = next(m for m in mentions if m.sub_event_type == "Suicide bomb")
    assert ("Taliban", "denier") in {(a.name, a.role) for a in bomb.actors}
    denial = next(m for m in mentions if m.status == "denied")
    assert [(a.name, a.role) for a in denial.actors] == [("Taliban", "denier")]


@pytest.mark.slow
def test_a_negated_claim_names_no_claimant(nlp) -> None:
    text = "A roadside bomb killed two soldiers near Gao on Monday. Hamas has not claimed it."
    mentions = _extract(nlp, text, "2024-03-05")
    assert all(a.role != "claimant" for m in mentions for a in m.actors)


@pytest.mark.slow
def test_undated_events_told_after_an_old_date_are_history(nlp) -> None:
    text = (
        "Gunmen shot dead three police officers in Kandahar on Monday. "
        "When the militants swept through the province in August 2015, the army fled. "
        "Shops were looted and police weapons were seized in the towns they held."
    )
    mentions = _extract(nlp, text, "2024-03-05")
    assert [m.sub_event_type for m in mentions if not m.background] == ["Attack"]
    assert not any(m.sub_event_type == "Looting/property destruction" for m in mentions)


@pytest.mark.slow
def test_a_recent_date_in_between_keeps_what_follows_news(nlp) -> None:
    text = (
        "The militants first seized the district in 2015. "
        "On Sunday, they attacked a checkpoint in Kandahar, killing two soldiers."
    )
    mentions = _extract(nlp, text, "2024-03-05")
    attack = next(m for m in mentions if m.fatalities == Count(2, 2))
    assert not attack.background and str(attack.date.start) == "2024-03-03"


@pytest.mark.slow
def test_soldiers_killed_in_an_ambush_are_its_target(nlp) -> None:
    text = "Suspected insurgents killed at least 11 soldiers in an ambush in Borno on Sunday."
    (m,) = _extract(nlp, text, "2024-03-05")
    roles = {(a.name, a.role) for a in m.actors}
    assert ("Military Forces of Nigeria", "target") in roles
    assert ("Military Forces of Nigeria", "perpetrator") not in roles


@pytest.mark.slow
def test_a_town_named_in_the_lead_beats_its_dateline(nlp) -> None:
    text = (
        "KYIV (Wire) - Russian drones struck a power plant in Kharkiv on Friday, an official said."
    )
    (m,) = _extract(nlp, text, "2024-03-05")
    assert m.location is not None and m.location.name == "Kharkiv"
    assert ("Military Forces of Russia", "perpetrator") in {(a.name, a.role) for a in m.actors}


@pytest.mark.slow
def test_the_dateline_beats_a_country_alone(nlp) -> None:
    text = "MOGADISHU - A car bomb exploded near a hotel in the Somali capital on Friday."
    (m,) = _extract(nlp, text, "2024-03-05")
    assert m.location is not None and m.location.name.lower() == "mogadishu"


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Officials warned that the gang may try to attack the jail in Culiacan again.",
        "The commander said the enemy would not dare attack the city of Goma.",
    ],
)
def test_hedged_futures_are_not_events(nlp, text: str) -> None:
    assert [m for m in _extract(nlp, text, "2024-03-05") if m.event_type != "Diplomacy"] == []


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("ELN guerrillas kidnapped two engineers in Arauca on Tuesday.", "National Liberation"),
        ("The Arakan Army said it had captured a police outpost in Rakhine on Monday.", "Arakan"),
        ("Myanmar's military junta bombed a school in Sagaing on Monday.", "of Myanmar"),
    ],
)
def test_actors_beyond_the_middle_east(nlp, text: str, actor: str) -> None:
    (m,) = [m for m in _extract(nlp, text, "2024-03-05") if m.event_type != "Diplomacy"]
    perps = [a.name for a in m.actors if a.role == "perpetrator"]
    assert any(actor in p for p in perps), perps


@pytest.mark.slow
def test_members_of_a_group_believed_to_have_acted_are_suspected(nlp) -> None:
    text = (
        "Gunmen believed to be members of the Sinaloa Cartel killed four police officers "
        "in an ambush in Culiacan on Tuesday."
    )
    (m,) = _extract(nlp, text, "2024-03-05")
    roles = {(a.name, a.role) for a in m.actors}
    assert ("Sinaloa Cartel", "suspected") in roles
    assert ("Police Forces of Mexico", "target") in roles
