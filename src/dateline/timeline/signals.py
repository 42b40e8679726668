"""Escalation signals: weekly rises, threats followed by attacks, coming anniversaries.

Analysts watching a conflict ask whether violence is rising, whether a vow of revenge was
carried out, and which anniversaries are near. Each :class:`Signal` answers one of these
for one actor pair or area and lists the event IDs behind it, so every flag can be traced
to reports. "Today" is the latest event date unless given: results never depend on the
wall clock.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from dateline.records import Actor, Event
from dateline.timeline.build import headline, merge_background

ATTACK_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
DOER_ROLES = ("perpetrator", "claimant", "suspected", "accused", "speaker")
TARGET_ROLES = ("target", "victim")
#: Trailing weeks forming the baseline of a weekly count, and the fewest needed to judge.
BASELINE_WEEKS, MIN_HISTORY_WEEKS = 8, 4
#: A week rises when attacks exceed mean + K * max(sd, 1) of the baseline and reach a floor:
#: the sd floor of 1 keeps a flat zero history from flagging a single attack.
RISE_K, RISE_MIN_COUNT = 2.0, 3
#: A rise in one of the last RECENT_WEEKS weeks (today's included) flags the signal.
RECENT_WEEKS = 2
#: Attacks on the threatened party within this many days after a threat follow it.
THREAT_WINDOW_DAYS = 30
#: Events with at least this many dead get an anniversary; flagged when it is this near.
HIGH_IMPACT_FATALITIES, ANNIVERSARY_HORIZON_DAYS = 10, 28


@dataclass(frozen=True)
class WeekCount:
    """Counts for the ISO week starting on Monday ``week``, with the attack baseline."""

    week: dt.date
    attacks: int = 0
    claims: int = 0
    threats: int = 0
    baseline: float = 0.0
    threshold: float = 0.0
    rise: bool = False


@dataclass(frozen=True)
class Signal:
    """One escalation signal. ``kind``: "rise" | "threat_then_attack" | "anniversary"."""

    kind: str
    key: str
    weeks: list[WeekCount]
    flagged: bool
    event_ids: tuple[str, ...]
    detail: str
    date: dt.date | None = None  # the threat's day, or the coming anniversary
    meta: dict[str, object] = field(default_factory=dict, compare=False)


def _day(event: Event) -> dt.date | None:
    """The event's day when its date is known to within a week."""
    d = event.date
    if d.start is None or d.end is None or (d.end - d.start).days > 6:
        return None
    return d.start


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def kinds(event: Event) -> set[str]:
    """Which weekly series an event counts in: "attack", "claim" and/or "threat"."""
    out = set()
    if event.event_type in ATTACK_TYPES and event.status in ("asserted", "claimed"):
        out.add("attack")
    if (
        event.event_type == "Attribution"
        or event.status == "claimed"
        or any(a.role == "claimant" for a in event.actors)
    ):
        out.add("claim")
    if event.status == "threatened":
        out.add("threat")
    return out


def _name(actor: Actor) -> str:
    return actor.kb_id or actor.name.strip().lower()


def keys_of(event: Event) -> set[str]:
    """Series an event belongs to: its area(s) and every doer -> target actor pair."""
    keys = set()
    loc = event.location
    if loc is not None and loc.country_code:
        keys.add(f"area:{loc.country_code}")
        if loc.admin1:
            keys.add(f"area:{loc.country_code}/{loc.admin1}")
    doers = sorted({a.name for a in event.actors if a.role in DOER_ROLES})
    targets = sorted({a.name for a in event.actors if a.role in TARGET_ROLES})
    keys.update(f"pair:{a} -> {b}" for a in doers for b in targets if a != b)
    return keys


def weekly_counts(events: Iterable[Event], first: dt.date, last: dt.date) -> list[WeekCount]:
    """Week-by-week counts from ``first``'s week to ``last``'s, with rises marked."""
    counts: dict[dt.date, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for ev in events:
        if (day := _day(ev)) is not None:
            for kind in kinds(ev):
                counts[_monday(day)][kind] += 1
    weeks, monday = [], _monday(first)
    history: list[int] = []
    while monday <= last:
        c = counts.get(monday, {})
        attacks = c.get("attack", 0)
        base = history[-BASELINE_WEEKS:]
        mean = statistics.fmean(base) if base else 0.0
        thr = mean + RISE_K * max(statistics.pstdev(base) if base else 0.0, 1.0)
        rise = len(base) >= MIN_HISTORY_WEEKS and attacks >= RISE_MIN_COUNT and attacks > thr
        weeks.append(
            WeekCount(
                monday,
                attacks,
                c.get("claim", 0),
                c.get("threat", 0),
                round(mean, 3),
                round(thr, 3),
                rise,
            )
        )
        history.append(attacks)
        monday += dt.timedelta(days=7)
    return weeks


def default_today(events: Sequence[Event]) -> dt.date | None:
    """The latest known event date: the reference point when no ``today`` is given."""
    ends = [e.date.end for e in events if e.date.end is not None]
    return max(ends) if ends else None


def rise_signals(events: Sequence[Event], today: dt.date) -> list[Signal]:
    """Weekly counts per area and actor pair over the reporting period, rises flagged.

    Only reported events count: a background mention ("the 2020 drone strike") recalls
    one past day of a period the corpus does not cover, so counting it would stretch the
    series back years over empty weeks and drag the baseline to zero.
    """
    reported = [e for e in events if not e.background]
    by_key: dict[str, list[Event]] = defaultdict(list)
    for ev in reported:
        if kinds(ev) and _day(ev) is not None and _day(ev) <= today:  # type: ignore[operator]
            for key in keys_of(ev):
                by_key[key].append(ev)
    first = min((d for e in reported if (d := _day(e)) is not None), default=today)
    out = []
    for key, evs in sorted(by_key.items()):
        if len(evs) < 2:
            continue
        weeks = weekly_counts(evs, first, today)
        recent = weeks[-RECENT_WEEKS:]
        flagged = any(w.rise for w in recent)
        last = recent[-1]
        peak = max(recent, key=lambda w: (w.rise, w.attacks))
        detail = (
            f"{peak.attacks} attacks in the week of {peak.week} against a baseline of "
            f"{peak.baseline:.1f}/week (threshold {peak.threshold:.1f})"
            if flagged
            else f"no rise: {last.attacks} attacks in the week of {last.week}, baseline "
            f"{last.baseline:.1f}/week"
        )
        ids = tuple(sorted({e.event_id for e in evs}))
        out.append(Signal("rise", key, weeks, flagged, ids, detail))
    return out


def _hits(threat_targets: set[str], event: Event) -> bool:
    return any(_name(a) in threat_targets for a in event.actors if a.role in TARGET_ROLES)


def threat_signals(events: Sequence[Event], window_days: int = THREAT_WINDOW_DAYS) -> list[Signal]:
    """Each threat naming a target, with the attacks on that target in the window after it."""
    attacks = [e for e in events if "attack" in kinds(e) and _day(e) is not None]
    out = []
    for threat in events:
        day = _day(threat)
        targets = [a for a in threat.actors if a.role in TARGET_ROLES]
        if threat.status != "threatened" or day is None or not targets:
            continue
        names = {_name(a) for a in targets}
        end = day + dt.timedelta(days=window_days)
        follow = sorted(
            (e for e in attacks if day < _day(e) <= end and _hits(names, e)),  # type: ignore[operator]
            key=lambda e: (_day(e), e.event_id),
        )
        speaker = next((a.name for a in threat.actors if a.role in DOER_ROLES), "unknown")
        key = f"{speaker} -> {targets[0].name}"
        if follow:
            lag = (_day(follow[0]) - day).days  # type: ignore[operator]
            detail = (
                f"{speaker} threatened {targets[0].name} on {day}; {len(follow)} attack(s) "
                f"on them within {window_days} days, the first {lag} day(s) later"
            )
        else:
            detail = (
                f"{speaker} threatened {targets[0].name} on {day}; no attack on them "
                f"reported by {end}"
            )
        weeks = weekly_counts(follow, day, end)
        ids = (threat.event_id, *(e.event_id for e in follow))
        out.append(Signal("threat_then_attack", key, weeks, bool(follow), ids, detail, day))
    return out


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _next_anniversary(day: dt.date, today: dt.date) -> tuple[int, dt.date]:
    years = max(1, today.year - day.year)
    while True:
        try:
            when = day.replace(year=day.year + years)
        except ValueError:  # 29 February in a common year
            when = dt.date(day.year + years, 2, 28)
        if when >= today:
            return years, when
        years += 1


def anniversary_signals(
    events: Sequence[Event], today: dt.date, horizon_days: int = ANNIVERSARY_HORIZON_DAYS
) -> list[Signal]:
    """The next anniversary of every past high-impact event (background mentions merged)."""
    out = []
    for event, mentions in merge_background(events):
        day = event.date.start if event.date.precision == "day" else None
        dead = event.fatalities.min if event.fatalities else 0
        if day is None or day >= today or dead < HIGH_IMPACT_FATALITIES:
            continue
        n, when = _next_anniversary(day, today)
        days = (when - today).days
        text = headline(event)
        detail = f"the {_ordinal(n)} anniversary of {text} ({day}) is in {days} day(s), on {when}"
        ids = (event.event_id, *(m.event_id for m in mentions))
        out.append(
            Signal(
                "anniversary",
                f"anniversary:{day}:{text}",
                [],
                days <= horizon_days,
                ids,
                detail,
                when,
                {"years": n, "days_until": days},
            )
        )
    return sorted(out, key=lambda s: (s.date, s.key))


def compute_signals(events: Sequence[Event], *, today: dt.date | None = None) -> list[Signal]:
    """All signals for ``events``: weekly rises, threat -> attack sequences, anniversaries.

    ``today`` defaults to the latest event date, never the wall clock, so the same events
    always give the same signals. Flagged signals come first within each kind.
    """
    today = today or default_today(events)
    if today is None:
        return []
    signals = (
        rise_signals(events, today) + threat_signals(events) + anniversary_signals(events, today)
    )
    order = {"rise": 0, "threat_then_attack": 1, "anniversary": 2}
    return sorted(signals, key=lambda s: (order[s.kind], not s.flagged))


__all__ = [
    "Signal",
    "WeekCount",
    "anniversary_signals",
    "compute_signals",
    "default_today",
    "keys_of",
    "kinds",
    "rise_signals",
    "threat_signals",
    "weekly_counts",
]
