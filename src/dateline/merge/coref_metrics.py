"""Coreference metrics: MUC, B-cubed, CEAF-e and their mean, the CoNLL F1.

Written from the metric definitions (Vilain et al. 1995; Bagga & Baldwin 1998; Luo 2005;
Pradhan et al. 2014). Clusters are sets of mention ids; key and response must cover the same
mentions (the gold-mention setting), singletons included.
"""

from __future__ import annotations

from collections.abc import Sequence

Clusters = Sequence[frozenset[str]]


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _index(clusters: Clusters) -> dict[str, int]:
    return {m: i for i, c in enumerate(clusters) for m in c}


def muc(key: Clusters, response: Clusters) -> tuple[float, float, float]:
    """Links: how many partitions of each key cluster the response makes."""

    def score(a: Clusters, b: Clusters) -> float:
        where = _index(b)
        num = den = 0
        for c in a:
            parts = {where.get(m, ("alone", m)) for m in c}
            num += len(c) - len(parts)
            den += len(c) - 1
        return num / den if den else 0.0

    r, p = score(key, response), score(response, key)
    return p, r, _f1(p, r)


def b_cubed(key: Clusters, response: Clusters) -> tuple[float, float, float]:
    """Per mention: overlap of its key and response clusters."""

    def score(a: Clusters, b: Clusters) -> float:
        where = _index(b)
        total = n = 0.0
        for c in a:
            for m in c:
                other = b[where[m]] if m in where else frozenset([m])
                total += len(c & other) / len(c)
                n += 1
        return total / n if n else 0.0

    p, r = score(response, key), score(key, response)
    return p, r, _f1(p, r)


def ceaf_e(key: Clusters, response: Clusters) -> tuple[float, float, float]:
    """Best one-to-one alignment of entities, similarity phi4 = 2|K & R| / (|K| + |R|)."""
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    if not key or not response:
        return 0.0, 0.0, 0.0
    where = _index(response)
    sim = np.zeros((len(key), len(response)))
    for i, k in enumerate(key):
        for m in k:
            if m in where:
                j = where[m]
                sim[i, j] = 2 * len(k & response[j]) / (len(k) + len(response[j]))
    rows, cols = linear_sum_assignment(sim, maximize=True)
    total = float(sim[rows, cols].sum())
    p, r = total / len(response), total / len(key)
    return p, r, _f1(p, r)


def conll(key: Clusters, response: Clusters) -> dict[str, tuple[float, float, float]]:
    """All three metrics plus ``conll`` = (mean F1, mean F1, mean F1)."""
    out = {"muc": muc(key, response), "b3": b_cubed(key, response), "ceaf_e": ceaf_e(key, response)}
    mean = sum(v[2] for v in out.values()) / 3
    out["conll"] = (mean, mean, mean)
    return out
