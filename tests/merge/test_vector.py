"""Array scoring and clustering reproduce the Python reference bit for bit.

If ``features.pair_score`` changes, these tests fail until :mod:`dateline.merge.vector`
follows (at run time the vectorised scorer also checks a sample and falls back to Python).
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.bench.merge import gold_events
from dateline.merge.blocking import block_pairs
from dateline.merge.cluster import average_link
from dateline.merge.columns import Columns
from dateline.merge.dense import average_link_arrays
from dateline.merge.features import THRESHOLD, Profile, pair_score
from dateline.merge.places import place_score
from dateline.merge.sweep import candidate_positions
from dateline.merge.synth import SynthConfig, country_partitions
from dateline.merge.vector import _scores, score_pairs
from dateline.records import Count, DateInterval, Event, Evidence, Place

GOLD = Path(__file__).resolve().parents[2] / "gold"


def _profiles(events: list[Event]) -> list[Profile]:
    return [Profile.of(i, e) for i, e in enumerate(events)]


def _synthetic(n: int = 4000, seed: int = 7) -> list[Profile]:
    cfg = SynthConfig(events=n, countries=2, days=60, places_per_country=60, seed=seed)
    return _profiles([e for e, _ in next(country_partitions(cfg))])


def _assert_same(profiles: list[Profile], pairs: list[tuple[int, int]]) -> None:
    cols = Columns.of(profiles)
    i = np.array([a for a, _ in pairs], dtype=np.int64)
    j = np.array([b for _, b in pairs], dtype=np.int64)
    raw, _ = _scores(cols, i, j)  # no fallback: the arrays alone must agree...
    expected = np.array([pair_score(profiles[a], profiles[b]) for a, b in pairs])
    rescored = score_pairs(cols, i, j)  # ...and so must the public function
    assert np.array_equal(rescored, expected)
    # the borderline re-scoring may only fix the last bit of a handful of pairs
    assert np.count_nonzero(raw != expected) <= max(2, len(pairs) // 10_000)


@pytest.mark.parametrize("name", ["demo_events.jsonl", "guardian_events.jsonl"])
def test_gold_profiles_score_bit_for_bit(name: str) -> None:
    events, _ = gold_events(GOLD / name)
    profiles = _profiles(events)
    _assert_same(profiles, list(itertools.combinations(range(len(profiles)), 2)))


def test_synthetic_profiles_score_bit_for_bit() -> None:
    profiles = _synthetic()
    rng = random.Random(3)
    pairs = list(block_pairs(profiles))
    pairs += [tuple(sorted(rng.sample(range(len(profiles)), 2))) for _ in range(5000)]
    _assert_same(profiles, pairs)  # type: ignore[arg-type]


_SUBS = ["Armed clash", "Attack", "Air/drone strike", "Peaceful protest", "Suicide bomb"]
_TYPES = {
    "Armed clash": "Battles",
    "Attack": "Violence against civilians",
    "Air/drone strike": "Explosions/Remote violence",
    "Peaceful protest": "Protests",
    "Suicide bomb": "Explosions/Remote violence",
}


@st.composite
def _event(draw: st.DrawFn, k: int) -> Event:
    sub = draw(st.sampled_from(_SUBS))
    start = dt.date(2024, 3, 1) + dt.timedelta(days=draw(st.integers(0, 6)))
    width = draw(st.sampled_from([0, 0, 1, 6, 10, 30, 90]))
    date = DateInterval(start, start + dt.timedelta(days=width), "day" if not width else "week")
    if draw(st.integers(0, 5)) == 0:  # an archive without dates: one report in six undated
        date = DateInterval.unknown("no date expression and no publication date")
    precision = draw(st.sampled_from([1, 2, 3]))
    point = precision < 3 and draw(st.booleans())
    place = Place(
        draw(st.sampled_from(["Homs", "Hama", "Idlib", "near Homs", None])),
        draw(st.sampled_from(["SY", "SY", "IQ", None])),
        draw(st.sampled_from(["Homs", "Hama", None])),
        draw(st.floats(33.0, 36.0)) if point else None,
        draw(st.floats(35.0, 38.0)) if point else None,
        precision,
    )
    dead = draw(st.one_of(st.none(), st.integers(0, 40)))
    words = draw(
        st.lists(
            st.sampled_from(
                ["shelling", "homs", "killed", "army", "12", "Kotey", "Aine Davis", "Emwazi"]
            ),
            max_size=4,
        )
    )
    text = " ".join(words)
    article = f"a{draw(st.integers(0, 5))}"
    return Event(
        f"ev{k}",
        _TYPES[sub],
        sub,
        date=date,
        location=place,
        fatalities=Count(dead, dead + draw(st.integers(0, 5))) if dead is not None else None,
        evidence=(Evidence(article, "event", 0, len(text), text),) if text else (),
        mention_ids=(f"mn{k}",),
    )


@given(
    st.lists(st.integers(0, 10**6), min_size=2, max_size=12).flatmap(
        lambda seeds: st.tuples(*[_event(k) for k in range(len(seeds))])
    )
)
@settings(max_examples=60, deadline=None)
def test_random_events_score_bit_for_bit(events: tuple[Event, ...]) -> None:
    profiles = _profiles(list(events))
    _assert_same(profiles, list(itertools.combinations(range(len(profiles)), 2)))


def test_sweep_proposes_every_pair_that_can_score() -> None:
    profiles = _synthetic(3000, seed=9)
    cols = Columns.of(profiles)
    a, b = candidate_positions(cols, np.arange(len(profiles)))
    fast = set(zip(a.tolist(), b.tolist(), strict=True))
    assert len(fast) == len(a)  # no duplicates
    slow = set(block_pairs(profiles))
    for pair in fast ^ slow:  # differences are pairs no score could join
        assert pair_score(profiles[pair[0]], profiles[pair[1]]) == 0.0


def _edges(profiles: list[Profile]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    cols = Columns.of(profiles)
    a, b = candidate_positions(cols, np.arange(len(profiles)))
    s = score_pairs(cols, a, b)
    keep = s >= 0.35
    return a[keep], b[keep], s[keep]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_dense_clusters_equal_average_link(seed: int) -> None:
    profiles = _synthetic(2500, seed=seed)
    a, b, s = _edges(profiles)
    edges = dict(zip(zip(a.tolist(), b.tolist(), strict=True), s.tolist(), strict=True))
    sides = {k: frozenset({0}) for k in range(0, len(profiles), 97)}  # an analyst's split
    expected = average_link(profiles, edges, THRESHOLD, sides)
    assert average_link_arrays(profiles, a, b, s, THRESHOLD, sides) == expected


@given(
    st.lists(
        st.sampled_from([0.35, 0.5, 0.62, 0.63, 0.7, 0.7, 0.7, 0.75, 0.9]), min_size=45, max_size=45
    ),
    st.integers(0, 1000),
)
@settings(max_examples=80, deadline=None)
def test_dense_clusters_equal_average_link_on_ties(values: list[float], seed: int) -> None:
    # ten same-day reports, every pair an edge with much-tied scores: the order of merges
    # (ties, stale entries within 1e-12) decides the clusters
    profiles = _synthetic(400, seed=5)[:10]
    rng = random.Random(seed)
    pairs = [(x, y) for x, y in itertools.combinations(range(10), 2) if rng.random() < 0.8]
    a = np.array([x for x, _ in pairs], dtype=np.int64)
    b = np.array([y for _, y in pairs], dtype=np.int64)
    s = np.array(values[: len(pairs)], dtype=np.float64)
    edges = dict(zip(pairs, s.tolist(), strict=True))
    assert average_link_arrays(profiles, a, b, s, THRESHOLD) == average_link(
        profiles, edges, THRESHOLD
    )


def test_far_points_without_place_score_zero_everywhere() -> None:
    """Two points 186 km apart are two events even when one names neither a country nor a
    place (``pair_score`` used to skip the cut-off then, while blocking's grid and the
    clusters' cannot-link rule applied it); the arrays agree."""
    day = DateInterval(dt.date(2024, 3, 1), dt.date(2024, 3, 1), "day")
    strike = ("Explosions/Remote violence", "Air/drone strike")
    events = [
        Event("ev1", *strike, date=day, location=Place("Homs", "SY", "Homs", 33.0, 35.0, 1)),
        Event("ev2", *strike, date=day, location=Place(None, None, "Homs", 33.0, 37.0, 1)),
    ]
    profiles = _profiles(events)
    assert pair_score(profiles[0], profiles[1]) == 0.0
    _assert_same(profiles, [(0, 1)])
    assert list(block_pairs(profiles)) == []


def test_a_city_province_and_its_suburbs_score_alike_in_both_paths() -> None:
    """Damascus is a governorate of its own; Douma, 12 km away, is in Rif Dimashq. Across
    that line, and only around such a city, a town's radius still counts as one place (the
    arrays re-score the pairs at the 25 km cut-off in Python)."""
    day = DateInterval(dt.date(2018, 4, 7), dt.date(2018, 4, 7), "day")
    attack = ("Explosions/Remote violence", "Chemical weapon")
    damascus = Place("Damascus", "SY", "Damascus", 33.5138, 36.2765, 1)
    douma = Place("Douma", "SY", "Rif Dimashq", 33.5711, 36.4022, 1)
    events = [Event("ev0", *attack, date=day, location=damascus)]
    events.append(Event("ev1", *attack, date=day, location=douma))
    for k, km in enumerate((24.0, 25.0, 26.0), start=2):  # due east of Damascus
        lon = 36.2765 + km / (111.195 * np.cos(np.radians(33.5138)))
        events.append(
            Event(
                f"ev{k}",
                *attack,
                date=day,
                location=Place(f"T{k}", "SY", "Rif Dimashq", 33.5138, lon, 1),
            )
        )
    # two towns 9 km apart on either side of an ordinary provincial line stay two places
    events.append(
        Event(
            "ev5", *attack, date=day, location=Place("Kafr Zita", "SY", "Hama", 35.374, 36.601, 1)
        )
    )
    events.append(
        Event(
            "ev6",
            *attack,
            date=day,
            location=Place("Khan Shaykhun", "SY", "Idlib", 35.442, 36.651, 1),
        )
    )
    profiles = _profiles(events)
    assert place_score(profiles[0], profiles[1])[0] > 0.7  # Damascus and Douma
    assert place_score(profiles[0], profiles[2])[0] > 0.1  # 24 km
    assert place_score(profiles[0], profiles[4])[0] == 0.1  # 26 km
    assert (
        place_score(profiles[5], profiles[6])[0] == 0.1
    )  # Kafr Zita (Hama) and Khan Shaykhun (Idlib)
    _assert_same(profiles, list(itertools.combinations(range(len(profiles)), 2)))
