"""Finding event candidates: which sentences (and which clauses of them) report an event.

A candidate is one event told in one clause, found by the trigger lexicon: specific triggers
name a sub-type, generic ones ("killed", "attack") attach to them or stand alone, and
statements (claims, denials, threats) are events of their own. Habitual or plural wording
("a string of attacks on bases") is context, not an event, and yields nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dateline.extract.counts import find_counts
from dateline.extract.lexicon import Lexicon, TriggerRule, cue_table
from dateline.extract.occurrence import HAS_DATE, NUMBER, not_an_occurrence

#: The context cues of ``data/extract/candidate_cues.yaml`` (what each means is told there).
_CUE = cue_table("candidate_cues")
#: Sub-event types whose triggers are bare weapon nouns: they need a verb of use.
_NEEDS_ACTION = _CUE.words("needs_action")
#: Where one clause ends and another, possibly reporting a second event, begins.
CLAUSE_BREAK = _CUE["clause_break"]


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
        or _CUE["action"].search(clause)
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
    if _CUE["family_crime"].search(clause):
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
                    habitual=(habitual and plural) or bool(_CUE["habit_before"].search(before)),
                )
            )
        return out
    generic = [t for t in triggers if t.kind == "generic"]
    for t in generic:
        word = text[t.start - offset : t.end - offset]
        before = text[max(0, t.start - offset - 30) : t.start - offset]
        weak_ok = not _CUE["weak_generic"].match(word) or bool(
            _CUE["definite"].search(before[-15:])
        )
        if (
            _CUE["anaphor"].search(before)
            and weak_ok
            and not _dated_deed(word, before, t, start, end, text, offset)
        ) or _CUE["charged_with"].search(before):
            return [
                Candidate(
                    "Attack",
                    "anaphoric",
                    start,
                    end,
                    t.start,
                    t.end,
                    index,
                    habitual=habitual or bool(_CUE["such_before"].search(before)),
                )
            ]
    for t in generic:
        word = text[t.start - offset : t.end - offset]
        if _CUE["weak_generic"].match(word) or (
            _CUE["plural_generic"].match(word)
            and (habitual or not HAS_DATE.search(text[start - offset : end - offset]))
        ):
            continue
        clause_text = text[start - offset : end - offset]
        if (
            not _CUE["person_harm"].search(clause_text)
            and not word.lower().startswith("attack")
            # "killed 12 nomads": a toll is harm to people, unless they merely died
            and (_CUE["natural_death"].match(word) or not find_counts(clause_text))
        ):
            continue
        after = text[t.end - offset : end - offset]
        sub = "Armed clash" if _CUE["armed_target"].search(after[:80]) else "Attack"
        return [Candidate(sub, "generic", start, end, t.start, t.end, index, habitual=habitual)]
    return []


def _dated_deed(
    word: str, before: str, t: Trigger, start: int, end: int, text: str, offset: int
) -> bool:
    """ "The Taliban killed five soldiers in Kandahar on Monday": a definite subject right
    before an active verb of harm, in a dated clause, tells a deed of its own; "the victims
    were killed" (a passive) and undated "the militants killed them" still refer back."""
    return (
        bool(_CUE["deed_verb"].fullmatch(word))
        and not re.search(r"\b(?:was|were|been|being|is|are)\s+$", before)
        and bool(HAS_DATE.search(text[start - offset : end - offset]))
    )


def _person_noun(text: str, offset: int, t: Trigger) -> bool:
    return bool(_CUE["person_noun"].search(text[t.start - offset : t.end - offset]))


def _support_or_state(text: str, offset: int, t: Trigger, clause: str) -> bool:
    """Support for someone else's action, or a participle describing who is held."""
    before = text[max(0, t.start - offset - 50) : t.start - offset]
    # "forces backed by US drone strikes recaptured the town": a finite verb after the
    # support phrase is the clause's own action, not the support
    if _CUE["support_before"].search(before) and not _CUE["verbal"].match(
        text[t.start - offset : t.end - offset]
    ):
        return True
    word = text[t.start - offset : t.start - offset + 40]
    return (
        bool(_CUE["held_state"].match(word))
        and not _CUE["auxiliary_before"].search(before)
        and not HAS_DATE.search(clause)
    )


def _by_family(triggers: list[Trigger]) -> list[list[Trigger]]:
    """Diplomacy triggers apart from all others: each group yields one candidate."""
    talk = [t for t in triggers if t.rule.sub_event_type == "Diplomatic event"]
    rest = [t for t in triggers if t.rule.sub_event_type != "Diplomatic event"]
    return [g for g in (rest, talk) if g]


def _refers_back(text: str, offset: int, t: Trigger, clause: str) -> bool:
    """Does this trigger name an event told elsewhere ("the rockets were fired from...",
    "accused of firing rockets") rather than report a new one?"""
    before = text[max(0, t.start - offset - 40) : t.start - offset]
    if _CUE["charged_with"].search(before):
        return True
    if _CUE["reacted_to"].search(before):
        return True
    if not _CUE["verbal"].match(text[t.start - offset : t.end - offset]) and (
        _CUE["pronoun_possessor"].search(before[-20:])
        or (
            _CUE["named_possessor"].search(before[-30:])
            and not HAS_DATE.search(clause)
            and not NUMBER.search(clause)
        )
    ):
        return True
    if not _CUE["definite"].search(before[-25:]) or HAS_DATE.search(clause):
        return False
    if _CUE["verbal"].match(text[t.start - offset : t.end - offset]):
        return False  # "the regime took control of Deraa": the definite NP is the subject
    return not _CUE["specified_after"].match(text[t.end - offset : t.end - offset + 30])


def _is_plural_only(text: str, offset: int, triggers: list[Trigger]) -> bool:
    """True when every specific trigger is a bare plural noun ("rockets and drones attacks")."""
    return all(text[t.start - offset : t.end - offset].lower().endswith("s") for t in triggers)


def negated_claim(text: str, m: re.Match[str]) -> bool:
    """ "No group claimed responsibility": a claim cue that reports the absence of a claim."""
    return bool(_CUE["negated_claim"].search(text[: m.start()])) and "claim" in m.group(0).lower()


def _statements(text: str, offset: int, index: int, lex: Lexicon) -> list[Candidate]:
    out = []
    for rule in lex.statements:
        m = rule.pattern.search(text)
        if m is None:
            continue
        if rule.name == "claim" and _CUE["negated_claim"].search(text[: m.start()]):
            continue
        if rule.name == "deny" and not _CUE["denied_about"].search(text[m.start() :]):
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
