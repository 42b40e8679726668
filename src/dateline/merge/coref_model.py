"""Pairwise event-mention scorer and average-link clustering for cross-document coreference.

A logistic regression over :data:`dateline.merge.coref_features.FEATURES` (including the
lexical priors of :mod:`dateline.merge.coref_lexicon`) gives each pair of mentions in a topic
a probability of referring to the same event; a second, stacked stage re-scores each pair
with what the first stage says about both mentions' other links (a "strike" and a "hit"
linked to the same ten mentions are one event even when their own vectors disagree);
average-link clustering then joins groups whose *mean* pairwise probability reaches a
threshold, which (unlike single-link) cannot chain two different earthquakes together
through one ambiguous "quake". The first stage stays linear (boosted trees there were no
better on ECB+ train CV, 0.778 vs 0.777 for the first stage alone); the second stage is
boosted trees (:mod:`dateline.merge.coref_trees`, exported to JSON), since its inputs
interact (train CV 0.795 vs 0.793 for a second regression, both with the lexical priors).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from importlib import resources
from pathlib import Path

import numpy as np

from dateline.merge.coref_features import (
    FEATURES,
    LEXICAL_COLUMNS,
    SECOND_ORDER,
    TopicInput,
    pair_features,
    second_order_features,
    stem,
)
from dateline.merge.coref_lexicon import LexicalPriors, lexical_features, load_priors
from dateline.merge.coref_metrics import conll
from dateline.merge.coref_trees import TreeEnsemble

Clusters = list[frozenset[str]]
#: The shipped weights (trained on the ECB+ train topics by scripts/train_coref.py).
DEFAULT_WEIGHTS = "ecbplus_pair_lr.json"
THRESHOLDS = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5)
#: The stacked stage: boosted trees (ECB+ train CV 0.795) over a regression (0.793).
SECOND_STAGE = "trees"


@dataclass(frozen=True)
class PairScorer:
    """Standardised logistic regression: p = sigmoid(((x - mean) / scale) . coef + intercept).

    With ``second`` set, the scorer is stacked: a second regression re-scores each pair from
    its features plus :data:`SECOND_ORDER` features of the first stage's whole matrix, so a
    pair's decision can use how both mentions relate to the rest of the topic.
    """

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float
    threshold: float = 0.4
    meta: dict = field(default_factory=dict, compare=False)
    second: PairScorer | None = None
    #: Lexical priors the scorer was trained with (None: the shipped ones); not in its JSON.
    priors: LexicalPriors | None = field(default=None, compare=False, repr=False)
    #: Boosted trees in place of the regression (then mean/scale/coef are empty).
    trees: TreeEnsemble | None = field(default=None, repr=False)

    def pair_probabilities(self, topic: TopicInput) -> np.ndarray:
        """Symmetric (n, n) coreference probabilities, 1 on the diagonal."""
        return self.probabilities_from_features(pair_features(topic, self.priors))

    def topic_probabilities(self, topic: Featurised) -> np.ndarray:
        """As :meth:`pair_probabilities` for a featurised topic, with this scorer's priors."""
        priors = load_priors() if self.priors is None else self.priors
        return self.probabilities_from_features(topic.with_priors(priors).x)

    def probabilities_from_features(self, x: np.ndarray) -> np.ndarray:
        """As :meth:`pair_probabilities`, from a precomputed (n, n, F) feature array."""
        p = self._linear(x, FEATURES)
        if self.second is not None:
            x2 = np.concatenate([x, second_order_features(p)], axis=-1)
            p = self.second._linear(x2, FEATURES + SECOND_ORDER)
        return p

    def _linear(self, x: np.ndarray, expected: tuple[str, ...]) -> np.ndarray:
        if tuple(self.features) != expected:
            raise ValueError("scorer was trained on a different feature set; retrain it")
        x = x.astype(np.float64)
        if self.trees is not None:
            # pair features are symmetric: walk the trees for i < j only, mirror the rest
            upper = np.triu_indices(len(x), 1)
            z = np.zeros(x.shape[:2])
            z[upper] = self.trees.logit(x[upper])
            z = z + z.T
        else:
            z = ((x - np.array(self.mean)) / np.array(self.scale)) @ np.array(self.coef)
        p = 1.0 / (1.0 + np.exp(-(z + self.intercept)))
        p = (p + p.T) / 2.0
        np.fill_diagonal(p, 1.0)
        return p

    def cluster(self, topic: TopicInput, threshold: float | None = None) -> Clusters:
        """Clusters of mention ids for one topic."""
        probs = self.pair_probabilities(topic)
        ids = [m.mention_id for m in topic.mentions]
        return cluster_probabilities(probs, ids, self.threshold if threshold is None else threshold)

    def to_json(self) -> str:
        text = json.dumps(self._to_dict(), indent=1, sort_keys=True)
        # number lists (weights, tree nodes) on one line each, so the file stays readable
        return re.sub(r"\[([^\[\]{}\"]*)\]", _one_line, text) + "\n"

    def _to_dict(self) -> dict:
        skip = ("priors", "second", "trees")
        raw = asdict(PairScorer(**{k: v for k, v in self.__dict__.items() if k not in skip}))
        raw.pop("priors")
        raw["second"] = None if self.second is None else self.second._to_dict()
        raw["trees"] = None if self.trees is None else self.trees.to_dict()
        return raw

    @classmethod
    def from_json(cls, text: str) -> PairScorer:
        return cls._from_dict(json.loads(text))

    @classmethod
    def _from_dict(cls, raw: dict) -> PairScorer:
        for key in ("features", "mean", "scale", "coef"):
            raw[key] = tuple(raw[key])
        if raw.get("second") is not None:
            raw["second"] = cls._from_dict(raw["second"])
        if raw.get("trees") is not None:
            raw["trees"] = TreeEnsemble.from_dict(raw["trees"])
        return cls(**raw)


def _one_line(match: re.Match) -> str:
    return "[" + re.sub(r"\s+", " ", match.group(1)).strip() + "]"


def cluster_probabilities(probs: np.ndarray, ids: Sequence[str], threshold: float) -> Clusters:
    """Average-link clustering of a probability matrix, cut where the mean link < threshold."""
    from dateline.merge.coref_features import average_link_labels

    groups: dict[int, set[str]] = {}
    for mid, label in zip(ids, average_link_labels(probs, threshold), strict=True):
        groups.setdefault(label, set()).add(mid)
    return [frozenset(g) for g in groups.values()]


def priors_path(weights: str | Path) -> Path:
    """Where the lexical priors of a saved scorer live: beside its weights."""
    return Path(weights).with_suffix(".priors.json")


def load_scorer(path: str | Path | None = None) -> PairScorer:
    """The shipped scorer (``dateline/data/coref``), or one saved by :func:`fit_scorer`
    (with its priors from :func:`priors_path` when that file exists)."""
    if path is None:
        ref = (
            resources.files("dateline").joinpath("data").joinpath("coref").joinpath(DEFAULT_WEIGHTS)
        )
        return PairScorer.from_json(ref.read_text(encoding="utf-8"))
    scorer = PairScorer.from_json(Path(path).read_text(encoding="utf-8"))
    if priors_path(path).exists():
        priors = load_priors(str(priors_path(path)))
        scorer = PairScorer(**{**scorer.__dict__, "priors": priors})
    return scorer


@dataclass(frozen=True)
class Featurised:
    """One topic ready for training and scoring: mention ids, gold clusters, pair features."""

    ids: list[str]
    gold: Clusters
    x: np.ndarray  # (n, n, F)
    stems: tuple[str, ...] = ()  # trigger stem of each mention (for the lexical priors)

    @classmethod
    def build(cls, topic: TopicInput, gold: Clusters) -> Featurised:
        """Features with *empty* lexical priors: a scorer or a training fold fills them in
        (:meth:`with_priors`), so no topic ever sees priors counted on its own gold."""
        stems = tuple(stem(m.lemma) for m in topic.mentions)
        x = pair_features(topic, LexicalPriors())
        return cls([m.mention_id for m in topic.mentions], gold, x, stems)

    def with_priors(self, priors: LexicalPriors) -> Featurised:
        """The same topic with its lexical-prior columns computed from ``priors``."""
        x = self.x.copy()
        x[..., LEXICAL_COLUMNS] = lexical_features(self.stems, priors)
        return Featurised(self.ids, self.gold, x, self.stems)

    def priors(self) -> LexicalPriors:
        """This topic's own counts for the lexical priors (from its gold clusters)."""
        return LexicalPriors.count(self.stems, self.labels())

    def labels(self) -> np.ndarray:
        where = {m: i for i, c in enumerate(self.gold) for m in c}
        g = np.array([where[m] for m in self.ids])
        return g[:, None] == g[None, :]


def _pair_rows(
    data: Sequence[Featurised], xs: Sequence[np.ndarray]
) -> tuple[np.ndarray, np.ndarray]:
    """Every mention pair (i < j) of the given topics: feature rows and coreference labels."""
    rows, ys = [], []
    for topic, x in zip(data, xs, strict=True):
        upper = np.triu_indices(len(topic.ids), 1)
        rows.append(x[upper])
        ys.append(topic.labels()[upper])
    return np.concatenate(rows).astype(np.float64), np.concatenate(ys)


def _fit_linear(
    data: Sequence[Featurised], xs: Sequence[np.ndarray], names: tuple[str, ...], c: float
) -> PairScorer:
    """One logistic regression on every mention pair (i < j) of the given topics."""
    from sklearn.linear_model import LogisticRegression

    x, y = _pair_rows(data, xs)
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=c, max_iter=3000).fit((x - mean) / scale, y)
    return PairScorer(
        features=names,
        mean=tuple(round(float(v), 8) for v in mean),
        scale=tuple(round(float(v), 8) for v in scale),
        coef=tuple(round(float(v), 8) for v in model.coef_[0]),
        intercept=round(float(model.intercept_[0]), 8),
    )


def _fit_trees(
    data: Sequence[Featurised], xs: Sequence[np.ndarray], names: tuple[str, ...]
) -> PairScorer:
    """Boosted trees (:mod:`dateline.merge.coref_trees`) on every mention pair (i < j)."""
    trees = TreeEnsemble.fit(*_pair_rows(data, xs))
    return PairScorer(features=names, mean=(), scale=(), coef=(), intercept=0.0, trees=trees)


def fit_scorer(
    data: Sequence[Featurised],
    threshold: float = 0.4,
    c: float = 1.0,
    stacked: bool = True,
    inner_folds: int = 4,
    second_stage: str = SECOND_STAGE,
) -> PairScorer:
    """Fit the pair regression on the given topics; with ``stacked`` also the second stage
    (``second_stage``: ``"trees"``, boosted trees, or ``"linear"``, a second regression).

    The second stage is trained on *out-of-fold* first-stage probabilities (``inner_folds``
    topic folds), since in-sample probabilities are over-confident and would teach it to trust
    the first stage more than it deserves on unseen topics. Likewise each topic's lexical
    priors are counted on the *other* topics; the returned scorer carries those of all.
    """
    own = [d.priors() for d in data]
    total = sum(own, LexicalPriors())
    data = [d.with_priors(total - mine) for d, mine in zip(data, own, strict=True)]
    first = _fit_linear(data, [d.x for d in data], FEATURES, c)
    second = None
    if stacked:
        oof: list[np.ndarray | None] = [None] * len(data)
        for k in range(inner_folds):
            fold = _fit_linear(
                [d for i, d in enumerate(data) if i % inner_folds != k],
                [d.x for i, d in enumerate(data) if i % inner_folds != k],
                FEATURES,
                c,
            )
            for i in range(k, len(data), inner_folds):
                oof[i] = fold._linear(data[i].x, FEATURES)
        x2 = [
            np.concatenate([d.x, second_order_features(p)], axis=-1)
            for d, p in zip(data, oof, strict=True)
        ]
        if second_stage == "trees":
            second = _fit_trees(data, x2, FEATURES + SECOND_ORDER)
        else:
            second = _fit_linear(data, x2, FEATURES + SECOND_ORDER, c)
    fitted = {**first.__dict__, "threshold": threshold, "second": second, "priors": total.pruned()}
    return PairScorer(**fitted)


def score(scorer: PairScorer, data: Sequence[Featurised], threshold: float | None = None) -> dict:
    """CoNLL metrics of the scorer's clusters over several topics (clusters pooled)."""
    key: Clusters = []
    response: Clusters = []
    cut = scorer.threshold if threshold is None else threshold
    for topic in data:
        key.extend(topic.gold)
        probs = scorer.topic_probabilities(topic)
        response.extend(cluster_probabilities(probs, topic.ids, cut))
    return conll(key, response) | {"mentions": sum(len(c) for c in key)}


def cross_validate(
    data: Sequence[Featurised],
    folds: int = 5,
    grid: Sequence[float] = THRESHOLDS,
    stacked: bool = True,
) -> dict[float, dict]:
    """Threshold -> metrics pooled over ``folds`` topic folds (fold k = topics k, k+folds, ...)."""
    pooled: dict[float, tuple[Clusters, Clusters]] = {t: ([], []) for t in grid}
    for k in range(folds):
        fitted = fit_scorer([d for i, d in enumerate(data) if i % folds != k], stacked=stacked)
        for topic in data[k::folds]:
            probs = fitted.topic_probabilities(topic)
            for t in grid:
                pooled[t][0].extend(topic.gold)
                pooled[t][1].extend(cluster_probabilities(probs, topic.ids, t))
    return {t: conll(k, r) | {"mentions": sum(len(c) for c in k)} for t, (k, r) in pooled.items()}


__all__ = [
    "Featurised",
    "PairScorer",
    "cluster_probabilities",
    "cross_validate",
    "fit_scorer",
    "load_scorer",
    "priors_path",
    "score",
]
