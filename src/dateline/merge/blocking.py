"""Candidate pairs without comparing everything with everything.

Two reports can only be one event when their date intervals overlap, they are in the same
country and their types are compatible. So events are grouped into blocks by
(country, type group) and, inside a block, swept in date order keeping only the events
whose interval is still open. Two coarse intervals ("in February", "mid-January") are
compared widened by their slack (:func:`~dateline.merge.features.date_slack`), since
neither text says exactly when; a coarse one and a sharp one (a day, a week) as they are,
since the sharp one does. With day-precision dates this compares each report with the reports of
the same day in the same country; point locations are further filed in a grid of cells at
least MAX_POINT_KM wide, so a point meets only the points of its own and the 8 neighbouring
cells (every other point is too far away for any score to be above 0).

A report that names no country cannot be filed under one. It is compared with the reports
of its type group in every country (:func:`route_strays`) and clustered in the block of the
country where it finds its best match, if that match is good enough to merge; otherwise it
stays in the country-less block with the others like it.
"""

from __future__ import annotations

import bisect
import math
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence

from dateline.merge.features import (
    EARTH_KM,
    MAX_DAY_GAP,
    MAX_POINT_KM,
    RADIUS_KM,
    THRESHOLD,
    Profile,
    block_group,
    haversine_km,
    pair_score,
)
from dateline.records import Event

#: Intervals longer than this ("in 2019") overlap too much to sweep; such reports, and
#: undated ones, are compared only with reports naming the same place or person or lying
#: within a town's radius of their point, and the ones without a place with the other long
#: reports of their block.
LONG_INTERVAL_DAYS = 62
#: Above this latitude longitude cells would have to be too wide to help: one column.
POLAR_LAT = 80.0
Cell = tuple[int, int]
BlockKey = tuple[str, str]


def block_key(event: Event) -> BlockKey:
    """(country code, type group): reports in different blocks are never clustered together.

    The one definition of a block: the local merge groups by it, the store files each
    mention under it for incremental merges, and the Spark job groups by it. Reports with
    no country (key ``("", group)``) may be moved to a country's block by ``blocks``.
    """
    loc = event.location
    return ((loc.country_code or "").upper() if loc else "", block_group(event))


def blocks(profiles: Sequence[Profile]) -> dict[BlockKey, list[Profile]]:
    """block key -> profiles, country-less reports routed (:func:`route_strays`)."""
    out: dict[BlockKey, list[Profile]] = defaultdict(list)
    for p in profiles:
        out[block_key(p.event)].append(p)
    for (country, group), strays in sorted(out.items()):
        if country or not strays:
            continue
        others = [p for (c, g), ps in sorted(out.items()) if c and g == group for p in ps]
        moved = route_strays(strays, others)
        if moved:
            out[("", group)] = [p for p in strays if p.index not in moved]
            for p in strays:
                if p.index in moved:
                    out[(moved[p.index], group)].append(p)
    return {k: sorted(v, key=lambda p: p.index) for k, v in out.items() if v}


def route_strays(strays: Sequence[Profile], others: Sequence[Profile]) -> dict[int, str]:
    """Country-less profile index -> the country whose report it matches best, for the
    strays whose best match across countries scores at least THRESHOLD (ties: the older
    report). Candidates are found by the block rule, as if the stray were in each block."""
    return {i: country for i, (_, _, country) in best_matches(strays, others).items()}


def best_matches(
    strays: Sequence[Profile], others: Sequence[Profile]
) -> dict[int, tuple[float, int, str]]:
    """Stray index -> (score, -index, country) of its best match scoring >= THRESHOLD.

    Candidacy and score depend on the pair alone, so the best over all countries is the
    best of each country's best: a distributed merge can ask each block separately
    (``merge.core.route_offers``)."""
    best: dict[int, tuple[float, int, str]] = {}
    by_index = {p.index: p for p in list(strays) + list(others)}
    for i, j in cross_pairs(strays, others):
        a, b = by_index[i], by_index[j]
        stray, other = (a, b) if not a.country else (b, a)
        score = pair_score(stray, other)
        if score >= THRESHOLD and (score, -other.index) > best.get(stray.index, (0.0, 0, ""))[:2]:
            best[stray.index] = (score, -other.index, other.country)
    return best


def cross_pairs(strays: Sequence[Profile], others: Sequence[Profile]) -> Iterator[tuple[int, int]]:
    """Pairs (stray, other) that ``block_pairs`` would propose were both in one block."""
    seen: set[tuple[int, int]] = set()
    short_others = [p for p in others if _is_short(p)]
    for widened in (False, True):
        pool = sorted(
            (p for p in short_others if not widened or p.slack),
            key=lambda p: (_span(p, widened)[0], p.index),
        )
        starts = [_span(p, widened)[0] for p in pool]
        widest = max((_span(p, widened)[1] - _span(p, widened)[0] for p in pool), default=0)
        for u in sorted(strays, key=lambda p: p.index):
            if not _is_short(u) or (widened and not u.slack):
                continue
            lo, hi = _span(u, widened)
            first = bisect.bisect_left(starts, lo - widest - MAX_DAY_GAP)
            last = bisect.bisect_right(starts, hi + MAX_DAY_GAP)
            for v in pool[first:last]:
                if _touch(u, v, widened) and not _days_apart(u, v):
                    seen.add((min(u.index, v.index), max(u.index, v.index)))
    stray_ids = {p.index for p in strays}
    long = [p for p in list(strays) + list(others) if not _is_short(p)]
    for i, j in long_pairs(long, list(strays) + list(others), among=stray_ids):
        seen.add((i, j))
    yield from sorted(seen)


def candidate_pairs(profiles: Sequence[Profile]) -> Iterator[tuple[int, int]]:
    """Index pairs ``(i, j)``, ``i < j``, worth scoring; deterministic order. Includes the
    pairs scored to route country-less reports."""
    out: set[tuple[int, int]] = set()
    grouped = blocks(profiles)
    for key in sorted(grouped):
        out.update(block_pairs(grouped[key]))
    statics: dict[str, list[Profile]] = defaultdict(list)
    for p in profiles:
        statics[block_group(p.event)].append(p)
    for members in statics.values():
        strays = [p for p in members if not p.country]
        others = [p for p in members if p.country]
        if strays and others:
            out.update(cross_pairs(strays, others))
    yield from sorted(out)


def block_pairs(members: Sequence[Profile]) -> Iterator[tuple[int, int]]:
    short = [p for p in members if _is_short(p)]
    long = [p for p in members if not _is_short(p)]
    grid = Grid.for_points(short)
    yield from _sweep(sorted(short, key=lambda p: (p.start, p.index)), grid, widened=False)
    coarse = sorted((p for p in short if p.slack), key=lambda p: (_reach(p)[0], p.index))
    at = {p.index: p for p in coarse}
    for i, j in _sweep(coarse, grid, widened=True):  # pairs the first sweep did not make
        if not _touch(at[i], at[j], widened=False):
            yield i, j
    yield from long_pairs(long, members)


def _is_short(p: Profile) -> bool:
    return p.start is not None and p.end is not None and p.end - p.start <= LONG_INTERVAL_DAYS


def _reach(p: Profile) -> tuple[int, int]:
    reach = p.reach
    assert reach is not None
    return reach


def _span(p: Profile, widened: bool) -> tuple[int, int]:
    if widened:
        return _reach(p)
    assert p.start is not None and p.end is not None
    return p.start, p.end


def _touch(p: Profile, q: Profile, widened: bool) -> bool:
    """Intervals (widened or as given) overlap or touch (within MAX_DAY_GAP)."""
    (plo, phi), (qlo, qhi) = _span(p, widened), _span(q, widened)
    return plo <= qhi + MAX_DAY_GAP and qlo <= phi + MAX_DAY_GAP


def _days_apart(p: Profile, q: Profile) -> bool:
    return p.day is not None and q.day is not None and abs(p.day - q.day) > MAX_DAY_GAP


class Grid:
    """Cells of 1 degree latitude (> 111 km) by enough degrees of longitude that two points
    in non-adjacent cells are more than MAX_POINT_KM apart at every latitude of the block.

    The longitude width follows from the haversine formula: the distance is at least
    ``2R asin(sqrt(cos φ1 cos φ2) sin(Δλ/2))``, so with ``cos φ >= c`` (the block's most
    poleward point, plus a degree) ``Δλ >= 2 asin(sin(MAX_POINT_KM / 2R) / c)`` suffices.
    """

    def __init__(self, columns: int) -> None:
        self.columns = columns  # cells round the globe, each >= the minimum width
        self.width = 360.0 / columns

    @classmethod
    def for_points(cls, members: Sequence[Profile]) -> Grid:
        lats = [abs(p.lat) for p in members if p.is_point and p.lat is not None]
        top = max(lats, default=0.0) + 1.0
        if top >= POLAR_LAT:
            return cls(1)
        ratio = math.sin(MAX_POINT_KM / (2 * EARTH_KM)) / math.cos(math.radians(top))
        width = math.degrees(2 * math.asin(min(1.0, ratio))) * 1.01  # 1% safety margin
        return cls(max(1, min(360, int(360.0 / width))))

    def cell(self, p: Profile) -> Cell | None:
        if not p.is_point or p.lat is None or p.lon is None:
            return None
        return math.floor(p.lat), int(((p.lon + 180.0) % 360.0) // self.width) % self.columns

    def around(self, cell: Cell) -> list[Cell]:
        """The cell and its neighbours (longitude wraps at the antimeridian)."""
        lat, lon = cell
        cols = sorted({(lon + d) % self.columns for d in (-1, 0, 1)})
        return [(lat + dl, c) for dl in (-1, 0, 1) for c in cols]


def _sweep(ordered: Sequence[Profile], grid: Grid, widened: bool) -> Iterator[tuple[int, int]]:
    """Pairs of reports whose intervals (widened or not) overlap or touch, swept in date
    order. Reports without a point are compared with every open report; points only with
    the open reports without a point and the points of the surrounding cells."""
    loose: list[Profile] = []  # open reports without a point
    cells: dict[Cell, list[Profile]] = defaultdict(list)  # open points by cell
    current = None
    for p in ordered:
        lo = _span(p, widened)[0]
        if lo != current:
            current = lo
            loose = _still_open(loose, lo, widened)
            for key in list(cells):
                cells[key] = _still_open(cells[key], lo, widened)
                if not cells[key]:
                    del cells[key]
        cell = grid.cell(p)
        if cell is None:
            active = loose + [q for members in cells.values() for q in members]
        else:
            active = loose + [q for c in grid.around(cell) for q in cells.get(c, ())]
        for q in active:
            if _days_apart(p, q):
                continue
            yield (q.index, p.index) if q.index < p.index else (p.index, q.index)
        if cell is None:
            loose.append(p)
        else:
            cells[cell].append(p)


def _still_open(active: list[Profile], lo: int, widened: bool) -> list[Profile]:
    return [q for q in active if _span(q, widened)[1] + MAX_DAY_GAP >= lo]


def long_pairs(
    long: Sequence[Profile], members: Sequence[Profile], among: Iterable[int] | None = None
) -> Iterator[tuple[int, int]]:
    """Pairs of a long or undated report with a report of ``members`` naming the same place
    (by name, or by a point within a town's radius: "Baghdad airport", "Baghdad International
    Airport" and "Baghdad" are one place to a report that only says "two years ago") or a
    same name word (the named-person feature's words), and of a long report without a
    place with the other long reports (both dated, overlapping). With ``among``, only pairs
    with exactly one end in it (the stray side of :func:`cross_pairs`)."""
    if not long:
        return
    only = set(among) if among is not None else None
    by_place: dict[str, list[Profile]] = defaultdict(list)
    by_cell: dict[tuple[int, int], list[Profile]] = defaultdict(list)
    by_name: dict[str, list[Profile]] = defaultdict(list)
    for p in members:
        if p.place:
            by_place[p.place].append(p)
        if p.lat is not None and p.lon is not None:
            by_cell[_cell(p.lat, p.lon)].append(p)
        for name in p.names:
            by_name[name].append(p)
    placeless = sorted(
        (p for p in long if p.start is not None and p.end is not None), key=lambda p: p.index
    )
    seen: set[tuple[int, int]] = set()
    for p in sorted(long, key=lambda p: p.index):
        near: list[Profile] = list(by_place.get(p.place, ())) if p.place else []
        near += _near_points(p, by_cell)
        for name in sorted(p.names):
            near += by_name[name]
        if not p.place and p.start is not None:
            near += placeless
        for q in near:
            pair = (min(p.index, q.index), max(p.index, q.index))
            if q.index == p.index or pair in seen or not _overlap(p, q):
                continue
            if only is not None and (p.index in only) == (q.index in only):
                continue
            seen.add(pair)
            yield pair


#: Cells of the long reports' point index: half a degree is >= 27 km of longitude up to
#: 60 degrees of latitude; above that :func:`_near_points` looks further along the row.
_CELL_DEGREES = 0.5


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return math.floor(lat / _CELL_DEGREES), math.floor(lon / _CELL_DEGREES)


def _near_points(p: Profile, by_cell: dict[tuple[int, int], list[Profile]]) -> Iterator[Profile]:
    """Reports with a point within a town's radius (``RADIUS_KM[1]``) of ``p``'s point."""
    if p.lat is None or p.lon is None:
        return
    row, col = _cell(p.lat, p.lon)
    km_per_cell = EARTH_KM * math.radians(_CELL_DEGREES) * max(math.cos(math.radians(p.lat)), 0.01)
    reach = math.ceil(RADIUS_KM[1] / km_per_cell)
    for r in (row - 1, row, row + 1):
        for c in range(col - reach, col + reach + 1):
            for q in by_cell.get((r, c), ()):
                if haversine_km(p.lat, p.lon, q.lat, q.lon) <= RADIUS_KM[1]:  # type: ignore[arg-type]
                    yield q


def _overlap(p: Profile, q: Profile) -> bool:
    """Dates overlap: widened when both are coarse, as given otherwise; undated always."""
    if p.reach is None or q.reach is None:
        return True
    widened = bool(p.slack and q.slack)
    (plo, phi), (qlo, qhi) = _span(p, widened), _span(q, widened)
    return plo <= qhi and qlo <= phi
