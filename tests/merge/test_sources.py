"""Reprints, independent sources, stories, similarity and the coreference scorer."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.merge import (
    article_similarity,
    find_reprints,
    independent_sources,
    merge_events,
    story_clusters,
)
from dateline.merge.coref_metrics import b_cubed, ceaf_e, conll, muc
from dateline.merge.sources import wire_credits
from dateline.records import Article, DateInterval
from tests.merge.helpers import rocket_reports

WIRE = (
    "BAGHDAD (AFP, AP, Reuters) - Five Katyusha rockets struck Ain al-Asad air base in "
    "Iraq's western Anbar province on Tuesday evening, the Iraqi military said, in the latest "
    "of a string of attacks on facilities hosting US-led coalition troops. No casualties were "
    "reported. The base was hit by Iranian ballistic missiles in January 2020."
)


def article(text: str, outlet: str, day: int) -> Article:
    published = DateInterval.day(dt.date(2022, 1, day), "dateline")
    return Article(Article.make_id(text, outlet), text, outlet=outlet, published=published)


def test_wire_credit_lines() -> None:
    assert wire_credits(WIRE) == {"afp", "ap", "reuters"}
    assert wire_credits("Rockets hit a base, officials said. - Reuters") == {"reuters"}
    assert wire_credits("Rockets hit a base in Anbar (western Iraq).") == frozenset()


def test_reprints_point_to_the_earliest_copy() -> None:
    original = article(WIRE, "Gulf Dispatch", 5)
    copy = article("Updated: " + WIRE.replace("Tuesday evening", "Tuesday night"), "Star", 6)
    other = article(
        "Protesters gathered in Nasiriyah on Friday demanding jobs and power, "
        "and police fired tear gas to disperse them.",
        "Tigris Times",
        6,
    )
    reprints = find_reprints([copy, other, original])
    assert reprints[copy.article_id] == original.article_id
    assert reprints[other.article_id] == other.article_id


def test_independent_sources_counts_reprints_and_outlets_once() -> None:
    (ev,) = merge_events(rocket_reports()).events
    ids = [s.article_id for s in ev.sources]
    assert independent_sources(ev, {}) == 3
    assert independent_sources(ev, {ids[2]: ids[1]}) == 2


def test_story_clusters_group_related_days() -> None:
    a = article(WIRE, "Gulf Dispatch", 5)
    b = article(
        "A day after rockets struck Ain al-Asad air base in Anbar province, coalition "
        "troops at the base raised alert levels; the Iraqi military said.",
        "Star",
        6,
    )
    c = article(
        "Protesters gathered in Nasiriyah on Friday demanding jobs and power.", "Tigris Times", 7
    )
    stories = story_clusters([c, b, a])
    assert stories[a.article_id] == stories[b.article_id] != stories[c.article_id]
    assert stories == story_clusters([a, b, c])


def test_article_similarity_ranks_same_event_higher() -> None:
    same = article_similarity(
        WIRE,
        "Rockets hit Ain al-Asad air base in Anbar on Tuesday, the Iraqi military said.",
        use_embeddings=False,
    )
    other = article_similarity(
        WIRE, "Protesters gathered in Nasiriyah demanding jobs.", use_embeddings=False
    )
    assert 0 <= other < same <= 1


@given(st.text(max_size=200), st.text(max_size=200))
def test_lexical_similarity_is_symmetric_and_bounded(a: str, b: str) -> None:
    s = article_similarity(a, b, use_embeddings=False)
    assert 0.0 <= s <= 1.0 + 1e-9
    assert s == article_similarity(b, a, use_embeddings=False)


def test_coreference_metrics_golden_values() -> None:
    key = [frozenset("abc"), frozenset("d")]
    response = [frozenset("ab"), frozenset("cd")]
    assert muc(key, response) == pytest.approx((0.5, 0.5, 0.5))
    assert b_cubed(key, response)[:2] == pytest.approx((0.75, 2 / 3))
    assert ceaf_e(key, response)[:2] == pytest.approx((1.4667 / 2, 1.4667 / 2), abs=1e-4)
    perfect = conll(key, key)["conll"][0]
    assert perfect == pytest.approx(1.0)
