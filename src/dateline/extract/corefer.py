"""Within-article coreference: one event told in several sentences becomes one mention.

Two drafts corefer when they have the same event type, their dates and places do not
contradict each other, their perpetrators do not clash and one is not background while the
other is news. Definite references ("the attack") and headline sentences only ever join an
existing event; they never stand alone when something compatible exists.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from dateline.extract.draft import Draft
from dateline.ground.place.geo import distance_km

#: Places further apart than this are different events (the benchmark's match radius).
MAX_KM = 50.0


def places_compatible(a: Draft, b: Draft) -> bool:
    if a.place is None or b.place is None or not (a.place_explicit and b.place_explicit):
        return True
    if (
        a.place.country_code
        and b.place.country_code
        and a.place.country_code != b.place.country_code
    ):
        return False
    if max(a.place.precision, b.place.precision) >= 3:
        # a country or region contains its towns: compare provinces, not centroids
        one, two = a.place.admin1, b.place.admin1
        return not (one and two and a.place.precision < 3 and b.place.precision < 3) and (
            not one or not two or _same_admin(one, two)
        )
    km = distance_km(a.place, b.place)
    if km is not None:
        return km <= MAX_KM
    return True


def _same_admin(one: str, two: str) -> bool:
    def key(name: str) -> str:
        name = re.sub(r"\b(?:governorate|province|al|as|ad|ar|az|el)\b", " ", name.lower())
        return re.sub(r"[^a-z]", "", name)

    a, b = key(one), key(two)
    return a == b or fuzz.ratio(a, b) >= 70


def dates_compatible(a: Draft, b: Draft) -> bool:
    if not (a.date_explicit and b.date_explicit):
        return True
    return a.date.overlaps(b.date)


def actors_compatible(a: Draft, b: Draft) -> bool:
    pa, pb = a.actor_names("perpetrator"), b.actor_names("perpetrator")
    return not (pa and pb and not pa & pb)


def follows_up(d: Draft) -> bool:
    """A draft that only adds to an event already told: a definite reference ("the attack"),
    a headline or caption, or an undated generic sentence ("troops were attacked by outlaw
    elements") that carries on the story."""
    return (
        d.cand.kind == "anaphoric"
        or d.headline
        or d.join_only
        or (d.cand.kind == "generic" and d.undated)
    )


def compatible(a: Draft, b: Draft) -> bool:
    """Can ``b`` be the same event as ``a``?"""
    loose = follows_up(b) and b.cand.kind != "statement" and a.violent and b.violent
    if (
        a.event_type != b.event_type
        and not (b.cand.kind == "anaphoric" and a.violent)
        and not (loose or _part_of_attack(a, b))
    ):
        return False
    if a.cand.kind == "statement" or b.cand.kind == "statement":
        same_kind = a.cand.statement == b.cand.statement and a.status == b.status
        return same_kind and dates_compatible(a, b) and _same_speaker(a, b)
    if (
        a.event_type == "Diplomacy"
        and a.cand.kind == b.cand.kind == "specific"
        and a.sentence_span != b.sentence_span
        and not (a.actor_names() & b.actor_names() or _same_venue(a, b))
    ):
        return False  # an embassy reopening and an appeal in the same week are two events
    if ("response" in a.tags) != ("response" in b.tags) and not (
        a.actor_names("perpetrator") & b.actor_names("perpetrator")
    ):
        return False  # a reply ("responded by firing artillery") is not the attack it answers
    if a.background != b.background and not follows_up(b):
        return False
    if b.join_only and not a.background:
        return False  # what a history sentence dates belongs to that history
    if (
        a.sentence_span == b.sentence_span
        and a.sub_event_type != b.sub_event_type
        and a.cand.kind == b.cand.kind == "specific"
    ):
        return False
    return dates_compatible(a, b) and places_compatible(a, b) and actors_compatible(a, b)


def _same_speaker(a: Draft, b: Draft) -> bool:
    """Statements of one kind by one speaker; a statement whose speaker was not found is
    taken to be by the same side when it is placed in the same country ("Turkey warned ...",
    "... a rebuke by Turkey's president, who warned ...")."""
    na, nb = a.actor_names(), b.actor_names()
    if na and nb:
        return bool(na & nb)
    ca = a.place.country_code if a.place else None
    cb = b.place.country_code if b.place else None
    return bool(ca) and ca == cb


def _same_venue(a: Draft, b: Draft) -> bool:
    return bool(
        a.place_explicit
        and b.place_explicit
        and a.place
        and b.place
        and a.place.name == b.place.name
    )


def _part_of_attack(a: Draft, b: Draft) -> bool:
    """The launcher found after a rocket attack is part of that attack (annotation rules)."""
    return (
        b.sub_event_type == "Disrupted weapons use"
        and a.event_type == "Explosions/Remote violence"
        and not a.background
        and not b.date_explicit
    )


def absorb(into: Draft, other: Draft) -> None:
    """Fold ``other`` into ``into``: keep the first value of each field, all the evidence."""
    into.event_spans.extend(s for s in other.event_spans if s not in into.event_spans)
    if not into.date_explicit and other.date_explicit:
        into.date, into.date_span = other.date, other.date_span
    # a headline compresses ("... kills four in Deir ez-Zor"): the body's place stands
    if (
        other.place_explicit
        and not (other.headline and into.place_explicit)
        and (
            not into.place_explicit
            or (
                into.place
                and other.place
                and other.place.precision < into.place.precision
                and into.place_span
                and into.place_span[0] >= other.event_spans[0][0]
            )
        )
    ):
        into.place, into.place_span, into.place_explicit = other.place, other.place_span, True
    known = {(a.name, a.role) for a in into.actors}
    into.actors.extend(a for a in other.actors if (a.name, a.role) not in known)
    for field in ("fatalities", "injured"):
        mine, theirs = getattr(into, field), getattr(other, field)
        if theirs is not None and (mine is None or theirs.count.min > mine.count.min):
            setattr(into, field, theirs)
    if into.status != "asserted" and other.status == "asserted" and other.cand.kind != "anaphoric":
        into.status, into.status_span = "asserted", other.status_span
    into.tags |= other.tags
    if into.headline and not other.headline:
        into.headline = False
        into.sub_event_type = other.sub_event_type


def merge_drafts(drafts: list[Draft]) -> list[Draft]:
    """Fold coreferent drafts together, in article order; drafts that found no partner and
    only refer back ("the attack") are dropped."""
    kept: list[Draft] = []
    for d in sorted(drafts, key=lambda d: (d.headline, d.anchor)):
        partner = _partner(kept, d)
        if partner is not None:
            absorb(partner, d)
        elif (
            d.cand.kind != "anaphoric"
            and not d.headline
            and not d.join_only
            and not (d.cand.statement in ("claim", "deny") and not d.actor_names())
        ):
            # a claim or denial by nobody named ("a leading faction denied any involvement")
            # only adds to a statement told with its speaker; alone it is not codable
            kept.append(d)
    return sorted(kept, key=lambda d: min(s for s, _ in d.event_spans))


def _partner(kept: list[Draft], d: Draft) -> Draft | None:
    options = [k for k in kept if compatible(k, d)]
    if not options:
        return None
    if follows_up(d) or _part_of_attack(options[-1], d):
        before = [k for k in options if k.anchor < d.anchor] or options
        return max(before, key=lambda k: (not k.background, k.anchor))
    same = [k for k in options if k.sub_event_type == d.sub_event_type]
    if same:
        return same[-1]
    close = [k for k in options if k.date_explicit and d.date_explicit]
    if close:
        return close[-1]
    # "…killed in a drone strike. Eight others died when missiles hit their convoy": an
    # undated follow-on in the same paragraph continues the event before it.
    near = [k for k in options if k.paragraph == d.paragraph and not d.date_explicit]
    return near[-1] if near else None
