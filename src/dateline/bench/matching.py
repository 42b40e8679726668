"""Matching predictions to gold mentions: the per-field rules and the one-to-one assignment.

Both benchmarks that read gold (``dateline bench events`` and the merge benchmark) must agree on
when a prediction *is* a gold mention, and on when each of its fields is right, so the rules
live here once: :func:`compatible` is the issue's match rule (same type, overlapping dates,
same country, within 50 km), ``FIELDS`` the scored field checks, and :func:`match_mentions`
pairs one article's gold and predicted mentions one-to-one.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from dateline.bench.gold import Candidate, GoldMention
from dateline.ground.place.geo import distance_km
from dateline.records import Count, DateInterval, Place

#: Two points further apart than this are different places (the issue's match rule).
MAX_DISTANCE_KM = 50.0
#: Actor roles that count as "who did it" for the actor field (the issue: perpetrator or claimant).
RESPONSIBLE_ROLES = ("perpetrator", "claimant")
#: Least rapidfuzz token-set ratio for two actor names the KB does not know to be equal.
NAME_MIN_RATIO = 90


# --- field comparisons ------------------------------------------------------------------------


def _has_point(place: Place | None) -> bool:
    return place is not None and place.latitude is not None and place.longitude is not None


def _admin_key(name: str | None) -> str:
    key = re.sub(
        r"\b(?:governorate|province|muhafazat|al|as|ad|ar|ash|az|ath|el)\b",
        " ",
        (name or "").lower().replace("-", " "),
    )
    return re.sub(r"[^a-z]", "", key)


def places_compatible(a: Place | None, b: Place | None) -> bool:
    """Could these be the same place? Unknown places never rule a match out."""
    if a is None or b is None:
        return True
    if a.country_code and b.country_code and a.country_code != b.country_code:
        return False
    distance = distance_km(a, b)
    return distance is None or distance <= MAX_DISTANCE_KM


def place_correct(gold: Place | None, pred: Place | None) -> bool:
    """Right country, and within 50 km when gold has a point (same admin1 when pred has none).

    A gold place known only as a country or a vague region ("western Iraq") is matched by any
    prediction in that country: the prediction cannot be more wrong than the source.
    """
    if gold is None or pred is None:
        return gold is None and pred is None
    if gold.country_code != pred.country_code:
        return False
    if _has_point(gold) and _has_point(pred):
        return places_compatible(gold, pred)
    if gold.admin1 and (_has_point(gold) or pred.admin1):
        return bool(pred.admin1) and _admin_key(gold.admin1) == _admin_key(pred.admin1)
    return True


def dates_compatible(gold: DateInterval, pred: DateInterval) -> bool:
    """Overlapping intervals; a gold date nobody could resolve accepts anything."""
    if not gold.is_known:
        return True
    return gold.overlaps(pred)


def date_correct(gold: DateInterval, pred: DateInterval) -> bool:
    """Intervals overlap, or both are unknown (an undated article must stay undated)."""
    if not gold.is_known:
        return not pred.is_known
    return gold.overlaps(pred)


def counts_equal(gold: Count | None, pred: Count | None) -> bool:
    return gold == pred


@lru_cache(maxsize=1)
def _kb() -> Any:
    try:
        from dateline.ground.actors import ActorKB
    except ImportError:  # the KB is optional for scoring: names then compare as strings
        return None
    try:
        return ActorKB.load()
    except Exception:  # a broken user KB file must not break the benchmark
        return None


def _norm_name(name: str) -> str:
    name = name.lower().replace("’", "'").replace("'", "").replace("-", " ")
    name = re.sub(r"\b(?:the|al|el)\b", " ", name)
    return re.sub(r"[^a-z0-9 ]", "", re.sub(r"\s+", " ", name)).strip()


@lru_cache(maxsize=4096)
def canonical_actor(name: str) -> str:
    """KB id when the KB knows the name, else a normalised spelling."""
    kb = _kb()
    if kb is not None:
        actor = kb.resolve(name)
        if actor is not None:
            return f"kb:{actor.kb_id}"
    return _norm_name(name)


def is_unidentified(name: str | None) -> bool:
    return name is None or _norm_name(name).startswith(("unidentified", "unknown"))


def names_match(gold: str, pred: str) -> bool:
    """Same actor by KB id, normalised spelling, or a near-identical spelling."""
    if is_unidentified(gold) or is_unidentified(pred):
        return is_unidentified(gold) and is_unidentified(pred)
    a, b = canonical_actor(gold), canonical_actor(pred)
    if a == b:
        return True
    if a.startswith("kb:") and b.startswith("kb:"):
        return False
    from rapidfuzz import fuzz

    return fuzz.token_set_ratio(_norm_name(gold), _norm_name(pred)) >= NAME_MIN_RATIO


def actors_correct(gold: GoldMention, pred: Candidate) -> bool:
    """Gold's perpetrator/claimant is named by pred, and pred names no one else in that role.

    An unnamed perpetrator ("Unidentified armed group (Iraq)") equals naming no one. A gold
    list (a clash whose initiator the source leaves open) accepts any of its names.
    """
    for role in RESPONSIBLE_ROLES:
        value = getattr(gold, role)
        wants = [
            w for w in (value if isinstance(value, tuple) else (value,)) if not is_unidentified(w)
        ]
        have = [a.name for a in pred.actors if a.role == role and not is_unidentified(a.name)]
        if not wants:
            if have:
                return False
        elif not have or not all(any(names_match(w, h) for w in wants) for h in have):
            return False
    return True


def suspected_correct(gold: GoldMention, pred: Candidate) -> bool:
    have = [a.name for a in pred.actors if a.role in ("suspected", "accused")]
    if gold.suspected is None:
        return not have
    return any(names_match(gold.suspected, h) for h in have)


#: The scored fields of a matched pair; the issue's targets apply to all of them.
FIELDS: dict[str, Any] = {
    "sub_event_type": lambda g, p: g.sub_event_type == p.sub_event_type,
    "date": lambda g, p: date_correct(g.date, p.date),
    "place": lambda g, p: place_correct(g.location, p.location),
    "actor": actors_correct,
    "fatalities": lambda g, p: counts_equal(g.fatalities, p.fatalities),
    "status": lambda g, p: g.status == p.status,
    "background": lambda g, p: g.background == p.background,
}
#: Reported beside the scored fields, without a target.
INFO_FIELDS: dict[str, Any] = {
    "injured": lambda g, p: counts_equal(g.injured, p.injured),
    "suspected": suspected_correct,
}


def compatible(gold: GoldMention, pred: Candidate) -> bool:
    """The issue's match rule: same type, overlapping dates, same country, within 50 km."""
    return (
        gold.event_type == pred.event_type
        and dates_compatible(gold.date, pred.date)
        and places_compatible(gold.location, pred.location)
    )


def pair_score(gold: GoldMention, pred: Candidate) -> float:
    """How well a compatible pair agrees: field hits plus evidence overlap (tie-breaker)."""
    hits = sum(bool(check(gold, pred)) for check in FIELDS.values())
    g, p = set(_norm_name(gold.evidence).split()), set(_norm_name(pred.evidence).split())
    overlap = len(g & p) / len(g | p) if g and p else 0.0
    return hits + overlap


def match_mentions(
    gold: list[GoldMention], preds: list[Candidate]
) -> list[tuple[GoldMention, Candidate]]:
    """One-to-one matching of one article's gold and predicted mentions (Hungarian)."""
    if not gold or not preds:
        return []
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    score = np.full((len(gold), len(preds)), -1.0)
    for i, g in enumerate(gold):
        for j, p in enumerate(preds):
            if compatible(g, p):
                score[i, j] = pair_score(g, p)
    rows, cols = linear_sum_assignment(score, maximize=True)
    return [(gold[i], preds[j]) for i, j in zip(rows, cols, strict=True) if score[i, j] >= 0]
