"""Choosing the gazetteer entry a name refers to, using the rest of the article as context.

"Erbil" is an Iraqi city and a governorate; "Georgia" a country and a US state; "Alexandria" a
town in Louisiana as well as Egypt's second city. Each candidate gets a score: a prior from
its feature type and population, plus context - the country in focus, the countries and
admin1 divisions other names in the article point at, and nearness to the article's other
places. Two passes: the first resolves every name on priors and explicit admin1/country cues,
the second re-scores with the focus country and the first pass's points.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from dateline.ground.place.gazetteer import GazEntry, Gazetteer, default_gazetteer
from dateline.ground.place.geo import haversine_km
from dateline.ground.place.names import name_key
from dateline.records import Place

#: Prior of each feature type; cities get theirs from population (see ``_prior``).
#: Tuned on LGL gold names (dev) and the UCDP Iraq names.
FEATURE_PRIOR = {
    "country": 5.5,
    "continent": 3.0,
    "region": 2.6,
    "admin1": 3.2,
    "base": 2.8,
    "airport": 2.8,
    "field": 2.8,
    "landmark": 2.6,
    "district": 2.4,
    "admin2": 1.4,
}
PRIMARY_NAME_BONUS = 0.8  # the entry's own name, not an alternate ("Alexandria" != Mashhad)
FOCUS_BONUS = 1.0  # entry in the article's focus country
DOC_COUNTRY_BONUS = 0.8  # entry in a country another name of the article is in
ADMIN1_CUE_BONUS = 1.5  # entry's admin1 is named in the article ("Alexandria ... Louisiana")
CONTAINS_BONUS = 0.8  # an admin1 candidate that contains other places of the article
NEAR_KM = 250.0  # "near the article's other places" radius
NEAR_BONUS = 1.0
CURATED_BONUS = 1.0  # dateline's own entries (bases, regions, "EU") over homonym towns
CAPITAL_BONUS = 0.7  # "Moscow" in news is Russia's capital more often than Moscow, PA
NEIGHBOUR_BONUS = 0.4  # entry in a country bordering one the article names
#: A same-named city this large relative to its division is what the bare name means.
CITY_OVER_ADMIN1 = 0.2
#: Features too large to anchor "nearness".
AREA_FEATURES = frozenset({"country", "continent", "region", "admin1"})


@dataclass(frozen=True, slots=True)
class Context:
    """What the rest of an article says about where it is."""

    focus: str | None = None
    countries: frozenset[str] = frozenset()
    neighbours: frozenset[str] = frozenset()
    admin1_keys: frozenset[str] = frozenset()
    points: tuple[tuple[float, float], ...] = ()


def _prior(entry: GazEntry) -> float:
    if entry.feature == "city":
        return 0.5 * math.log10(entry.population + 10)
    return FEATURE_PRIOR.get(entry.feature, 1.0)


def score(entry: GazEntry, key: str, ctx: Context, gaz: Gazetteer) -> float:
    """How likely ``entry`` is the place meant by a name with key ``key`` in this context."""
    s = _prior(entry)
    if entry.curated:
        s += CURATED_BONUS
    if entry.gid in gaz.capitals:
        s += CAPITAL_BONUS
    if name_key(entry.name) == key:
        s += PRIMARY_NAME_BONUS
    cc = entry.country_code
    if cc and cc == ctx.focus and entry.feature != "country":
        s += FOCUS_BONUS
    if cc and cc in ctx.countries:
        s += DOC_COUNTRY_BONUS
    elif cc and cc in ctx.neighbours:
        s += NEIGHBOUR_BONUS
    if entry.feature != "admin1" and entry.admin1 and name_key(entry.admin1) in ctx.admin1_keys:
        s += ADMIN1_CUE_BONUS
    if entry.feature == "admin1" and name_key(entry.name) in ctx.admin1_keys:
        s += CONTAINS_BONUS
    if entry.feature not in AREA_FEATURES and any(
        haversine_km(entry.lat, entry.lon, la, lo) <= NEAR_KM for la, lo in ctx.points
    ):
        s += NEAR_BONUS
    return s


def candidates(name: str, gaz: Gazetteer) -> list[GazEntry]:
    """Gazetteer entries for a name, or the country for a demonym ("Iraqi" -> Iraq)."""
    found = gaz.lookup(name)
    cc = gaz.demonym_country(name)
    country = gaz.country(cc) if cc else None
    if country is not None:
        found = [country, *found]
    return list({e.gid: e for e in found}.values())


def best(name: str, gaz: Gazetteer, ctx: Context) -> tuple[GazEntry | None, float]:
    """The best-scoring entry and its margin over the runner-up (a confidence signal)."""
    key = name_key(name)
    scored = sorted(
        ((score(e, key, ctx, gaz), e.gid, e) for e in candidates(name, gaz)),
        key=lambda t: (-t[0], t[1]),
    )
    if not scored:
        return None, 0.0
    top = scored[0][2]
    if top.feature == "admin1":  # "Erbil" alone is the city, not the governorate named after it
        city = next(
            (
                e
                for _, _, e in scored
                if e.feature == "city"
                and name_key(e.name) == key
                and e.country_code == top.country_code
                and e.population >= CITY_OVER_ADMIN1 * top.population
            ),
            None,
        )
        if city is not None:
            return city, scored[0][0] - scored[1][0]
    margin = scored[0][0] - scored[1][0] if len(scored) > 1 else 3.0
    return scored[0][2], margin


def _admin1_cues(entries: list[GazEntry | None]) -> frozenset[str]:
    """Admin1 keys an article names outright, and the admin1s its towns sit in."""
    keys = {name_key(e.name) for e in entries if e and e.feature == "admin1"}
    keys |= {
        name_key(e.admin1) for e in entries if e and e.admin1 and e.feature in ("city", "admin2")
    }
    return frozenset(keys)


def infer_focus(
    entries: list[GazEntry | None],
    margins: list[float] | None = None,
    names: list[str] | None = None,
) -> str | None:
    """The country most of an article's distinct places are in, weighted by confidence.

    Each distinct name votes once; a named country counts half (articles name foreign
    countries they are not about), an unsure resolution (small margin) counts less.
    """
    votes: Counter[str] = Counter()
    seen: set[str] = set()
    for i, e in enumerate(entries):
        key = name_key(names[i]) if names else str(i)
        if e is None or not e.country_code or key in seen:
            continue
        seen.add(key)
        weight = min(margins[i], 2.0) / 2.0 if margins else 1.0
        votes[e.country_code] += weight * (0.5 if e.feature == "country" else 1.0)
    if not votes:
        return None
    return sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


def resolve_entries(
    names: list[str], *, focus_country: str | None = None, gazetteer: Gazetteer | None = None
) -> list[GazEntry | None]:
    """Resolve all the place names of one article together (two passes, see module doc)."""
    gaz = gazetteer or default_gazetteer()
    first_ctx = Context(focus=focus_country)
    first = [best(n, gaz, first_ctx)[0] for n in names]
    cues = _admin1_cues(first)
    second_ctx = Context(focus=focus_country, admin1_keys=cues)
    second = [best(n, gaz, second_ctx) for n in names]
    entries = [e for e, _ in second]
    focus = focus_country or infer_focus(entries, [m for _, m in second], names)
    confident = [(e, m) for e, m in second if e is not None]
    out: list[GazEntry | None] = []
    for i, name in enumerate(names):
        mine = entries[i]
        others = [e for e, _ in confident if e is not mine]
        ctx = Context(
            focus=focus,
            countries=(ccs := frozenset(e.country_code for e in others if e.country_code)),
            neighbours=frozenset().union(*(gaz.neighbours.get(c, frozenset()) for c in ccs)),
            admin1_keys=_admin1_cues(others),
            points=tuple(
                (e.lat, e.lon)
                for e, margin in confident
                if e is not mine and margin >= 1.0 and e.feature not in AREA_FEATURES
            ),
        )
        out.append(best(name, gaz, ctx)[0])
    return out


def resolve_names(
    names: list[str], text: str | None = None, *, focus_country: str | None = None
) -> list[Place | None]:
    """Places for gold or pre-detected names of one article (``text`` is reserved context)."""
    del text
    entries = resolve_entries(names, focus_country=focus_country)
    return [e.to_place(name=n) if e else None for n, e in zip(names, entries, strict=True)]


__all__ = ["Context", "candidates", "infer_focus", "resolve_entries", "resolve_names", "score"]
