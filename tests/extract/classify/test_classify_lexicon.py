"""Lexicon rules on realistic sentences; no model needed."""

from __future__ import annotations

import pytest

from dateline.errors import ConfigError
from dateline.extract.classify.lexicon import Lexicon, default_lexicon
from dateline.extract.classify.model import SUBTYPES, lexicon_block
from dateline.extract.classify.training import own_sentences
from dateline.records import EVENT_TYPE_OF


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        ("A suicide bomber blew himself up outside a mosque in Kabul.", "Suicide bomb"),
        (
            "Kataib Hezbollah denied any involvement in the rocket attack.",
            "Attribution of responsibility",
        ),
        (
            "The Islamic State claimed responsibility for the blast.",
            "Attribution of responsibility",
        ),
        (
            "Turkish forces set up a new observation post near Saraqib.",
            "Headquarters or base established",
        ),
        ("Doctors reported symptoms of exposure to sarin.", "Chemical weapon"),
        (
            "Gunmen kidnapped 12 passengers on the Abuja-Kaduna road.",
            "Abduction/forced disappearance",
        ),
        ("A roadside bomb hit a police patrol in Kirkuk.", "Remote explosive/landmine/IED"),
        ("Unknown men threw a hand grenade at a shop.", "Grenade"),
        ("Washington imposed sanctions on two militia leaders.", "Diplomatic event"),
        ("A magnitude 6.4 earthquake struck eastern Turkey.", "Natural disaster"),
        ("A mob lynched a man accused of theft.", "Mob violence"),
    ],
)
def test_top_rule(text: str, sub: str) -> None:
    hits = default_lexicon().rule_hits(text)
    assert hits, text
    assert hits[0].trigger.sub_event_type == sub
    assert text[hits[0].start : hits[0].end] == hits[0].text  # exact span, usable as evidence


def test_claim_outranks_the_attack_it_claims() -> None:
    hits = default_lexicon().rule_hits("Al-Shabaab claimed responsibility for the suicide bombing.")
    subs = [h.trigger.sub_event_type for h in hits]
    assert subs[0] == "Attribution of responsibility"
    assert "Suicide bomb" in subs


def test_no_rule_on_neutral_text() -> None:
    assert default_lexicon().rule_hits("The minister opened a new library in Erbil.") == []


def test_every_entry_names_a_taxonomy_type_and_has_a_source() -> None:
    lex = default_lexicon()
    assert {t.sub_event_type for t in lex.triggers} == set(EVENT_TYPE_OF)


def test_bad_entries_are_config_errors() -> None:
    with pytest.raises(ConfigError):
        Lexicon.from_entries([{"sub_event_type": "Bombing", "source": "x", "strong": ["bomb"]}])
    with pytest.raises(ConfigError):
        Lexicon.from_entries([{"sub_event_type": "Grenade", "strong": ["grenade"]}])
    with pytest.raises(ConfigError):
        Lexicon.from_entries(
            [{"sub_event_type": "Grenade", "source": "x", "strong": ["(unclosed"]}]
        )


def test_lexicon_block_shape_and_range() -> None:
    block = lexicon_block(["Rockets and mortars hit the base.", ""], default_lexicon())
    assert block.shape == (2, 2 * len(SUBTYPES))
    assert block.min() >= 0.0 and block.max() <= 1.0
    assert block[1].sum() == 0.0


def test_own_sentences_cover_every_type() -> None:
    examples = own_sentences()
    assert {e.sub_event_type for e in examples} == set(EVENT_TYPE_OF)
    assert len({e.text for e in examples}) == len(examples)
