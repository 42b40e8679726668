"""Pairwise cluster scoring: how well a grouping of mentions into events agrees with gold's.

The merge benchmarks score a clustering by its pairs of mentions rather than by its clusters, so
one wrong join costs in proportion to the mentions it wrongly ties together.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from itertools import combinations
from typing import Any


def _pairs(
    clusters: Mapping[Hashable, Hashable] | Iterable[Iterable[Hashable]],
    keep: set[Hashable] | None = None,
) -> set[frozenset[Hashable]]:
    groups: dict[Hashable, list[Hashable]] = {}
    if isinstance(clusters, Mapping):
        for item, cluster in clusters.items():
            groups.setdefault(cluster, []).append(item)
    else:
        for n, members in enumerate(clusters):
            groups[n] = list(members)
    out: set[frozenset[Hashable]] = set()
    for members in groups.values():
        items = sorted({m for m in members if keep is None or m in keep}, key=str)
        out.update(frozenset(p) for p in combinations(items, 2))
    return out


def pairwise_cluster_scores(
    pred_clusters: Mapping[Hashable, Hashable] | Iterable[Iterable[Hashable]],
    gold_clusters: Mapping[Hashable, Hashable] | Iterable[Iterable[Hashable]],
) -> tuple[float, float, float]:
    """Pairwise precision, recall and F1 of a clustering of mentions against gold clusters.

    Either argument is ``{mention: cluster_id}`` or an iterable of member collections. Only
    mentions present in both are scored, so a mention the extractor missed (or invented)
    counts against extraction, not against merging. Empty pair sets score 1.0 (nothing to get
    wrong), which keeps a corpus of singletons from dividing by zero.
    """

    def items(c: Any) -> set[Hashable]:
        return set(c) if isinstance(c, Mapping) else {m for g in c for m in g}

    if not isinstance(pred_clusters, Mapping):
        pred_clusters = [list(g) for g in pred_clusters]
    if not isinstance(gold_clusters, Mapping):
        gold_clusters = [list(g) for g in gold_clusters]
    shared = items(pred_clusters) & items(gold_clusters)
    pred, gold = _pairs(pred_clusters, shared), _pairs(gold_clusters, shared)
    hit = len(pred & gold)
    precision = hit / len(pred) if pred else 1.0
    recall = hit / len(gold) if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1
