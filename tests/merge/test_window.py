"""Streaming a block in windows: the speed-ups change nothing but the time."""

from __future__ import annotations

import pytest

import dateline.merge.window as window
from dateline.merge.features import Profile
from dateline.merge.synth import SynthConfig, country_partition


def _block(n: int, days: int) -> list[Profile]:
    cfg = SynthConfig(events=n, countries=1, days=days, places_per_country=30, seed=21)
    events = [e for e, _ in country_partition(cfg, 0)]
    battles = [e for e in events if e.event_type != "Protests"]  # one block
    return [Profile.of(i, e) for i, e in enumerate(battles)]


def test_carried_edges_are_not_rescored_and_change_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    profiles = _block(1200, 60)
    monkeypatch.setattr(window, "STREAM_ABOVE", 100)
    monkeypatch.setattr(window, "WINDOW_DAYS", 5)
    cached = window.cluster_block(profiles, {})
    monkeypatch.setattr(window, "_among", lambda *_: None)  # re-score every pair
    fresh = window.cluster_block(profiles, {})
    assert len(cached[0]) < len(profiles)
    assert cached == fresh


def test_windows_are_cut_to_fit_the_dense_matrix(monkeypatch: pytest.MonkeyPatch) -> None:
    profiles = _block(1500, 20)  # ~65 reports a day: 14 days and the carry exceed 1,100
    monkeypatch.setattr(window, "STREAM_ABOVE", 100)
    sizes: list[int] = []
    original = window._cluster

    def spy(cols, positions, sides, known=None):  # type: ignore[no-untyped-def]
        sizes.append(len(positions))
        return original(cols, positions, sides, known)

    monkeypatch.setattr(window, "_cluster", spy)
    window.cluster_block(profiles, {})
    assert max(sizes) > 1100
    sizes.clear()
    monkeypatch.setattr(window, "DENSE_MAX", 1100)
    clusters, _ = window.cluster_block(profiles, {})
    assert sorted(i for c in clusters for i in c) == sorted(p.index for p in profiles)
    assert max(sizes) <= 1100
