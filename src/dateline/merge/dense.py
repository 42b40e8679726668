""":func:`dateline.merge.cluster.average_link` with array bookkeeping, step for step.

On dense synthetic windows (~180 reports a day in one block) ~80% of candidate pairs are
edges and a window has ~400k of them; the dict-of-dicts bookkeeping of ``average_link``
spends ~25 us an edge. Here the link sums live in one dense matrix (a merge adds two rows),
and the heap is split in two: the initial edges as one array sorted once, scanned in
vectorised chunks (most of its entries are stale by the time they come up, and are
skipped as arrays), and for the entries pushed after merges one sorted batch a merge with
only each batch's next entry in a Python heap (entries of absorbed clusters, ~90% of them
on dense windows, are dropped as their batch advances instead of being popped). Entries
are taken in the same order as ``average_link`` pops them and judged by the same rules
(stale unless within 1e-12 of the current average; can the clusters join), so the clusters
are the same; ``tests/merge/test_vector.py`` checks that.
"""

from __future__ import annotations

import heapq
from collections.abc import Mapping, Sequence

import numpy as np

from dateline.merge.cluster import _Cluster
from dateline.merge.features import Profile

#: Above this many reports the dense matrix (8 bytes a cell) is too large: callers use the
#: dict-based ``average_link`` or cut the block into windows.
DENSE_MAX = 6000
_STALE = 1e-12  # as in average_link
_CHUNK = 256


def average_link_arrays(
    profiles: Sequence[Profile],
    first: np.ndarray,
    second: np.ndarray,
    scores: np.ndarray,
    threshold: float,
    sides: Mapping[int, frozenset[int]] | None = None,
) -> list[list[int]]:
    """Clusters of profile indices, as ``average_link``; edges are positions in ``profiles``
    (which must be sorted by ``index``) with ``first < second``."""
    sides = sides or {}
    m = len(profiles)
    sums = np.zeros((m, m), dtype=np.float64)
    sums[first, second] = scores
    sums[second, first] = scores
    size = np.ones(m, dtype=np.int64)
    alive = np.ones(m, dtype=bool)
    clusters: list[_Cluster | None] = [
        _Cluster.of(p, sides.get(p.index, frozenset())) for p in profiles
    ]
    strong = scores >= threshold
    order = np.lexsort((second[strong], first[strong], -scores[strong]))
    init_a, init_b = first[strong][order], second[strong][order]
    init_v = scores[strong][order]
    neg_v = -init_v
    pair_key = init_a * m + init_b
    # Entries pushed after merges: one sorted batch a merge, and in the heap only the next
    # entry of each batch (a k-way merge pops them in the same order as one heap of all).
    # An entry whose cluster was absorbed is dropped when its batch advances: it would be
    # popped and dropped anyway, and a dead cluster never comes back.
    pushed: list[tuple[float, int, int, int]] = []  # (-avg, a, b, batch); positions as keys
    batches: list[list[tuple[float, int, int]]] = []
    offset: list[int] = []
    live = [True] * m  # ``alive`` as a list: cheaper to read one at a time
    ptr, total = 0, len(init_v)

    def current(a: np.ndarray, b: np.ndarray) -> np.ndarray:
        return sums[a, b] / (size[a] * size[b])

    def first_valid(start: int) -> int:
        """Index of the first initial entry from ``start`` that is valid now, or ``total``."""
        step = _CHUNK
        while start < total:
            stop = min(total, start + step)
            a, b, v = init_a[start:stop], init_b[start:stop], init_v[start:stop]
            ok = alive[a] & alive[b]
            ok[ok] = np.abs(current(a[ok], b[ok]) - v[ok]) <= _STALE
            hit = np.flatnonzero(ok)
            if len(hit):
                return start + int(hit[0])
            start, step = stop, step * 2
        return total

    def merge(a: int, b: int) -> None:
        left, right = clusters[a], clusters[b]
        assert left is not None and right is not None
        left.absorb(right)
        clusters[b] = None
        alive[b] = live[b] = False
        # Link sums are positive, so the non-zero cells of a row are its links: only they
        # are written in the columns (a full column write touches one cache line a row).
        gone = np.flatnonzero(sums[b])
        row = sums[a] + sums[b]
        row[a] = row[b] = 0.0
        near = np.flatnonzero(row)
        sums[a] = row
        sums[near, a] = row[near]
        sums[b] = 0.0
        sums[gone, b] = 0.0
        size[a] += size[b]
        avg = row[near] / (size[a] * size[near])
        strong = avg >= threshold
        if not strong.any():
            return
        neg, k = -avg[strong], near[strong]
        lo, hi = np.minimum(k, a), np.maximum(k, a)
        order = np.lexsort((hi, lo, neg))
        batch = list(zip(neg[order].tolist(), lo[order].tolist(), hi[order].tolist(), strict=True))
        batches.append(batch)
        offset.append(0)
        heapq.heappush(pushed, (*batch[0], len(batches) - 1))

    def advance(bid: int) -> None:
        """Put the next entry of batch ``bid`` whose clusters are both alive in the heap."""
        batch, off = batches[bid], offset[bid] + 1
        while off < len(batch) and not (live[batch[off][1]] and live[batch[off][2]]):
            off += 1
        offset[bid] = off
        if off < len(batch):
            heapq.heappush(pushed, (*batch[off], bid))
        else:
            batches[bid] = []  # exhausted: free it

    def joinable(a: int, b: int) -> bool:
        left, right = clusters[a], clusters[b]
        return left is not None and right is not None and left.can_join(right)

    valid = first_valid(0)
    while valid < total or pushed:
        top = None
        if valid < total:
            top = (-float(init_v[valid]), int(init_a[valid]), int(init_b[valid]))
        if pushed and (top is None or pushed[0] < top):
            neg, a, b, bid = heapq.heappop(pushed)
            advance(bid)
            if not (live[a] and live[b]):
                continue
            avg = float(sums[a, b] / (size[a] * size[b]))
            if abs(avg + neg) > _STALE or not joinable(a, b):
                continue
            # The initial entries sorting before this one would have been popped (and
            # dropped: all before ``valid`` are stale now) before it; the state is about
            # to change, so skip them now.
            ptr = max(ptr, min(valid, _position(neg_v, pair_key, (neg, a, b), m)))
        else:
            assert top is not None
            _, a, b = top
            ptr = valid + 1
            if not joinable(a, b):
                valid = first_valid(ptr)
                continue
        merge(a, b)
        valid = first_valid(ptr)
    return sorted(sorted(c.members) for c in clusters if c is not None)


def _position(
    neg_v: np.ndarray, pair_key: np.ndarray, entry: tuple[float, int, int], m: int
) -> int:
    """Where ``entry`` would sort among the initial entries (sorted by (-score, a, b))."""
    neg, a, b = entry
    lo = int(np.searchsorted(neg_v, neg, side="left"))
    hi = int(np.searchsorted(neg_v, neg, side="right"))
    return lo + int(np.searchsorted(pair_key[lo:hi], a * m + b, side="left"))
