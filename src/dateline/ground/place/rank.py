"""Ranking the gazetteer entries one name could be, given what the rest of an article says.

"Erbil" is an Iraqi city and a governorate; "Georgia" a country and a US state; "Alexandria" a
town in Louisiana as well as Egypt's second city. Each candidate gets a score: a prior from
its feature type and population, plus context (``Context``) - the country in focus, the
countries and admin1 divisions other names in the article point at, and nearness to the
article's other places. Before scoring, candidates are narrowed: a country's own name is the
country, a spelling guess stays near home, and a world city beats far smaller homonyms
abroad unless the article is located in their country. ``resolve`` builds the contexts.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from dateline.ground.place.gazetteer import POINT_FEATURES, GazEntry, Gazetteer
from dateline.ground.place.geo import haversine_km
from dateline.ground.place.names import feature_hint, loose_key, name_key, strip_feature_words

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
#: A world city ("Geneva", "Manchester") beats homonyms abroad that are this many times smaller:
#: a country named in passing ("US and Iranian officials met in Geneva") is not enough to pull
#: it to Geneva, Illinois; a state, county or nearby town of the homonym's still is.
DOMINANT_BONUS = 2.0
DOMINANT_MIN_POPULATION = 100_000
DOMINANT_RATIO = 5.0
#: Features too large to anchor "nearness".
AREA_FEATURES = frozenset({"country", "continent", "region", "admin1"})
#: Features that say which country an article is about without saying where in it.
LARGE = frozenset({"country", "continent", "region"})


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
    local_countries: frozenset[str] = frozenset()  # of its towns and divisions, not countries


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
    if entry.curated or name_key(entry.name) == key:
        s += PRIMARY_NAME_BONUS  # a curated entry's aliases are deliberate press names
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
    found = _country_first(name, _narrow(name, hint, candidates(name, gaz), ctx, gaz), ctx, gaz)
    world = _dominant(found, key, ctx)
    scored = sorted(
        (
            (score(e, key, ctx, gaz) + (DOMINANT_BONUS if e is world else 0.0), e.gid, e)
            for e in found
        ),
        key=lambda t: (-t[0], t[1]),
    )
    if not scored:
        return None, 0.0
    margin = scored[0][0] - scored[1][0] if len(scored) > 1 else 3.0
    town = _town_named_like(scored[0][2], [e for _, _, e in scored], key, hint)
    return (town, margin) if town is not None else (scored[0][2], margin)


def _needed(rival: GazEntry) -> float:
    """Population a city needs to outrank ``rival`` abroad by fame alone: ``DOMINANT_RATIO``
    times a town's, but only as much as a whole province's ("Gaza" the city of 410,000 over
    Mozambique's Gaza province of 385,000), since a province's count sums many towns."""
    return rival.population * (1.0 if rival.feature == "admin1" else DOMINANT_RATIO)


def _country_first(
    name: str, found: list[GazEntry], ctx: Context, gaz: Gazetteer
) -> list[GazEntry]:
    """A country's own name means the country ("attacks in Iraq and Afghanistan" is not the
    hamlet called Iraq in Badakhshan, "Germany" not the village in Kerman), however much the
    article's other places favour a homonym; only a homonym in a state or county the article
    names survives ("Lebanon ... Pennsylvania"). A demonym's country is no such claim."""
    named = {e.gid for e in gaz.lookup(name) if e.feature == "country"}
    if not named or not any(e.gid in named for e in found):
        return found
    if name.isupper() and len(name.replace(".", "")) <= 4:
        # "the US failed": an acronym is the country, never the village of Us
        return [e for e in found if e.gid in named]
    return [e for e in found if e.gid in named or _named_division(e, ctx)]


def _named_division(entry: GazEntry, ctx: Context) -> bool:
    """A state that holds the article's other places ("Georgia" among Atlanta suburbs), a town
    in a state or county it names."""
    if entry.admin1 and name_key(entry.admin1) in ctx.admin1_keys:
        return True
    return _admin2_cue(entry, ctx)


def _dominant(found: list[GazEntry], key: str, ctx: Context) -> GazEntry | None:
    """The big city a bare name means by default: at least ``DOMINANT_MIN_POPULATION``, and
    ``DOMINANT_RATIO`` times every same-named place abroad, with none at home. Not when the
    article has places (a town, county or state, not just a country's name) in a homonym's
    country and none in the city's, nor names the city's country: "Dublin" among Ohio towns
    is Dublin, Ohio, but "Damascus" in an article about Syria that quotes Washington is
    still the Syrian capital."""
    named = [e for e in found if name_key(e.name) == key]  # not "Manchester" = Richmond, VA
    cities = [e for e in named if e.feature == "city" and e.population >= DOMINANT_MIN_POPULATION]
    if not cities:
        return None
    top = max(cities, key=lambda e: (e.population, e.gid))
    rivals = [e for e in named if e.feature not in ("country", "continent") and e is not top]
    if any(e.country_code == top.country_code and e.admin1 != top.admin1 for e in rivals):
        return None  # homonyms at home ("Manhattan, Kansas"): context, not fame, decides
    rivals = [e for e in rivals if e.country_code != top.country_code]
    if not rivals or any(top.population < _needed(e) for e in rivals):
        return None
    home = ctx.local_countries | ctx.countries
    if top.country_code not in home and any(e.country_code in ctx.local_countries for e in rivals):
        return None
    return top


def _narrow(
    name: str, hint: str | None, found: list[GazEntry], ctx: Context, gaz: Gazetteer
) -> list[GazEntry]:
    """Candidates worth scoring: at home first, of the kind the name says, guesses near."""
    if (
        ctx.focus
        and found
        and not any(e.country_code in _home(ctx, gaz) or e.feature == "country" for e in found)
    ):
        # "Taji" in an Iraqi article is not Taza, Morocco: try the looser keys at home first.
        home = [e for e in gaz.lookup_fallback(name) if e.country_code == ctx.focus]
        found = home or [e for e in found if not _stray_alias(e, name_key(name), ctx, gaz)]
    if hint:  # "Dahuk town" is the town, "Makhmur district" the district
        found = [e for e in found if _fits(e, hint)] or found
    if gaz.match_kind(name) == "loose":
        # A spelling guess stays in the country the article is about, or failing one, in the
        # countries it names: "Baghuz" in a Syria article naming Turkey is not Bağgöze, Siirt.
        near = {ctx.focus} if ctx.focus else set(ctx.countries)
        demonym = gaz.demonym_country(name)
        found = [
            e
            for e in found
            if (e.feature == "country" and e.country_code == demonym)
            or (e.country_code in near if near else len(found) == 1)
        ]
    return found


def _stray_alias(entry: GazEntry, key: str, ctx: Context, gaz: Gazetteer) -> bool:
    """A foreign town matched only by one of its alternate names, in a country the article
    neither names nor borders: "Boni" in an article about Mali is a Malian village the
    gazetteer lacks, not Bonn (whose German-Latin alternate it is) nor Watampone. Unplaced is
    better than placed on another continent; the article's other places then stand in. Towns
    only, and not capitals: a division's or a capital's alternates are exonyms the press
    uses ("Anbar" for Al Anbar under a Dubai dateline, "Kiev")."""
    return (
        entry.feature == "city"
        and entry.gid not in gaz.capitals
        and not entry.curated
        and name_key(entry.name) != key
        and entry.country_code not in ctx.countries | ctx.neighbours
    )


def _town_named_like(
    top: GazEntry, ranked: list[GazEntry], key: str, hint: str | None
) -> GazEntry | None:
    """The town a bare division name means: "Erbil" and "Raqqa" are the cities, not the
    governorates named after them (when the city is big enough), and "Tal Afar" the town its
    district is named after (GeoNames gives many Iraqi towns no population, so size cannot
    decide there). The city must lie in the division and carry its name or the name asked
    for, up to transliteration ("Ḩamāh" in Hama governorate); "New York City" is not "New
    York"."""
    if top.feature == "admin1":
        names = {_spelling(key), _spelling(name_key(top.name))}
        return next(
            (
                e
                for e in ranked
                if e.feature == "city"
                and e.country_code == top.country_code
                and e.admin1 == top.admin1
                and _spelling(name_key(e.name)) in names
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


def _spelling(key: str) -> str:
    """A key up to transliteration; names ending in a feature word ("New York City") are kept
    whole, as ``loose_key`` would drop the word that tells them apart."""
    return loose_key(key) if strip_feature_words(key) == key else key


__all__ = ["Context", "best", "candidates", "score"]
