"""Drafts: one candidate event with its fields filled from its own sentence.

A draft is mutable while the article is read (context fills missing dates and places,
coreference folds drafts together) and becomes a frozen ``Mention`` at the end. Each field
keeps the article span it came from so the final record carries evidence for every field.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from dateline.annotate import Annotated
from dateline.extract.candidates import Candidate
from dateline.extract.counts import CountSpan, best_count, find_counts
from dateline.extract.date_context import night_before_named_day
from dateline.extract.lexicon import Lexicon, cue_table
from dateline.extract.roles import FoundActor, Mentioned, assign_roles
from dateline.extract.when_where import across_border, pick_timex, pick_toponym
from dateline.records import EVENT_TYPE_OF, Count, DateInterval, Place

#: The draft's cues: ``data/extract/draft_cues.yaml``.
_CUE = cue_table("draft_cues")
#: A clause telling a reply to an event is a second event, never the attack it answers;
#: "in retaliation for the US drone strike" names what is answered, not the answer.
_RESPONSE = _CUE["response"]
_ANSWERED = _CUE["answered"]


def is_response(before_trigger: str) -> bool:
    """Does the clause up to the trigger tell a reply to another event?"""
    return any(
        not _ANSWERED.match(before_trigger[m.start() :]) for m in _RESPONSE.finditer(before_trigger)
    )


#: Characters after a trigger in which a mood cue ("could", "plans to") still governs it.
STATUS_REACH = 25
_CONDITIONAL = _CUE["conditional"]
#: Base confidence by how the candidate was found; tuned by eye on the demo corpus.
CONFIDENCE = {"specific": 0.8, "statement": 0.75, "generic": 0.6, "anaphoric": 0.5}


@dataclass
class Draft:
    """A mention under construction. Spans are (start, end) article offsets."""

    cand: Candidate
    sub_event_type: str
    status: str
    sentence_span: tuple[int, int]
    paragraph: int
    date: DateInterval = field(default_factory=DateInterval.unknown)
    date_span: tuple[int, int] | None = None
    place: Place | None = None
    place_span: tuple[int, int] | None = None
    place_explicit: bool = False
    actors: list[FoundActor] = field(default_factory=list)
    fatalities: CountSpan | None = None
    injured: CountSpan | None = None
    status_span: tuple[int, int] | None = None
    background: bool = False
    background_cue: bool = False
    tags: set[str] = field(default_factory=set)
    event_spans: list[tuple[int, int]] = field(default_factory=list)
    extra_evidence: list[tuple[str, int, int]] = field(default_factory=list)
    headline: bool = False
    undated: bool = False  # no date of its own nor from its paragraph: dated by fallback
    #: dated only by a history sentence before it: it may add to that history, never
    #: stand alone (undated history is not coded)
    join_only: bool = False

    @property
    def event_type(self) -> str:
        return EVENT_TYPE_OF[self.sub_event_type]

    @property
    def anchor(self) -> int:
        return self.cand.trigger_start

    @property
    def date_explicit(self) -> bool:
        return self.date_span is not None

    @property
    def violent(self) -> bool:
        return self.event_type in (
            "Battles",
            "Explosions/Remote violence",
            "Violence against civilians",
        )

    def actor_names(self, *roles: str) -> set[str]:
        return {a.name for a in self.actors if not roles or a.role in roles}


def make_draft(
    ann: Annotated,
    cand: Candidate,
    actors: list[Mentioned],
    lex: Lexicon,
    n_in_sentence: int,
    others: tuple[int, ...] = (),
) -> Draft:
    """Fill a draft's fields from the candidate's own clause and sentence; ``others`` are the
    trigger offsets of the sentence's other events, which keep the places nearest them."""
    text = ann.article.text
    sent = ann.sentences[cand.sentence]
    s_start, s_end = sent.start_char, sent.end_char
    while s_end > s_start and text[s_end - 1].isspace():
        s_end -= 1
    stext = text[s_start:s_end]
    status, status_span = _status(cand, stext, s_start, lex)
    draft = Draft(
        cand,
        cand.sub_event_type,
        status,
        (s_start, s_end),
        ann.paragraph_of(s_start),
        status_span=status_span,
    )
    draft.event_spans.append((s_start, s_end))
    _fill_date(draft, ann, cand, s_start, s_end, n_in_sentence)
    _fill_place(draft, ann, cand, s_start, s_end, n_in_sentence, actors, others)
    draft.actors = assign_roles(cand, stext, s_start, actors, lex, sent)
    if (
        draft.violent
        or cand.kind in ("generic", "anaphoric")
        or cand.sub_event_type.startswith("Protest")
        or cand.sub_event_type == "Excessive force against protesters"
    ):
        lo, hi = (s_start, s_end) if n_in_sentence == 1 else (cand.start, cand.end)
        counts = find_counts(text[lo:hi], lo)
        draft.fatalities = best_count(counts, "fatalities")
        draft.injured = best_count(counts, "injured")
        if draft.fatalities is None and draft.violent:
            draft.fatalities = named_death(ann, lo, hi)
        if draft.fatalities is None and cand.sub_event_type == "Protest with intervention":
            # by definition (ACLED, annotation rules) an intervention killed no one: deaths
            # make it excessive force; the intervention words are the evidence
            draft.fatalities = CountSpan(
                "fatalities", Count(0, 0), cand.trigger_start, cand.trigger_end
            )
    clause = text[cand.start : cand.end]
    cue = lex.background.search(clause)
    # "gathered on the second anniversary of Soleimani's killing": a commemoration is news
    # held on an anniversary, the history it marks is the killing
    marks_history = (
        cue is not None
        and cue.group(0).startswith("anniversary")
        and (draft.event_type == "Protests")
    )
    draft.background_cue = cue is not None and cand.kind != "statement" and not marks_history
    if is_response(text[cand.start : cand.trigger_start]):
        draft.tags.add("response")
    if cand.sub_event_type == "Peaceful protest" and _CUE["commemoration"].search(stext):
        draft.tags.add("commemoration")
    return draft


#: What follows a person's name when that one person died ("Emwazi was killed in ...").
_DIED_AFTER = _CUE["died_after"]


def named_death(ann: Annotated, lo: int, hi: int) -> CountSpan | None:
    """A count of one for a single named person said to have been killed in ``[lo, hi)``."""
    text = ann.article.text
    for ent in ann.doc.ents:
        if ent.label_ != "PERSON" or not (lo <= ent.start_char and ent.end_char <= hi):
            continue
        m = _DIED_AFTER.match(text, ent.end_char, hi)
        if m is not None:
            return CountSpan("fatalities", Count(1, 1), ent.start_char, m.end())
    return None


def _status(
    cand: Candidate, stext: str, offset: int, lex: Lexicon
) -> tuple[str, tuple[int, int] | None]:
    if cand.kind == "statement":
        return cand.status, (cand.trigger_start, cand.trigger_end)
    # a mood cue governs the trigger it precedes or closely follows, not the whole clause
    # ("appealed for help against the threat of attack" is a real appeal)
    lo = cand.start
    hi = min(cand.end, cand.trigger_end + STATUS_REACH)
    window = stext[lo - offset : hi - offset]
    for status in ("planned", "hypothetical", "threatened"):
        m = lex.status[status].search(window)
        if m:
            return status, (lo + m.start(), lo + m.end())
    # "said they would return to the streets if their demands were not met": a future that
    # hangs on a condition is not yet a plan
    if _CONDITIONAL.search(stext[cand.trigger_start - offset : cand.end - offset]):
        return "hypothetical", None
    # an attack someone claimed is still asserted by the outlet (annotation rules): the
    # claim is an Attribution event of its own and a claimant role on this one
    return "asserted", None


def _fill_date(
    draft: Draft, ann: Annotated, cand: Candidate, s_start: int, s_end: int, n_in_sentence: int
) -> None:
    if cand.kind == "anaphoric":
        return  # "the attack" is dated by the event it refers to, not by its sentence
    pub = ann.article.published
    # a planned event is dated in the future; anything else happened by publication
    latest = pub.end if pub.is_known and draft.status != "planned" else None
    text = ann.article.text
    timex = pick_timex(ann.timexes, cand.trigger_start, cand.start, cand.end, latest, text)
    if timex is None and (n_in_sentence == 1 or cand.kind == "statement"):
        timex = pick_timex(ann.timexes, cand.trigger_start, s_start, s_end, latest, text)
    if timex is not None:
        draft.date = timex.interval
        draft.date_span = (timex.start, timex.end)
        day = night_before_named_day(timex, ann.timexes, s_start, s_end)
        if day is not None and day.interval.start is not None:
            night = day.interval.start - dt.timedelta(days=1)
            draft.date = DateInterval.day(
                night, f"'{timex.text}' anchored to '{day.text}' ({day.interval.start})"
            )


def _fill_place(
    draft: Draft,
    ann: Annotated,
    cand: Candidate,
    s_start: int,
    s_end: int,
    n_in_sentence: int,
    actors: list[Mentioned],
    others: tuple[int, ...] = (),
) -> None:
    if cand.kind == "anaphoric":
        return  # "the attack" happened where the event it refers to happened
    text = ann.article.text
    # a name the actor KB knows is an actor, even where a tagger took it for a place; but
    # beside "the border with Mali", "Niger's army" says which side of it the event was on
    owners = across_border(ann.toponyms, text, s_start, s_end)
    toponyms = [
        t
        for t in ann.toponyms
        if not any(
            a.start < t.end
            and t.start < a.end
            and not (owners and a.kb is not None and a.kb.kind == "state_force")
            for a in actors
        )
    ]
    top = pick_toponym(toponyms, text, cand.trigger_start, cand.start, cand.end, others)
    if top is None and n_in_sentence == 1:
        top = pick_toponym(toponyms, text, cand.trigger_start, s_start, s_end, others)
    if top is not None:
        draft.place, draft.place_span, draft.place_explicit = top.place, (top.start, top.end), True


__all__ = ["CONFIDENCE", "Draft", "make_draft"]
