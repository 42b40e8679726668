"""Scale machinery: the grid drops only pairs no score could join, streaming stays close."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import dateline.merge.window as window
from dateline.bench.merge import run_synthetic
from dateline.merge.blocking import Grid, block_pairs
from dateline.merge.features import (
    MAX_POINT_KM,
    Profile,
    distance_km,
    haversine_km,
    pair_score,
)
from dateline.merge.synth import SynthConfig, country_partitions
from dateline.records import DateInterval, Event, Place


def _profiles(events: list[Event]) -> list[Profile]:
    return [Profile.of(i, e) for i, e in enumerate(events)]


def test_grid_keeps_every_pair_that_can_score() -> None:
    cfg = SynthConfig(events=1500, countries=3, days=20, places_per_country=40, seed=3)
    events = [e for e, _ in next(country_partitions(cfg))]
    profiles = _profiles(events)
    kept = set(block_pairs(profiles))
    assert len(kept) < len(profiles) * (len(profiles) - 1) // 4
    for a, b in itertools.combinations(profiles, 2):
        # dropped pairs are far-apart points or non-touching dates: their score is 0
        if (a.index, b.index) not in kept and _touching(a, b):
            assert pair_score(a, b) == 0.0


def _touching(a: Profile, b: Profile) -> bool:
    assert a.start is not None and a.end is not None and b.start is not None
    assert b.end is not None
    return a.start <= b.end + 1 and b.start <= a.end + 1


@given(
    st.floats(-70, 70),
    st.floats(-180, 180),
    st.floats(-70, 70),
    st.floats(-180, 180),
)
@settings(max_examples=300, deadline=None)
def test_non_adjacent_cells_are_too_far_apart(
    lat1: float, lon1: float, lat2: float, lon2: float
) -> None:
    a, b = _point(lat1, lon1), _point(lat2, lon2)
    grid = Grid.for_points([a, b])
    cell_a, cell_b = grid.cell(a), grid.cell(b)
    assert cell_a is not None and cell_b is not None
    if cell_b not in grid.around(cell_a):
        assert haversine_km(lat1, lon1, lat2, lon2) > MAX_POINT_KM


def _point(lat: float, lon: float) -> Profile:
    place = Place("Somewhere", "XX", None, lat, lon, 1)
    date = DateInterval(dt.date(2024, 5, 1), dt.date(2024, 5, 1), "day", "test")
    event = Event("ev", "Battles", "Armed clash", date=date, location=place)
    return Profile.of(0, event)


def test_profile_distance_matches_haversine_bit_for_bit() -> None:
    cfg = SynthConfig(events=300, countries=2, seed=5)
    profiles = [p for p in _profiles([e for e, _ in next(country_partitions(cfg))]) if p.lat]
    for a, b in itertools.islice(itertools.combinations(profiles, 2), 2000):
        assert distance_km(a, b) == haversine_km(a.lat, a.lon, b.lat, b.lon)  # type: ignore[arg-type]


def test_streamed_blocks_keep_synthetic_accuracy(monkeypatch: pytest.MonkeyPatch) -> None:
    exact = run_synthetic(3000, seed=11, workers=1)
    monkeypatch.setattr(window, "STREAM_ABOVE", 0)
    monkeypatch.setattr(window, "WINDOW_DAYS", 7)
    streamed = run_synthetic(3000, seed=11, workers=1)
    assert abs(streamed["events_out"] - exact["events_out"]) <= exact["events_out"] * 0.005
    assert abs(streamed["precision"] - exact["precision"]) < 0.01
    assert abs(streamed["recall"] - exact["recall"]) < 0.01
