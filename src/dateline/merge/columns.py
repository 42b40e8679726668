"""Profiles of one block as numpy columns, so candidate pairs can be scored as arrays.

:func:`dateline.merge.features.pair_score` costs ~10 us a pair in Python; a busy country at
ACLED density has tens of millions of candidate pairs. :class:`Columns` holds every number
the score reads (dates, place ids, coordinates, casualty ranges, a sub-type id) once per
block, and the three small sets (articles, perpetrator actors, content words) as
:class:`SetColumn`, whose pairwise intersection sizes are computed without Python loops.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from dateline.merge.features import RADIUS_KM, Profile, subtype_score

#: The most frequent set items of a block are kept as bits (up to this many 64-bit words a
#: profile): two reports of one template share them, and a popcount of an AND is far cheaper
#: than a sparse product over items that most reports hold.
MAX_MASK_WORDS = 4


class SetColumn:
    """One small set of strings per profile, with vectorised intersection sizes.

    Items held by many profiles go into a bit mask (popcount of AND); the rest into a sparse
    incidence matrix whose self-product is cheap because each of those items is rare.
    """

    def __init__(self, sets: Sequence[Iterable[str]]) -> None:
        rows = [sorted(set(s)) for s in sets]
        self.sizes = np.array([len(r) for r in rows], dtype=np.int64)
        counts = Counter(item for r in rows for item in r)
        # Frequent first, ties by the item itself so the layout is deterministic.
        ranked = sorted(counts, key=lambda item: (-counts[item], item))
        words = min(MAX_MASK_WORDS, (len(ranked) + 63) // 64)
        bit_of = {item: k for k, item in enumerate(ranked[: 64 * words])}
        rare_of = {item: k for k, item in enumerate(ranked[64 * words :])}
        self.mask = np.zeros((len(rows), max(words, 1)), dtype=np.uint64)
        coo_rows: list[int] = []
        coo_cols: list[int] = []
        for n, r in enumerate(rows):
            for item in r:
                bit = bit_of.get(item)
                if bit is None:
                    coo_rows.append(n)
                    coo_cols.append(rare_of[item])
                else:
                    self.mask[n, bit // 64] |= np.uint64(1 << (bit % 64))
        self._rare = sparse.csr_matrix(
            (np.ones(len(coo_rows), dtype=np.int64), (coo_rows, coo_cols)),
            shape=(len(rows), max(len(rare_of), 1)),
        )
        self._has_rare = np.diff(self._rare.indptr) > 0
        self.masks = [np.ascontiguousarray(self.mask[:, w]) for w in range(words)]
        self.single = (
            np.array([bit_of.get(r[0], -1) for r in rows], dtype=np.int64)
            if rows and all(len(r) == 1 for r in rows) and not rare_of
            else None
        )
        self._rare_keys: np.ndarray | None = None
        self._rare_vals: np.ndarray | None = None

    def intersections(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """``len(set[i] & set[j])`` for each pair of positions."""
        if self.single is not None:  # one item each (articles, usually): compare ids
            return (self.single[i] == self.single[j]).astype(np.int64)
        out = np.zeros(len(i), dtype=np.int64)
        for word in self.masks:
            out += np.bitwise_count(word[i] & word[j])
        if self._rare.nnz:
            has = np.flatnonzero(self._has_rare[i] & self._has_rare[j])
            if len(has):
                keys, vals = self._rare_product()
                want = i[has].astype(np.int64) * self._rare.shape[0] + j[has]
                at = np.minimum(np.searchsorted(keys, want), len(keys) - 1)
                out[has] += np.where(keys[at] == want, vals[at], 0)
        return out

    def _rare_product(self) -> tuple[np.ndarray, np.ndarray]:
        """Sorted ``row * n + col`` keys and values of the rare items' co-occurrence counts,
        computed once per block."""
        if self._rare_keys is None or self._rare_vals is None:
            product = (self._rare @ self._rare.T).tocoo()
            keys = product.row.astype(np.int64) * self._rare.shape[0] + product.col
            order = np.argsort(keys)
            self._rare_keys = keys[order]
            self._rare_vals = product.data[order].astype(np.int64)
        return self._rare_keys, self._rare_vals


def _ids(values: Iterable[object]) -> np.ndarray:
    """Dense integer ids, 0 for a falsy value ("" or None): equality of ids is equality."""
    table: dict[object, int] = {}
    return np.array(
        [table.setdefault(v, len(table) + 1) if v else 0 for v in values], dtype=np.int64
    )


@dataclass
class Columns:
    """Everything :func:`pair_score` reads, one array entry per profile (``profiles[k]``)."""

    profiles: list[Profile]
    index: np.ndarray
    dated: np.ndarray  # start and end known
    start: np.ndarray
    end: np.ndarray
    lo: np.ndarray  # the widened interval blocking compares coarse reports by (reach)
    hi: np.ndarray
    slack: np.ndarray
    has_day: np.ndarray
    day: np.ndarray
    country: np.ndarray
    place: np.ndarray
    admin1: np.ndarray
    has_lat: np.ndarray
    lat: np.ndarray
    lon: np.ndarray
    lat_rad: np.ndarray
    lat_cos: np.ndarray
    is_point: np.ndarray
    city_province: np.ndarray  # a city that is its own province (Profile.city_province)
    precision: np.ndarray
    radius: np.ndarray
    subtype: np.ndarray
    subtype_table: np.ndarray
    fatalities: tuple[np.ndarray, np.ndarray, np.ndarray]  # (known, min, max)
    injured: tuple[np.ndarray, np.ndarray, np.ndarray]
    articles: SetColumn
    actors: SetColumn
    words: SetColumn
    names: SetColumn  # the named-person feature's sets (Profile.names ...)
    initial_names: SetColumn
    has_persons: np.ndarray
    stance: np.ndarray  # attribution statements: 1 claim, 2 denial, 0 not a statement
    irregular: np.ndarray  # scored by the Python function instead

    @classmethod
    def of(cls, profiles: Sequence[Profile]) -> Columns:
        ps = list(profiles)

        def arr(values: Iterable[object], dtype: type = np.int64) -> np.ndarray:
            return np.array(list(values), dtype=dtype)

        kinds: dict[tuple[str, str], int] = {}
        reps: list[Profile] = []
        for p in ps:
            if (p.event.event_type, p.event.sub_event_type) not in kinds:
                kinds[(p.event.event_type, p.event.sub_event_type)] = len(reps)
                reps.append(p)
        table = np.array(
            [[subtype_score(a.event, b.event) for b in reps] for a in reps], dtype=np.float64
        ).reshape(len(reps), len(reps))
        irregular = [
            p.place_precision not in RADIUS_KM
            or not all(_plain_count(c) for c in (p.event.fatalities, p.event.injured))
            for p in ps
        ]
        # A name is shared only if one side has it in mid-sentence; when no report has such
        # a name (synthetic text: "Attack in ..."), no pair can share one: skip the sets.
        named = any(p.names - p.initial_names for p in ps)
        return cls(
            profiles=ps,
            index=arr(p.index for p in ps),
            dated=arr((p.start is not None and p.end is not None for p in ps), bool),
            start=arr(p.start or 0 for p in ps),
            end=arr(p.end or 0 for p in ps),
            lo=arr((p.start or 0) - p.slack for p in ps),
            hi=arr((p.end or 0) + p.slack for p in ps),
            slack=arr(p.slack for p in ps),
            has_day=arr((p.day is not None for p in ps), bool),
            day=arr(p.day or 0 for p in ps),
            country=_ids(p.country for p in ps),
            place=_ids(p.place for p in ps),
            admin1=_ids(p.admin1 for p in ps),
            has_lat=arr((p.lat is not None for p in ps), bool),
            lat=arr((p.lat or 0.0 for p in ps), np.float64),
            lon=arr((p.lon or 0.0 for p in ps), np.float64),
            lat_rad=arr((p.lat_rad for p in ps), np.float64),
            lat_cos=arr((p.lat_cos for p in ps), np.float64),
            is_point=arr((p.is_point for p in ps), bool),
            city_province=arr((p.city_province for p in ps), bool),
            precision=arr(p.place_precision for p in ps),
            radius=arr((RADIUS_KM.get(p.place_precision, math.nan) for p in ps), np.float64),
            subtype=arr(kinds[(p.event.event_type, p.event.sub_event_type)] for p in ps),
            subtype_table=table,
            fatalities=_counts([p.event.fatalities for p in ps]),
            injured=_counts([p.event.injured for p in ps]),
            articles=SetColumn([p.articles for p in ps]),
            actors=SetColumn([p.actors for p in ps]),
            words=SetColumn([p.words for p in ps]),
            names=SetColumn([p.names if named else () for p in ps]),
            initial_names=SetColumn([p.initial_names if named else () for p in ps]),
            has_persons=arr((bool(p.persons) for p in ps), bool),
            stance=arr(getattr(p, "stance", 0) for p in ps),
            irregular=arr(irregular, bool),
        )

    def __len__(self) -> int:
        return len(self.profiles)


def _plain_count(count: object) -> bool:
    """Counts with int bounds are scored as arrays; anything else takes the Python path."""
    if count is None:
        return True
    lo, hi = getattr(count, "min", None), getattr(count, "max", None)
    return type(lo) is int and type(hi) is int and abs(lo) < 2**52 and abs(hi) < 2**52


def _counts(counts: Sequence[object]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    known = np.array([c is not None and _plain_count(c) for c in counts], dtype=bool)
    lo = np.array([c.min if k else 0 for c, k in zip(counts, known, strict=True)], np.int64)  # type: ignore[attr-defined]
    hi = np.array([c.max if k else 0 for c, k in zip(counts, known, strict=True)], np.int64)  # type: ignore[attr-defined]
    return known, lo, hi
