"""Clustering one block, in date windows when the block is too large to hold at once.

A block of a few thousand reports is scored and clustered in one go. A block of a busy
country over years (hundreds of reports a day) would keep tens of millions of edges in
memory, so it is streamed instead: reports are taken in start-date order, a window of
``WINDOW_DAYS`` more is clustered with the clusters still open, and a cluster is final once
all its reports ended ``MARGIN_DAYS`` before the last start seen: no later report can have
an edge to it (edges need touching dates), and a week of margin lets the clusters its
reports competed with settle too. (Two coarse reports also meet when their dates are apart
by less than their slack, ``Profile.reach``; in a streamed block that reaches back at most
the margin. Keeping month-wide clusters open for their whole slack made the 100k synthetic
run ~20% slower for pairs that are rare.) Open clusters (a month-wide report, the last days) are
clustered again with the next window. The result can differ from clustering the whole
block at once only through such second-order competition, so it is an approximation kept
to blocks too large for the exact run. Undated and long-interval reports in a streamed
block are clustered among themselves.

Candidate pairs and their scores are computed as arrays (:mod:`.sweep`, :mod:`.vector`,
bit for bit what ``block_pairs`` and ``pair_score`` give) and clustered with array
bookkeeping (:mod:`.dense`, step for step ``average_link``); a batch too large for a dense
matrix falls back to the dict-based ``average_link``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from dateline.merge.blocking import LONG_INTERVAL_DAYS
from dateline.merge.cluster import average_link
from dateline.merge.columns import Columns
from dateline.merge.dense import DENSE_MAX, average_link_arrays
from dateline.merge.features import THRESHOLD, Profile
from dateline.merge.sweep import candidate_positions
from dateline.merge.vector import score_pairs

#: Pair scores below this are not kept: they would only lower averages that are already far
#: below the threshold, and dropping them bounds memory on dense blocks.
EDGE_FLOOR = 0.35
#: Blocks with more reports than this are streamed in date windows (real corpora of a few
#: thousand articles stay far below it and are clustered exactly). It is the dense
#: matrix's limit: a larger exact run would need the slow dict bookkeeping.
STREAM_ABOVE = DENSE_MAX
WINDOW_DAYS = 14
MARGIN_DAYS = 7

Edges = dict[tuple[int, int], float]


def cluster_block(
    members: Sequence[Profile], sides: Mapping[int, frozenset[int]]
) -> tuple[list[list[int]], Edges]:
    """Clusters of one block (lists of profile indices) and the edges inside them."""
    cols = Columns.of(sorted(members, key=lambda p: p.index))
    if len(members) <= STREAM_ABOVE:
        return _cluster(cols, np.arange(len(cols)), sides)[:2]
    return _stream(cols, sides)


#: Edges as three arrays: positions in the block's columns (first, second) and scores.
EdgeArrays = tuple[np.ndarray, np.ndarray, np.ndarray]


def _cluster(
    cols: Columns,
    positions: np.ndarray,
    sides: Mapping[int, frozenset[int]],
    known: tuple[np.ndarray, EdgeArrays] | None = None,
) -> tuple[list[list[int]], Edges, EdgeArrays]:
    """Score and cluster the reports at ``positions`` (ascending) of ``cols``; also return
    every edge (>= EDGE_FLOOR) found. ``known`` is (positions, their edges) already scored
    (the reports carried from the previous window): their pairs are not scored again, which
    changes nothing, as a pair's candidacy and score depend on the pair alone."""
    first, second = candidate_positions(cols, positions)
    if known is not None:
        carried = np.zeros(len(cols), dtype=bool)
        carried[known[0]] = True
        fresh = ~(carried[first] & carried[second])
        first, second = first[fresh], second[fresh]
    scores = score_pairs(cols, first, second)
    keep = scores >= EDGE_FLOOR
    first, second, scores = first[keep], second[keep], scores[keep]
    if known is not None:
        old_first, old_second, old_scores = known[1]
        first, second = np.concatenate([first, old_first]), np.concatenate([second, old_second])
        scores = np.concatenate([scores, old_scores])
    profiles = [cols.profiles[k] for k in positions.tolist()]
    if len(positions) <= DENSE_MAX:
        local_a, local_b = np.searchsorted(positions, first), np.searchsorted(positions, second)
        found = average_link_arrays(profiles, local_a, local_b, scores, THRESHOLD, sides)
    else:
        edges = dict(
            zip(
                zip(cols.index[first].tolist(), cols.index[second].tolist(), strict=True),
                scores.tolist(),
                strict=True,
            )
        )
        found = average_link(profiles, edges, THRESHOLD, sides)
    return found, _inside(cols, positions, found, first, second, scores), (first, second, scores)


def _inside(
    cols: Columns,
    positions: np.ndarray,
    found: Sequence[Sequence[int]],
    first: np.ndarray,
    second: np.ndarray,
    scores: np.ndarray,
) -> Edges:
    """The edges whose two reports ended in one cluster (kept for the merge decisions)."""
    label = np.full(len(cols), -1, dtype=np.int64)
    at = {int(cols.index[k]): k for k in positions.tolist()}
    for c, group in enumerate(found):
        if len(group) > 1:
            label[[at[i] for i in group]] = c
    same = np.flatnonzero((label[first] >= 0) & (label[first] == label[second]))
    return dict(
        zip(
            zip(cols.index[first[same]].tolist(), cols.index[second[same]].tolist(), strict=True),
            scores[same].tolist(),
            strict=True,
        )
    )


def _stream(cols: Columns, sides: Mapping[int, frozenset[int]]) -> tuple[list[list[int]], Edges]:
    position = {p.index: k for k, p in enumerate(cols.profiles)}
    short = sorted((p for p in cols.profiles if _short(p)), key=_start)
    streamed = {p.index for p in short}
    rest = [p for p in cols.profiles if p.index not in streamed]
    clusters: list[list[int]] = []
    edges: Edges = {}
    carry: list[Profile] = []
    known: tuple[np.ndarray, EdgeArrays] | None = None
    nxt = 0
    while carry or nxt < len(short):
        if not carry:  # skip quiet stretches
            horizon = _start(short[nxt])[0]
        horizon = _cap(short, nxt, horizon + WINDOW_DAYS, DENSE_MAX - len(carry))
        batch = list(carry)
        while nxt < len(short) and _start(short[nxt])[0] < horizon:
            batch.append(short[nxt])
            nxt += 1
        found, kept, scored = _cluster(cols, _positions(batch, position), sides, known)
        by_index = {p.index: p for p in batch}
        final: set[int] = set()
        carry = []
        for group in found:
            if nxt == len(short) or max(_end(by_index[i]) for i in group) < horizon - MARGIN_DAYS:
                clusters.append(group)
                final.update(group)
            else:
                carry += (by_index[i] for i in group)
        carry.sort(key=_start)
        known = _among(_positions(carry, position), scored) if carry else None
        edges.update((pair, s) for pair, s in kept.items() if pair[0] in final)
    if rest:
        found, kept, _ = _cluster(cols, _positions(rest, position), sides)
        clusters += found
        edges.update(kept)
    return sorted(clusters), edges


def _among(positions: np.ndarray, edges: EdgeArrays) -> tuple[np.ndarray, EdgeArrays]:
    """``positions`` and the edges with both ends among them."""
    both = np.isin(edges[0], positions) & np.isin(edges[1], positions)
    return positions, (edges[0][both], edges[1][both], edges[2][both])


def _cap(short: Sequence[Profile], nxt: int, horizon: int, room: int) -> int:
    """``horizon``, moved earlier if the reports starting before it would not fit in
    ``room`` (the dense matrix's limit less the carried reports), but by at most one day:
    a batch over the limit would be clustered with the slow dict bookkeeping."""
    if nxt + room >= len(short) or _start(short[nxt + max(room, 0)])[0] >= horizon:
        return horizon
    return max(_start(short[nxt + max(room, 0)])[0], _start(short[nxt])[0] + 1)


def _positions(batch: Sequence[Profile], position: Mapping[int, int]) -> np.ndarray:
    return np.array(sorted(position[p.index] for p in batch), dtype=np.int64)


def _short(p: Profile) -> bool:
    return p.start is not None and p.end is not None and p.end - p.start <= LONG_INTERVAL_DAYS


def _end(p: Profile) -> int:
    assert p.end is not None
    return p.end


def _start(p: Profile) -> tuple[int, int]:
    assert p.start is not None
    return p.start, p.index
