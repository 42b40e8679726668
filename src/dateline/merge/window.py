"""Clustering one block, in date windows when the block is too large to hold at once.

A block of a few thousand reports is scored and clustered in one go. A block of a busy
country over years (hundreds of reports a day) would keep tens of millions of edges in
memory, so it is streamed instead: reports are taken in start-date order, a window of
``WINDOW_DAYS`` more is clustered with the clusters still open, and a cluster is final once
all its reports ended ``MARGIN_DAYS`` before the last start seen: no later report can have
an edge to it (edges need touching dates), and a week of margin lets the clusters its
reports competed with settle too. Open clusters (a month-wide report, the last days) are
clustered again with the next window. The result can differ from clustering the whole
block at once only through such second-order competition, so it is an approximation kept
to blocks too large for the exact run. Undated and long-interval reports in a streamed
block are clustered among themselves.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from dateline.merge.blocking import LONG_INTERVAL_DAYS, block_pairs
from dateline.merge.cluster import average_link
from dateline.merge.features import THRESHOLD, Profile, pair_score

#: Pair scores below this are not kept: they would only lower averages that are already far
#: below the threshold, and dropping them bounds memory on dense blocks.
EDGE_FLOOR = 0.35
#: Blocks with more reports than this are streamed in date windows (real corpora of a few
#: thousand articles stay far below it and are clustered exactly).
STREAM_ABOVE = 20_000
WINDOW_DAYS = 14
MARGIN_DAYS = 7

Edges = dict[tuple[int, int], float]


def cluster_block(
    members: Sequence[Profile], sides: Mapping[int, frozenset[int]]
) -> tuple[list[list[int]], Edges]:
    """Clusters of one block (lists of profile indices) and the edges inside them."""
    if len(members) <= STREAM_ABOVE:
        return _cluster(members, sides)
    return _stream(members, sides)


def _cluster(
    members: Sequence[Profile], sides: Mapping[int, frozenset[int]]
) -> tuple[list[list[int]], Edges]:
    by_index = {p.index: p for p in members}
    edges: Edges = {}
    for i, j in block_pairs(members):
        score = pair_score(by_index[i], by_index[j])
        if score >= EDGE_FLOOR:
            edges[(i, j)] = score
    found = average_link(members, edges, THRESHOLD, sides)
    owner = {i: c for c, group in enumerate(found) for i in group}
    kept = {pair: s for pair, s in edges.items() if owner[pair[0]] == owner[pair[1]]}
    return found, kept


def _stream(
    members: Sequence[Profile], sides: Mapping[int, frozenset[int]]
) -> tuple[list[list[int]], Edges]:
    short = sorted((p for p in members if _short(p)), key=_start)
    streamed = {p.index for p in short}
    rest = [p for p in members if p.index not in streamed]
    clusters: list[list[int]] = []
    edges: Edges = {}
    carry: list[Profile] = []
    nxt = 0
    while carry or nxt < len(short):
        if not carry:  # skip quiet stretches
            horizon = _start(short[nxt])[0]
        horizon += WINDOW_DAYS
        batch = list(carry)
        while nxt < len(short) and _start(short[nxt])[0] < horizon:
            batch.append(short[nxt])
            nxt += 1
        found, kept = _cluster(batch, sides)
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
        edges.update((pair, s) for pair, s in kept.items() if pair[0] in final)
    if rest:
        found, kept = _cluster(rest, sides)
        clusters += found
        edges.update(kept)
    return sorted(clusters), edges


def _short(p: Profile) -> bool:
    return p.start is not None and p.end is not None and p.end - p.start <= LONG_INTERVAL_DAYS


def _end(p: Profile) -> int:
    assert p.end is not None
    return p.end


def _start(p: Profile) -> tuple[int, int]:
    assert p.start is not None
    return p.start, p.index
