"""Place grounding: find place names in news text and resolve them to coordinates.

``find_places(text, doc)`` returns ``Toponym`` spans (exact offsets into ``text``) with a
``records.Place``; ``resolve_names(names)`` resolves names found elsewhere. Everything runs
on the shipped gazetteer (``default_gazetteer()``), with no network access.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from dateline.ground.place.detect import candidate_spans
from dateline.ground.place.gazetteer import GazEntry, Gazetteer, default_gazetteer
from dateline.ground.place.geo import distance_km
from dateline.ground.place.relative import relative_place
from dateline.ground.place.resolve import resolve_entries, resolve_names
from dateline.records import Place


@dataclass(frozen=True)
class Toponym:
    """A place mention: ``text == source_text[start:end]``; ``place`` None when unresolved."""

    start: int
    end: int
    text: str
    place: Place | None
    score: float
    kind: str  # "gazetteer" | "ner" | "relative" | "demonym"


def find_places(
    text: str,
    doc: Any = None,
    *,
    focus_country: str | None = None,
    gazetteer: Gazetteer | None = None,
    demonyms: bool = False,
    relative: bool = True,
    use_model: bool = True,
    strict: bool = True,
) -> list[Toponym]:
    """Toponyms of ``text``, resolved together so each name is read in the article's context.

    ``doc`` is the spaCy Doc of ``text`` when the caller has one; otherwise the shared model
    parses it (``use_model=False`` skips the model: gazetteer matches only). ``demonyms``
    also returns "Iraqi"-style words as country-level toponyms; ``relative`` widens a toponym
    to its relative phrase ("50 km west of Baghdad") with the shifted point. ``strict=False``
    keeps names that are toponyms but never event places (the EU, Earth), for benchmarks
    that annotate them.
    """
    gaz = gazetteer or default_gazetteer()
    if doc is None and use_model:
        from dateline.nlp import load_nlp

        doc = load_nlp()(text)
    spans = candidate_spans(text, doc, gaz, demonyms=demonyms, strict=strict)
    entries = resolve_entries([s.text for s in spans], focus_country=focus_country, gazetteer=gaz)
    out: list[Toponym] = []
    for span, entry in zip(spans, entries, strict=True):
        place = entry.to_place(name=span.text) if entry else None
        kind = span.kind
        start = span.start
        if kind == "demonym" and place is not None:
            place = Place(
                span.text,
                place.country_code,
                None,
                place.latitude,
                place.longitude,
                3,
                place.gazetteer_id,
            )
        elif relative and place is not None and entry is not None:
            found = relative_place(text, span.start, place, entry.feature)
            if found:
                start, place = found
                kind = "relative"
        score = 0.9 if kind in ("gazetteer", "relative") else 0.6
        out.append(
            Toponym(start, span.end, text[start : span.end], place, score if place else 0.2, kind)
        )
    return out


def focus_country(toponyms: list[Toponym]) -> str | None:
    """The ISO2 country most of an article's places are in (ties broken alphabetically)."""
    votes: defaultdict[str, float] = defaultdict(float)
    for t in toponyms:
        if t.place and t.place.country_code:
            votes[t.place.country_code] += 0.5 if t.kind == "demonym" else 1.0
    if not votes:
        return None
    return sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


__all__ = [
    "GazEntry",
    "Gazetteer",
    "Toponym",
    "default_gazetteer",
    "distance_km",
    "find_places",
    "focus_country",
    "resolve_names",
]
