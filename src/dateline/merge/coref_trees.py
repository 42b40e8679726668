"""Gradient-boosted trees for the stacked coreference stage, shipped as plain JSON.

The second stage decides from the first stage's log-odds, the neighbour agreement of the two
mentions and the pair features together, and those interact: a pair whose own log-odds is
middling is one event when both mentions' links agree *and* the lexical prior is good, and
two when the same stem meets clashing arguments. A linear stage adds those up; boosted trees
can condition one on another (ECB+ train CV, lexical priors in both: see ``docs/bench``).

Training uses scikit-learn's ``HistGradientBoostingClassifier`` (fixed ``random_state``, no
early stopping, so the same pairs give the same trees); inference walks the exported trees
with numpy, so no pickle is shipped and scoring does not depend on the scikit-learn version.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

#: Boosting settings (ECB+ train CV, with the lexical priors): few leaves and large leaves,
#: because 340k pairs come from only 25 topics and deep trees would memorise topics.
PARAMS = {
    "max_iter": 200,
    "learning_rate": 0.05,
    "max_leaf_nodes": 15,
    "min_samples_leaf": 200,
    "l2_regularization": 1.0,
    "early_stopping": False,
    "random_state": 0,
}


@dataclass(frozen=True)
class Tree:
    """One regression tree as parallel node arrays; a leaf has ``left == -1``."""

    feature: tuple[int, ...]
    threshold: tuple[float, ...]
    left: tuple[int, ...]
    right: tuple[int, ...]
    value: tuple[float, ...]


@dataclass(frozen=True)
class TreeEnsemble:
    """Sum of tree values plus a baseline: the log-odds of a binary boosted classifier."""

    baseline: float
    trees: tuple[Tree, ...]

    @classmethod
    def fit(cls, x: np.ndarray, y: np.ndarray, params: dict | None = None) -> TreeEnsemble:
        """Boost on rows ``x`` (pairs, features) with labels ``y``, then export the trees."""
        from sklearn.ensemble import HistGradientBoostingClassifier

        model = HistGradientBoostingClassifier(**(params or PARAMS)).fit(x, y)
        return cls.from_sklearn(model)

    @classmethod
    def from_sklearn(cls, model: object) -> TreeEnsemble:
        """Export a fitted binary ``HistGradientBoostingClassifier`` (numeric features only)."""
        trees = []
        for (predictor,) in model._predictors:  # type: ignore[attr-defined]
            nodes = predictor.nodes
            leaf = nodes["is_leaf"].astype(bool)
            trees.append(
                Tree(
                    feature=tuple(nodes["feature_idx"].astype(int).tolist()),
                    threshold=tuple(nodes["num_threshold"].astype(float).tolist()),
                    left=tuple(
                        np.where(leaf, -1, nodes["left"].astype(np.int64)).astype(int).tolist()
                    ),
                    right=tuple(
                        np.where(leaf, -1, nodes["right"].astype(np.int64)).astype(int).tolist()
                    ),
                    value=tuple(np.where(leaf, nodes["value"], 0.0).astype(float).tolist()),
                )
            )
        baseline = float(np.ravel(model._baseline_prediction)[0])  # type: ignore[attr-defined]
        return cls(baseline, tuple(trees))

    def logit(self, x: np.ndarray) -> np.ndarray:
        """Log-odds for each row of ``x`` (rows, features): every tree walked level by level.

        A row goes left when its value is <= the node's threshold, as scikit-learn's
        predictor does for numeric features without missing values.
        """
        x = np.asarray(x, dtype=np.float64)
        rows = np.arange(len(x))
        out = np.full(len(x), self.baseline)
        for tree in self.trees:
            feature, threshold = np.array(tree.feature), np.array(tree.threshold)
            left, right = np.array(tree.left), np.array(tree.right)
            node = np.zeros(len(x), dtype=np.int64)
            inner = left[node] >= 0
            while inner.any():
                at = node[inner]
                goes_left = x[rows[inner], feature[at]] <= threshold[at]
                node[inner] = np.where(goes_left, left[at], right[at])
                inner = left[node] >= 0
            out += np.array(tree.value)[node]
        return out

    def to_dict(self) -> dict:
        return {
            "baseline": self.baseline,
            "trees": [
                {
                    "feature": list(t.feature),
                    "threshold": list(t.threshold),
                    "left": list(t.left),
                    "right": list(t.right),
                    "value": list(t.value),
                }
                for t in self.trees
            ],
        }

    @classmethod
    def from_dict(cls, raw: dict) -> TreeEnsemble:
        trees = tuple(
            Tree(
                tuple(t["feature"]),
                tuple(t["threshold"]),
                tuple(t["left"]),
                tuple(t["right"]),
                tuple(t["value"]),
            )
            for t in raw["trees"]
        )
        return cls(float(raw["baseline"]), trees)


__all__ = ["PARAMS", "Tree", "TreeEnsemble"]
