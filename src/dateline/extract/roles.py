"""Who did what to whom: actors of a candidate event and their roles, each with a text span.

Actors are found by the actor knowledge base (exact aliases), by nationality words that name
a state's forces ("a US drone strike"), and by "a group calling itself X" for names the KB
does not know yet. The role comes from where the actor stands relative to the trigger and
to cue words: subject of a claim -> claimant, object of "blamed" -> suspected, and so on.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dateline.extract.candidates import Candidate, negated_claim
from dateline.extract.lexicon import Lexicon, cue_table
from dateline.ground.actors import ActorKB, KBActor, default_kb

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

#: The context cues of ``data/extract/role_cues.yaml`` (what each means is told there).
_CUE = cue_table("role_cues")
#: Tags of a pronoun subject, and indefinite pronouns the tagger calls NN (``_is_pronoun``).
_PRONOUN_TAGS = _CUE.words("pronoun_tags")
_INDEFINITE = _CUE.words("indefinite")


@dataclass(frozen=True)
class FoundActor:
    """An actor in a role, with the article span naming it and its KB entry if any."""

    name: str
    role: str
    start: int
    end: int
    kb: KBActor | None = None
    attributed_by: str | None = None


@dataclass(frozen=True)
class Mentioned:
    """A name occurrence in the sentence: a KB actor, a state force, or a self-named group."""

    start: int
    end: int
    name: str
    kb: KBActor | None


def mentioned_actors(text: str, offset: int, kb: ActorKB, lex: Lexicon) -> list[Mentioned]:
    """Every actor name in a sentence, in text order (article offsets)."""
    found = [Mentioned(offset + s, offset + e, a.name, a) for s, e, a in kb.match(text)]
    for pattern, kb_id in lex.state_forces:
        for m in pattern.finditer(text):
            tail = _CUE["force_tail"].match(text[m.end() : m.end() + 40])
            if tail is None:
                continue
            start, end = offset + m.start(), offset + m.end()
            if tail.group("poss"):  # "Syria's military": the force is the whole phrase
                end += tail.end()
            if not any(f.start <= start < f.end for f in found) and kb.get(kb_id):
                actor = kb.get(kb_id)
                assert actor is not None
                found.append(Mentioned(start, end, actor.name, actor))
    for m in _CUE["national_force"].finditer(text):
        start, end = offset + m.start(), offset + m.end()
        force = national_force(m.group("demonym"), m.group("noun"))
        if force is not None and not any(f.start < end and start < f.end for f in found):
            found.append(Mentioned(start, end, force.name, force))
    for m in _CUE["calling_itself"].finditer(text):
        start, end = offset + m.start("name"), offset + m.end("name")
        if not any(f.start < end and start < f.end for f in found):
            resolved = kb.resolve(m.group("name"))
            found.append(
                Mentioned(start, end, resolved.name if resolved else m.group("name"), resolved)
            )
    return sorted(found, key=lambda f: f.start)


def national_force(demonym: str, noun: str) -> KBActor | None:
    """The state force a nationality or a country's name names ("Nigerian troops", "Niger's
    army" -> Military Forces of Nigeria, of Niger; "Turkish army-led" -> the KB's Turkish
    Armed Forces where the KB lists the country's army); None for an unknown word. The id is
    stable per country, so reports of one army merge as if it were in the KB."""
    from dateline.extract.finalize import country_name, state_force_name
    from dateline.ground.place import default_gazetteer

    gaz = default_gazetteer()
    cc = gaz.demonym_country(demonym) or next(
        (e.country_code for e in gaz.lookup(demonym) if e.feature == "country"), None
    )
    country = country_name(cc) if cc else None
    if cc is None or country is None:
        return None
    police = noun.startswith(("police", "gendarme"))
    kind = "Police" if police else "Military"
    army = None if police else default_kb().national_army(cc)
    if army is not None:  # "the Turkish army-led attempt": the army the KB already lists
        return army
    return KBActor(
        f"{kind.lower()}_forces_{cc.lower()}",
        state_force_name(kind, country),
        (),
        "state_force",
        cc,
        None,
        "ACLED codebook naming of state forces (dateline lexicon)",
    )


def assign_roles(
    cand: Candidate,
    text: str,
    offset: int,
    actors: list[Mentioned],
    lex: Lexicon,
    sent: Span | None = None,
) -> list[FoundActor]:
    """Roles of the actors of one sentence for one candidate event."""
    if cand.statement:
        return _statement_roles(cand, text, offset, actors)
    out: list[FoundActor] = []
    sus = lex.suspicion.search(text)
    attributor = _attributor(text, sus.start(), sent, offset) if sus else None
    suspects = _suspects(text, offset, actors, sus.end()) if sus else set()
    speech = [
        m for r in lex.statements if (m := r.pattern.search(text)) and not negated_claim(text, m)
    ]
    trigger = text[cand.trigger_start - offset : cand.trigger_end - offset]
    opener = _CUE["opener"].search(text[: cand.trigger_start - offset])
    for a in actors:
        if sus and a.start >= offset + sus.end():
            if a.start not in suspects:
                continue
            if _CUE["part_of"].search(text[max(0, a.start - offset - 30) : a.start - offset]):
                continue  # "KH, a faction within the PMF": the PMF is not accused
            out.append(FoundActor(a.name, "suspected", a.start, a.end, a.kb, attributor))
            continue
        if speech or not (cand.start <= a.start < cand.end):
            continue  # in "X denied/claimed the attack", X is not named as its perpetrator
        if sus and a.end - offset <= sus.start() < cand.trigger_start - offset:
            continue  # in "Iraqi officials blamed KH for the attack", the officials accuse
        before = text[max(0, a.start - offset - 40) : a.start - offset]
        if _CUE["source_after"].match(text[a.end - offset :]) or _CUE["source_before"].search(
            before
        ):
            continue  # who reports the event is not who did it
        if _CUE["relation_by"].search(before) or _apposed(text, offset, a):
            continue  # "an area controlled by X", "SDF fighters backed by the coalition"
        if opener and a.end - offset <= opener.start():
            continue  # subject of another clause ("X stepped up patrols after the attack")
        if _CUE["facility_after"].match(text[a.end - offset :]) and _CUE["article_before"].search(
            before
        ):
            out.append(FoundActor(a.name, "target", a.start, a.end, a.kb))
            continue
        if _CUE["abbreviation"].search(before) and any(
            b.kb is not None and b.kb is a.kb and b.end < a.start for b in actors
        ):
            continue  # "the Kurdistan Workers' Party (PKK)": the long form already decided
        if _CUE["harmed_before"].search(before):
            out.append(FoundActor(a.name, "target", a.start, a.end, a.kb))
            continue  # "troops killed 20 Boko Haram fighters in an ambush"
        if a.end <= cand.trigger_start and _agent_of_other_verb(text, offset, cand, a, actors):
            continue  # "overrun by IS in 2014 and recaptured by Iraqi forces"
        if a.start < cand.trigger_end or _CUE["agent_before"].search(before):
            if (_CUE["target_before"].search(before) or _CUE["of_before"].search(before)) and (
                a.end > cand.trigger_start or not _CUE["unit_of_subject"].search(before)
            ):
                continue
            if a.end <= cand.trigger_start and _CUE["passive_trigger"].match(trigger):
                # "Peshmerga forces ... were pushed out by the Iraqi army": the subject of a
                # passive lost the place; the agent after "by" took it
                out.append(FoundActor(a.name, "target", a.start, a.end, a.kb))
                continue
            role = "participant" if cand.sub_event_type == "Peaceful protest" else "perpetrator"
            if _CUE["passive_harm"].search(
                text[a.end - offset : max(a.end - offset, cand.trigger_start - offset)]
            ):
                role = "victim" if a.kb is None or a.kb.kind == "official" else "target"
            out.append(FoundActor(a.name, role, a.start, a.end, a.kb))
        elif _CUE["target_before"].search(before) or _killed_of(text, offset, cand, a):
            out.append(FoundActor(a.name, "target", a.start, a.end, a.kb))
    out = _nearest_agent(out, text, offset, cand)
    out.extend(_statement_parties(text, offset, actors, lex))
    return out


def _nearest_agent(
    out: list[FoundActor], text: str, offset: int, cand: Candidate
) -> list[FoundActor]:
    """A force named right before the event noun ("the Russian-approved Turkish occupation
    of Afrin") is its perpetrator; subjects of other verbs earlier in the sentence are not."""
    perps = [a for a in out if a.role == "perpetrator" and a.end <= cand.trigger_start]
    adjacent = [
        a
        for a in perps
        if re.fullmatch(r"[\s\w-]{0,25}", text[a.end - offset : cand.trigger_start - offset])
    ]
    if not adjacent:
        return out
    return [a for a in out if a not in perps or a in adjacent]


def _agent_of_other_verb(
    text: str, offset: int, cand: Candidate, a: Mentioned, actors: list[Mentioned]
) -> bool:
    """A passive agent ("by X") before the trigger when the trigger has its own agent right
    after it: X is the agent of the earlier verb."""
    if not _CUE["by_agent"].search(text[: a.start - offset]):
        return False
    return any(
        b.start >= cand.trigger_end
        and b.start - cand.trigger_end < 40
        and _CUE["agent_before"].search(text[max(0, b.start - offset - 40) : b.start - offset])
        for b in actors
    )


def _apposed(text: str, offset: int, a: Mentioned) -> bool:
    return bool(_CUE["apposed"].search(text[max(0, a.start - offset - 40) : a.start - offset]))


def _suspects(text: str, offset: int, actors: list[Mentioned], cue_end: int) -> set[int]:
    """Starts of the actors a suspicion names: the first after the cue and any joined to it
    by "and"/"or" ("blamed KH and AAH"), not every actor later in the sentence."""
    after = [a for a in actors if a.start >= offset + cue_end]
    chosen: set[int] = set()
    for i, a in enumerate(after):
        if i == 0:
            gap = text[cue_end : a.start - offset]
            if len(gap) > 40:
                break
        elif not _CUE["coordination"].fullmatch(text[after[i - 1].end - offset : a.start - offset]):
            break
        chosen.add(a.start)
    return chosen


def _killed_of(text: str, offset: int, cand: Candidate, a: Mentioned) -> bool:
    """'killed at least four fighters of Kataib Hezbollah': the group is the target."""
    between = text[cand.trigger_end - offset : a.start - offset]
    return (
        bool(_CUE["killed_verb"].search(text))
        and len(between) < 60
        and bool(_CUE["of_between"].search(between))
    )


#: The role a claim or a denial in an event's sentence gives its speaker on that event.
_PARTY_ROLE = {"claim": "claimant", "deny": "denier"}


def _statement_parties(
    text: str, offset: int, actors: list[Mentioned], lex: Lexicon
) -> list[FoundActor]:
    """Who claimed or denied the event told in the same sentence ("IS claimed the attack",
    "The Taliban denied involvement in the attack"): the actor named last before the cue.
    A denial is about the event as much as a claim is (event record: ``denier``), so the
    event keeps both, each next to the Attribution event of its own."""
    found = []
    for rule in lex.statements:
        role = _PARTY_ROLE.get(rule.name)
        m = rule.pattern.search(text) if role else None
        if m is None or negated_claim(text, m):
            continue
        before = [
            a for a in actors if a.end <= offset + m.start() and not _apposed(text, offset, a)
        ]
        if before:
            a = before[-1]
            found.append(FoundActor(a.name, role, a.start, a.end, a.kb))
    return found


def _statement_roles(
    cand: Candidate, text: str, offset: int, actors: list[Mentioned]
) -> list[FoundActor]:
    role = {"claim": "claimant", "deny": "denier"}.get(cand.statement or "", "speaker")
    before = [a for a in actors if a.end <= cand.trigger_start and not _apposed(text, offset, a)]
    after = [a for a in actors if a.start >= cand.trigger_end]
    if cand.statement in ("threat", "condemn"):
        people = [a for a in before if a.kb is None or a.kb.kind == "official"]
        before = people or before
    before = [
        a
        for a in before
        if not _CUE["boundary"].search(text[a.end - offset : cand.trigger_start - offset])
    ]
    chosen = before[-1] if before else (after[0] if after and cand.statement == "claim" else None)
    if chosen is None:
        return []
    found = [FoundActor(chosen.name, role, chosen.start, chosen.end, chosen.kb)]
    if cand.statement == "threat":
        # "vowed revenge against the US", "threatened American forces": whom the threat is
        # aimed at, the first other party named after the verb in the same clause
        aimed = [
            a
            for a in after
            if a.start < cand.end
            and a.name != chosen.name
            and not _apposed(text, offset, a)
            and not _CUE["boundary"].search(text[cand.trigger_end - offset : a.start - offset])
        ]
        if aimed:
            a = aimed[0]
            found.append(FoundActor(a.name, "target", a.start, a.end, a.kb))
    return found


def _attributor(text: str, cue_start: int, sent: Span | None, offset: int) -> str | None:
    """Who blamed someone: the subject of the cue verb (or of the verb governing it, when
    that subject is a pronoun: "officials ... said they suspect X"), else the noun phrase
    just before the cue."""
    if sent is not None:
        found = _parsed_subject(sent, offset + cue_start)
        if found:
            return found
    m = _CUE["subject"].search(text[:cue_start])
    if not m:
        return None
    np = _CUE["subject_quantifier"].sub("", m["np"])
    np = _CUE["subject_tail"].sub("", np)
    if _CUE["not_attributor"].match(np):
        return None
    return np.strip() or None


def _is_pronoun(subject: Token) -> bool:
    """``subject.pos_ == "PRON"`` for a subject, from the tagger's ``tag_`` alone.

    The pipeline runs without spaCy's attribute ruler (its Matcher cost more than a tenth
    of the parse, and this is the only place dateline reads a coarse POS); this mirrors the
    ruler's rules for a token whose dependency is nsubj or nsubjpass.
    """
    return not subject.is_space and (
        subject.tag_ in _PRONOUN_TAGS or (subject.tag_ == "NN" and subject.lower_ in _INDEFINITE)
    )


def _parsed_subject(sent: Span, cue: int) -> str | None:
    tok = next((t for t in sent if t.idx >= cue), None)
    for _ in range(4):
        if tok is None:
            return None
        subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subj and not _is_pronoun(subj[0]):
            words = [t for t in subj[0].subtree if t.i <= subj[0].i]
            words = [t for t in words if t.dep_ not in ("det", "nummod", "punct")]
            np = " ".join(t.text for t in words)
            return None if _CUE["not_attributor"].match(np) else np
        tok = tok.head if tok.head is not tok else None
    return None


def may_link(text: str) -> bool:
    """Whether ``text`` words a front-to-parent link at all: without one, a sentence's
    actors teach ``learn_parents`` nothing and need not be looked up."""
    return _CUE["front_link"].search(text) is not None


def learn_parents(text: str, actors: list[Mentioned]) -> dict[str, tuple[str, int, int]]:
    """Front-to-parent links stated in the text: "Ahl al-Kahf, formed by al-Nujaba".

    Returns ``{front name: (parent name, evidence start, evidence end)}`` (article offsets
    when ``actors`` carry them and ``text`` is the article text).
    """
    links: dict[str, tuple[str, int, int]] = {}
    for a, b in itertools.pairwise(actors):
        between = text[a.end : b.start]
        if len(between) < 60 and _CUE["front_link"].fullmatch(between):
            links[a.name] = (b.name, a.start, b.end)
    return links


__all__ = [
    "FoundActor",
    "Mentioned",
    "assign_roles",
    "learn_parents",
    "may_link",
    "mentioned_actors",
]
