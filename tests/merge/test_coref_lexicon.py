"""Lexical priors for event coreference: counting, leave-one-topic-out arithmetic, features."""

from __future__ import annotations

import json

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.merge.coref_features import FEATURES, LEXICAL_COLUMNS
from dateline.merge.coref_lexicon import (
    LEXICAL,
    LexicalPriors,
    lexical_features,
    load_priors,
    priors_to_json,
)
from dateline.merge.coref_model import Featurised


def _labels(groups: list[int]) -> np.ndarray:
    g = np.array(groups)
    return g[:, None] == g[None, :]


def _topic() -> LexicalPriors:
    """A killing reported as "killed" and "murder", two unrelated "said", one lone "blast"."""
    stems = ["kill", "murder", "say", "say", "blast"]
    return LexicalPriors.count(stems, _labels([0, 0, 1, 2, 3]))


def test_count_tallies_pairs_and_singletons() -> None:
    p = _topic()
    assert p.pair_n["kill|murder"] == 1 and p.pair_k["kill|murder"] == 1
    assert p.same_n["say"] == 1 and p.same_k.get("say", 0) == 0
    assert p.mention_n["say"] == 2 and p.mention_single["say"] == 2
    assert p.mention_single.get("kill", 0) == 0
    assert p.totals["pair_n"] == 9 and p.totals["pair_k"] == 1
    assert p.totals["mention_n"] == 5 and p.totals["mention_single"] == 3


def test_add_then_subtract_gives_back_the_counts() -> None:
    a = _topic()
    b = LexicalPriors.count(["quake", "earthquake", "say"], _labels([0, 0, 1]))
    again = (a + b) - b
    for name in LexicalPriors._FIELDS:
        assert getattr(again, name) == getattr(a, name), name
    # leave-one-topic-out: what only b counted is gone, not left at zero
    assert "earthquake|quake" not in ((a + b) - b).pair_n


def test_features_follow_the_counts() -> None:
    priors = sum([_topic()] * 20, LexicalPriors())  # twenty topics that agree
    stems = ["kill", "murder", "say", "say", "unseen", "unseen"]
    x = lexical_features(stems, priors)
    f = {name: x[..., i] for i, name in enumerate(LEXICAL)}
    assert f["lex_pair"][0, 1] > 1.0  # kill / murder: always one event
    assert f["lex_same_stem"][2, 3] < 0  # two "said": never one event
    assert f["lex_same_evidence"][2, 3] > 0 and f["lex_same_evidence"][0, 1] == 0
    # a word the priors never saw says nothing
    assert f["lex_same_stem"][4, 5] == 0 and f["lex_pair"][0, 4] == 0
    assert f["lex_single_max"][2, 4] > 0 and f["lex_single_mean"][4, 5] == 0
    assert np.allclose(x, x.transpose(1, 0, 2))


def test_json_round_trip_keeps_features() -> None:
    priors = _topic() + LexicalPriors.count(["quake", "earthquake"], _labels([0, 0]))
    text = priors_to_json(priors, "unit test")
    assert json.loads(text)["source"] == "unit test"
    again = LexicalPriors.from_dict(json.loads(text))
    stems = ["kill", "murder", "say", "quake", "earthquake", "blast"]
    assert np.array_equal(lexical_features(stems, again), lexical_features(stems, priors))


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from("abcde"), st.integers(0, 3)), min_size=1, max_size=12),
    st.lists(st.sampled_from("abcdefg"), min_size=1, max_size=8),
)
def test_features_finite_symmetric_and_zero_without_priors(
    mentions: list[tuple[str, int]], query: list[str]
) -> None:
    stems = [s for s, _ in mentions]
    priors = LexicalPriors.count(stems, _labels([g for _, g in mentions]))
    x = lexical_features(query, priors)
    assert x.shape == (len(query), len(query), len(LEXICAL))
    assert np.isfinite(x).all() and np.allclose(x, x.transpose(1, 0, 2))
    assert not lexical_features(query, LexicalPriors()).any()
    # subtracting a topic from itself leaves no counts at all
    empty = priors - priors
    assert all(not getattr(empty, name) for name in LexicalPriors._FIELDS)


def test_featurised_swaps_only_the_lexical_columns() -> None:
    n = 3
    x = np.random.default_rng(0).normal(size=(n, n, len(FEATURES))).astype(np.float32)
    gold = [frozenset({"a", "b"}), frozenset({"c"})]
    topic = Featurised(["a", "b", "c"], gold, x, ("kill", "murder", "say"))
    swapped = topic.with_priors(sum([_topic()] * 5, LexicalPriors()))
    keep = np.ones(len(FEATURES), bool)
    keep[LEXICAL_COLUMNS] = False
    assert np.array_equal(swapped.x[..., keep], x[..., keep])
    assert swapped.x[0, 1, LEXICAL_COLUMNS][LEXICAL.index("lex_pair")] > 0
    assert topic.priors().pair_k["kill|murder"] == 1


def test_shipped_priors_know_common_trigger_words() -> None:
    priors = load_priors()
    x = lexical_features(["kill", "murder", "say", "say"], priors)
    f = {name: x[..., i] for i, name in enumerate(LEXICAL)}
    assert f["lex_pair"][0, 1] > 0.5  # kill / murder corefer in the train topics
    assert f["lex_same_stem"][2, 3] < 0  # "said" / "said" mostly do not
