""":func:`dateline.merge.features.pair_score` over arrays of pairs, bit for bit.

Every feature repeats the Python function's float operations in the same order (IEEE
arithmetic is the same in numpy and Python), so most scores are identical by construction.
Two steps cannot be: numpy's ``sin``/``arcsin`` may differ from libm in the last bit, and
``np.rint(x * 1e4) / 1e4`` differs from Python's correctly rounded ``round(x, 4)`` when
``x * 1e4`` lies within rounding error of a half. Pairs near those edges (a distance within
1e-6 km of a cut-off, a score within 1e-10 of a rounding tie) are re-scored with the Python
function. A sample of every batch is also checked against it, so a later change to
``pair_score`` falls back to Python (with a warning) instead of silently diverging.
"""

from __future__ import annotations

import math
import warnings

import numpy as np

from dateline.merge.columns import Columns
from dateline.merge.features import (
    BOTH_UNDATED,
    EARTH_KM,
    MAX_DAY_GAP,
    MAX_POINT_KM,
    NEUTRAL,
    PERSON_DIFFERENT,
    PERSON_SHARED,
    PERSON_WEIGHT,
    RADIUS_KM,
    UNDATED,
    WEIGHTS,
    pair_score,
)

_W_DATE, _W_PLACE, _W_SUB = WEIGHTS["date_overlap"], WEIGHTS["place"], WEIGHTS["subtype_compat"]
_W_ACT, _W_CAS, _W_TEXT = WEIGHTS["actor_jaccard"], WEIGHTS["casualty_compat"], WEIGHTS["text_sim"]
_W_SUM = sum(WEIGHTS.values())
_DEG = math.pi / 180.0  # what math.radians multiplies by
#: How close to a cut-off (km) or a rounding tie (units of 1e-4) a pair must be to be re-scored
#: in Python. The numpy error is ~1e-13 in both; the margins are many orders above it.
BORDER_KM = 1e-6
BORDER_TIE = 1e-6
#: Pairs of each batch checked against the Python function.
SELF_CHECK = 16


def score_pairs(cols: Columns, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """``pair_score(cols.profiles[i[k]], cols.profiles[j[k]])`` for every k."""
    if len(i) == 0:
        return np.zeros(0, dtype=np.float64)
    scores, border = _scores(cols, i, j)
    redo = np.flatnonzero(border | cols.irregular[i] | cols.irregular[j])
    for k in redo.tolist():
        scores[k] = pair_score(cols.profiles[i[k]], cols.profiles[j[k]])
    probe = np.unique(np.linspace(0, len(i) - 1, min(SELF_CHECK, len(i))).astype(np.int64))
    if any(scores[k] != pair_score(cols.profiles[i[k]], cols.profiles[j[k]]) for k in probe):
        warnings.warn(
            "vectorised pair scores differ from features.pair_score; scoring in Python",
            RuntimeWarning,
            stacklevel=2,
        )
        ps = cols.profiles
        scores = np.array([pair_score(ps[a], ps[b]) for a, b in zip(i, j, strict=True)])
    return scores


def _scores(cols: Columns, i: np.ndarray, j: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    c = cols
    zero = c.articles.intersections(i, j) > 0
    zero |= (c.country[i] != 0) & (c.country[j] != 0) & (c.country[i] != c.country[j])
    zero |= c.has_day[i] & c.has_day[j] & (np.abs(c.day[i] - c.day[j]) > MAX_DAY_GAP)
    zero |= _different_statements(c, i, j)
    subtype = c.subtype_table[c.subtype[i], c.subtype[j]]
    zero |= subtype == 0.0
    place, distance, border = _place(c, i, j)
    points = c.is_point[i] & c.is_point[j]
    zero |= points & (distance > MAX_POINT_KM)
    border |= points & (np.abs(distance - MAX_POINT_KM) < BORDER_KM)
    total = (
        _W_DATE * _date(c, i, j)
        + _W_PLACE * place
        + _W_SUB * subtype
        + _W_ACT * _actors(c, i, j)
        + _W_CAS * _casualties(c, i, j)
        + _W_TEXT * _text(c, i, j)
    )
    known, person = _person(c, i, j)
    mean = np.where(
        known, (total + PERSON_WEIGHT * person) / (_W_SUM + PERSON_WEIGHT), total / _W_SUM
    )
    scaled = mean * 10000.0
    border |= ~zero & (np.abs(scaled - np.floor(scaled) - 0.5) < BORDER_TIE)
    return np.where(zero, 0.0, np.rint(scaled) / 10000.0), border


def _different_statements(c: Columns, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """:func:`features.different_statements`: a claim and a denial, or two statements with
    no shared actor."""
    sa, sb = c.stance[i], c.stance[j]
    both = (sa != 0) & (sb != 0)
    if not both.any():
        return both
    la, lb = c.actors.sizes[i], c.actors.sizes[j]
    disjoint = (la > 0) & (lb > 0) & (c.actors.intersections(i, j) == 0)
    return both & ((sa != sb) | disjoint)


def _date(c: Columns, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    sa, ea, sb, eb = c.start[i], c.end[i], c.start[j], c.end[j]
    width = np.maximum(ea - sa, eb - sb) + 1
    inside = np.where(width == 1, 1.0, np.maximum(0.6, 1.0 - width / 100))
    gap = np.maximum(sa - eb, sb - ea)
    apart = np.where(gap == 1, 0.5, np.maximum(0.0, 0.4 - 0.1 * gap))
    score = np.where((sa <= eb) & (sb <= ea), inside, apart)
    one = np.where(c.dated[i] | c.dated[j], UNDATED, BOTH_UNDATED)
    return np.where(c.dated[i] & c.dated[j], score, one)


def _person(c: Columns, i: np.ndarray, j: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """:func:`features.person_score`: (known, value) of every pair."""
    la, lb = c.names.sizes[i], c.names.sizes[j]
    both = np.flatnonzero((la > 0) & (lb > 0))
    shared = np.zeros(len(i), dtype=bool)
    if len(both):
        ii, jj = i[both], j[both]
        shared[both] = c.names.intersections(ii, jj) > c.initial_names.intersections(ii, jj)
    different = ~shared & c.has_persons[i] & c.has_persons[j]
    value = np.where(shared, PERSON_SHARED, PERSON_DIFFERENT)
    return shared | different, value


def _place(c: Columns, i: np.ndarray, j: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(place score, distance km (meaningless where either has no point), near a cut-off)."""
    ca, cb, pa, pb = c.country[i], c.country[j], c.place[i], c.place[j]
    neutral = ((ca == 0) & (pa == 0)) | ((cb == 0) & (pb == 0))
    other_country = (ca != 0) & (cb != 0) & (ca != cb)
    distance = _distance(c, i, j)
    measured = c.has_lat[i] & c.has_lat[j]
    same_place = (pa != 0) & (pa == pb)
    aa, ab = c.admin1[i], c.admin1[j]
    two_admins = (
        (aa != 0) & (ab != 0) & (aa != ab) & (np.minimum(c.precision[i], c.precision[j]) <= 2)
    )
    with np.errstate(invalid="ignore"):
        neighbours = (
            measured & (c.city_province[i] | c.city_province[j]) & (distance <= RADIUS_KM[1])
        )
    other_admin = two_admins & ~neighbours
    radius = np.maximum(c.radius[i], c.radius[j])
    points = c.is_point[i] & c.is_point[j]
    decided = neutral | other_country | same_place | other_admin
    coarse = np.maximum(c.precision[i], c.precision[j]) >= 2
    same_admin = (aa != 0) & (aa == ab)
    with np.errstate(invalid="ignore"):
        score = np.select(
            [
                neutral,
                other_country,
                same_place,
                other_admin,
                measured & (distance > radius),
                measured & points,
                measured,
                same_admin,
            ],
            [0.5, 0.0, 1.0, 0.1, 0.1, np.maximum(0.3, 1.0 - distance / 50.0), 0.7, 0.75],
            default=np.where(coarse, 0.6, 0.35),
        )
        border = measured & ~decided & (np.abs(distance - radius) < BORDER_KM)
        border |= (  # the neighbours' cut-off of two provinces
            measured
            & two_admins
            & (c.city_province[i] | c.city_province[j])
            & ~(neutral | other_country | same_place)
            & (np.abs(distance - RADIUS_KM[1]) < BORDER_KM)
        )
    return score, distance, border


def _distance(c: Columns, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """:func:`features.distance_km` with the same operations (numpy's trigonometry)."""
    dl = (c.lon[j] - c.lon[i]) * _DEG
    h = (
        np.sin((c.lat_rad[j] - c.lat_rad[i]) / 2) ** 2
        + c.lat_cos[i] * c.lat_cos[j] * np.sin(dl / 2) ** 2
    )
    return 2 * EARTH_KM * np.arcsin(np.minimum(1.0, np.sqrt(h)))


def _jaccard(inter: np.ndarray, la: np.ndarray, lb: np.ndarray) -> np.ndarray:
    with np.errstate(invalid="ignore", divide="ignore"):
        return inter / (la + lb - inter)


def _actors(c: Columns, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    la, lb = c.actors.sizes[i], c.actors.sizes[j]
    if not (la.any() and lb.any()):
        return np.full(len(i), NEUTRAL)
    jac = _jaccard(c.actors.intersections(i, j), la, lb)
    return np.where((la > 0) & (lb > 0), 0.3 + 0.7 * jac, NEUTRAL)


def _text(c: Columns, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    la, lb = c.words.sizes[i], c.words.sizes[j]
    jac = _jaccard(c.words.intersections(i, j), la, lb)
    return np.where((la > 0) & (lb > 0), np.minimum(1.0, jac / 0.35), NEUTRAL)


def _casualties(c: Columns, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    f_known, f = _compat(c.fatalities, i, j)
    i_known, inj = _compat(c.injured, i, j)
    return np.select(
        [f_known & i_known, f_known, i_known], [(f + inj) / 2, f / 1, inj / 1], default=NEUTRAL
    )


def _compat(
    col: tuple[np.ndarray, np.ndarray, np.ndarray], i: np.ndarray, j: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """:func:`features.count_compat` of every pair, and where both counts are known."""
    known, lo, hi = col
    xmin, xmax, ymin, ymax = lo[i], hi[i], lo[j], hi[j]
    mid_x, mid_y = (xmin + xmax) / 2, (ymin + ymax) / 2
    low, high = np.minimum(mid_x, mid_y), np.maximum(mid_x, mid_y)
    with np.errstate(invalid="ignore", divide="ignore"):
        apart = np.where(high - low <= 3, 0.5, low / high * 0.8)
    value = np.where((xmin <= ymax) & (ymin <= xmax), 1.0, apart)
    return known[i] & known[j], value
