"""Typed records passed between pipeline stages.

These mirror the output contract in ``shared/docs/event-record.md``. Stages exchange
these plain frozen dataclasses, never spaCy objects, so the same records can be stored
in DuckDB, shipped to Spark workers, and compared in tests. Every record converts to
and from the contract's JSON shape with ``to_dict`` / ``from_dict``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any, Literal, get_args

from dateline.ids import stable_id

Precision = Literal["day", "week", "month", "year", "unknown"]
Status = Literal["asserted", "claimed", "denied", "threatened", "planned", "hypothetical"]
Role = Literal[
    "perpetrator",
    "claimant",
    "suspected",
    "accused",
    "denier",
    "target",
    "victim",
    "participant",
    "speaker",
    "mediator",
]
PRECISIONS: tuple[str, ...] = get_args(Precision)
STATUSES: tuple[str, ...] = get_args(Status)
ROLES: tuple[str, ...] = get_args(Role)

#: The contract's taxonomy: event_type -> its sub-event types (ACLED's 25 plus extensions).
TAXONOMY: dict[str, tuple[str, ...]] = {
    "Battles": (
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
    ),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": (
        "Sexual violence",
        "Attack",
        "Abduction/forced disappearance",
    ),
    "Protests": (
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
    ),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
    "Diplomacy": ("Diplomatic event",),
    "Attribution": ("Attribution of responsibility",),
    "Security": ("Organized crime", "Natural disaster", "Man-made disaster"),
}
#: sub_event_type -> event_type (sub-event names are unique across types).
EVENT_TYPE_OF: dict[str, str] = {sub: et for et, subs in TAXONOMY.items() for sub in subs}


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _date(value: str | dt.date | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)


@dataclass(frozen=True, slots=True)
class Evidence:
    """An exact span of a stored article's cleaned text that supports one field."""

    article_id: str
    field: str
    start: int
    end: int
    text: str

    def is_valid_for(self, article_text: str) -> bool:
        """True when ``text`` is exactly the article text at ``[start, end)``."""
        return 0 <= self.start < self.end <= len(article_text) and (
            article_text[self.start : self.end] == self.text
        )

    @classmethod
    def from_span(cls, article_id: str, field: str, text: str, start: int, end: int) -> Evidence:
        """Build evidence by slicing the article text, so it is valid by construction."""
        return cls(article_id, field, start, end, text[start:end])

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "field": self.field,
            "start": self.start,
            "end": self.end,
            "text": self.text,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Evidence:
        return cls(d["article_id"], d["field"], int(d["start"]), int(d["end"]), d["text"])


@dataclass(frozen=True, slots=True)
class DateInterval:
    """A date known to lie in ``[start, end]`` (inclusive), with how it was found."""

    start: dt.date | None
    end: dt.date | None
    precision: Precision = "unknown"
    reason: str = ""

    @classmethod
    def unknown(cls, reason: str = "no date expression found") -> DateInterval:
        return cls(None, None, "unknown", reason)

    @classmethod
    def day(cls, day: dt.date, reason: str) -> DateInterval:
        return cls(day, day, "day", reason)

    @property
    def is_known(self) -> bool:
        return self.start is not None and self.end is not None

    def overlaps(self, other: DateInterval, slack_days: int = 0) -> bool:
        """True when both are known and the intervals (widened by ``slack_days``) meet."""
        if not (self.is_known and other.is_known):
            return False
        slack = dt.timedelta(days=slack_days)
        assert self.start and self.end and other.start and other.end
        return self.start - slack <= other.end and other.start - slack <= self.end

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": _iso(self.start),
            "end": _iso(self.end),
            "precision": self.precision,
            "reason": self.reason,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> DateInterval:
        if not d:
            return cls.unknown()
        return cls(
            _date(d.get("start")),
            _date(d.get("end")),
            d.get("precision", "unknown"),
            d.get("reason", ""),
        )


@dataclass(frozen=True, slots=True)
class Place:
    """A grounded location. ``precision``: 1 point/town, 2 near a place, 3 region/country."""

    name: str
    country_code: str | None = None
    admin1: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    precision: int = 3
    gazetteer_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "country_code": self.country_code,
            "admin1": self.admin1,
            "latitude": self.latitude,
            "longitude": self.longitude,
            "precision": self.precision,
            "gazetteer_id": self.gazetteer_id,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> Place | None:
        if not d:
            return None
        return cls(
            d["name"],
            d.get("country_code"),
            d.get("admin1"),
            d.get("latitude"),
            d.get("longitude"),
            int(d.get("precision") or 3),
            d.get("gazetteer_id"),
        )


@dataclass(frozen=True, slots=True)
class Actor:
    """An actor in one role of one event, optionally linked to the actor knowledge base."""

    name: str
    role: Role
    kb_id: str | None = None
    parent: str | None = None
    attributed_by: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"name": self.name, "role": self.role}
        for key in ("kb_id", "parent", "attributed_by"):
            if getattr(self, key) is not None:
                d[key] = getattr(self, key)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Actor:
        return cls(d["name"], d["role"], d.get("kb_id"), d.get("parent"), d.get("attributed_by"))


@dataclass(frozen=True, slots=True)
class Count:
    """A casualty count as a range: "dozens" is {min: 24, max: 99}, "six" is {6, 6}."""

    min: int
    max: int

    def to_dict(self) -> dict[str, int]:
        return {"min": self.min, "max": self.max}

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> Count | None:
        return None if d is None else cls(int(d["min"]), int(d["max"]))


@dataclass(frozen=True, slots=True)
class SourceRef:
    """Which outlet's article reported an event."""

    article_id: str
    outlet: str | None = None
    url: str | None = None
    published: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "outlet": self.outlet,
            "url": self.url,
            "published": self.published,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> SourceRef:
        return cls(d["article_id"], d.get("outlet"), d.get("url"), d.get("published"))


@dataclass(frozen=True, slots=True)
class ConflictValue:
    value: Any
    article_id: str

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "article_id": self.article_id}


@dataclass(frozen=True, slots=True)
class Conflict:
    """Sources disagree on ``field``; every value is kept, none silently chosen."""

    field: str
    values: tuple[ConflictValue, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"field": self.field, "values": [v.to_dict() for v in self.values]}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Conflict:
        return cls(
            d["field"], tuple(ConflictValue(v["value"], v["article_id"]) for v in d["values"])
        )


@dataclass(frozen=True, slots=True)
class Article:
    """One cleaned news article. Every evidence offset refers to ``text``."""

    article_id: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: DateInterval = field(default_factory=DateInterval.unknown)
    source_path: str | None = None
    reader: str | None = None
    language: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)

    @staticmethod
    def make_id(text: str, url: str | None = None) -> str:
        """Content-derived id: the same cleaned text (and URL) always gives the same id."""
        return stable_id("art", text, url or "")

    def source_ref(self) -> SourceRef:
        published = _iso(self.published.start) if self.published.precision == "day" else None
        return SourceRef(self.article_id, self.outlet, self.url, published)


@dataclass(frozen=True, slots=True)
class Mention:
    """One event as told by one article: the unit that cross-article merging joins."""

    mention_id: str
    article_id: str
    event_type: str
    sub_event_type: str
    status: Status = "asserted"
    background: bool = False
    date: DateInterval = field(default_factory=DateInterval.unknown)
    location: Place | None = None
    actors: tuple[Actor, ...] = ()
    fatalities: Count | None = None
    injured: Count | None = None
    evidence: tuple[Evidence, ...] = ()
    confidence: float = 0.5
    tags: tuple[str, ...] = ()

    @staticmethod
    def make_id(article_id: str, sub_event_type: str, anchor_start: int) -> str:
        return stable_id("mn", article_id, sub_event_type, anchor_start)


@dataclass(frozen=True, slots=True)
class FieldValue:
    """What one source said about one field of an event, with its evidence."""

    field: str
    value: Any
    article_id: str
    evidence: tuple[Evidence, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "field": self.field,
            "value": self.value,
            "article_id": self.article_id,
            "evidence": [e.to_dict() for e in self.evidence],
        }


@dataclass(frozen=True, slots=True)
class Event:
    """A real-world event: the contract's record. ``to_dict`` is the JSON line."""

    event_id: str
    event_type: str
    sub_event_type: str
    status: Status = "asserted"
    background: bool = False
    date: DateInterval = field(default_factory=DateInterval.unknown)
    location: Place | None = None
    actors: tuple[Actor, ...] = ()
    fatalities: Count | None = None
    injured: Count | None = None
    sources: tuple[SourceRef, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    confidence: float = 0.5
    tags: tuple[str, ...] = ()
    mention_ids: tuple[str, ...] = ()
    field_values: tuple[FieldValue, ...] = ()

    @staticmethod
    def id_for_mention(mention_id: str) -> str:
        """An event's id is derived from its oldest report, so it survives later merges."""
        return stable_id("ev", mention_id)

    @classmethod
    def from_mention(cls, mention: Mention, source: SourceRef) -> Event:
        return cls(
            event_id=cls.id_for_mention(mention.mention_id),
            event_type=mention.event_type,
            sub_event_type=mention.sub_event_type,
            status=mention.status,
            background=mention.background,
            date=mention.date,
            location=mention.location,
            actors=mention.actors,
            fatalities=mention.fatalities,
            injured=mention.injured,
            sources=(source,),
            evidence=mention.evidence,
            confidence=mention.confidence,
            tags=mention.tags,
            mention_ids=(mention.mention_id,),
        )

    def with_(self, **changes: Any) -> Event:
        return replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id,
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "status": self.status,
            "background": self.background,
            "date": self.date.to_dict(),
            "location": self.location.to_dict() if self.location else None,
            "actors": [a.to_dict() for a in self.actors],
            "fatalities": self.fatalities.to_dict() if self.fatalities else None,
            "injured": self.injured.to_dict() if self.injured else None,
            "sources": [s.to_dict() for s in self.sources],
            "evidence": [e.to_dict() for e in self.evidence],
            "conflicts": [c.to_dict() for c in self.conflicts],
            "confidence": round(self.confidence, 4),
            "tags": list(self.tags),
            "mention_ids": list(self.mention_ids),
            "field_values": [f.to_dict() for f in self.field_values],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        return cls(
            event_id=d["event_id"],
            event_type=d["event_type"],
            sub_event_type=d["sub_event_type"],
            status=d.get("status", "asserted"),
            background=bool(d.get("background", False)),
            date=DateInterval.from_dict(d.get("date")),
            location=Place.from_dict(d.get("location")),
            actors=tuple(Actor.from_dict(a) for a in d.get("actors", [])),
            fatalities=Count.from_dict(d.get("fatalities")),
            injured=Count.from_dict(d.get("injured")),
            sources=tuple(SourceRef.from_dict(s) for s in d.get("sources", [])),
            evidence=tuple(Evidence.from_dict(e) for e in d.get("evidence", [])),
            conflicts=tuple(Conflict.from_dict(c) for c in d.get("conflicts", [])),
            confidence=float(d.get("confidence", 0.5)),
            tags=tuple(d.get("tags", [])),
            mention_ids=tuple(d.get("mention_ids", [])),
            field_values=tuple(
                FieldValue(
                    f["field"],
                    f["value"],
                    f["article_id"],
                    tuple(Evidence.from_dict(e) for e in f.get("evidence", [])),
                )
                for f in d.get("field_values", [])
            ),
        )
