"""Timelines of events: the most important events of a story, in date order, with evidence.

An event's importance grows with how many outlets reported it, how many died, its type,
and how often later articles refer back to it. Later references arrive in two forms: a
source published days after the event, and a *background* mention ("last month's bombing
of ...") that extraction emitted as its own event with ``background=True``. Background
mentions that match a reported event are merged into it, so they raise its importance
instead of cluttering the timeline; the rest are placed at their own dates, flagged.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from dateline.records import Article, DateInterval, Event, Evidence, SourceRef

#: How much one event type matters on a political-violence timeline (dateline judgement).
TYPE_WEIGHT: dict[str, float] = {
    "Explosions/Remote violence": 1.0,
    "Violence against civilians": 1.0,
    "Battles": 0.9,
    "Riots": 0.6,
    "Security": 0.5,
    "Protests": 0.4,
    "Attribution": 0.4,
    "Diplomacy": 0.3,
    "Strategic developments": 0.3,
}
#: Weights of log(1 + x) of sources, fatalities and later references in the importance.
W_SOURCES, W_FATALITIES, W_REFERENCES = 1.0, 0.8, 0.7
#: A source published this many days after an event's last possible day refers back to it.
REFER_BACK_DAYS = 2
#: A background mention matches a reported event whose date lies within this many days.
MATCH_SLACK_DAYS = 1
#: Tolls above this are capped in the importance: one event rarely kills more, and such
#: figures are mostly a war's cumulative toll or a year misread as a count.
FATALITY_CAP = 1000
#: Sentences of evidence shown per entry.
SENTENCES_PER_ENTRY = 2


@dataclass(frozen=True)
class TimelineEntry:
    """One dated line of a timeline: an event (plus merged background mentions)."""

    date: DateInterval
    event_ids: tuple[str, ...]
    headline: str
    sentences: tuple[Evidence, ...]
    sources: tuple[SourceRef, ...]
    importance: float
    background: bool


def _published(ref: SourceRef, articles: Mapping[str, Article] | None) -> dt.date | None:
    if ref.published:
        return dt.date.fromisoformat(ref.published[:10])
    art = articles.get(ref.article_id) if articles else None
    if art is not None and art.published.precision == "day":
        return art.published.start
    return None


def _same_place(a: Event, b: Event) -> bool:
    if a.location is None or b.location is None:
        return True
    ca, cb = a.location.country_code, b.location.country_code
    return ca is None or cb is None or ca == cb


def _matches(bg: Event, ev: Event) -> bool:
    return (
        bg.event_type == ev.event_type
        and bg.date.overlaps(ev.date, MATCH_SLACK_DAYS)
        and _same_place(bg, ev)
    )


def _width(event: Event) -> int:
    d = event.date
    return (d.end - d.start).days if d.start and d.end else 1 << 30


def merge_background(events: Sequence[Event]) -> list[tuple[Event, list[Event]]]:
    """Pair each reported event with the background mentions that refer to it.

    A background mention goes to its best match (nearest start date, then most sources,
    then smallest id). Mentions without a reported event are grouped among themselves
    (same sub-event type, overlapping dates, same country): "a US drone strike in 2020"
    and "the strike of 3 January 2020" in two articles are one past event, shown once at
    its most precise date.
    """
    foreground = [e for e in events if not e.background]
    merged: dict[str, list[Event]] = {e.event_id: [] for e in foreground}
    alone: list[Event] = []
    for bg in (e for e in events if e.background):
        cands = [e for e in foreground if _matches(bg, e)]
        if not cands:
            alone.append(bg)
            continue
        assert bg.date.start is not None
        best = min(
            cands,
            key=lambda e: (
                abs(((e.date.start or bg.date.start) - bg.date.start).days),
                -len(e.sources),
                e.event_id,
            ),
        )
        merged[best.event_id].append(bg)
    groups: list[tuple[Event, list[Event]]] = []
    for bg in sorted(alone, key=lambda e: (_width(e), -len(e.sources), e.event_id)):
        home = next(
            (
                members
                for rep, members in groups
                if rep.sub_event_type == bg.sub_event_type and _matches(bg, rep)
            ),
            None,
        )
        if home is None:
            groups.append((bg, []))
        else:
            home.append(bg)
    position = {e.event_id: i for i, e in enumerate(events)}
    groups.sort(key=lambda g: position[g[0].event_id])
    return [(e, merged[e.event_id]) for e in foreground] + groups


def importance(
    event: Event, mentions: Sequence[Event] = (), articles: Mapping[str, Article] | None = None
) -> float:
    """log-scaled outlets + fatalities + later references, plus the type's weight."""
    refs = {s.article_id: s for m in (event, *mentions) for s in m.sources}
    outlets = {s.outlet or s.article_id for s in refs.values()}
    fatalities = min(event.fatalities.min if event.fatalities else 0, FATALITY_CAP)
    later = set()
    if event.date.end is not None:
        cutoff = event.date.end + dt.timedelta(days=REFER_BACK_DAYS)
        later = {
            r.article_id
            for r in refs.values()
            if (p := _published(r, articles)) is not None and p > cutoff
        }
    later |= {s.article_id for m in mentions for s in m.sources}
    return round(
        W_SOURCES * math.log1p(len(outlets))
        + W_FATALITIES * math.log1p(fatalities)
        + W_REFERENCES * math.log1p(len(later))
        + TYPE_WEIGHT.get(event.event_type, 0.3),
        4,
    )


def headline(event: Event) -> str:
    """A one-line description built from the record's fields ("Suicide bomb in Kabul")."""
    names: dict[str, str] = {}
    for actor in event.actors:
        names.setdefault(actor.role, actor.name)
    who = names.get("perpetrator") or names.get("claimant") or names.get("speaker")
    text = event.sub_event_type
    if event.status != "asserted":
        text = f"{event.status.capitalize()}: {text}"
    if who:
        text += f" by {who}"
    # A target equal to the doer is an extraction slip; "X against X" would only confuse.
    targets = [a.name for role in ("target", "victim") for a in event.actors if a.role == role]
    targets = [t for t in targets if t != who]
    if targets:
        text += f" against {targets[0]}"
    if event.location is not None:
        text += f" in {event.location.name}"
    if event.fatalities and event.fatalities.max > 0:
        f = event.fatalities
        text += f", {f.min} killed" if f.min == f.max else f", {f.min}-{f.max} killed"
    return text


def _sentence_of(ev: Evidence, articles: Mapping[str, Article] | None) -> Evidence:
    """Widen a short evidence span to its whole sentence when the article text is known."""
    art = articles.get(ev.article_id) if articles else None
    if art is None or not ev.is_valid_for(art.text):
        return ev
    text = art.text
    start = max(text.rfind(p, 0, ev.start) for p in (". ", "? ", "! ", "\n"))
    start = 0 if start < 0 else start + 1
    while start < ev.start and text[start].isspace():
        start += 1
    ends = [i for p in (". ", "? ", "! ", "\n") if (i := text.find(p, ev.end - 1)) >= 0]
    end = max(min(ends) + 1 if ends else len(text), ev.end)
    while end > start + 1 and text[end - 1].isspace():  # a paragraph's closing newline
        end -= 1
    return Evidence.from_span(ev.article_id, ev.field, text, start, end)


def pick_sentences(
    events: Sequence[Event],
    articles: Mapping[str, Article] | None = None,
    limit: int = SENTENCES_PER_ENTRY,
) -> tuple[Evidence, ...]:
    """Up to ``limit`` distinct evidence sentences, the event's own "event" field first."""
    pool = [e for ev in events for e in ev.evidence]
    pool.sort(key=lambda e: (e.field != "event",))
    out: list[Evidence] = []
    for ev in pool:
        sent = _sentence_of(ev, articles)
        if all(sent.text != o.text for o in out):
            out.append(sent)
        if len(out) == limit:
            break
    return tuple(out)


def build_timeline(
    events: Sequence[Event], articles: Mapping[str, Article] | None = None, *, max_entries: int = 30
) -> list[TimelineEntry]:
    """The ``max_entries`` most important dated events, in date order.

    Events without a known date cannot be placed and are left out. Ties are broken by
    event id, so the same events always give the same timeline.
    """
    entries = []
    for event, mentions in merge_background(events):
        if not event.date.is_known:
            continue
        group = (event, *mentions)
        sources = tuple({s.article_id: s for m in group for s in m.sources}.values())
        entries.append(
            TimelineEntry(
                date=event.date,
                event_ids=tuple(m.event_id for m in group),
                headline=headline(event),
                sentences=pick_sentences(group, articles),
                sources=tuple(sorted(sources, key=lambda s: (s.published or "", s.article_id))),
                importance=importance(event, mentions, articles),
                background=event.background,
            )
        )
    entries.sort(key=lambda t: (-t.importance, t.date.start, t.event_ids))
    kept = entries[:max_entries]
    kept.sort(key=lambda t: (t.date.start, t.date.end, -t.importance, t.event_ids))
    return kept


__all__ = [
    "TimelineEntry",
    "build_timeline",
    "headline",
    "importance",
    "merge_background",
    "pick_sentences",
]
