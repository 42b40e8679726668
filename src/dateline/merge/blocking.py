"""Candidate pairs without comparing everything with everything.

Two reports can only be one event when their date intervals overlap, they are in the same
country and their types are compatible. So events are grouped into blocks by
(country, type group) and, inside a block, swept in date order keeping only the events
whose interval is still open. With day-precision dates this compares each report with the
reports of the same day in the same country, which keeps a million records tractable.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence

from dateline.merge.features import MAX_DAY_GAP, MAX_POINT_KM, Profile, block_group

#: Intervals longer than this ("in 2019") overlap too much to sweep; such reports, and
#: undated ones, are compared only with reports naming the same place.
LONG_INTERVAL_DAYS = 62
#: Degrees of latitude beyond which two points are certainly further apart than MAX_POINT_KM.
LAT_DEGREE_SKIP = MAX_POINT_KM / 111.0


def blocks(profiles: Sequence[Profile]) -> dict[tuple[str, str], list[Profile]]:
    """(country code, type group) -> profiles."""
    out: dict[tuple[str, str], list[Profile]] = defaultdict(list)
    for p in profiles:
        out[(p.country, block_group(p.event))].append(p)
    return out


def candidate_pairs(profiles: Sequence[Profile]) -> Iterator[tuple[int, int]]:
    """Index pairs ``(i, j)``, ``i < j``, worth scoring; deterministic order."""
    grouped = blocks(profiles)
    for key in sorted(grouped):
        yield from block_pairs(grouped[key])


def block_pairs(members: Sequence[Profile]) -> Iterator[tuple[int, int]]:
    short = sorted(
        (p for p in members if _width(p) <= LONG_INTERVAL_DAYS), key=lambda p: (p.start, p.index)
    )
    long = [p for p in members if _width(p) > LONG_INTERVAL_DAYS]
    yield from _sweep(short)
    yield from _by_place(long, members)


def _width(p: Profile) -> int:
    if p.start is None or p.end is None:
        return LONG_INTERVAL_DAYS + 1  # undated: could be any time
    return p.end - p.start


def _sweep(ordered: Sequence[Profile]) -> Iterator[tuple[int, int]]:
    active: list[Profile] = []
    current = None
    for p in ordered:
        if p.start != current:
            current = p.start
            active = [q for q in active if q.end is not None and q.end + MAX_DAY_GAP >= p.start]
        for q in active:
            if p.day is not None and q.day is not None and abs(p.day - q.day) > MAX_DAY_GAP:
                continue
            if _far_points(p, q):
                continue
            yield (q.index, p.index) if q.index < p.index else (p.index, q.index)
        active.append(p)


def _far_points(p: Profile, q: Profile) -> bool:
    """Cheap, lossless pre-check: two points a degree of latitude (111 km) apart exceed
    MAX_POINT_KM, so the pair can never merge."""
    return (
        p.is_point
        and q.is_point
        and p.lat is not None
        and q.lat is not None
        and abs(p.lat - q.lat) > LAT_DEGREE_SKIP
    )


def _by_place(long: Sequence[Profile], members: Sequence[Profile]) -> Iterator[tuple[int, int]]:
    if not long:
        return
    by_place: dict[str, list[Profile]] = defaultdict(list)
    for p in members:
        if p.place:
            by_place[p.place].append(p)
    seen: set[tuple[int, int]] = set()
    for p in sorted(long, key=lambda p: p.index):
        for q in by_place.get(p.place, ()) if p.place else ():
            pair = (min(p.index, q.index), max(p.index, q.index))
            if q.index != p.index and pair not in seen and _overlap(p, q):
                seen.add(pair)
                yield pair


def _overlap(p: Profile, q: Profile) -> bool:
    if p.start is None or p.end is None or q.start is None or q.end is None:
        return True
    return p.start <= q.end and q.start <= p.end
