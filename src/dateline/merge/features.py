"""Pairwise evidence that two single-report events describe the same real-world event.

Each event is reduced once to a :class:`Profile` (numbers and small sets), so scoring a
candidate pair is a handful of arithmetic and set operations. Features are kept in [0, 1]
with 0.5 meaning "no information" (a field neither source states), so a missing field
neither pushes a merge nor blocks it.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass

from dateline.merge.names import find_names, official_words
from dateline.merge.places import EARTH_KM as EARTH_KM  # re-exported
from dateline.merge.places import NEUTRAL, distance_km, haversine_km, place_score
from dateline.merge.places import RADIUS_KM as RADIUS_KM  # re-exported
from dateline.merge.text import jaccard, token_set
from dateline.records import Count, Event

#: How much each feature counts in the score. Date and place carry most of the identity of
#: an event; actor names are often missing or given at different levels ("militants" vs a
#: group). Hand-set, then checked on the demo gold and the rocket-attack test cases.
WEIGHTS: dict[str, float] = {
    "date_overlap": 0.25,
    "place": 0.25,
    "subtype_compat": 0.15,
    "actor_jaccard": 0.10,
    "casualty_compat": 0.10,
    "text_sim": 0.15,
}
#: Merge when the (average-link) score reaches this. Chosen so that a same-day, same-type
#: report in a compatible place merges even when text and actors are uninformative (0.5 each
#: gives ~0.66-0.78) while a same-day report 60+ km away with other wording does not.
THRESHOLD = 0.62
#: Day-precision reports further apart than this many days are never one event. Not 0:
#: an evening attack is "Tuesday" in one outlet and "Wednesday" in the next day's paper.
MAX_DAY_GAP = 1
#: Two point locations (precision 1) further apart than this are never the same event.
MAX_POINT_KM = 100.0
#: The named-person feature counts only when it says something (a shared name, or two
#: different full names), so it is outside WEIGHTS: when neither holds, the score is the
#: weighted mean of the other features, bit for bit as without it. With this weight a
#: shared name lifts a pair of one type whose dates and wording disagree (0.60) over the
#: threshold, while two reports that share nothing but a name stay below it.
PERSON_WEIGHT = 0.15
#: A shared name is near-certain; two different full names are only mild evidence of two
#: events (outlets name different people: the victim, a witness, an official).
PERSON_SHARED, PERSON_DIFFERENT = 1.0, 0.25
#: Intervals at least this wide (coarser than a week: "mid-January", "in February") are
#: vague about their edges: blocking widens them by half their width on each side, so
#: "captured in February" meets "seized in mid-January". The score is unchanged.
COARSE_DAYS = 9

#: Event types whose members can describe the same event when sources disagree.
TYPE_GROUP: dict[str, str] = {
    "Battles": "violence",
    "Violence against civilians": "violence",
    "Protests": "unrest",
    "Riots": "unrest",
}
#: Sub-type pairs that sources commonly confuse for one event.
COMPATIBLE_SUBTYPES: frozenset[frozenset[str]] = frozenset(
    frozenset(pair)
    for pair in (
        ("Remote explosive/landmine/IED", "Suicide bomb"),
        ("Remote explosive/landmine/IED", "Grenade"),
        ("Air/drone strike", "Shelling/artillery/missile attack"),
        ("Armed clash", "Attack"),
        ("Armed clash", "Government regains territory"),
        ("Armed clash", "Non-state actor overtakes territory"),
        ("Peaceful protest", "Protest with intervention"),
        ("Protest with intervention", "Excessive force against protesters"),
        ("Protest with intervention", "Violent demonstration"),
        ("Violent demonstration", "Mob violence"),
    )
)
#: Statuses that report something as having happened; threats and plans stay apart.
HAPPENED = frozenset({"asserted", "claimed", "denied"})
#: Types whose planned occurrence (an announced summit, a called protest) is reported as one
#: event with its occurrence.
SCHEDULED_TYPES = frozenset({"Diplomacy", "Protests", "Strategic developments"})
#: An attribution event *is* a statement, so a claim and a denial, or claims by two different
#: groups, are two events however close in time and place ("X claimed the attack", "Y denied
#: any role"); 0 = not a statement.
STANCE = {"claimed": 1, "denied": 2}
STATEMENT_TYPE = "Attribution"
#: Roles that identify who an event is about: who did it, and who claimed or denied it.
_PERPETRATOR_ROLES = frozenset({"perpetrator", "claimant", "suspected", "accused", "denier"})
#: Roles of the people an event happened to: their names identify it (merge.names).
_VICTIM_ROLES = frozenset({"target", "victim"})
_UNIDENTIFIED = re.compile(r"\s*(unidentified|unknown)\b", re.I)
_PREFIX = re.compile(r"^(the|al|el)[\s\-]+")
_SUFFIX = re.compile(r"\s+(governorate|province|state|region|district|oblast)$")


@functools.lru_cache(maxsize=1 << 16)
def norm_name(name: str | None) -> str:
    """Case-, article- and punctuation-insensitive key: "Al-Anbar Governorate" -> "anbar"."""
    if not name:
        return ""
    text = re.sub(r"[^\w\s\-]", " ", name.lower()).strip()
    text = _SUFFIX.sub("", _PREFIX.sub("", text))
    return re.sub(r"[\s\-]+", " ", text).strip()


def block_group(event: Event) -> str:
    """Blocking key part: events in different groups are never compared."""
    family = "happened" if event.status in HAPPENED else event.status
    if family == "planned" and event.event_type in SCHEDULED_TYPES:
        family = "happened"  # "talks will open in Sochi on Thursday" is the talks themselves
    return f"{TYPE_GROUP.get(event.event_type, event.event_type)}|{family}"


@dataclass(slots=True)
class Profile:
    """What scoring needs from one event, computed once."""

    index: int
    event: Event
    articles: frozenset[str]
    start: int | None  # proleptic ordinals, inclusive
    end: int | None
    day: int | None  # set only for day precision
    country: str
    admin1: str
    place: str
    lat: float | None
    lon: float | None
    place_precision: int
    actors: frozenset[str]
    words: frozenset[str]
    published: str
    oldest_mention: str
    stance: int = 0  # STANCE of an attribution statement, 0 otherwise
    lat_rad: float = 0.0  # radians(lat) and cos(lat_rad), precomputed for distance_km
    lat_cos: float = 1.0
    slack: int = 0  # days blocking widens the interval by on each side (date_slack)
    names: frozenset[str] = frozenset()  # name words of the evidence (merge.names)
    initial_names: frozenset[str] = frozenset()  # ... met only opening a sentence
    persons: frozenset[str] = frozenset()  # surnames of full names

    @classmethod
    def of(cls, index: int, event: Event) -> Profile:
        """The profile of one event, from the event record alone: every merge path (a
        local run, an incremental one, Spark) sees the same profile."""
        date, loc = event.date, event.location
        start = date.start.toordinal() if date.start else None
        end = date.end.toordinal() if date.end else None
        # Names of the event's own actors are not evidence of who it happened to, except
        # its targets and victims: those are the people the named-person feature is about.
        own = [a.name for a in event.actors if a.role not in _VICTIM_ROLES]
        victims = {
            w for a in event.actors if a.role in _VICTIM_ROLES for w in a.name.lower().split()
        }
        if loc:
            own += [loc.name or "", loc.admin1 or ""]
        found = find_names([e.text for e in event.evidence], own, official_words() - victims)
        has_point = loc is not None and loc.latitude is not None and loc.longitude is not None
        published = min((s.published for s in event.sources if s.published), default="9999")
        articles = {s.article_id for s in event.sources} | {e.article_id for e in event.evidence}
        return cls(
            index=index,
            event=event,
            articles=frozenset(articles),
            start=start,
            end=end,
            day=start if date.precision == "day" and start is not None and start == end else None,
            country=(loc.country_code or "").upper() if loc else "",
            admin1=norm_name(loc.admin1) if loc else "",
            place=norm_name(loc.name) if loc else "",
            lat=loc.latitude if has_point and loc else None,
            lon=loc.longitude if has_point and loc else None,
            place_precision=loc.precision if loc else 3,
            actors=actor_keys(event),
            words=token_set(e.text for e in event.evidence),
            published=published,
            oldest_mention=min(event.mention_ids, default=event.event_id),
            stance=STANCE.get(event.status, 0) if event.event_type == STATEMENT_TYPE else 0,
            lat_rad=math.radians(loc.latitude) if has_point and loc else 0.0,
            lat_cos=math.cos(math.radians(loc.latitude)) if has_point and loc else 1.0,
            slack=date_slack(start, end),
            names=found.names,
            initial_names=found.initial_only,
            persons=found.persons,
        )

    @property
    def city_province(self) -> bool:
        """A city that is a province of its own ("Damascus" in Damascus governorate)."""
        return bool(self.place) and self.place == self.admin1

    @property
    def is_point(self) -> bool:
        return self.lat is not None and self.place_precision == 1

    @property
    def age_key(self) -> tuple[str, str]:
        """Oldest report first: earliest publication, ties by mention id."""
        return (self.published, self.oldest_mention)

    @property
    def reach(self) -> tuple[int, int] | None:
        """The interval blocking compares: the dates widened by ``slack`` each side."""
        if self.start is None or self.end is None:
            return None
        return self.start - self.slack, self.end + self.slack


def date_slack(start: int | None, end: int | None) -> int:
    """Half the width of a coarse interval (0 for a day or a week): how far its true date
    may lie outside what the text says ("in February" for a capture in late January)."""
    if start is None or end is None or end - start < COARSE_DAYS:
        return 0
    return (end - start) // 2


def actor_keys(event: Event) -> frozenset[str]:
    """Who the event is about (perpetrator side, claimant, denier) plus their parent
    organisations, so a front group and its parent still match.

    Keys are normalised names, not KB ids: extraction gives a KB-linked actor its canonical
    name but names its parent by name only ("People's Protection Units" -> "Syrian
    Democratic Forces"), so only names let a child meet its parent. "Unidentified armed
    group (Iraq)" says nobody is known, which is no evidence that two reports share a
    perpetrator, so it is left out (the actor feature then stays neutral)."""
    keys: set[str] = set()
    for actor in event.actors:
        if actor.role in _PERPETRATOR_ROLES and not _UNIDENTIFIED.match(actor.name or ""):
            keys.add(norm_name(actor.name))
            if actor.parent:
                keys.add(norm_name(actor.parent))
    return frozenset(keys - {""})


def hard_compatible(a: Profile, b: Profile) -> bool:
    """Rules no score can override: same article, different days, far-apart points,
    different countries, two different statements."""
    if a.articles & b.articles or different_statements(a, b):
        return False
    if a.day is not None and b.day is not None and abs(a.day - b.day) > MAX_DAY_GAP:
        return False
    if a.country and b.country and a.country != b.country:
        return False
    if a.is_point and b.is_point:
        assert a.lat is not None and a.lon is not None and b.lat is not None
        assert b.lon is not None
        if haversine_km(a.lat, a.lon, b.lat, b.lon) > MAX_POINT_KM:
            return False
    return True


def different_statements(a: Profile, b: Profile) -> bool:
    """A claim and a denial, or two statements by different speakers (no shared actor key;
    a front group and its parent share one through the KB's parent link)."""
    if not (a.stance and b.stance):
        return False
    return a.stance != b.stance or bool(a.actors and b.actors and a.actors.isdisjoint(b.actors))


#: The date score of a pair where one report is undated. Not neutral: time is half of an
#: event's identity, so without it place and type (every Foreign Ministry meeting "in Tehran")
#: must not suffice; similar words, a shared name or the same actors still can.
UNDATED = 0.25
#: ... and where both are: nothing says when either happened, so only near-identical words
#: (a reprint) or a shared name make them one event.
BOTH_UNDATED = 0.0


def date_score(a: Profile, b: Profile) -> float:
    a_dated = a.start is not None and a.end is not None
    b_dated = b.start is not None and b.end is not None
    if not (a_dated and b_dated):
        return UNDATED if a_dated or b_dated else BOTH_UNDATED
    if a.start <= b.end and b.start <= a.end:
        # Exact same day is strongest; containment of a day in a month is weaker evidence.
        width = max(a.end - a.start, b.end - b.start) + 1
        return 1.0 if width == 1 else max(0.6, 1.0 - width / 100)
    gap = max(a.start - b.end, b.start - a.end)
    return 0.5 if gap == 1 else max(0.0, 0.4 - 0.1 * gap)


def subtype_score(a: Event, b: Event) -> float:
    if a.sub_event_type == b.sub_event_type:
        return 1.0
    if frozenset((a.sub_event_type, b.sub_event_type)) in COMPATIBLE_SUBTYPES:
        return 0.6
    return 0.2 if a.event_type == b.event_type else 0.0


def count_compat(x: Count | None, y: Count | None) -> float | None:
    if x is None or y is None:
        return None
    if x.min <= y.max and y.min <= x.max:
        return 1.0
    lo, hi = sorted(((x.min + x.max) / 2, (y.min + y.max) / 2))
    if hi - lo <= 3:  # "0 vs 2 injured": small counts differ often as reports update
        return 0.5
    return lo / hi * 0.8


def casualty_score(a: Event, b: Event) -> float:
    parts = [
        c
        for c in (count_compat(a.fatalities, b.fatalities), count_compat(a.injured, b.injured))
        if c is not None
    ]
    return sum(parts) / len(parts) if parts else NEUTRAL


def actor_score(a: Profile, b: Profile) -> float:
    if not a.actors or not b.actors:
        return NEUTRAL
    return 0.3 + 0.7 * jaccard(a.actors, b.actors)


def text_score(a: Profile, b: Profile) -> float:
    if not a.words or not b.words:
        return NEUTRAL
    # Two reports of one event share ~20-40% of content words; scale so 0.35 -> 1.
    return min(1.0, jaccard(a.words, b.words) / 0.35)


def person_score(a: Profile, b: Profile) -> float | None:
    """PERSON_SHARED when a name of one report is a name of the other (a word met only at
    sentence starts on both sides does not count), PERSON_DIFFERENT when both name people
    in full and share none, None (no information) otherwise."""
    if len(a.names & b.names) > len(a.initial_names & b.initial_names):
        return PERSON_SHARED
    if a.persons and b.persons:
        return PERSON_DIFFERENT
    return None


def pair_features(a: Profile, b: Profile) -> dict[str, float | str]:
    """Every feature of one candidate pair, as stored in a MergeDecision."""
    place, distance, region_ok = place_score(a, b)
    feats: dict[str, float | str] = {
        "date_overlap": date_score(a, b),
        "place": place,
        "distance_km": round(distance, 1) if distance is not None else "unknown",
        "region_compatible": 1.0 if region_ok else 0.0,
        "subtype_compat": subtype_score(a.event, b.event),
        "actor_jaccard": actor_score(a, b),
        "casualty_compat": casualty_score(a.event, b.event),
        "text_sim": text_score(a, b),
        "same_outlet": 1.0 if _outlets(a) & _outlets(b) else 0.0,
    }
    person = person_score(a, b)
    feats["named_person"] = "unknown" if person is None else person
    if person is not None:
        feats["shared_names"] = " ".join(sorted(a.names & b.names)) or "none"
    return {k: round(v, 4) if isinstance(v, float) else v for k, v in feats.items()}


def score_of(features: dict[str, float | str]) -> float:
    """The score of stored features (rounded ones: within 1e-4 of ``pair_score``)."""
    total = sum(w * float(features[name]) for name, w in WEIGHTS.items())
    person = features.get("named_person", "unknown")
    if person == "unknown":
        return round(total / sum(WEIGHTS.values()), 4)
    return round((total + PERSON_WEIGHT * float(person)) / (_W_SUM + PERSON_WEIGHT), 4)


def pair_score(a: Profile, b: Profile) -> float:
    """Score in [0, 1]; 0 when a hard rule forbids the pair. The hot path of merging: it
    computes the weighted features directly instead of building the feature dict."""
    if not a.articles.isdisjoint(b.articles) or (
        a.country and b.country and a.country != b.country
    ):
        return 0.0
    if a.day is not None and b.day is not None and abs(a.day - b.day) > MAX_DAY_GAP:
        return 0.0
    if different_statements(a, b):
        return 0.0
    subtype = subtype_score(a.event, b.event)
    if subtype == 0.0:
        return 0.0
    place, _, _ = place_score(a, b)
    # Two points too far apart are two events whatever else is known (as in
    # hard_compatible and the clusters' cannot-link rule; blocking's grid relies on it).
    if a.is_point and b.is_point and distance_km(a, b) > MAX_POINT_KM:
        return 0.0
    total = (
        _W_DATE * date_score(a, b)
        + _W_PLACE * place
        + _W_SUB * subtype
        + _W_ACT * actor_score(a, b)
        + _W_CAS * casualty_score(a.event, b.event)
        + _W_TEXT * text_score(a, b)
    )
    person = person_score(a, b)
    if person is None:
        return round(total / _W_SUM, 4)
    return round((total + PERSON_WEIGHT * person) / (_W_SUM + PERSON_WEIGHT), 4)


_W_DATE, _W_PLACE, _W_SUB = WEIGHTS["date_overlap"], WEIGHTS["place"], WEIGHTS["subtype_compat"]
_W_ACT, _W_CAS, _W_TEXT = WEIGHTS["actor_jaccard"], WEIGHTS["casualty_compat"], WEIGHTS["text_sim"]
_W_SUM = sum(WEIGHTS.values())


def _outlets(p: Profile) -> set[str]:
    return {s.outlet for s in p.event.sources if s.outlet}
