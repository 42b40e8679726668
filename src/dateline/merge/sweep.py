"""The candidate pairs of :func:`dateline.merge.blocking.block_pairs`, as arrays.

``block_pairs`` sweeps a block in date order in Python, which costs about a microsecond a
pair; a busy country has tens of millions. Here the same rule (short intervals that
overlap or touch, two coarse ones widened by their slack; long or undated reports by
``long_pairs``) is applied with sorted arrays and range expansion. The result is the same
set of pairs minus pairs whose score is 0 anyway (day-precision reports more than
MAX_DAY_GAP days apart); far-apart points, which ``block_pairs`` drops with its grid, are
kept and scored 0.
"""

from __future__ import annotations

import numpy as np

from dateline.merge.blocking import LONG_INTERVAL_DAYS, long_pairs
from dateline.merge.columns import Columns
from dateline.merge.features import MAX_DAY_GAP

#: Short intervals are swept by width class so that the look-back range of each class is
#: tight (a day report looks one day back, a month report a month back; widened coarse
#: reports, in their own sweep, up to two months).
WIDTH_CLASSES = (0, 1, 7, 16, 31, 62, 2 * LONG_INTERVAL_DAYS)


def candidate_positions(cols: Columns, members: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Pairs ``(a, b)`` of positions in ``cols`` (``index`` of a < ``index`` of b) among
    ``members`` that ``block_pairs`` would propose, less pairs that cannot score."""
    members = np.asarray(members, dtype=np.int64)
    width = cols.end[members] - cols.start[members]
    is_short = cols.dated[members] & (width <= LONG_INTERVAL_DAYS)
    short, long = members[is_short], members[~is_short]
    firsts, seconds = _sweep(cols, short, cols.start, cols.end)
    coarse = short[cols.slack[short] > 0]
    if len(coarse) > 1:  # coarse pairs that touch only widened (the first sweep has the rest)
        q, p = _sweep(cols, coarse, cols.lo, cols.hi)
        keep = (cols.end[q] + MAX_DAY_GAP < cols.start[p]) | (
            cols.end[p] + MAX_DAY_GAP < cols.start[q]
        )
        firsts, seconds = np.concatenate([firsts, q[keep]]), np.concatenate([seconds, p[keep]])
    if len(long):
        extra = _long_pairs(cols, members, long)
        firsts, seconds = np.concatenate([firsts, extra[0]]), np.concatenate([seconds, extra[1]])
    swap = cols.index[firsts] > cols.index[seconds]
    return np.where(swap, seconds, firsts), np.where(swap, firsts, seconds)


def _sweep(
    cols: Columns, short: np.ndarray, starts: np.ndarray, ends: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Every pair of ``short`` whose intervals (``starts``/``ends``: as given, or widened)
    overlap or touch (``q.end + 1 >= p.start`` for q before p in (start, index) order)."""
    n = max(int(cols.index.max(initial=0)) + 1, 1)
    start, end = starts[short], ends[short]
    key = start * n + cols.index[short]  # (start, index) order as one integer
    width = end - start
    out_q, out_p = [], []
    low = -1
    for high in WIDTH_CLASSES:
        cls = (width > low) & (width <= high)
        low = high
        if not cls.any():
            continue
        members = short[cls]
        order = np.argsort(key[cls], kind="stable")
        members, ckey = members[order], key[cls][order]
        wmax = int(width[cls].max())
        # q in this class can touch p only if q.start >= p.start - wmax - MAX_DAY_GAP
        lo = np.searchsorted(ckey, (start - wmax - MAX_DAY_GAP) * n, side="left")
        hi = np.searchsorted(ckey, key, side="left")
        count = np.maximum(hi - lo, 0)
        total = int(count.sum())
        if total == 0:
            continue
        p = np.repeat(short, count)
        offsets = np.arange(total) - np.repeat(np.cumsum(count) - count, count)
        q = members[np.repeat(lo, count) + offsets]
        keep = ends[q] + MAX_DAY_GAP >= starts[p]
        keep &= ~(
            cols.has_day[q] & cols.has_day[p] & (np.abs(cols.day[q] - cols.day[p]) > MAX_DAY_GAP)
        )
        out_q.append(q[keep])
        out_p.append(p[keep])
    if not out_q:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    return np.concatenate(out_q), np.concatenate(out_p)


def _long_pairs(
    cols: Columns, members: np.ndarray, long: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Long and undated reports meet reports naming the same place or person (and, without
    a place, the other long reports): few, so done in Python by ``blocking``'s own rule."""
    profiles = [cols.profiles[k] for k in members.tolist()]
    long_set = {cols.profiles[k].index for k in long.tolist()}
    position = {cols.profiles[k].index: k for k in members.tolist()}
    pairs = [
        (position[a], position[b])
        for a, b in long_pairs([p for p in profiles if p.index in long_set], profiles)
    ]
    if not pairs:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    arr = np.array(pairs, dtype=np.int64)
    return arr[:, 0], arr[:, 1]
