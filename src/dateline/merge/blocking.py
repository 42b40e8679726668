"""Candidate pairs without comparing everything with everything.

Two reports can only be one event when their date intervals overlap, they are in the same
country and their types are compatible. So events are grouped into blocks by
(country, type group) and, inside a block, swept in date order keeping only the events
whose interval is still open. With day-precision dates this compares each report with the
reports of the same day in the same country; point locations are further filed in a grid
of cells at least MAX_POINT_KM wide, so a point meets only the points of its own and the 8
neighbouring cells (every other point is too far away for any score to be above 0).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterator, Sequence

from dateline.merge.features import EARTH_KM, MAX_DAY_GAP, MAX_POINT_KM, Profile, block_group
from dateline.records import Event

#: Intervals longer than this ("in 2019") overlap too much to sweep; such reports, and
#: undated ones, are compared only with reports naming the same place.
LONG_INTERVAL_DAYS = 62
#: Above this latitude longitude cells would have to be too wide to help: one column.
POLAR_LAT = 80.0
Cell = tuple[int, int]


def block_key(event: Event) -> tuple[str, str]:
    """(country code, type group): reports in different blocks are never compared.

    The one definition of a block: the local merge groups by it, the store files each
    mention under it for incremental merges, and the Spark job groups by it.
    """
    loc = event.location
    return ((loc.country_code or "").upper() if loc else "", block_group(event))


def blocks(profiles: Sequence[Profile]) -> dict[tuple[str, str], list[Profile]]:
    """block key -> profiles."""
    out: dict[tuple[str, str], list[Profile]] = defaultdict(list)
    for p in profiles:
        out[block_key(p.event)].append(p)
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
    yield from _sweep(short, Grid.for_points(short))
    yield from _by_place(long, members)


def _width(p: Profile) -> int:
    if p.start is None or p.end is None:
        return LONG_INTERVAL_DAYS + 1  # undated: could be any time
    return p.end - p.start


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


def _sweep(ordered: Sequence[Profile], grid: Grid) -> Iterator[tuple[int, int]]:
    """Pairs of reports whose intervals overlap or touch, swept in date order. Reports
    without a point are compared with every open report; points only with the open reports
    without a point and the points of the surrounding cells."""
    loose: list[Profile] = []  # open reports without a point
    cells: dict[Cell, list[Profile]] = defaultdict(list)  # open points by cell
    current = None
    for p in ordered:
        if p.start != current:
            current = p.start
            loose = _still_open(loose, p.start)
            for key in list(cells):
                cells[key] = _still_open(cells[key], p.start)
                if not cells[key]:
                    del cells[key]
        cell = grid.cell(p)
        if cell is None:
            active = loose + [q for members in cells.values() for q in members]
        else:
            active = loose + [q for c in grid.around(cell) for q in cells.get(c, ())]
        for q in active:
            if p.day is not None and q.day is not None and abs(p.day - q.day) > MAX_DAY_GAP:
                continue
            yield (q.index, p.index) if q.index < p.index else (p.index, q.index)
        if cell is None:
            loose.append(p)
        else:
            cells[cell].append(p)


def _still_open(active: list[Profile], start: int | None) -> list[Profile]:
    assert start is not None
    return [q for q in active if q.end is not None and q.end + MAX_DAY_GAP >= start]


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
