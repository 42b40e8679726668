"""Hand-built events and articles for the timeline and signal tests."""

from __future__ import annotations

import datetime as dt

from dateline.records import (
    Actor,
    Article,
    Count,
    DateInterval,
    Event,
    Evidence,
    Place,
    SourceRef,
)


def event(
    eid: str,
    day: dt.date,
    *,
    etype: str = "Explosions/Remote violence",
    sub: str = "Remote explosive/landmine/IED",
    status: str = "asserted",
    background: bool = False,
    dead: int | None = None,
    actors: tuple[Actor, ...] = (),
    sources: tuple[str, ...] = ("a1",),
    published: dt.date | None = None,
    text: str = "A bomb exploded.",
    place: Place | None = None,
) -> Event:
    pub = (published or day).isoformat()
    return Event(
        event_id=eid,
        event_type=etype,
        sub_event_type=sub,
        status=status,  # type: ignore[arg-type]
        background=background,
        date=DateInterval.day(day, "test"),
        location=place or Place("Kirkuk", "IQ", "Kirkuk", 35.47, 44.39, 1),
        actors=actors,
        fatalities=Count(dead, dead) if dead is not None else None,
        sources=tuple(SourceRef(s, f"outlet-{s}", None, pub) for s in sources),
        evidence=(Evidence(sources[0], "event", 0, len(text), text),),
    )


def article(aid: str, pub: dt.date, text: str, outlet: str = "bbc") -> Article:
    """An article published on ``pub``, as a timeline collection holds it."""
    return Article(aid, text, outlet=outlet, published=DateInterval.day(pub, "test"))
