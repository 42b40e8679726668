"""Story clusters: articles about one ongoing issue, across days, for navigation and timelines.

Two articles belong to one story when they share an event, or when their leads are alike
(lexical cosine >= STORY_SIMILARITY) and they were published within STORY_DAYS of each
other; an article without a publication date is compared with every article before it.
Stories are the connected components of those links, named after their oldest article so
the id stays put as a story grows.

Comparing every pair in Python made a rebuild quadratic: 1,000 undated Tehran Times
articles took 95 s. The cosines are therefore computed as sparse matrix products, a block of
rows at a time against the columns its window allows, and a pair whose product lies within
``EXACT_MARGIN`` of the threshold is re-scored with :func:`cosine_terms` itself, so the
links are exactly the ones the pairwise definition gives.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence

import numpy as np
from scipy import sparse

from dateline.ids import stable_id
from dateline.merge.similarity import cosine_terms, weighted_terms
from dateline.merge.sources import age_key
from dateline.records import Article, Event

#: Lexical similarity above which two articles within STORY_DAYS belong to one story.
STORY_SIMILARITY = 0.35
STORY_DAYS = 14
#: Products this close to the threshold are re-scored in plain Python (float sums in a
#: different order differ by ~1e-16; the margin is far wider).
EXACT_MARGIN = 1e-9
#: Upper bound on the cells of one block of the similarity matrix (rows x columns).
BLOCK_CELLS = 4_000_000


def story_clusters(articles: Sequence[Article], events: Sequence[Event] = ()) -> dict[str, str]:
    """article_id -> story_id for every article (see the module docstring for the rule)."""
    ordered = sorted(articles, key=age_key)
    index = {a.article_id: i for i, a in enumerate(ordered)}
    parent = list(range(len(ordered)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(x: int, y: int) -> None:
        rx, ry = find(x), find(y)
        if rx != ry:  # the older article (lower index) stays the root
            parent[max(rx, ry)] = min(rx, ry)

    for ev in events:
        ids = [index[s.article_id] for s in ev.sources if s.article_id in index]
        for other in ids[1:]:
            union(ids[0], other)
    for i, j in similar_pairs(ordered):
        union(i, j)
    roots = [ordered[find(i)].article_id for i in range(len(ordered))]
    return {a.article_id: stable_id("st", root) for a, root in zip(ordered, roots, strict=True)}


def similar_pairs(ordered: Sequence[Article]) -> list[tuple[int, int]]:
    """Pairs (i, j), j < i, of articles (oldest first) whose leads link them into a story."""
    terms = [weighted_terms(_lead(a)) for a in ordered]
    matrix = _unit_rows(terms)
    days = np.array([d.toordinal() if (d := _day(a)) else -1 for a in ordered], np.int64)
    dated = int((days >= 0).sum())  # undated articles sort last
    pairs: list[tuple[int, int]] = []
    lo = 0
    while lo < len(ordered):
        first_col = 0 if lo >= dated else int(np.searchsorted(days[:dated], days[lo] - STORY_DAYS))
        rows = max(1, BLOCK_CELLS // max(1, lo + 1 - first_col))
        hi = min(len(ordered), lo + rows, dated if lo < dated else len(ordered))
        block = (matrix[lo:hi] @ matrix[first_col:hi].T).tocoo()
        i = block.row + lo
        j = block.col + first_col
        keep = (j < i) & (block.data >= STORY_SIMILARITY - EXACT_MARGIN)
        if lo < dated:
            keep &= days[i] - days[j] <= STORY_DAYS
        for a, b, value in zip(i[keep], j[keep], block.data[keep], strict=True):
            borderline = abs(value - STORY_SIMILARITY) < EXACT_MARGIN
            if not borderline or cosine_terms(terms[a], terms[b]) >= STORY_SIMILARITY:
                pairs.append((int(a), int(b)))
        lo = hi
    return pairs


def _unit_rows(terms: Sequence[dict[str, int]]) -> sparse.csr_matrix:
    """Rows of log-weighted terms scaled to unit length, as :func:`cosine_terms` weighs them."""
    vocabulary: dict[str, int] = {}
    indptr, cols, values = [0], [], []
    for counts in terms:
        weights = {t: 1 + math.log(v) for t, v in counts.items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        for term, w in weights.items():
            cols.append(vocabulary.setdefault(term, len(vocabulary)))
            values.append(w / norm)
        indptr.append(len(cols))
    shape = (len(terms), max(1, len(vocabulary)))
    return sparse.csr_matrix((values, cols, indptr), shape=shape, dtype=np.float64)


def _lead(article: Article) -> str:
    return f"{article.title or ''}\n{article.text[:1500]}"


def _day(a: Article) -> dt.date | None:
    return a.published.start if a.published else None


__all__ = ["STORY_DAYS", "STORY_SIMILARITY", "similar_pairs", "story_clusters"]
