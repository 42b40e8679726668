"""ECB+ event coreference: pair features, the shipped scorer, clustering, and the bench."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.merge.coref_features import (
    ENTITY_CLASSES,
    FEATURES,
    SECOND_ORDER,
    DocInfo,
    MentionInfo,
    TopicInput,
    argument_features,
    pair_features,
    second_order_features,
    stem,
    topic_tfidf,
)
from dateline.merge.coref_model import (
    PairScorer,
    cluster_probabilities,
    load_scorer,
)
from dateline.merge.similarity import weighted_terms

DIM = 384


def _unit(seed: int, base: np.ndarray | None = None, noise: float = 1.0) -> np.ndarray:
    v = np.random.default_rng(seed).normal(size=DIM)
    if base is not None:
        v = base + noise * v / np.linalg.norm(v)
    return (v / np.linalg.norm(v)).astype(np.float32)


def _ents(**kw: set[str]) -> dict[str, frozenset[str]]:
    return {c: frozenset(kw.get(c, set())) for c in ENTITY_CLASSES}


def _topic() -> TopicInput:
    """Two reports of one Indonesian earthquake and one of a different California quake.

    m1/m2 are the same shaking (near-identical trigger vectors, same names in the documents);
    m3 is "said" (a reporting verb); m4 is the other earthquake.
    """
    quake = _unit(1)
    docs = {
        "a": DocInfo(
            "a",
            "A 7.6 earthquake struck Padang in Indonesia on Wednesday, killing hundreds.",
            _unit(10),
            _ents(place={"padang", "indonesia"}, time={"wednesday"}),
        ),
        "b": DocInfo(
            "b",
            "Hundreds died when a 7.6 quake struck Padang, Indonesia, officials said.",
            _unit(10, _unit(10), 0.2),
            _ents(place={"padang", "indonesia"}),
        ),
        "c": DocInfo(
            "c",
            "A 4.1 earthquake shook Los Angeles in California on Sunday; no damage reported.",
            _unit(20),
            _ents(place={"los", "angeles", "california"}, time={"sunday"}),
        ),
    }
    mentions = [
        MentionInfo("a:1", "a", 0, "earthquake", "NOUN", _ents(place={"padang"})),
        MentionInfo("b:1", "b", 0, "quake", "NOUN", _ents(place={"padang"})),
        MentionInfo("b:2", "b", 0, "say", "VERB", _ents()),
        MentionInfo("c:1", "c", 0, "earthquake", "NOUN", _ents(place={"angeles"})),
    ]
    trigger = np.stack([quake, _unit(2, quake, 0.15), _unit(3), _unit(4, quake, 1.6)])
    sentence = np.stack([_unit(5), _unit(5, _unit(5), 0.3), _unit(5, _unit(5), 0.3), _unit(6)])
    word = np.stack([_unit(7), _unit(7, _unit(7), 0.5), _unit(8), _unit(7)])
    return TopicInput(mentions, docs, trigger, sentence, word)


def test_pair_features_shape_and_symmetry() -> None:
    x = pair_features(_topic())
    assert x.shape == (4, 4, len(FEATURES))
    assert np.allclose(x, x.transpose(1, 0, 2), atol=1e-6)
    f = {name: x[..., i] for i, name in enumerate(FEATURES)}
    assert f["same_lemma"][0, 3] == 1 and f["same_lemma"][0, 1] == 0
    assert f["same_doc"][1, 2] == 1 and f["same_doc"][0, 1] == 0
    assert f["sent_place_match"][0, 1] == 1 and f["sent_place_clash"][0, 3] == 1
    # Padang articles share a story; the Los Angeles article does not.
    assert f["same_story"][0, 1] == 1 and f["same_story"][0, 3] == 0


def test_shipped_scorer_joins_same_event_and_keeps_others_apart() -> None:
    scorer = load_scorer()
    assert scorer.features == FEATURES and 0.0 < scorer.threshold < 1.0
    probs = scorer.pair_probabilities(_topic())
    assert probs[0, 1] > scorer.threshold  # "earthquake" / "quake", same story
    assert probs[0, 3] < probs[0, 1]  # same word, different earthquake
    clusters = scorer.cluster(_topic())
    assert frozenset({"a:1", "b:1"}) in clusters
    assert frozenset({"b:2"}) in clusters and frozenset({"c:1"}) in clusters


def test_scorer_json_round_trip() -> None:
    scorer = load_scorer()
    again = PairScorer.from_json(scorer.to_json())
    assert again == scorer
    assert np.allclose(again.pair_probabilities(_topic()), scorer.pair_probabilities(_topic()))


def test_average_link_does_not_chain() -> None:
    # a-b and b-c are strong links but a-c is weak: single link would chain all three.
    probs = np.array([[1, 0.9, 0.0], [0.9, 1, 0.6], [0.0, 0.6, 1]])
    clusters = cluster_probabilities(probs, ["a", "b", "c"], threshold=0.5)
    assert sorted(map(sorted, clusters)) == [["a", "b"], ["c"]]


def test_stem_meets_derived_forms() -> None:
    assert stem("shooting") == stem("shoot") and stem("explosion") == "explos"
    assert stem("dies") == "die" and stem("bus") == "bus"


@settings(max_examples=30, deadline=None)
@given(st.lists(st.text(alphabet="abcde XY1", min_size=0, max_size=40), min_size=1, max_size=6))
def test_topic_tfidf_is_a_similarity(texts: list[str]) -> None:
    sim = topic_tfidf([weighted_terms(t) for t in texts])
    assert sim.shape == (len(texts), len(texts))
    assert np.allclose(sim, sim.T, atol=1e-6)
    assert (sim >= -1e-6).all() and (sim <= 1 + 1e-5).all()


@pytest.mark.slow
def test_ecbplus_subset_scores(shared_bench: Path) -> None:
    """spaCy + MiniLM over six documents of dev topic 12; the scorer beats same-lemma."""
    from dateline.bench.ecbplus import lemma_baseline
    from dateline.merge.coref_ecbplus import prepare, read_corpus
    from dateline.merge.coref_metrics import conll

    docs = read_corpus(shared_bench / "ecbplus")[12]
    subset = docs[:3] + [d for d in docs if "plus" in d.name][:3]
    ((topic, gold),) = prepare({12: subset}, use_cache=False).values()
    assert {m for c in gold for m in c} == {m.mention_id for m in topic.mentions}
    scorer = load_scorer()
    ours = conll(gold, scorer.cluster(topic))["conll"][2]
    base = conll(gold, lemma_baseline(topic))["conll"][2]
    assert ours > 0.6 and ours >= base - 0.02


def _args(**kw: set[str]) -> dict[str, frozenset[str]]:
    return {s: frozenset(kw.get(s, set())) for s in ("words", "name", "place", "time", "number")}


def test_argument_features_flag_same_lemma_different_participants() -> None:
    ms = [
        MentionInfo("a:1", "a", 0, "arrest", "VERB", _ents(), _args(name={"smith"})),
        MentionInfo("b:1", "b", 0, "arrest", "VERB", _ents(), _args(name={"smith"})),
        MentionInfo("b:2", "b", 3, "arrest", "VERB", _ents(), _args(name={"jones"})),
        MentionInfo("c:1", "c", 0, "capture", "VERB", _ents(), _args(name={"jones"})),
    ]
    same_stem = np.array([[1, 1, 1, 0], [1, 1, 1, 0], [1, 1, 1, 0], [0, 0, 0, 1]], np.float32)
    f = argument_features(ms, same_stem)
    assert f["stem_x_arg_match"][0, 1] == 1 and f["stem_x_arg_clash"][0, 1] == 0
    assert f["stem_x_arg_clash"][1, 2] == 1  # two arrests of two different people
    assert f["arg_ent_match"][2, 3] == 1 and f["stem_x_arg_match"][2, 3] == 0
    assert f["arg_jaccard"][0, 1] == 1.0 and f["arg_jaccard"][0, 2] == 0.0
    # mentions without parsed arguments (older callers) give zeros, not errors
    bare = [MentionInfo("x", "x", 0, "arrest", "VERB", _ents())] * 2
    assert not any(v.any() for v in argument_features(bare, np.ones((2, 2))).values())


def test_second_order_features_reward_shared_neighbours() -> None:
    p = np.array(
        [
            [1.0, 0.5, 0.9, 0.9, 0.0],
            [0.5, 1.0, 0.9, 0.9, 0.0],
            [0.9, 0.9, 1.0, 0.9, 0.0],
            [0.9, 0.9, 0.9, 1.0, 0.0],
            [0.0, 0.0, 0.0, 0.0, 1.0],
        ]
    )
    x = second_order_features(p)
    assert x.shape == (5, 5, len(SECOND_ORDER))
    assert np.allclose(x, x.transpose(1, 0, 2), atol=1e-6)
    row_cos = x[..., SECOND_ORDER.index("p_row_cosine")]
    assert row_cos[0, 1] > 0.8 and row_cos[0, 4] == 0.0  # 0 and 1 share neighbours 2 and 3
    # a lone pair has no other neighbours; counting itself, it still agrees with itself
    lone = second_order_features(np.array([[1.0, 0.9], [0.9, 1.0]]))
    assert lone[0, 1, SECOND_ORDER.index("p_row_cosine_self")] > 0.99


@pytest.mark.slow
def test_trigger_arguments_from_the_parse() -> None:
    from dateline.merge.coref_encode import trigger_arguments
    from dateline.nlp import load_nlp

    nlp = load_nlp(disable=())
    doc = nlp("Police arrested two suspects in Boston on Monday.")
    args = trigger_arguments(doc[1])
    assert {"police", "suspect"} <= args["words"]
    assert args["place"] == {"boston"} and args["time"] == {"monday"}
    assert args["number"] == {"two"}
    doc = nlp("The 7.6 earthquake struck Padang on Wednesday, killing 300 people.")
    quake = trigger_arguments(doc[2])  # a noun trigger borrows its verb's arguments
    assert "7.6" in quake["number"] and "wednesday" in quake["time"]
    assert "padang" in quake["name"] | quake["place"]
