"""Finding place-name spans: a case-sensitive gazetteer matcher checked against spaCy's entities.

spaCy's small model misses or mislabels Middle Eastern names (Ain al-Asad as PERSON), and a
bare gazetteer matches "Police" (a Polish town) and "Henry" (Illinois). So: capitalised token
runs are looked up in the gazetteer (longest match first); a single-word match is kept only when
spaCy calls it a place, the entry is a country, division or one of dateline's own entries, or
it is introduced by a locative preposition; matches inside a PERSON/ORG entity that is longer
than the match ("Washington Post"), or inside an armed group's name, are dropped. spaCy
GPE/LOC/FAC entities the gazetteer does not know are kept unresolved.

Some names are toponyms to a geoparser but never the place of an event: organisations ("officials
at the UN" is not Un, India), the planet ("the most dangerous place on Earth" is not Earth,
Texas), and seats of government speaking for their institution ("the Pentagon said"). They are
listed in ``data/geo/not_places.tsv`` and dropped by default; ``strict=False`` keeps the ones a
toponym corpus such as LGL annotates (EU, Earth). An undotted acronym ("AU", "NATO") never
matches a mere town of the same letters ("Au", "Nato").
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

from dateline.ground.place.gazetteer import Gazetteer
from dateline.ground.place.names import name_key

MAX_TOKENS = 6


def _words(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


#: Tokens allowed inside a multi-word name without a capital ("Deir ez-Zor", "Isle of Man").
CONNECTORS = _words(
    "al el ad ar as ash az ez an ed es de du da del la le of on upon and bin ibn abu abi bani"
)
#: Common words that cannot open a multi-word name either: articles, pronouns, titles and
#: calendar words ("The Indiana", "President Bush", "March Madness" are no place names).
NOT_OPENERS = _words("""
The A An Of In On At By To For From With And Or But He She It We They His Her Its Our Their
This That These Those There Here Where When What Who Why How Many Some Most All Both Each Every
Other Such Only Also Even Just Still Then Now Today Tomorrow Yesterday Tonight No Yes Mr Mrs Ms
Dr Gen President Minister Sheriff Mayor Governor Senator Rep Sen Wednesday Monday Tuesday
Thursday Friday Saturday Sunday January February March April May June July August September
October November December
""")
#: Capitalised words that are also place names but almost never mean the place in news: the
#: non-openers and these, which may still open a name ("West Bank", "Abu Kamal").
COMMON_WORDS = NOT_OPENERS | _words("""
Police Man Best Mobile Reading Bath Nice Orange Hope Union Liberty Independence Victory Temple
Church Center Centre Commerce Opportunity Friendship Justice Freedom Unity Progress Court County
City State Street Road Avenue News Post Times Press Star Sun Globe Tribune Herald Home Office
General Army Navy Forces Force Party Council University College School Hospital Park Lake River
Mount North South East West Central Northern Southern Eastern Western Day Hall Nelson Region
Northeast Northwest Southeast Southwest Titan English Re Wash Christmas Easter God Lord Jesus
Allah Islamic Islam Muslim Christian Sunni Shia Shiite Kurdish Arab Arabs Kurds Democrat
Democrats Republican Republicans Abu Umm Bin Ibn
""")
_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|(?:[A-Z]\.)+[A-Z][a-z]+\.?|[^\W\d_][\w'’]*(?:-[\w'’]+)*")
#: Lower-case nouns that end a curated name ("Erbil airport", "Anbar province").
FEATURE_NOUNS = _words(
    "airport airbase air base field oil gas plant camp province governorate "
    "district square strip region county parish garrison"
)
#: "in Baghdad", "near Erbil": a preposition that vouches for a single-word name.
_LOCATIVE = re.compile(
    r"(?:\b(?:in|at|near|from|to|outside|into|across|toward|towards|of|"
    r"around|between|and|via)\s+(?:the\s+)?)$"
)
#: A lower-case Arabic article hyphened to a capitalised name: "al-Tanf", "el-Arish".
_ARTICLE_START = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|ez|an|ed|es)-[A-Z]")
#: Words that make what follows a place whatever the model says: "near Manbij", "the village
#: of Kani Masi". Narrower than ``_LOCATIVE`` ("of", "and", "from" also precede people).
_PLACE_CUE = re.compile(
    r"(?:\b(?:in|at|near|outside|into|across|around|toward|towards|via)\s+(?:the\s+)?"
    r"|\b(?:village|town|city|district|province|governorate|outskirts|suburb)\s+of\s+)$"
)
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Entity labels that veto a weak gazetteer match. Not ORG: LGL and event reports alike place
#: "Mansfield Police Department" in Mansfield; group names are vetoed by the actor KB instead.
BLOCKING_LABELS = frozenset({"PERSON", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW"})
STRONG_FEATURES = frozenset(
    {"country", "admin1", "continent", "region", "base", "airport", "field", "landmark", "district"}
)
#: An acronym written without dots ("UN", "NATO"): stands for a town only through an alias.
_ACRONYM = re.compile(r"[A-Z]{2,4}")
#: What follows a place name in a dateline: "MANSFIELD -- ...", "HUME – ...".
DATELINE_MARKS = ("--", "—", "–", "(", ",", "-")
#: Words that make a seat of government a physical place: "outside the Pentagon".
_PHYSICAL_CUE = re.compile(
    r"\b(?:outside|near|inside|into|around|toward|towards|stormed|"
    r"(?:attack|attacks|strike|strikes|assault)\s+on)\s+(?:the\s+)?$",
    re.IGNORECASE,
)


#: Nouns after a name that make it a person's: an office held or a period led.
_HOLDER_NOUN = re.compile(
    r"(?:'s|’s)?\s+(?:administration|presidency|era|regime|doctrine|cabinet|dynasty)\b",
    re.IGNORECASE,
)
_THING_BEFORE = re.compile(r"\b(?:Operation|Exercise|USS|HMS|HMAS|INS)\s+$")
_OF_AFTER = re.compile(r"\s+of\s")
#: The only cues that make a group's name a place: spatial words no organisation takes.
_NEAR_CUE = re.compile(r"\b(?:near|outside|around|outskirts\s+of)\s+$", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def not_places() -> dict[str, str]:
    """``data/geo/not_places.tsv`` as {name without a leading "the": kind}."""
    path = resources.files("dateline") / "data" / "geo" / "not_places.tsv"
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    rows = csv.DictReader(
        [ln for ln in lines if not ln.startswith("#")], delimiter="\t", quoting=csv.QUOTE_NONE
    )
    return {_bare(row["name"]): row["kind"] for row in rows}


#: Actor KB kinds whose names are never places ("Hamas fired rockets" is not Hamm, Germany).
GROUP_KINDS = frozenset({"armed_group", "front", "umbrella", "party", "organisation"})


@functools.lru_cache(maxsize=1)
def group_names() -> frozenset[str]:
    """Names and aliases of the actor KB's groups: read as organisations, like ``not_places``.

    The KB is the one list of who the groups are, so a group added there stops being read as
    its gazetteer homonym without a second entry here."""
    return frozenset(_bare(n) for n in _kb_names(GROUP_KINDS))


def _kb_names(kinds: frozenset[str]) -> set[str]:
    """Every name and alias of the actor KB's actors of these kinds."""
    from dateline.ground.actors import default_kb

    return {n for a in default_kb() if a.kind in kinds for n in (a.name, *a.aliases)}


@functools.lru_cache(maxsize=2)
def _containers(strict: bool) -> re.Pattern[str]:
    """Multi-word names of the actor KB's groups and of the organisations in ``not_places``: a
    gazetteer name inside one ("Kataib Hezbollah", "Tehran Times", "Islamic State of Iraq")
    is part of the name, not a place. Strictly, governments' names too ("US officials",
    "Baghdad government"), which toponym corpora still count as a mention of the country."""
    names = _kb_names(GROUP_KINDS if strict else GROUP_KINDS - {"organisation"})
    listed = not_places()  # their own rules decide ("outside the White House" is a place)
    names = {n for n in names if _bare(n) not in listed}
    names |= {n for n, kind in listed.items() if kind == "organisation"}
    multi = sorted((n for n in names if " " in n), key=lambda n: (-len(n), n))
    return re.compile("|".join(re.escape(n) for n in multi))


def _bare(name: str) -> str:
    words = name.split()
    return " ".join(words[1:] if len(words) > 1 and words[0] in ("the", "The") else words)


@dataclass(frozen=True, slots=True)
class Span:
    """A candidate toponym span before resolution."""

    start: int
    end: int
    text: str
    kind: str  # "gazetteer" | "ner" | "demonym"
    label: str | None = None


@functools.lru_cache(maxsize=4)  # gazetteer matching and demonyms read the same article
def _tokens(text: str) -> tuple[tuple[int, int, str], ...]:
    return tuple((m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text))


def _capitalised(tok: str) -> bool:
    return tok[:1].isupper() or (("-" in tok) and any(c.isupper() for c in tok))


def _starts_name(tok: str) -> bool:
    """A capitalised word, or an Arabic article written lower-case before one ("al-Tanf")."""
    return tok[:1].isupper() or bool(_ARTICLE_START.match(tok))


def gazetteer_spans(text: str, gaz: Gazetteer) -> list[Span]:
    """Longest capitalised token runs whose key is a gazetteer name (no model needed)."""
    toks = _tokens(text)
    spans: list[Span] = []
    i = 0
    while i < len(toks):
        if not _starts_name(toks[i][2]) or toks[i][2] in NOT_OPENERS:
            i += 1
            continue
        # A common word is no name alone ("North", "Bank") but may begin one ("West Bank",
        # "North Korea", "South Carolina", "The Hague").
        shortest = i + 2 if _possessor(toks[i][2]) in COMMON_WORDS else i + 1
        match = None
        # tokens i..k-1 are one run of name words: only those j need the last-word test
        k = _run_end(text, toks, i, min(len(toks), i + MAX_TOKENS))
        for j in range(k, shortest - 1, -1):
            if not _capitalised(toks[j - 1][2]) and toks[j - 1][2] not in FEATURE_NOUNS:
                continue
            end = toks[j - 1][1]
            surface = text[toks[i][0] : end]
            key = name_key(surface)
            owner = _possessor(surface)
            if owner != surface and not gaz.has_key(key):  # "Iraq's army"
                surface, end, key = owner, end - 2, name_key(owner)
            if surface.endswith(".") and not gaz.has_key(key + "."):
                surface, end, key = surface[:-1], end - 1, name_key(surface[:-1])  # "U.S" no
            if text[end : end + 1] == "." and gaz.has_key(key + "."):
                match = Span(toks[i][0], end + 1, f"{surface}.", "gazetteer")  # "Kan.", "W.Va."
                break
            if gaz.has_key(key):
                match = Span(toks[i][0], end, surface, "gazetteer")
                break
        if match:
            spans.append(match)
            i = j
        else:
            i += 1
    return spans


def _possessor(tok: str) -> str:
    """ "March’s attack": the word before its possessive ending."""
    return tok[:-2] if tok[-2:] in ("'s", "’s") else tok


def _run_end(text: str, toks: tuple[tuple[int, int, str], ...], i: int, stop: int) -> int:
    """The first k <= ``stop`` where tokens i..k stop being one run of name words (adjacent,
    capitalised, connectors or feature nouns). A name may end at any j <= k whose last
    token is capitalised or a feature noun, so ``gazetteer_spans`` scans the run once
    instead of once per candidate end."""
    k = i
    while k < stop:
        if k > i and text[toks[k - 1][1] : toks[k][0]] not in (" ", "-"):
            break
        tok = toks[k][2]
        if not _capitalised(tok) and tok.lower() not in CONNECTORS and tok not in FEATURE_NOUNS:
            break
        k += 1
    return k


def _entity_spans(doc: Any) -> list[tuple[int, int, str]]:
    return [(e.start_char, e.end_char, e.label_) for e in doc.ents]


def candidate_spans(
    text: str, doc: Any, gaz: Gazetteer, *, demonyms: bool = False, strict: bool = True
) -> list[Span]:
    """Merge gazetteer matches and spaCy entities into non-overlapping candidate spans.

    ``strict`` drops names that cannot place an event (``not_places()``): organisations, the
    planet, seats of government without a physical cue. ``strict=False`` keeps the planet and
    organisations the gazetteer lists as areas (EU), as toponym corpora annotate them.
    """
    ents = _entity_spans(doc) if doc is not None else []
    groups = [(m.start(), m.end()) for m in _containers(strict).finditer(text)]
    out: list[Span] = []
    weak: list[Span] = []
    for span in gazetteer_spans(text, gaz):
        if any(s <= span.start and span.end <= e and e - s > len(span.text) for s, e in groups):
            continue
        (out if _keep(span, text, ents, gaz, demonyms) else weak).append(span)
    # One sense per discourse: a name kept once ("in Mansfield") is kept everywhere in the
    # article ("Mansfield Mayor ..."), unless spaCy puts it inside a person's name.
    kept = {name_key(s.text) for s in out}
    for span in weak:
        if name_key(span.text) in kept and not any(
            label == "PERSON"
            and start <= span.start
            and span.end <= end
            and _person(span, start, end)
            for start, end, label in ents
        ):
            out.append(span)
    taken = [(s.start, s.end) for s in out]
    for start, end, label in ents:
        free = not any(start < e and s < end for s, e in taken + groups)
        if label in PLACE_LABELS and free:
            out.append(Span(start, end, text[start:end], "ner", label))
            taken.append((start, end))
    if demonyms:
        for start, end, word in _tokens_of(text, gaz.demonyms):
            if not any(start < e and s < end for s, e in taken):
                out.append(Span(start, end, word, "demonym"))
    out = [s for s in out if not _not_a_place(s, text, gaz, strict)]
    return sorted(out, key=lambda s: s.start)


def _not_a_place(span: Span, text: str, gaz: Gazetteer, strict: bool) -> bool:
    """Whether a candidate names an institution or the world rather than a place here."""
    bare = _bare(span.text)
    kind = not_places().get(bare)
    if kind is None and bare in group_names():
        # "near Badr" is the town; "in Hamas" is the movement ("a rift in Hamas").
        return not _NEAR_CUE.search(text[max(0, span.start - 20) : span.start])
    if kind is None:
        return False
    if kind == "calendar":
        return True
    if kind == "seat":
        return not _PHYSICAL_CUE.search(text[max(0, span.start - 30) : span.start])
    if strict:
        return True
    if kind == "planet":
        return False
    return not any(e.feature in STRONG_FEATURES or e.curated for e in gaz.lookup(span.text))


def _person(span: Span, start: int, end: int) -> bool:
    """Whether a PERSON entity around a name kept elsewhere really is a person here: it is when
    longer than the name ("Jayne Mansfield") or the name is one word ("Jackson said"); a
    multi-word place name tagged PERSON whole ("Kani Masi was the site") is the model's slip."""
    return end - start > span.end - span.start or not any(c in span.text for c in " -")


def _tokens_of(text: str, words: dict[str, str]) -> list[tuple[int, int, str]]:
    return [(s, e, t) for s, e, t in _tokens(text) if t in words]


def _place_cue(text: str, start: int) -> bool:
    return bool(_PLACE_CUE.search(text[max(0, start - 25) : start]))


def _keep(
    span: Span, text: str, ents: list[tuple[int, int, str]], gaz: Gazetteer, demonyms: bool
) -> bool:
    """Whether a gazetteer match is a toponym here (see module docstring)."""
    if gaz.demonym_country(span.text) and not gaz.lookup(span.text):
        return demonyms
    entries = gaz.lookup(span.text)
    strong = any(e.feature in STRONG_FEATURES or e.curated for e in entries)
    if _ACRONYM.fullmatch(span.text) and not strong and not _dateline(text, span):
        return False  # "UN" is not Un (India), "AU" not Au (Switzerland)
    if _names_a_holder(text, span) or (not strong and _title_noun(text, span)):
        return False
    for start, end, label in ents:
        if start < span.end and span.start < end:
            if label in PLACE_LABELS:
                return True
            inside_longer = (
                start <= span.start and span.end <= end and (end - start) > len(span.text)
            )
            if label in BLOCKING_LABELS and (inside_longer or not strong):
                if inside_longer:
                    return False
                # The model's label covers less than the gazetteer name ("Amadiya" PRODUCT in
                # "Amadiya district"), or the words before say place ("in Manbij"): keep it.
                return (
                    any(e.curated for e in entries)
                    or (span.start < start or end < span.end)
                    or _place_cue(text, span.start)
                )
    if strong or " " in span.text or "-" in span.text:
        return True
    if span.text.isupper() and len(span.text) > 3 and _dateline(text, span):
        return True  # a dateline: "MANSFIELD -- ..."
    return bool(_LOCATIVE.search(text[max(0, span.start - 20) : span.start]))


def _names_a_holder(text: str, span: Span) -> bool:
    """A name qualifying an office or a period ("the Bush administration", "the Trump era")
    names a person, whatever town shares it; after "Operation" or a ship prefix it names an
    operation or a ship ("Operation Olive Branch", "USS Donald Cook")."""
    before = text[max(0, span.start - 12) : span.start]
    return bool(_HOLDER_NOUN.match(text, span.end)) or bool(_THING_BEFORE.search(before))


def _title_noun(text: str, span: Span) -> bool:
    """A capitalised word between "the" and "of" is a title or a common noun, not a town:
    "the Leader of the Islamic Revolution" (countries and regions are exempt: "the Gulf of
    Aden")."""
    one_word = not any(c in span.text for c in " -")
    return (
        one_word
        and text[max(0, span.start - 4) : span.start].lower() == "the "
        and bool(_OF_AFTER.match(text, span.end))
    )


def _dateline(text: str, span: Span) -> bool:
    return text[span.end : span.end + 3].strip() in DATELINE_MARKS


__all__ = [
    "COMMON_WORDS",
    "Span",
    "candidate_spans",
    "gazetteer_spans",
    "not_places",
]
