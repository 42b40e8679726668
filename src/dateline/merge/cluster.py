"""Average-link agglomeration with cannot-link constraints.

Single-link clustering (joining any two reports that look alike) chains distinct events:
A resembles B, B resembles C, so A and C end up together although they share nothing.
Average link joins two clusters only when their reports resemble each other *on average*,
counting pairs that were never candidates as 0, and a join is refused outright when it would
put two reports of one article, two different days, two far-apart points or the two sides
of an analyst's split in one event.
"""

from __future__ import annotations

import heapq
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from dateline.merge.features import MAX_DAY_GAP, MAX_POINT_KM, Profile, haversine_km


@dataclass
class _Cluster:
    members: list[int]
    articles: set[str]
    days: set[int]
    countries: set[str]
    points: list[tuple[float, float]]
    sides: frozenset[int] = field(default_factory=frozenset)

    @classmethod
    def of(cls, p: Profile, sides: frozenset[int]) -> _Cluster:
        points = [(p.lat, p.lon)] if p.is_point and p.lat is not None and p.lon is not None else []
        return cls(
            [p.index],
            set(p.articles),
            {p.day} if p.day is not None else set(),
            {p.country} if p.country else set(),
            points,
            sides,
        )

    def can_join(self, other: _Cluster) -> bool:
        return self.refusal(other) is None

    def refusal(self, other: _Cluster) -> str | None:
        """Why the two may never be one event, in words; ``None`` when they may."""
        if self.sides != other.sides:
            return "an analyst's split keeps them apart"
        if self.articles & other.articles:
            return "one article reports both (an article does not repeat one event)"
        days = self.days | other.days
        if days and max(days) - min(days) > MAX_DAY_GAP:
            return "their reports name different days"
        if len(self.countries | other.countries) > 1:
            return "their reports name different countries"
        if not all(
            haversine_km(a[0], a[1], b[0], b[1]) <= MAX_POINT_KM
            for a in self.points
            for b in other.points
        ):
            return f"their points are more than {MAX_POINT_KM:.0f} km apart"
        return None

    def absorb(self, other: _Cluster) -> None:
        self.members += other.members
        self.articles |= other.articles
        self.days |= other.days
        self.countries |= other.countries
        self.points += other.points


def average_link(
    profiles: Sequence[Profile],
    edges: Mapping[tuple[int, int], float],
    threshold: float,
    sides: Mapping[int, frozenset[int]] | None = None,
) -> list[list[int]]:
    """Clusters of profile indices (each sorted; singletons included).

    ``edges`` holds scores of candidate pairs ``(i, j)``, ``i < j``; absent pairs count 0.
    ``sides[i]`` names the split overrides whose mention set contains profile ``i``; two
    clusters join only when they sit on the same sides of every split.
    """
    sides = sides or {}
    clusters = {p.index: _Cluster.of(p, sides.get(p.index, frozenset())) for p in profiles}
    sums: dict[int, dict[int, float]] = {i: {} for i in clusters}
    for (i, j), s in edges.items():
        sums[i][j] = sums[i].get(j, 0.0) + s
        sums[j][i] = sums[j].get(i, 0.0) + s
    heap = [(-s, i, j) for (i, j), s in edges.items() if s >= threshold]
    heapq.heapify(heap)
    while heap:
        neg, i, j = heapq.heappop(heap)
        if i not in clusters or j not in clusters:
            continue
        a, b = clusters[i], clusters[j]
        avg = sums[i].get(j, 0.0) / (len(a.members) * len(b.members))
        if abs(avg + neg) > 1e-12 or not a.can_join(b):
            continue  # stale entry (the clusters have grown since) or a forbidden join
        a.absorb(b)
        del clusters[j]
        for k, s in sums.pop(j).items():
            sums[k].pop(j, None)
            if k != i:
                sums[i][k] = sums[i].get(k, 0.0) + s
                sums[k][i] = sums[i][k]
        for k, s in sums[i].items():
            avg_k = s / (len(a.members) * len(clusters[k].members))
            if avg_k >= threshold:
                heapq.heappush(heap, (-avg_k, min(i, k), max(i, k)))
    return sorted(sorted(c.members) for c in clusters.values())


def join_refusal(
    a: Sequence[Profile], b: Sequence[Profile], sides: Mapping[int, frozenset[int]] | None = None
) -> str | None:
    """Why a cluster of the reports ``a`` could never absorb one of ``b`` (the cannot-link
    rules of :func:`average_link`, with its ``sides``), in words; ``None`` when it could."""
    if not a or not b:
        return None
    sides = sides or {}
    left, right = (_Cluster.of(ps[0], sides.get(ps[0].index, frozenset())) for ps in (a, b))
    for cluster, ps in ((left, a), (right, b)):
        for p in ps[1:]:
            cluster.absorb(_Cluster.of(p, cluster.sides))
    return left.refusal(right)
