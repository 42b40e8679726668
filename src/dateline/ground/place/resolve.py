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
from collections import defaultdict
from dataclasses import dataclass

from dateline.ground.place.gazetteer import (
    POINT_FEATURES,
    GazEntry,
    Gazetteer,
    default_gazetteer,
)
from dateline.ground.place.geo import haversine_km
from dateline.ground.place.names import feature_hint, name_key
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
#: A town whose county/district the article names ("Paris ... Henry County"), and a county
#: that contains a town the article names: the pair settles both homonyms.
ADMIN2_CUE_BONUS = 2.5
NEAR_KM = 250.0  # "near the article's other places" radius
NEAR_BONUS = 1.0
NEAR_DEG = NEAR_KM / 111.0  # degrees of latitude spanning NEAR_KM
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
    names: frozenset[str] = frozenset()  # keys of the article's other names
    towns_in: frozenset[tuple[str, str]] = frozenset()  # (admin2 key, admin1) of their towns


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
    if _admin2_cue(entry, ctx):
        s += ADMIN2_CUE_BONUS
    if entry.feature not in AREA_FEATURES and _near(entry, ctx.points):
        s += NEAR_BONUS
    return s


def _near(entry: GazEntry, points: tuple[tuple[float, float], ...]) -> bool:
    """Within ``NEAR_KM`` of a point; a latitude check first skips most great-circle sums."""
    return any(
        abs(entry.lat - la) <= NEAR_DEG and haversine_km(entry.lat, entry.lon, la, lo) <= NEAR_KM
        for la, lo in points
    )


def _admin2_cue(entry: GazEntry, ctx: Context) -> bool:
    """A town in a county the article names, or a county holding a town it names."""
    if entry.admin2:
        return name_key(entry.admin2) in ctx.names
    return entry.feature == "admin2" and (name_key(entry.name), entry.admin1 or "") in ctx.towns_in


def _home(ctx: Context, gaz: Gazetteer) -> frozenset[str]:
    focus = ctx.focus or ""
    return gaz.neighbours.get(focus, frozenset()) | {focus}


def _fits(entry: GazEntry, hint: str) -> bool:
    if hint == "point":
        return entry.feature in POINT_FEATURES
    return entry.feature in (("admin2", "district") if hint == "admin2" else ("admin1",))


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
    hint = feature_hint(key)
    found = _narrow(name, hint, candidates(name, gaz), ctx, gaz)
    scored = sorted(
        ((score(e, key, ctx, gaz), e.gid, e) for e in found),
        key=lambda t: (-t[0], t[1]),
    )
    if not scored:
        return None, 0.0
    margin = scored[0][0] - scored[1][0] if len(scored) > 1 else 3.0
    town = _town_named_like(scored[0][2], [e for _, _, e in scored], key, hint)
    return (town, margin) if town is not None else (scored[0][2], margin)


def _narrow(
    name: str, hint: str | None, found: list[GazEntry], ctx: Context, gaz: Gazetteer
) -> list[GazEntry]:
    """Candidates worth scoring: at home first, of the kind the name says, guesses near."""
    if ctx.focus and found and not any(e.country_code in _home(ctx, gaz) for e in found):
        # "Taji" in an Iraqi article is not Taza, Morocco: try the looser keys at home first.
        home = [e for e in gaz.lookup_fallback(name) if e.country_code == ctx.focus]
        found = home or found
    if hint:  # "Dahuk town" is the town, "Makhmur district" the district
        found = [e for e in found if _fits(e, hint)] or found
    if gaz.match_kind(name) == "loose":  # a spelling guess: only inside the article's countries
        near = {ctx.focus, *ctx.countries} - {None}
        demonym = gaz.demonym_country(name)
        found = [
            e
            for e in found
            if (e.feature == "country" and e.country_code == demonym)
            or (e.country_code in near if near else len(found) == 1)
        ]
    return found


def _town_named_like(
    top: GazEntry, ranked: list[GazEntry], key: str, hint: str | None
) -> GazEntry | None:
    """The town a bare division name means: "Erbil" is the city, not the governorate named
    after it (when the city is big enough), and "Tal Afar" the town its district is named
    after (GeoNames gives many Iraqi towns no population, so size cannot decide there)."""
    if top.feature == "admin1":
        return next(
            (
                e
                for e in ranked
                if e.feature == "city"
                and name_key(e.name) == key
                and e.country_code == top.country_code
                and e.population >= CITY_OVER_ADMIN1 * top.population
            ),
            None,
        )
    if top.feature == "admin2" and hint != "admin2":
        return next(
            (
                e
                for e in ranked
                if e.feature == "city" and e.admin2 == top.name and e.admin1 == top.admin1
            ),
            None,
        )
    return None


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
    votes: defaultdict[str, float] = defaultdict(float)
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
    keys = [name_key(n) for n in names]
    towns = {k: _towns_in(n, gaz) for k, n in zip(keys, names, strict=True)}
    second = [
        best(n, gaz, Context(focus=focus_country, admin1_keys=cues, **_pair_cues(keys, i, towns)))
        for i, n in enumerate(names)
    ]
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
            **_pair_cues(keys, i, towns),
        )
        out.append(best(name, gaz, ctx)[0])
    return out


def _pair_cues(keys: list[str], i: int, towns: dict[str, frozenset[tuple[str, str]]]) -> dict:
    """Context fields for name ``i`` from the article's other names (see ``_admin2_cue``)."""
    other = frozenset(k for k in keys if k != keys[i])
    return {"names": other, "towns_in": frozenset().union(*(towns[k] for k in other))}


def _towns_in(name: str, gaz: Gazetteer) -> frozenset[tuple[str, str]]:
    """(county key, admin1) of every town this name could be: what a county name can contain."""
    return frozenset(
        (name_key(e.admin2), e.admin1 or "") for e in gaz.lookup(name) if e.admin2 and e.admin1
    )


def resolve_names(
    names: list[str], text: str | None = None, *, focus_country: str | None = None
) -> list[Place | None]:
    """Places for gold or pre-detected names of one article (``text`` is reserved context)."""
    del text
    entries = resolve_entries(names, focus_country=focus_country)
    return [e.to_place(name=n) if e else None for n, e in zip(names, entries, strict=True)]


__all__ = ["Context", "candidates", "infer_focus", "resolve_entries", "resolve_names", "score"]
