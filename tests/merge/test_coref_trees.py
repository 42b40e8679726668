"""Boosted trees exported to JSON: same log-odds as scikit-learn, deterministic, round trip."""

from __future__ import annotations

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier

from dateline.merge.coref_model import PairScorer
from dateline.merge.coref_trees import PARAMS, TreeEnsemble

SMALL = {**PARAMS, "max_iter": 30}


def _interaction_data(n: int = 4000) -> tuple[np.ndarray, np.ndarray]:
    """Label = same word AND no argument clash: what a linear stage cannot express."""
    rng = np.random.default_rng(7)
    x = np.column_stack([rng.integers(0, 2, n), rng.integers(0, 2, n), rng.normal(size=n)]).astype(
        np.float64
    )
    y = (x[:, 0] == 1) & (x[:, 1] == 0)
    return x, y


def test_exported_trees_match_sklearn() -> None:
    x, y = _interaction_data()
    model = HistGradientBoostingClassifier(**SMALL).fit(x, y)
    trees = TreeEnsemble.from_sklearn(model)
    assert np.allclose(trees.logit(x[:300]), model.decision_function(x[:300]), atol=1e-9)
    # the interaction is learnt: same word with a clash scores below same word without
    probe = np.array([[1.0, 0.0, 0.0], [1.0, 1.0, 0.0], [0.0, 0.0, 0.0]])
    z = trees.logit(probe)
    assert z[0] > 0 > z[1] and z[0] > z[2]


def test_fit_is_deterministic_and_round_trips() -> None:
    x, y = _interaction_data()
    a = TreeEnsemble.fit(x, y, SMALL)
    b = TreeEnsemble.fit(x, y, SMALL)
    assert a == b
    again = TreeEnsemble.from_dict(a.to_dict())
    assert again == a and np.array_equal(again.logit(x[:50]), a.logit(x[:50]))


def test_tree_stage_in_a_scorer_survives_json() -> None:
    x, y = _interaction_data(1000)
    trees = TreeEnsemble.fit(x, y, {**SMALL, "max_iter": 5})
    stage = PairScorer(("a", "b", "c"), (), (), (), 0.0, trees=trees)
    again = PairScorer.from_json(stage.to_json())
    assert again == stage
    pairs = np.repeat(x[:4][None, :, :], 4, axis=0)  # a (4, 4, 3) "topic"
    assert np.allclose(again._linear(pairs, ("a", "b", "c")), stage._linear(pairs, ("a", "b", "c")))
