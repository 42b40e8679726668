"""Finding event candidates: which sentences (and which clauses of them) report an event.

A candidate is one event told in one clause, found by the trigger lexicon: specific triggers
name a sub-type, generic ones ("killed", "attack") attach to them or stand alone, and
statements (claims, denials, threats) are events of their own. Habitual or plural wording
("a string of attacks on bases") is context, not an event, and yields nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dateline.extract.lexicon import Lexicon, TriggerRule
from dateline.extract.occurrence import HAS_DATE, NUMBER, not_an_occurrence

#: Where one clause ends and another, possibly reporting a second event, begins.
CLAUSE_BREAK = re.compile(
    r";|,\s+and\s+|\s+and\s+(?=(?:American|US|U\.S\.|Israeli|Turkish|coalition|Coalition|"
    r"security|government)\b)|\bin (?:response|retaliation)\b|,\s+prompting\b|\bafter which\b|"
    r"\s+—\s+|,\s+(?=with (?:a |an )?(?:similar|second|third|further|another)\b)"
)
#: A definite noun phrase before a generic trigger; a day named as possessor ("responsibility
#: for Tuesday's attack") is definite too: it points at the event the lead told.
_ANAPHOR = re.compile(
    r"\b(?:the|this|that|these|those|latest|its|"
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun|yester)day[’']s)\s+(?:\w+\s+){0,2}$",
    re.I,
)
#: A definite noun phrase ("the rockets", "the US strikes") names an event already told.
_DEFINITE = re.compile(r"\b(?:the|this|that|these|those|its|their)\s+(?:[\w-]+\s+){0,2}$", re.I)
#: "accused of firing rockets", "arrested over the bombing": the trigger names the event
#: someone is charged with, which the article tells (or told) elsewhere.
_CHARGED_WITH = re.compile(
    r"\b(?:accused|suspected|convicted|charged|responsible|blamed|guilty|arrested|detained)\s+"
    r"(?:of|for|over|in connection with)\s+(?:(?:planning|carrying out|involvement in|"
    r"the|a|an)\s+)?(?:[\w-]+\s+){0,2}$|\bover\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$",
    re.I,
)
#: A relative clause or date right after a definite trigger makes it a new, specified event
#: ("the US drone strike that killed Soleimani in 2020").
_SPECIFIED_AFTER = re.compile(r"^\S*\s+(?:that|which|who|in\s+(?:19|20)\d\d)\b", re.I)
#: A habitual adverb just before a trigger ("has repeatedly protested").
_HABIT_BEFORE = re.compile(
    r"\b(?:repeatedly|regularly|routinely|often|frequently|occasionally|sometimes|usually)\s+"
    r"(?:[\w-]+\s+){0,1}$",
    re.I,
)
#: Targets that are armed: an attack on them is a clash (ACLED Battles), not violence
#: against civilians.
_ARMED_TARGET = re.compile(
    r"\b(?:soldiers?|troops|army|military|checkpoints?|(?:army |military |police )?posts?|"
    r"fighters|militants|police(?:men)?|patrols?|garrison|bases?|positions|forces|"
    r"peshmerga|guards?)\b",
    re.I,
)
_PLURAL_GENERIC = re.compile(r"^(?:attacks|strikes|explosions|blasts|casualties|killings)$", re.I)
_WEAK_GENERIC = re.compile(
    r"^(?:hit|struck|strikes?|blasts?|explosions?|targeting|dead|"
    r"casualties|injured|wounded|injuring|wounding)$",
    re.I,
)
_NEGATED_CLAIM = re.compile(
    r"\b(?:no (?:group|one|faction|organisation|organization)|nobody|"
    r"not (?:yet )?|yet to|never|did not|has not|have not|hasn't|"
    r"without)\b[^.;]{0,40}$",
    re.I,
)
_HAS_DATE = HAS_DATE
#: A denial is an attribution event only when it is about an attack or a role in one.
_DENIED_ABOUT = re.compile(
    r"attack|strike|bomb|rocket|missile|drone|shell|killing|involvement|responsib|role|"
    r"behind|carried out|anything to do",
    re.I,
)
#: Parental abduction and other family crime is not political violence (annotation rules).
_FAMILY_CRIME = re.compile(
    r"\bby (?:their|his|her) (?:own )?(?:father|mother|parents?|husband|wife|family)\b", re.I
)
_PERSON_HARM = re.compile(
    r"\b(?:people|civilians?|soldiers?|fighters?|troops|police(?:men)?|"
    r"officers?|members?|child(?:ren)?|women|men|man|woman|residents|"
    r"protesters|militants?|guards?|contractors?|personnel|"
    r"(?:he|she|they) (?:was|were))\b",
    re.I,
)


#: Support named as a means of someone else's action ("pushed out by Kurdish forces backed by
#: US-led airstrikes", "a ground offensive supported by coalition airstrikes") is part of
#: that action, not an event of its own.
_SUPPORT_BEFORE = re.compile(
    r"\b(?:backed|supported|aided|assisted|covered|helped)\s+by\s+(?:[\w-]+\s+){0,3}$|"
    r"\bwith\s+(?:the\s+)?(?:support|help|backing|cover)\s+of\s+(?:[\w-]+\s+){0,3}$",
    re.I,
)
#: Words for people rather than acts ("children indoctrinated to become suicide bombers"):
#: they report an event only with a verb of use in the clause, like bare weapon nouns.
_PERSON_NOUN = re.compile(r"bombers?$", re.I)
#: "20,000 foreigners detained in north-east Syria": a participle after its noun, followed
#: by a place or a span of time, describes who is held, not an arrest that happened.
_HELD_STATE = re.compile(r"^detained\s+(?:in|at|inside|since|for|by|under|across|without)\b", re.I)
_AUXILIARY_BEFORE = re.compile(r"\b(?:was|were|been|being|is|are|had|has|have|get|got)\s+$", re.I)

#: Weapons named as bare nouns ("the rocket fire endangers...") report an event only with
#: a verb of use in the same clause.
_NEEDS_ACTION = {"Shelling/artillery/missile attack", "Grenade"}
_ACTION = re.compile(
    r"\b(?:struck|strike|hit|hits|fired|fire at|launched|landed|targeted|fell|"
    r"slammed|pounded|killed|killing|wounded|wounding|injured|attack(?:ed|s)?|"
    r"shelled|shelling|exploded|impacted|rained|responded|aimed)\b",
    re.I,
)


@dataclass(frozen=True)
class Trigger:
    start: int
    end: int
    rule: TriggerRule

    @property
    def kind(self) -> str:
        return self.rule.kind


@dataclass(frozen=True)
class Candidate:
    """One event told in one clause. Offsets are into the article text."""

    sub_event_type: str
    kind: str  # specific | generic | anaphoric | statement
    start: int  # clause span
    end: int
    trigger_start: int
    trigger_end: int
    sentence: int  # index into Annotated.sentences
    statement: str | None = None  # claim | deny | threat | condemn
    status: str = "asserted"
    habitual: bool = False


def clauses(text: str, offset: int) -> list[tuple[int, int]]:
    """Clause spans of one sentence (article offsets)."""
    spans, pos = [], 0
    for m in CLAUSE_BREAK.finditer(text):
        spans.append((offset + pos, offset + m.start()))
        pos = m.end()
    spans.append((offset + pos, offset + len(text)))
    return [(s, e) for s, e in spans if e > s]


def find_triggers(text: str, offset: int, lex: Lexicon) -> list[Trigger]:
    """All trigger matches; where two overlap, the more specific (lower rank) wins."""
    found = [
        Trigger(offset + m.start(), offset + m.end(), rule)
        for rule in lex.triggers
        for m in rule.pattern.finditer(text)
    ]
    found.sort(key=lambda t: (t.rule.rank, t.start))
    kept: list[Trigger] = []
    for t in found:
        if not any(t.start < k.end and k.start < t.end for k in kept):
            kept.append(t)
    return sorted(kept, key=lambda t: t.start)


def sentence_candidates(text: str, offset: int, index: int, lex: Lexicon) -> list[Candidate]:
    """Every event candidate of one sentence, in text order."""
    out: list[Candidate] = []
    triggers = find_triggers(text, offset, lex)
    habitual = bool(lex.habitual.search(text))
    for start, end in clauses(text, offset):
        inside = [t for t in triggers if start <= t.start < end]
        out.extend(_clause_candidates(text, offset, start, end, inside, index, habitual))
    out.extend(_statements(text, offset, index, lex))
    return sorted(out, key=lambda c: (c.trigger_start, c.kind))


def _clause_candidates(
    text: str,
    offset: int,
    start: int,
    end: int,
    triggers: list[Trigger],
    index: int,
    habitual: bool,
) -> list[Candidate]:
    specific = [t for t in triggers if t.kind == "specific"]
    clause = text[start - offset : end - offset]
    specific = [
        t
        for t in specific
        if (t.rule.sub_event_type not in _NEEDS_ACTION and not _person_noun(text, offset, t))
        or _ACTION.search(clause)
    ]
    specific = [t for t in specific if not _support_or_state(text, offset, t, clause)]
    triggers = [
        t
        for t in triggers
        if not not_an_occurrence(
            text[max(start, t.start - 80) - offset : t.start - offset],
            text[t.start - offset : t.end - offset],
            text,
            clause,
        )
    ]
    specific = [t for t in specific if t in triggers]
    if _FAMILY_CRIME.search(clause):
        specific = [
            t for t in specific if t.rule.sub_event_type != "Abduction/forced disappearance"
        ]
    if specific:
        fresh = [t for t in specific if not _refers_back(text, offset, t, clause)]
        plural = _is_plural_only(text, offset, specific)
        out = []
        # one event per clause, except that a meeting and what it decided or did are two
        # ("ministers met on Saturday in Moscow, negotiated a deal ... in September")
        for group in _by_family(fresh or specific):
            best = min(group, key=lambda t: (t.rule.rank, t.start))
            before = text[max(0, best.start - offset - 30) : best.start - offset]
            out.append(
                Candidate(
                    best.rule.sub_event_type,
                    "specific" if fresh else "anaphoric",
                    start,
                    end,
                    best.start,
                    best.end,
                    index,
                    habitual=(habitual and plural) or bool(_HABIT_BEFORE.search(before)),
                )
            )
        return out
    generic = [t for t in triggers if t.kind == "generic"]
    for t in generic:
        word = text[t.start - offset : t.end - offset]
        before = text[max(0, t.start - offset - 30) : t.start - offset]
        weak_ok = not _WEAK_GENERIC.match(word) or bool(_DEFINITE.search(before[-15:]))
        if (_ANAPHOR.search(before) and weak_ok) or _CHARGED_WITH.search(before):
            return [
                Candidate(
                    "Attack",
                    "anaphoric",
                    start,
                    end,
                    t.start,
                    t.end,
                    index,
                    habitual=habitual or bool(re.search(r"\bsuch\s+$", before)),
                )
            ]
    for t in generic:
        word = text[t.start - offset : t.end - offset]
        if _WEAK_GENERIC.match(word) or (
            _PLURAL_GENERIC.match(word)
            and (habitual or not _HAS_DATE.search(text[start - offset : end - offset]))
        ):
            continue
        if not _PERSON_HARM.search(
            text[start - offset : end - offset]
        ) and not word.lower().startswith("attack"):
            continue
        after = text[t.end - offset : end - offset]
        sub = "Armed clash" if _ARMED_TARGET.search(after[:80]) else "Attack"
        return [Candidate(sub, "generic", start, end, t.start, t.end, index, habitual=habitual)]
    return []


def _person_noun(text: str, offset: int, t: Trigger) -> bool:
    return bool(_PERSON_NOUN.search(text[t.start - offset : t.end - offset]))


def _support_or_state(text: str, offset: int, t: Trigger, clause: str) -> bool:
    """Support for someone else's action, or a participle describing who is held."""
    before = text[max(0, t.start - offset - 50) : t.start - offset]
    if _SUPPORT_BEFORE.search(before):
        return True
    word = text[t.start - offset : t.start - offset + 40]
    return (
        bool(_HELD_STATE.match(word))
        and not _AUXILIARY_BEFORE.search(before)
        and not _HAS_DATE.search(clause)
    )


def _by_family(triggers: list[Trigger]) -> list[list[Trigger]]:
    """Diplomacy triggers apart from all others: each group yields one candidate."""
    talk = [t for t in triggers if t.rule.sub_event_type == "Diplomatic event"]
    rest = [t for t in triggers if t.rule.sub_event_type != "Diplomatic event"]
    return [g for g in (rest, talk) if g]


#: Triggers that are finite verbs: a definite noun phrase before them is their subject,
#: not a reference to an event told before.
_VERBAL = re.compile(
    r"^(?:took|seized|captured|overran|gained|wrested|retook|recaptured|regained|liberated|"
    r"drove|pushed|invaded|stormed|torched|struck|fired|launched|shelled|bombed|ambushed|"
    r"kidnapped|abducted|arrested|detained|executed|beheaded|stabbed|clashed|rallied|marched|"
    r"protested|demonstrated)\b",
    re.I,
)


#: A possessor before an event noun makes it given information: "after his arrest in July"
#: (a pronoun: the person's arrest the article told, dated or not), "Turkey's recent military
#: incursion" (a named possessor: given when the clause neither dates nor counts it).
_PRONOUN_POSSESSOR = re.compile(r"\b(?:his|her)\s+(?:[\w-]+\s+){0,1}$", re.I)
#: The object of a reaction ("condemned the US strikes on Saturday"): the date is the
#: reaction's, and the event is the one the article told.
_REACTED_TO = re.compile(
    r"\b(?:condemned|condemns|denounced|denounces|critici[sz]ed|welcomed|praised|defended|"
    r"justified|mourned|protested against|responded to|retaliated for)\s+"
    r"(?:the|these|those|this|that)\s+(?:[\w.-]+\s+){0,2}$",
    re.I,
)
_NAMED_POSSESSOR = re.compile(r"\b[A-Z][\w-]+[’']s\s+(?:[\w-]+\s+){0,2}$")


def _refers_back(text: str, offset: int, t: Trigger, clause: str) -> bool:
    """Does this trigger name an event told elsewhere ("the rockets were fired from...",
    "accused of firing rockets") rather than report a new one?"""
    before = text[max(0, t.start - offset - 40) : t.start - offset]
    if _CHARGED_WITH.search(before):
        return True
    if _REACTED_TO.search(before):
        return True
    if not _VERBAL.match(text[t.start - offset : t.end - offset]) and (
        _PRONOUN_POSSESSOR.search(before[-20:])
        or (
            _NAMED_POSSESSOR.search(before[-30:])
            and not _HAS_DATE.search(clause)
            and not NUMBER.search(clause)
        )
    ):
        return True
    if not _DEFINITE.search(before[-25:]) or _HAS_DATE.search(clause):
        return False
    if _VERBAL.match(text[t.start - offset : t.end - offset]):
        return False  # "the regime took control of Deraa": the definite NP is the subject
    return not _SPECIFIED_AFTER.match(text[t.end - offset : t.end - offset + 30])


def _is_plural_only(text: str, offset: int, triggers: list[Trigger]) -> bool:
    """True when every specific trigger is a bare plural noun ("rockets and drones attacks")."""
    return all(text[t.start - offset : t.end - offset].lower().endswith("s") for t in triggers)


def negated_claim(text: str, m: re.Match[str]) -> bool:
    """ "No group claimed responsibility": a claim cue that reports the absence of a claim."""
    return bool(_NEGATED_CLAIM.search(text[: m.start()])) and "claim" in m.group(0).lower()


def _statements(text: str, offset: int, index: int, lex: Lexicon) -> list[Candidate]:
    out = []
    for rule in lex.statements:
        m = rule.pattern.search(text)
        if m is None:
            continue
        if rule.name == "claim" and _NEGATED_CLAIM.search(text[: m.start()]):
            continue
        if rule.name == "deny" and not _DENIED_ABOUT.search(text[m.start() :]):
            continue
        out.append(
            Candidate(
                rule.sub_event_type,
                "statement",
                offset,
                offset + len(text),
                offset + m.start(),
                offset + m.end(),
                index,
                rule.name,
                rule.status,
                habitual=bool(lex.habitual.search(text)),
            )
        )
    return out


__all__ = [
    "Candidate",
    "Trigger",
    "clauses",
    "find_triggers",
    "negated_claim",
    "sentence_candidates",
]
