"""Merge decisions found by checking every wrong pair of the gold benchmarks, kept as tests:
statements (claims, denials) are events of their own, actor links reach parents, unknown
perpetrators are no evidence, and named people identify an event across dates and places."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.bench.merge import gold_events, pair_errors, score_gold_files
from dateline.merge import merge_events
from dateline.merge.features import Profile, actor_score, pair_score
from dateline.records import Actor, Event, Place
from tests.merge.helpers import report

REPO = Path(__file__).resolve().parents[2]
GUARDIAN = REPO / "gold" / "guardian_events.jsonl"
ANBAR = Place("Anbar province", "IQ", "Anbar", None, None, 3)
IRAQ = Place("Iraq", "IQ", None, None, None, 3)


def statement(text: str, outlet: str, published: str, status: str, actor: Actor, **kw) -> Event:
    """An attribution statement (claim or denial) about an attack in Anbar."""
    event = report(
        text,
        outlet,
        published,
        sub="Attribution of responsibility",
        event_type="Attribution",
        actors=(actor,),
        place=kw.pop("place", ANBAR),
        **kw,
    )
    return event.with_(status=status)


def test_claim_and_denial_of_one_attack_are_two_events() -> None:
    claim = statement(
        "A little-known group, Qasim al-Jabbarin, claimed the rocket attack on Ain al-Asad.",
        "AFP",
        "2022-01-06",
        "claimed",
        Actor("Qasim al-Jabbarin", "claimant", "qasim_al_jabbarin"),
    )
    denial = statement(
        "Kataib Hezbollah denied on Thursday that it had anything to do with the attack.",
        "Reuters",
        "2022-01-06",
        "denied",
        Actor("Kataib Hezbollah", "denier", "kataib_hezbollah", "Popular Mobilization Forces"),
    )
    assert pair_score(Profile.of(0, claim), Profile.of(1, denial)) == 0.0
    assert len(merge_events([claim, denial]).events) == 2


def test_claims_by_different_groups_stay_apart_but_a_repeated_claim_merges() -> None:
    convoy = statement(
        "Ashab al-Kahf said it was behind the bombing of a logistics convoy.",
        "Gulf Dispatch",
        "2022-01-12",
        "claimed",
        Actor("Ashab al-Kahf", "claimant", "ashab_al_kahf"),
        place=IRAQ,
    )
    isis = statement(
        "The Islamic State group claimed the bombing in a statement on Telegram.",
        "Levant Monitor",
        "2022-01-12",
        "claimed",
        Actor("Islamic State", "claimant", "islamic_state"),
        place=IRAQ,
    )
    again = statement(
        "Ashab al-Kahf, a shadowy group, claimed responsibility for the convoy bombing.",
        "AFP",
        "2022-01-12",
        "claimed",
        Actor("Ashab al-Kahf", "claimant", "ashab_al_kahf"),
        place=IRAQ,
    )
    assert pair_score(Profile.of(0, convoy), Profile.of(1, isis)) == 0.0
    events = merge_events([convoy, isis, again]).events
    assert sorted(len(e.sources) for e in events) == [1, 2]


def test_child_actor_meets_its_parent_by_name() -> None:
    """Extraction names a front's parent by name; the parent itself carries a KB id."""
    ypg = Actor("People's Protection Units", "perpetrator", "ypg", "Syrian Democratic Forces")
    sdf = Actor("Syrian Democratic Forces", "perpetrator", "sdf")
    a = report("Kurdish fighters seized the two men.", "Guardian", "2018-02-09", actors=(ypg,))
    b = report("The SDF captured the pair.", "AP", "2018-02-09", actors=(sdf,))
    # keys {ypg, sdf} vs {sdf}: jaccard 1/2 -> 0.3 + 0.7 * 0.5
    assert actor_score(Profile.of(0, a), Profile.of(1, b)) == pytest.approx(0.65)


def test_unidentified_perpetrators_are_no_evidence_either_way() -> None:
    unknown = Actor("Unidentified armed group (Iraq)", "perpetrator")
    a = report("Gunmen opened fire on a checkpoint.", "AFP", "2022-01-05", actors=(unknown,))
    b = report("Unknown attackers shot at soldiers.", "AP", "2022-01-05", actors=(unknown,))
    assert Profile.of(0, a).actors == frozenset()
    assert actor_score(Profile.of(0, a), Profile.of(1, b)) == 0.5


def test_guardian_gold_pairwise_scores(shared_bench: Path) -> None:
    """No wrong pair; the one gold pair missed is G23, whose evidence names nobody ("the
    pair were seized in mid-January" / "captured in February", 12 days apart)."""
    (row,) = score_gold_files([str(GUARDIAN)], shared_bench / "corpora")
    assert (row["mentions"], row["gold_events"], row["events"]) == (55, 44, 45)
    assert row["precision"] == 1.0
    assert (row["pred_pairs"], row["gold_pairs"]) == (14, 15)


def test_guardian_without_articles_misses_only_the_unnamed_capture() -> None:
    """From the evidence sentences alone: G24 (Emwazi named in both, no place in one) is
    found; G23 ("the pair" in both sentences, 12 days apart) is now a candidate pair
    (coarse dates keep a tolerance) but nothing names the captives, so it stays below the
    threshold; see docs/bench/merge.md."""
    rows = pair_errors(*gold_events(GUARDIAN))
    assert [(r["kind"], r["gold"][0], r["candidate"]) for r in rows] == [("missed", "G23", True)]
    assert rows[0]["features"]["named_person"] == "unknown"


@pytest.mark.slow
def test_demo_end_to_end_merge_of_extracted_mentions() -> None:
    """Extractor output for the 20 demo articles, merged: no wrong join; the two misses are
    a retold strike at "Baghdad airport" that blocking only compares by exact place name."""
    from dateline.bench.merge import end_to_end

    row = end_to_end(REPO / "gold" / "demo_events.jsonl", [REPO])
    assert row["precision"] == 1.0
    assert row["recall"] >= 17 / 19
