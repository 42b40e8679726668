"""Resolving all the place names of one article together, each in the others' context.

Two passes over ``rank.best``: the first resolves every name on priors and explicit
admin1/country cues, the second re-scores with the focus country and the first pass's points.
A name never counts as its own context (the focus is voted by the other names), and output
divisions carry their press names (``admin1_press.tsv``: "Raqqa", not GeoNames' "Ar Raqqah").
"""

from __future__ import annotations

import csv
import functools
from collections import defaultdict
from dataclasses import replace
from importlib import resources

from dateline.ground.place.detect import gazetteer_spans
from dateline.ground.place.gazetteer import GazEntry, Gazetteer, default_gazetteer
from dateline.ground.place.names import name_key
from dateline.ground.place.rank import AREA_FEATURES, LARGE, Context, best
from dateline.records import Place


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
    # Every context below depends on a name only through its own string (and its key), so
    # a name an article repeats ("Iran" twenty times) is resolved once per pass: the same
    # result, without the quadratic cost of rebuilding each occurrence's context.
    first_ctx = Context(focus=focus_country)
    first_of: dict[str, GazEntry | None] = {}
    for n in names:
        if n not in first_of:
            first_of[n] = best(n, gaz, first_ctx)[0]
    first = [first_of[n] for n in names]
    cues = _admin1_cues(first)
    keys = [name_key(n) for n in names]
    towns = {k: _towns_in(n, gaz) for k, n in zip(keys, names, strict=True)}
    second_of: dict[str, tuple[GazEntry | None, float]] = {}
    for i, n in enumerate(names):
        if n not in second_of:
            ctx = Context(focus=focus_country, admin1_keys=cues, **_pair_cues(keys, i, towns))
            second_of[n] = best(n, gaz, ctx)
    second = [second_of[n] for n in names]
    entries = [e for e, _ in second]
    margins = [m for _, m in second]
    confident = [(e, m) for e, m in second if e is not None]
    out: list[GazEntry | None] = []
    final_of: dict[str, GazEntry | None] = {}
    for i, name in enumerate(names):
        if name in final_of:
            out.append(final_of[name])
            continue
        mine = entries[i]
        others = [e for e, _ in confident if e is not mine]
        ctx = Context(
            focus=focus_country or _focus_of_others(keys, i, entries, margins, names),
            countries=(ccs := frozenset(e.country_code for e in others if e.country_code)),
            # a capital stands for its government ("Washington said"), not for a locality
            local_countries=frozenset(
                e.country_code
                for e in others
                if e.country_code and e.feature not in LARGE and e.gid not in gaz.capitals
            ),
            neighbours=frozenset().union(*(gaz.neighbours.get(c, frozenset()) for c in ccs)),
            admin1_keys=_admin1_cues(others),
            points=tuple(
                (e.lat, e.lon)
                for e, margin in confident
                if e is not mine and margin >= 1.0 and e.feature not in AREA_FEATURES
            ),
            **_pair_cues(keys, i, towns),
        )
        final_of[name] = press_named(best(name, gaz, ctx)[0])
        out.append(final_of[name])
    return out


@functools.lru_cache(maxsize=1)
def _press_names() -> dict[tuple[str, str], str]:
    """(ISO2, division key) -> press name, from ``data/geo/admin1_press.tsv``."""
    path = resources.files("dateline") / "data" / "geo" / "admin1_press.tsv"
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    rows = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return {(r["cc"], name_key(r["gazetteer"])): r["press"] for r in rows}


def press_name(country_code: str | None, admin1: str | None) -> str | None:
    """The common English name of a first-level division ("Ar Raqqah" -> "Raqqa",
    "Krasnodarskiy kray" -> "Krasnodar Krai"); the name itself when the table has none."""
    if not admin1:
        return admin1
    return _press_names().get((country_code or "", name_key(admin1)), admin1)


def press_named(entry: GazEntry | None) -> GazEntry | None:
    """``entry`` with its division (and, for a division, its own name) in press spelling, so
    one province never appears under two spellings in the output."""
    if entry is None or not entry.admin1:
        return entry
    admin1 = press_name(entry.country_code, entry.admin1)
    if admin1 == entry.admin1:
        return entry
    own = entry.feature == "admin1" and name_key(entry.name) == name_key(entry.admin1)
    return replace(entry, admin1=admin1, name=admin1 if own else entry.name)


def _focus_of_others(
    keys: list[str], i: int, entries: list[GazEntry | None], margins: list[float], names: list[str]
) -> str | None:
    """The focus country without name ``i``'s own votes: a name must not vote itself into
    focus ("Manchester" read as Jamaica outvoting "the UK" beside it)."""
    rest = [j for j, k in enumerate(keys) if k != keys[i]]
    return infer_focus(
        [entries[j] for j in rest], [margins[j] for j in rest], [names[j] for j in rest]
    )


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
    """Places for gold or pre-detected names of one article. ``text``, when given, adds the
    countries it names as context: "Manchester" beside "the UK" is the English city."""
    extra = _countries_named(text, names) if text else []
    entries = resolve_entries(names + extra, focus_country=focus_country)[: len(names)]
    return [e.to_place(name=n) if e else None for n, e in zip(names, entries, strict=True)]


def _countries_named(text: str, names: list[str]) -> list[str]:
    """Country names in ``text`` that are not among ``names`` (found without the model)."""
    gaz = default_gazetteer()
    have = {name_key(n) for n in names}
    found = [
        s.text
        for s in gazetteer_spans(text, gaz)
        if name_key(s.text) not in have and any(e.feature == "country" for e in gaz.lookup(s.text))
    ]
    return list(dict.fromkeys(found))


__all__ = [
    "infer_focus",
    "press_name",
    "press_named",
    "resolve_entries",
    "resolve_names",
]
