"""Reading one article: sentences -> candidates -> drafts -> context -> coreference -> mentions.

Page furniture ("Share on Facebook", "Advertisement") is skipped; photo captions and the
headline are read, but their drafts only join events the body tells (they are evidence,
never a second copy of an event).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from dateline.annotate import Annotated, annotate
from dateline.extract.candidates import Candidate, sentence_candidates
from dateline.extract.conventions import (
    DIPLOMATS,
    diplomacy_place,
    quoted_spans,
    settle_territory,
)
from dateline.extract.corefer import merge_drafts
from dateline.extract.date_context import elapsed_before, history_told_before, ongoing_since
from dateline.extract.draft import Draft, make_draft
from dateline.extract.finalize import to_mention
from dateline.extract.lexicon import cue_table, lexicon
from dateline.extract.roles import Mentioned, learn_parents, may_link, mentioned_actors
from dateline.extract.when_where import (
    Grounded,
    dateline_place,
    inherited,
    is_background,
    lower_precision,
    undated,
)
from dateline.ground.actors import ActorKB, default_kb
from dateline.records import Article, DateInterval, Mention, Place

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: Page furniture and caption labels: ``data/extract/article_cues.yaml``.
_CUE = cue_table("article_cues")
_BOILERPLATE = _CUE["boilerplate"]
_CAPTION = _CUE["caption"]


def extract_article(
    article: Article, doc: Doc | None = None, *, kb: ActorKB | None = None
) -> list[Mention]:
    """Every event mention of one article, merged within the article, in text order."""
    ann = annotate(article, doc)
    kb = kb or default_kb()
    drafts, parents = _drafts(ann, kb)
    _apply_context(ann, drafts)
    # history is coded only when the article dates it (annotation rules): an undated
    # background mention ("earlier rocket attacks") is context, not an event
    drafts = [d for d in drafts if not (d.background and d.undated and not d.headline)]
    merged = merge_drafts(drafts)
    for d in merged:
        settle_territory(d, ann.article.text, kb)
    mentions = [to_mention(ann, d, kb, parents) for d in merged]
    return [m for m in mentions if m is not None]


def _drafts(ann: Annotated, kb: ActorKB) -> tuple[list[Draft], dict[str, tuple[str, int, int]]]:
    lex = lexicon()
    text = ann.article.text
    skip, captions = _furniture(ann)
    headline_end = _headline_end(ann.article)
    drafts: list[Draft] = []
    parents: dict[str, tuple[str, int, int]] = {}
    quotes: dict[int, list[tuple[int, int]]] = {}
    for i, sent in enumerate(ann.sentences):
        para = ann.paragraph_of(sent.start_char)
        if para in skip:
            continue
        stext = text[sent.start_char : sent.end_char]
        if not ann.may_report(stext):
            # no trigger or cue (the gate's test): no candidate; its actors only count
            # when it states a front's parent
            if may_link(stext):
                parents.update(
                    learn_parents(text, mentioned_actors(stext, sent.start_char, kb, lex))
                )
            continue
        actors: list[Mentioned] = mentioned_actors(stext, sent.start_char, kb, lex)
        parents.update(learn_parents(text, actors))
        if para not in quotes:
            quotes[para] = quoted_spans(text, *ann.paragraphs[para])
        cands = [
            c
            for c in sentence_candidates(stext, sent.start_char, i, lex)
            if not c.habitual
            # a quote reports no new event, but "the attack caused no casualties" in one adds
            # to the event the article told
            and (
                c.kind == "anaphoric" or not any(s <= c.trigger_start < e for s, e in quotes[para])
            )
        ]
        cands = _claimed_references(cands, stext, sent.start_char)
        n_events = sum(1 for c in cands if c.kind != "statement")
        triggers = tuple(c.trigger_start for c in cands if c.kind != "statement")
        for cand in cands:
            draft = make_draft(ann, cand, actors, lex, max(1, n_events), triggers)
            if draft.status == "hypothetical":
                continue  # what could or might happen is not an event (annotation rules)
            draft.headline = para in captions or sent.start_char < headline_end
            if draft.event_type == "Diplomacy":
                if cand.kind == "specific" and not _by_diplomats(stext, actors, ann, cand):
                    continue  # "the family travelled to London" is not diplomacy
                diplomacy_place(draft, text, ann.toponyms, actors)
            drafts.append(draft)
    return drafts, parents


def _claimed_references(cands: list[Candidate], stext: str, offset: int) -> list[Candidate]:
    """ "IS claimed the bombing in Kabul on Tuesday that killed 30": a definite reference in a
    claim or denial that names where it happened is read like a sentence telling the attack,
    so its own date, place and toll are kept; coreference still joins it to the attack if the
    article told it before. "claimed the attack on Thursday" names no place: its date is the
    claim's, and the reference only adds to the attack told elsewhere."""
    claims = [c for c in cands if c.statement in ("claim", "deny")]
    if not claims:
        return cands
    out = []
    for c in cands:
        after = stext[c.trigger_end - offset : c.end - offset]
        if c.kind == "anaphoric" and (
            _NAMES_ITS_PLACE.match(after) or _placed_antecedent(stext, offset, claims[0], c)
        ):
            c = replace(c, kind="generic")
        out.append(c)
    return out


def _placed_antecedent(stext: str, offset: int, claim: Candidate, c: Candidate) -> bool:
    """ "claimed an attack in northern Burkina Faso that killed 22 soldiers": the trigger is
    a relative clause on the claimed attack, whose noun phrase names its place."""
    if c.trigger_start <= claim.trigger_end:
        return False
    between = stext[claim.trigger_end - offset : c.trigger_start - offset]
    return bool(_RELATIVE_END.search(between)) and bool(_LOCATIVE_NAME.search(between))


#: Right after a trigger, the place it happened: "the bombing in Kabul", "the attack on
#: Erbil airport", "an attack in northern Burkina Faso" (a capitalised name after a locative
#: preposition, perhaps with a compass word between).
_LOCATIVE = (
    r"\s+(?:in|on|at|near|against)\s+(?:the\s+)?"
    r"(?:(?:north|south)?-?(?:east|west)?(?:ern)?\s+|central\s+|(?:far|remote)\s+)?"
    r"(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|"
    r"July|August|September|October|November|December)[A-Z]"
)
_NAMES_ITS_PLACE = re.compile(r"^(?:\s+[\w-]+){0,2}?" + _LOCATIVE)
#: A locative name anywhere in a stretch, and a relative pronoun ending it ("... that").
_LOCATIVE_NAME = re.compile(_LOCATIVE)
_RELATIVE_END = re.compile(r"\b(?:that|which)(?:\s+[a-z]+ly)?\s*$")


def _by_diplomats(stext: str, actors: list[Mentioned], ann: Annotated, cand: Candidate) -> bool:
    """Office holders, governments or armed parties in the sentence; a country named before
    the trigger is its government ("the United Arab Emirates reopened its embassy")."""
    if DIPLOMATS.search(stext) or any(
        a.kb is not None and a.kb.kind in ("official", "organisation", "state_force")
        for a in actors
    ):
        return True
    lo = ann.sentences[cand.sentence].start_char
    return any(
        max(lo, cand.trigger_start - 40) <= t.start < cand.trigger_start
        and t.place is not None
        and t.place.precision >= 3
        for t in ann.toponyms
    )


def _furniture(ann: Annotated) -> tuple[set[int], set[int]]:
    """Paragraph indexes that are page furniture (skipped) and captions (evidence only)."""
    text = ann.article.text
    skip, captions = set(), set()
    for i, (start, end) in enumerate(ann.paragraphs):
        para = text[start:end]
        if _BOILERPLATE.match(para) or len(para.split()) <= 2:
            skip.add(i)
        elif _CAPTION.match(para):
            captions.add(i)
    return skip, captions


def _headline_end(article: Article) -> int:
    """End offset of the headline when the stored text starts with it, else 0."""
    title = (article.title or "").strip()
    if title and article.text.lstrip().startswith(title):
        return article.text.index(title) + len(title)
    return 0


def _apply_context(ann: Annotated, drafts: list[Draft]) -> None:
    """Fill dates and places a sentence does not state from the paragraph, then the lead."""
    published = ann.article.published
    lead: Draft | None = None
    previous: dict[int, Draft] = {}
    fallback_place = dateline_place(ann.article.text, ann.toponyms)
    for d in sorted(drafts, key=lambda d: d.anchor):
        if d.cand.kind == "anaphoric":
            continue
        prev = previous.get(d.paragraph)
        if prev is not None and (
            (prev.status == "planned" and d.status != "planned")
            or (prev.background and d.cand.kind == "statement")
        ):
            prev = None  # a plan is not yet; a statement is news, not the history before it
        news = lead.date if lead is not None and lead.date.is_known else published
        elapsed = None if d.date_explicit else elapsed_before(ann.article.text, d, news)
        if elapsed is not None:
            d.date, d.date_span = elapsed.value, (elapsed.start, elapsed.end)
        told = None if d.date_explicit else _told_after_history(ann, d, prev)
        if told is not None:
            # the narrative is in the past: history of unknown date, never the week's news
            d.date = DateInterval.unknown(
                f"no date expression; told after '{told.text}', history before publication"
            )
            d.undated = d.background_cue = True
        elif not d.date_explicit:
            if prev is not None and prev.date.is_known:
                d.date = inherited(prev.date, "date of the previous event in the paragraph")
                # history told around a news event ("before the Afrin assault, ... launched
                # an attack") is not dated by that event: its own date is unknown
                d.undated = d.background_cue and not prev.background
                d.background_cue = d.background_cue or prev.background
                # a later sentence dated only by history is history of unknown date
                d.join_only = prev.background and prev.sentence_span != d.sentence_span
            elif (
                lead is not None
                and not d.background_cue
                and lead.date.is_known
                and d.cand.kind != "statement"  # undated statements: the week to publication
            ):
                d.date = inherited(lead.date, "date of the article's lead event")
                d.undated = True
            elif d.status == "planned":
                d.date = DateInterval.unknown("planned, and the article gives no date for it")
            else:
                d.date = undated(published)
                d.undated = True
        if (lasting := ongoing_since(ann.article.text, d)) is not None:
            d.date = lasting
        if d.place is None:
            source = prev if prev is not None and prev.place else lead
            if source is not None and source.place is not None:
                d.place, d.place_span = lower_precision(source.place), source.place_span
            elif fallback_place is not None:
                d.place, d.place_span = (
                    fallback_place.value,
                    (fallback_place.start, fallback_place.end),
                )
            elif d.cand.statement not in ("claim", "deny"):
                _group_country(d)  # a claim first takes its attack's place, below
        if d.date_explicit:  # a stated date decides: recent is news, old is history
            d.background = is_background(d.date, published, False)
        else:
            d.background = d.background_cue
        previous[d.paragraph] = d
        if lead is None and not d.background and not d.headline and d.cand.kind != "statement":
            lead = d
    _attribution_places(drafts, fallback_place)


def _told_after_history(ann: Annotated, d: Draft, prev: Draft | None) -> Any | None:
    """The old date told in the paragraph after the previous event and before ``d``'s
    sentence, when that is the last date the reader was given; statements are news."""
    if d.cand.kind in ("statement", "anaphoric") or d.status == "planned":
        return None
    lo = ann.paragraphs[d.paragraph][0]
    if prev is not None:
        lo = max(lo, prev.sentence_span[1])
    hi = d.sentence_span[0]
    if hi <= lo:
        return None
    text = ann.article.text
    return history_told_before(ann.timexes, text, lo, hi, ann.article.published)


def _attribution_places(drafts: list[Draft], fallback: Grounded | None) -> None:
    """A claim or denial takes the place of the attack it is about (annotation rules), not
    the dateline ("DUBAI (Gulf Dispatch) — A group has claimed a rocket attack in western
    Iraq"): the attack in its own sentence first, else the nearest attack told before it."""
    dateline_span = (fallback.start, fallback.end) if fallback is not None else None
    attacks = [
        d for d in drafts if d.violent and d.place is not None and d.place_span != dateline_span
    ]
    for d in drafts:
        if d.cand.statement not in ("claim", "deny"):
            continue
        if d.place is not None and d.place_span != dateline_span:
            continue  # a place of its own
        same = [a for a in attacks if a.sentence_span == d.sentence_span]
        earlier = [a for a in attacks if a.anchor < d.anchor]
        source = (same or earlier or [None])[-1]
        if source is not None and source.place is not None:
            d.place, d.place_span = source.place, source.place_span
        elif d.place is None:
            _group_country(d)  # no attack told: the claimant's country, as for any event


def _group_country(d: Draft) -> None:
    """Last resort for an event with no place at all: the country of the armed group that
    acted ("captured in February by Syrian Kurdish fighters" happened in Syria). State forces
    are left out: they act abroad too often for their flag to say where."""
    for a in d.actors:
        if a.kb is not None and a.kb.kind in ("armed_group", "front") and a.kb.country:
            from dateline.extract.finalize import country_name

            name = country_name(a.kb.country) or a.kb.country
            d.place = Place(name, a.kb.country, None, None, None, 3, None)
            d.place_span = (a.start, a.end)
            return


__all__ = ["extract_article"]
