"""Escalation signals on hand-built events: rises, threat -> attack, anniversaries, plots."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.records import Actor
from dateline.timeline import compute_signals, plot_signal
from dateline.timeline.signals import default_today, keys_of, weekly_counts
from tests.timeline.helpers import event

MON = dt.date(2022, 1, 3)  # a Monday
ISF = Actor("Islamic State", "perpetrator")
ARMY = Actor("Iraqi Army", "target")


def attacks(weeks_counts: list[int], prefix: str = "ev") -> list:
    out = []
    for w, n in enumerate(weeks_counts):
        for i in range(n):
            day = MON + dt.timedelta(weeks=w, days=i % 5)
            out.append(event(f"{prefix}_{w}_{i}", day, actors=(ISF, ARMY)))
    return out


def rise_of(signals, key):
    return next(s for s in signals if s.kind == "rise" and s.key == key)


def test_a_clear_rise_is_flagged_with_the_events_behind_it():
    evs = attacks([1, 0, 1, 1, 0, 1, 1, 0, 7])
    sig = rise_of(compute_signals(evs), "area:IQ/Kirkuk")
    assert sig.flagged
    assert sig.weeks[-1].rise and sig.weeks[-1].attacks == 7
    assert set(sig.event_ids) == {e.event_id for e in evs}
    assert "7 attacks in the week of 2022-02-28" in sig.detail
    assert rise_of(compute_signals(evs), "pair:Islamic State -> Iraqi Army").flagged


def test_a_flat_series_is_not_flagged():
    sig = rise_of(compute_signals(attacks([2, 2, 2, 2, 2, 2, 2, 2, 2])), "area:IQ")
    assert not sig.flagged
    assert not any(w.rise for w in sig.weeks)
    assert sig.detail.startswith("no rise")


def test_a_single_attack_after_quiet_weeks_is_no_rise():
    evs = attacks([1, 0, 0, 0, 0, 0, 0, 0, 1])
    assert not rise_of(compute_signals(evs), "area:IQ").flagged


def test_weekly_counts_cover_every_week_with_claims_and_threats():
    evs = [
        event("a", MON),
        event("c", MON, etype="Attribution", sub="Attribution of responsibility"),
        event(
            "t",
            MON + dt.timedelta(days=15),
            etype="Diplomacy",
            sub="Diplomatic event",
            status="threatened",
        ),
    ]
    weeks = weekly_counts(evs, MON, MON + dt.timedelta(days=20))
    assert [w.week for w in weeks] == [MON + dt.timedelta(weeks=i) for i in range(3)]
    assert [(w.attacks, w.claims, w.threats) for w in weeks] == [(1, 1, 0), (0, 0, 0), (0, 0, 1)]


def test_today_defaults_to_the_latest_event_not_the_clock():
    evs = attacks([1, 1])
    assert default_today(evs) == max(e.date.end for e in evs)
    assert compute_signals(evs) == compute_signals(evs, today=default_today(evs))
    assert compute_signals([]) == []


def vow(day: dt.date) -> object:
    return event(
        "ev_vow",
        day,
        etype="Diplomacy",
        sub="Diplomatic event",
        status="threatened",
        actors=(Actor("Kataib Hezbollah", "speaker"), Actor("US forces", "target")),
    )


def test_threat_followed_by_attacks_on_the_threatened_party():
    day = dt.date(2022, 1, 3)
    hit = event("ev_hit", day + dt.timedelta(days=4), actors=(Actor("US forces", "target"),))
    other = event("ev_other", day + dt.timedelta(days=5), actors=(ARMY,))
    late = event("ev_late", day + dt.timedelta(days=45), actors=(Actor("US forces", "target"),))
    sig = next(
        s for s in compute_signals([vow(day), hit, other, late]) if s.kind == "threat_then_attack"
    )
    assert sig.flagged and sig.event_ids == ("ev_vow", "ev_hit")
    assert sig.key == "Kataib Hezbollah -> US forces"
    assert "1 attack(s)" in sig.detail and "4 day(s) later" in sig.detail


def test_threat_without_follow_up_is_listed_unflagged():
    sig = next(
        s for s in compute_signals([vow(dt.date(2022, 1, 3))]) if s.kind == "threat_then_attack"
    )
    assert not sig.flagged and sig.event_ids == ("ev_vow",)


def test_anniversary_calendar_flags_a_near_anniversary():
    old = event("ev_old", dt.date(2021, 1, 25), dead=30)
    small = event("ev_small", dt.date(2021, 1, 20), dead=2)
    now = event("ev_now", dt.date(2022, 1, 4))
    sigs = [s for s in compute_signals([old, small, now]) if s.kind == "anniversary"]
    assert len(sigs) == 1
    assert sigs[0].flagged and sigs[0].date == dt.date(2022, 1, 25)
    assert "the 1st anniversary of" in sigs[0].detail and "is in 21 day(s)" in sigs[0].detail
    far = compute_signals([old, now], today=dt.date(2022, 6, 1))
    assert not next(s for s in far if s.kind == "anniversary").flagged


def test_keys_cover_area_and_actor_pair():
    assert keys_of(attacks([1])[0]) == {
        "area:IQ",
        "area:IQ/Kirkuk",
        "pair:Islamic State -> Iraqi Army",
    }


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_plot_signal_writes_a_file(tmp_path, suffix):
    evs = [*attacks([1, 0, 1, 1, 0, 1, 1, 0, 7]), event("ev_old", MON, dead=20)]
    for sig in compute_signals(evs, today=dt.date(2022, 3, 4)):
        out = plot_signal(sig, tmp_path / f"{sig.kind}{suffix}")
        assert out.stat().st_size > 1000


def test_svg_plot_is_deterministic(tmp_path):
    sig = compute_signals(attacks([1, 2, 7]))[0]
    a = plot_signal(sig, tmp_path / "a.svg").read_bytes()
    b = plot_signal(sig, tmp_path / "b.svg").read_bytes()
    assert a == b


def test_background_mentions_do_not_stretch_the_weekly_series():
    """A recalled 2019 bombing must not add two years of empty weeks to the baseline."""
    evs = attacks([1, 0, 1, 1, 0, 1, 1, 0, 7])
    old = event("ev_old", dt.date(2019, 11, 5), background=True, actors=(ISF, ARMY))
    sig = rise_of(compute_signals([*evs, old]), "area:IQ/Kirkuk")
    assert sig.weeks[0].week == MON and len(sig.weeks) == 9
    assert sig.flagged and "ev_old" not in sig.event_ids
