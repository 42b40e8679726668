"""Build single-report events from realistic article sentences, evidence sliced from text."""

from __future__ import annotations

import datetime as dt

from dateline.records import (
    Actor,
    Count,
    DateInterval,
    Event,
    Evidence,
    Mention,
    Place,
    SourceRef,
)

AIN_AL_ASAD = Place("Ain al-Asad air base", "IQ", "Anbar", 33.80, 42.44, 1)
WESTERN_IRAQ = Place("western Iraq", "IQ", None, 33.4, 42.0, 3)
ANBAR_BASE = Place("a base in Anbar province", "IQ", "Anbar", 33.35, 42.6, 2)
BAGHDAD = Place("Baghdad", "IQ", "Baghdad", 33.34, 44.40, 1)


def report(
    text: str,
    outlet: str,
    published: str,
    *,
    day: str | None = None,
    place: Place | None = AIN_AL_ASAD,
    sub: str = "Shelling/artillery/missile attack",
    event_type: str = "Explosions/Remote violence",
    fatalities: int | None = None,
    injured: int | None = None,
    actors: tuple[Actor, ...] = (),
    background: bool = False,
    date: DateInterval | None = None,
    anchor: int = 0,
) -> Event:
    """One article's mention of an event as a single-source event."""
    article_id = f"art_{outlet.lower().replace(' ', '')}_{published}"
    mention_id = Mention.make_id(article_id, sub, anchor)
    if date is None:
        day_ = dt.date.fromisoformat(day or published)
        date = DateInterval.day(day_, f"anchored to {published}")
    evidence = (Evidence.from_span(article_id, "event", text, 0, len(text)),)
    mention = Mention(
        mention_id,
        article_id,
        event_type,
        sub,
        background=background,
        date=date,
        location=place,
        actors=actors,
        fatalities=Count(fatalities, fatalities) if fatalities is not None else None,
        injured=Count(injured, injured) if injured is not None else None,
        evidence=evidence,
        confidence=0.7,
    )
    return Event.from_mention(mention, SourceRef(article_id, outlet, None, published))


def rocket_reports() -> list[Event]:
    """Three outlets on the 5 January 2022 rocket attack on Ain al-Asad."""
    return [
        report(
            "Several rockets struck a base hosting US troops in western Iraq on Wednesday, "
            "causing no casualties, the coalition said.",
            "AFP",
            "2022-01-05",
            place=WESTERN_IRAQ,
            fatalities=0,
            injured=0,
        ),
        report(
            "Five rockets hit the Ain al-Asad air base in Iraq's Anbar province on Wednesday, "
            "injuring two contractors, a US official said.",
            "Reuters",
            "2022-01-06",
            day="2022-01-05",
            fatalities=0,
            injured=2,
        ),
        report(
            "Rockets targeted a military base in Anbar province housing US forces on "
            "Wednesday; no one was killed.",
            "VICE",
            "2022-01-07",
            day="2022-01-05",
            place=ANBAR_BASE,
            fatalities=0,
        ),
    ]
