"""The trained part of the classifier: a linear softmax over MiniLM + lexicon features.

Training uses scikit-learn's logistic regression (``train``); at run time the weights are a
plain matrix in ``data/classify/model.npz`` and prediction is one numpy matmul, so importing
the classifier never imports scikit-learn and nothing is downloaded.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

import numpy as np

from dateline.extract.classify.lexicon import Lexicon, RuleHit
from dateline.records import EVENT_TYPE_OF

#: Feature order for the lexicon block: every sub-type, in taxonomy order.
SUBTYPES: tuple[str, ...] = tuple(EVENT_TYPE_OF)
#: Scale of the lexicon block relative to the unit-length embedding. 0.3 was best of
#: {0.1, 0.2, 0.3, 0.5, 0.6, 1.0} by 5-fold cross-validation on CASE 2021 dev (weighted F1).
LEXICON_WEIGHT = 0.3
#: Inverse regularisation strength; 4 was best of {2, 4, 8} on the same folds.
C = 4.0
MODEL_FILE = "model.npz"


def lexicon_block(
    texts: Sequence[str], lexicon: Lexicon, scans: list[list[RuleHit]] | None = None
) -> np.ndarray:
    """(N, 2 x 30) trigger counts per sub-type, strong then weak, capped at 2 and scaled to 0..1.

    Aggregating per sub-type (instead of one column per pattern) keeps the model small and lets
    a new pattern in a user's lexicon count without retraining.
    """
    index = {sub: i for i, sub in enumerate(SUBTYPES)}
    hits = lexicon.features(list(texts), scans)
    out = np.zeros((len(texts), 2 * len(SUBTYPES)), dtype=np.float32)
    for j, trig in enumerate(lexicon.triggers):
        col = index[trig.sub_event_type] + (0 if trig.strong else len(SUBTYPES))
        out[:, col] += hits[:, j]
    return np.minimum(out, 2.0) / 2.0


def featurize(
    embeddings: np.ndarray,
    texts: Sequence[str],
    lexicon: Lexicon,
    scans: list[list[RuleHit]] | None = None,
) -> np.ndarray:
    """The model's input: embedding (384) beside the weighted lexicon block (60)."""
    return np.hstack([embeddings, LEXICON_WEIGHT * lexicon_block(texts, lexicon, scans)])


@dataclass(frozen=True)
class LinearModel:
    """Softmax weights: ``proba = softmax(X @ coef.T + intercept)`` over ``classes``."""

    classes: tuple[str, ...]
    coef: np.ndarray
    intercept: np.ndarray

    def predict_proba(self, features: np.ndarray) -> np.ndarray:
        logits = features @ self.coef.T + self.intercept
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        return p / p.sum(axis=1, keepdims=True)

    def save(self, path: str | Path) -> None:
        np.savez_compressed(
            path,
            classes=np.array(self.classes),
            coef=self.coef.astype(np.float32),
            intercept=self.intercept.astype(np.float32),
        )

    @classmethod
    def load(cls, path: str | Path | Traversable) -> LinearModel:
        """Read weights written by :meth:`save` (a path or a package resource)."""
        with resources.as_file(Path(path) if isinstance(path, str) else path) as local:
            data = np.load(local, allow_pickle=False)
            classes = tuple(str(c) for c in data["classes"])
            return cls(classes, data["coef"].astype(np.float32), data["intercept"])


def train(
    features: np.ndarray, labels: Sequence[str], *, c: float = C, seed: int = 0
) -> LinearModel:
    """Fit the linear model (class-balanced logistic regression, deterministic for a seed)."""
    from sklearn.linear_model import LogisticRegression

    clf = LogisticRegression(C=c, max_iter=3000, class_weight="balanced", random_state=seed)
    clf.fit(features, np.asarray(labels))
    return LinearModel(
        tuple(str(c) for c in clf.classes_),
        clf.coef_.astype(np.float32),
        clf.intercept_.astype(np.float32),
    )


@functools.lru_cache(maxsize=1)
def shipped_model() -> LinearModel:
    """The model trained by ``scripts/train_classifier.py`` and shipped as package data."""
    return LinearModel.load(resources.files("dateline") / "data" / "classify" / MODEL_FILE)


__all__ = [
    "LEXICON_WEIGHT",
    "SUBTYPES",
    "C",
    "LinearModel",
    "featurize",
    "lexicon_block",
    "shipped_model",
    "train",
]
