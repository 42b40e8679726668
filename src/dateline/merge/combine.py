"""One record from several reports: per-source values, a declared policy, visible conflicts.

Each source's value of fatalities, injured, date, place, actors and sub-type is kept as a
:class:`FieldValue` with the evidence that supports it. The record's own value is chosen by
a named policy (``conservative`` as ACLED: the lowest count and the most precise place that
agrees with the others; ``ucdp``: low/high range plus a best estimate; ``latest``: the most
recently published source), and every disagreement is listed in ``conflicts``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from dateline.merge.features import norm_name
from dateline.records import (
    EVENT_TYPE_OF,
    Actor,
    Conflict,
    ConflictValue,
    Count,
    DateInterval,
    Event,
    Evidence,
    FieldValue,
    Place,
)

POLICIES = ("conservative", "ucdp", "latest")
#: Fields whose per-source values are kept and compared.
FIELDS = ("fatalities", "injured", "date", "place", "actors", "sub_event_type")
#: Evidence ``field`` names that support each compared field.
EVIDENCE_FIELDS: dict[str, tuple[str, ...]] = {
    "fatalities": ("fatalities",),
    "injured": ("injured",),
    "date": ("date",),
    "place": ("location", "place"),
    "actors": (
        "actors",
        "actor",
        "perpetrator",
        "claimant",
        "suspected",
        "accused",
        "target",
        "victim",
        "participant",
        "speaker",
        "denier",
        "mediator",
    ),
    "sub_event_type": ("event", "sub_event_type", "event_type"),
}
_FIELD_RANK = {name: k for k, name in enumerate(FIELDS)}
_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3, "unknown": 4}


def _count_value(c: Count) -> int | dict[str, int]:
    return c.min if c.min == c.max else c.to_dict()


def _as_count(value: Any) -> Count:
    return Count(value, value) if isinstance(value, int) else Count.from_dict(value)  # type: ignore[return-value]


def source_values(event: Event) -> list[FieldValue]:
    """The per-source values of an input event: its own ``field_values`` when it already
    has them (a re-merge), otherwise read off its fields for its single source."""
    if event.field_values:
        return list(event.field_values)
    article = (
        event.sources[0].article_id
        if event.sources
        else (event.evidence[0].article_id if event.evidence else event.event_id)
    )
    raw: dict[str, Any] = {
        "fatalities": _count_value(event.fatalities) if event.fatalities else None,
        "injured": _count_value(event.injured) if event.injured else None,
        "date": event.date.to_dict() if event.date.is_known else None,
        "place": event.location.to_dict() if event.location else None,
        "actors": [a.to_dict() for a in event.actors] or None,
        "sub_event_type": event.sub_event_type,
    }
    return [
        FieldValue(name, value, article, _evidence_for(event.evidence, name))
        for name, value in raw.items()
        if value is not None
    ]


def _evidence_for(evidence: Sequence[Evidence], name: str) -> tuple[Evidence, ...]:
    prefixes = EVIDENCE_FIELDS[name]
    return tuple(
        e
        for e in evidence
        if e.field in prefixes or e.field.split(":")[0].split(".")[0] in prefixes
    )


def _key(name: str, value: Any) -> Any:
    """What counts as "the same value" when looking for conflicts."""
    if name == "place":
        return norm_name(value.get("name"))
    if name == "actors":
        return tuple(
            sorted(
                {
                    norm_name(a["name"])
                    for a in value
                    if a["role"] not in ("target", "victim", "participant")
                }
            )
        )
    if name == "date":
        return (value["start"], value["end"])
    if name in ("fatalities", "injured"):
        c = _as_count(value)
        return (c.min, c.max)
    return value


def _disagree(name: str, values: Sequence[FieldValue]) -> bool:
    if name == "date":  # a day inside a reported month is not a disagreement
        spans = [(v.value["start"], v.value["end"]) for v in values]
        return any(a[0] > b[1] or b[0] > a[1] for a in spans for b in spans)
    if name == "actors":
        keys = {_key(name, v.value) for v in values}
        return len(keys - {()}) > 1
    return len({_key(name, v.value) for v in values}) > 1


def conflicts_of(values: Sequence[FieldValue]) -> tuple[Conflict, ...]:
    out = []
    for name in FIELDS:
        vals = [v for v in values if v.field == name]
        if len(vals) > 1 and _disagree(name, vals):
            shown = [ConflictValue(v.value, v.article_id) for v in vals]
            out.append(Conflict(name, tuple(shown)))
    return tuple(out)


def combine(
    members: Sequence[Event], survivor: Event, policy: str, order: Callable[[str], tuple[str, str]]
) -> Event:
    """Merge ``members`` (survivor included) into one event keeping ``survivor``'s id.

    ``order(article_id)`` sorts sources oldest first (publication date, then id).
    """
    if policy not in POLICIES:
        raise ValueError(f"unknown merge policy {policy!r}; known: {', '.join(POLICIES)}")
    if len(members) == 1:  # nothing to reconcile: keep extraction's values untouched
        return survivor.with_(field_values=tuple(source_values(survivor)))
    shown = {  # one value per (field, article, value); repr is what tells values apart
        (v.field, v.article_id, repr(v.value)): v for m in members for v in source_values(m)
    }
    values = [
        shown[k]
        for k in sorted(shown, key=lambda k: (_FIELD_RANK.get(k[0], 99), order(k[1]), k[2]))
    ]
    news = {s.article_id for m in members if not m.background for s in m.sources}
    pick = _Picker(values, policy, order, news)
    sub = pick.sub_event_type() or survivor.sub_event_type
    sources = sorted(
        {s.article_id: s for m in members for s in m.sources}.values(),
        key=lambda s: order(s.article_id),
    )
    evidence = sorted(
        {(e.article_id, e.start, e.end, e.field): e for m in members for e in m.evidence}.values(),
        key=lambda e: (order(e.article_id), e.start, e.end, e.field),
    )
    extra = pick.ucdp_values() if policy == "ucdp" else []
    statuses = Counter(m.status for m in members if not m.background) or Counter(
        m.status for m in members
    )
    return survivor.with_(
        event_type=EVENT_TYPE_OF.get(sub, survivor.event_type),
        sub_event_type=sub,
        status=min(statuses, key=lambda s: (-statuses[s], s != "asserted", s)),
        background=all(m.background for m in members),
        date=pick.date() or survivor.date,
        location=pick.place() or survivor.location,
        actors=_union_actors(members),
        fatalities=pick.count("fatalities"),
        injured=pick.count("injured"),
        sources=tuple(sources),
        evidence=tuple(evidence),
        conflicts=conflicts_of(values),
        confidence=_noisy_or([m.confidence for m in members]),
        tags=tuple(sorted({t for m in members for t in m.tags})),
        mention_ids=tuple(
            sorted(
                {i for m in members for i in m.mention_ids},
                key=lambda i: (_mention_age(members, i, order), i),
            )
        ),
        field_values=tuple(values) + tuple(extra),
    )


class _Picker:
    """Chooses each field's record value from per-source values under one policy."""

    def __init__(
        self,
        values: Sequence[FieldValue],
        policy: str,
        order: Callable[[str], tuple[str, str]],
        news: set[str],
    ) -> None:
        self.values, self.policy, self.order, self.news = values, policy, order, news

    def _of(self, name: str) -> list[FieldValue]:
        vals = [v for v in self.values if v.field == name]
        # Reports of the event as news outrank passing background mentions of it.
        return [v for v in vals if v.article_id in self.news] or vals

    def _latest(self, vals: Sequence[FieldValue]) -> FieldValue:
        return max(vals, key=lambda v: self.order(v.article_id))

    def count(self, name: str) -> Count | None:
        vals = self._of(name)
        if not vals:
            return None
        if self.policy == "latest":
            return _as_count(self._latest(vals).value)
        counts = [_as_count(v.value) for v in vals]
        if self.policy == "ucdp":
            return Count(min(c.min for c in counts), max(c.max for c in counts))
        return min(counts, key=lambda c: (c.min, c.max))

    def ucdp_values(self) -> list[FieldValue]:
        """UCDP-style low/best/high estimates, kept as extra field values (article "")."""
        out = []
        for name in ("fatalities", "injured"):
            counts = sorted(
                (_as_count(v.value) for v in self._of(name)), key=lambda c: (c.min + c.max, c.min)
            )
            if counts:
                best = counts[(len(counts) - 1) // 2]
                out.append(
                    FieldValue(
                        f"{name}_ucdp",
                        {
                            "low": min(c.min for c in counts),
                            "best": (best.min + best.max) // 2,
                            "high": max(c.max for c in counts),
                        },
                        "",
                    )
                )
        return out

    def date(self) -> DateInterval | None:
        vals = self._of("date")
        if not vals:
            return None
        if self.policy == "latest":
            chosen = self._latest(vals)
        else:
            agree = _date_agreement([(v.value["start"], v.value["end"]) for v in vals])
            chosen = vals[
                min(
                    range(len(vals)),
                    key=lambda k: (
                        -agree[k],
                        _PRECISION_RANK[vals[k].value["precision"]],
                        self.order(vals[k].article_id),
                        k,  # min() keeps the first of equals
                    ),
                )
            ]
        return DateInterval.from_dict(chosen.value)

    def place(self) -> Place | None:
        vals = self._of("place")
        if not vals:
            return None
        if self.policy == "latest":
            return Place.from_dict(self._latest(vals).value)
        places = [Place.from_dict(v.value) for v in vals]
        where = [(p.country_code, norm_name(p.admin1)) for p in places]
        kinds = Counter(where)  # few distinct places a cluster: count against those
        agree = [sum(n for u, n in kinds.items() if _place_agrees(w, u)) for w in where]
        best = min(
            range(len(vals)),
            key=lambda k: (
                -agree[k],
                places[k].precision,
                self.order(vals[k].article_id),
                k,  # the first of equals, as a stable sort would give
            ),
        )
        return places[best]

    def sub_event_type(self) -> str | None:
        vals = self._of("sub_event_type")
        if not vals:
            return None
        if self.policy == "latest":
            return str(self._latest(vals).value)
        votes = Counter(str(v.value) for v in vals)
        first = {str(v.value): self.order(v.article_id) for v in reversed(vals)}
        return min(votes, key=lambda s: (-votes[s], first[s]))


def _place_agrees(p: tuple[str | None, str], q: tuple[str | None, str]) -> bool:
    """Same country (when both say) and same first-level region (when both say);
    each place as (country code, normalised admin1)."""
    if p[0] and q[0] and p[0] != q[0]:
        return False
    return not (p[1] and q[1] and p[1] != q[1])


def _date_agreement(spans: Sequence[tuple[str, str]]) -> list[int]:
    """For each (start, end) span, how many spans (itself included) do not disagree with
    it in ``_disagree``'s sense: both well-formed and overlapping."""
    kinds = Counter(spans)  # few distinct spans a cluster: count against those
    return [
        sum(
            n for (s2, e2), n in kinds.items() if s1 <= e1 and s2 <= e2 and not (s1 > e2 or s2 > e1)
        )
        for s1, e1 in spans
    ]


def _union_actors(members: Sequence[Event]) -> tuple[Actor, ...]:
    """Every actor any report names, once per role, the best-supported first: the first
    perpetrator and target are what a headline ("X against Y") shows, and one report's slip
    (the Afrin offensive "against Islamic State") must not outrank what most reports say."""
    seen: dict[tuple[str, str], Actor] = {}
    support: dict[tuple[str, str], int] = {}
    for m in members:
        for key in {(a.kb_id or norm_name(a.name), a.role) for a in m.actors}:
            support[key] = support.get(key, 0) + 1
        for a in m.actors:
            key = (a.kb_id or norm_name(a.name), a.role)
            if key not in seen or (seen[key].kb_id is None and a.kb_id is not None):
                seen[key] = a
    order = {key: i for i, key in enumerate(seen)}
    return tuple(seen[k] for k in sorted(seen, key=lambda k: (-support[k], order[k])))


def _mention_age(
    members: Sequence[Event], mention_id: str, order: Callable[[str], tuple[str, str]]
) -> tuple[str, str]:
    for m in members:
        if mention_id in m.mention_ids and m.sources:
            return min(order(s.article_id) for s in m.sources)
    return ("9999", "")


def _noisy_or(confidences: Sequence[float]) -> float:
    """More independent reports, more confidence; capped below certainty."""
    miss = 1.0
    for c in confidences:
        miss *= 1.0 - max(0.0, min(c, 1.0))
    return round(min(0.99, 1.0 - miss), 4)
