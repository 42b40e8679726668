"""Golden wire sentences (written for dateline) from theatres beyond Iraq and Syria: the
actor KB's African and South Asian groups, tolls stated with "shot dead", and armed men who
"stormed" a place, which is an attack and not a riot."""

from __future__ import annotations

import pytest

from tests.factories import extract_text

CASES = [
    (
        "Al-Shabaab fighters stormed a hotel in Mogadishu on Saturday; at least 20 people died.",
        "Attack",
        "Al-Shabaab",
        (20, 40),
    ),
    (
        "Boko Haram militants attacked a military base in Borno state on Friday, killing 11 "
        "soldiers.",
        "Armed clash",
        "Boko Haram",
        (11, 11),
    ),
    (
        "Gunmen on motorcycles shot dead five farmers in Zamfara state on Sunday.",
        "Attack",
        "Unidentified armed group (Nigeria)",
        (5, 5),
    ),
    (
        "ISWAP fighters killed 12 villagers near Gwoza on Tuesday.",
        "Attack",
        "Islamic State West Africa Province",
        (12, 12),
    ),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "sub_type", "perpetrator", "killed"), CASES)
def test_wire_sentences_beyond_the_middle_east(
    nlp, text: str, sub_type: str, perpetrator: str, killed: tuple[int, int]
) -> None:
    (mention,) = extract_text(nlp, text, "2021-03-07")
    assert mention.sub_event_type == sub_type
    assert perpetrator in {a.name for a in mention.actors if a.role == "perpetrator"}
    assert mention.fatalities is not None
    assert (mention.fatalities.min, mention.fatalities.max) == killed


@pytest.mark.slow
def test_who_blames_is_not_who_did_it_and_who_was_killed_is_the_target(nlp) -> None:
    (blamed,) = extract_text(
        nlp,
        "Iraqi officials blamed Kataib Hezbollah for the rocket attack on Ain al-Asad air base "
        "on Wednesday.",
        "2021-03-07",
    )
    roles = {(a.name, a.role) for a in blamed.actors}
    assert ("Kataib Hezbollah", "suspected") in roles
    assert not any(name == "Government of Iraq" for name, _ in roles)
    (ambush,) = extract_text(
        nlp,
        "Nigerian troops killed 20 Boko Haram fighters in an ambush near Maiduguri on Monday.",
        "2021-03-07",
    )
    assert ("Boko Haram", "target") in {(a.name, a.role) for a in ambush.actors}


def test_a_nationality_and_a_force_noun_name_that_state_force() -> None:
    from dateline.extract.lexicon import lexicon
    from dateline.extract.roles import mentioned_actors
    from dateline.ground.actors import default_kb

    text = "Ethiopian police and Russian forces moved in; Kurdish forces and US troops held back."
    found = {m.name: m.kb.kind for m in mentioned_actors(text, 0, default_kb(), lexicon()) if m.kb}
    assert found == {
        "Police Forces of Ethiopia": "state_force",
        "Military Forces of Russia": "state_force",
        "United States Armed Forces": "state_force",  # the KB's own entry wins
    }


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "sub_type", "actor"),
    [
        (
            "Gunmen looted shops and torched homes in a village 20 km north of Bunia overnight.",
            "Looting/property destruction",
            ("Unidentified armed group (Democratic Republic of the Congo)", "perpetrator"),
        ),
        (
            "Protesters looted shops and set fire to a police station in Nasiriyah on Sunday.",
            "Violent demonstration",
            ("Protesters (Iraq)", "participant"),
        ),
        (
            "Security forces shot dead three demonstrators in Yangon on Saturday.",
            "Excessive force against protesters",
            ("Military Forces of Myanmar", "participant"),
        ),
        (
            "Rebels seized the town of Bambari after heavy fighting on Sunday.",
            "Non-state actor overtakes territory",
            ("Unidentified armed group (Central African Republic)", "perpetrator"),
        ),
    ],
)
def test_who_loots_burns_shoots_or_seizes(nlp, text: str, sub_type: str, actor: tuple) -> None:
    (mention,) = extract_text(nlp, text, "2021-03-07")
    assert mention.sub_event_type == sub_type
    assert actor in {(a.name, a.role) for a in mention.actors}


@pytest.mark.slow
def test_an_attack_told_only_through_its_claim_is_an_event_too(nlp) -> None:
    # the contract: a claim is an Attribution event and a claimant on the attack it refers to
    text = (
        "Islamic State claimed responsibility for the bombing in Kabul on Tuesday that killed 30."
    )
    claim, attack = sorted(extract_text(nlp, text, "2021-03-07"), key=lambda m: m.event_type)
    assert (claim.event_type, claim.status) == ("Attribution", "claimed")
    assert attack.status == "asserted" and attack.fatalities is not None
    assert attack.fatalities.min == 30
    assert ("Islamic State", "claimant") in {(a.name, a.role) for a in attack.actors}
    assert attack.location is not None and attack.location.name == "Kabul"


def test_a_force_the_kb_lists_keeps_its_kb_name_in_every_spelling() -> None:
    """ "the Turkish army-led attempt" (the alias is cut by the hyphen) is still the KB's
    Turkish Armed Forces, not a second name for the same army."""
    from dateline.extract.roles import national_force

    army = national_force("Turkish", "army")
    assert army is not None and army.name == "Turkish Armed Forces"
    nigeria = national_force("Nigerian", "troops")
    assert nigeria is not None and nigeria.name == "Military Forces of Nigeria"
    police = national_force("Turkish", "police")
    assert police is not None and police.name == "Police Forces of Turkey"


@pytest.mark.slow
def test_unnamed_security_forces_in_a_listed_country_are_its_army(nlp) -> None:
    """Unnamed troops are the army of the event's country: the KB's own entry where it lists
    one (Syrian Arab Army), never a second "Military Forces of Syria" for the same army."""
    (raid,) = extract_text(
        nlp,
        "Security forces shelled a village near Afrin on Tuesday, killing four civilians.",
        "2018-02-07",
    )
    assert ("Syrian Arab Army", "perpetrator") in {(a.name, a.role) for a in raid.actors}
