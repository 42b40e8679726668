"""Coding conventions that need more than a trigger word: quotes, territory, diplomacy places.

Each rule here is one line of ``docs/annotation.md`` turned into code, so the analyst's
convention and the extractor's behaviour can be compared side by side:

* words inside a reported quotation are the speaker's opinion or story, not the outlet's
  report of an event ("“They raped me every day,” she recounts");
* who captured a place decides between ``Government regains territory`` (the country's own
  forces) and ``Non-state actor overtakes territory`` (anyone else, a foreign army included);
* a diplomatic event is located where the meeting or statement happened when the article
  says so ("met in Moscow"), else at the speaker's country without a point.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from dateline.extract.lexicon import cue_table
from dateline.records import Place

if TYPE_CHECKING:
    from dateline.extract.draft import Draft
    from dateline.extract.roles import Mentioned
    from dateline.ground.actors import ActorKB, KBActor

#: A quotation this long (in words) is a speaker's account; shorter ones are scare quotes
#: around a term ('what the Pentagon called "precision strikes"') and stay part of the report.
MIN_QUOTE_WORDS = 6
_OPEN = {"“": "”", '"': '"', "«": "»"}
#: The conventions' cues: ``data/extract/convention_cues.yaml``.
_CUE = cue_table("convention_cues")
#: "met in Moscow": a venue of a diplomatic event.
_LOCATIVE = _CUE["venue"]
_REGAINS = "Government regains territory"
#: Unnamed government forces in a capture clause ("the regime took over Aleppo").
_OWN_FORCES = _CUE["own_forces"]
#: Who makes a sentence about talks, visits or appeals a diplomatic event: office holders,
#: governments and their envoys, or the parties to a conflict.
DIPLOMATS = _CUE["diplomats"]
_OVERTAKES = "Non-state actor overtakes territory"


def quoted_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of ``text[start:end]`` (a paragraph) inside long or unclosed quotations."""
    spans: list[tuple[int, int]] = []
    i = start
    while i < end:
        close = _OPEN.get(text[i])
        if close is None:
            i += 1
            continue
        j = text.find(close, i + 1, end)
        stop = end if j < 0 else j + 1
        if j < 0 or len(text[i:stop].split()) >= MIN_QUOTE_WORDS:
            spans.append((i, stop))
        i = stop
    return spans


def settle_territory(draft: Draft, text: str, kb: ActorKB | None = None) -> None:
    """Government regains vs non-state overtakes, from who took the place.

    Unnamed government forces ("the regime took over Aleppo") are the state forces of the
    country the place is in, as the knowledge base names them."""
    if draft.sub_event_type not in (_REGAINS, _OVERTAKES) or draft.place is None:
        return
    takers = [a.kb for a in draft.actors if a.role == "perpetrator" and a.kb is not None]
    if not takers:
        m = _OWN_FORCES.search(text[draft.cand.start : draft.cand.trigger_end])
        if m:
            draft.sub_event_type = _REGAINS
            force = _state_force(kb, draft.place.country_code)
            if force is not None:
                from dateline.extract.roles import FoundActor

                start = draft.cand.start + m.start()
                draft.actors = [a for a in draft.actors if a.role != "perpetrator"]
                draft.actors.append(
                    FoundActor(force.name, "perpetrator", start, start + len(m.group(0)), force)
                )
        return
    own = any(k.kind == "state_force" and k.country == draft.place.country_code for k in takers)
    draft.sub_event_type = _REGAINS if own else _OVERTAKES


def _state_force(kb: ActorKB | None, country: str | None) -> KBActor | None:
    """The armed forces of ``country`` among the lexicon's nationality -> force links."""
    if kb is None or not country:
        from dateline.ground.actors import default_kb

        kb = kb or default_kb()
    if not country:
        return None
    from dateline.extract.lexicon import lexicon

    for _, kb_id in lexicon().state_forces:
        actor = kb.get(kb_id)
        if actor is not None and actor.kind == "state_force" and actor.country == country:
            return actor
    return None


#: "followed suit", "did the same": the act repeats the one told just before.
_SAME_AGAIN = _CUE["same_again"]


def diplomacy_place(draft: Draft, text: str, toponyms: list[Any], actors: list[Mentioned]) -> None:
    """Where a diplomatic event happened: a stated venue, else the speaker's country.

    "Bahrain followed suit" repeats the previous act where it happened (an embassy reopened
    in Damascus), so such a sentence takes no place of its own: the paragraph's previous event
    supplies it (``article._apply_context``)."""
    lo, hi = draft.sentence_span
    if _SAME_AGAIN.search(text[lo:hi]):
        draft.place, draft.place_span, draft.place_explicit = None, None, False
        return
    venue = [
        t
        for t in toponyms
        if lo <= t.start < hi
        and t.place is not None
        and _LOCATIVE.search(text[max(lo, t.start - 40) : t.start])
    ]
    if venue:
        # a town beats a country, but "are meeting in Saudi Arabia" still names a venue
        best = min(
            venue, key=lambda t: abs(t.start - draft.anchor) + (60 if t.place.precision >= 3 else 0)
        )
        draft.place, draft.place_span, draft.place_explicit = (
            best.place,
            (best.start, best.end),
            True,
        )
        return
    draft.place, draft.place_span, draft.place_explicit = None, None, False
    subject = [a for a in actors if lo <= a.start < draft.anchor and a.kb and a.kb.country]
    countries = [
        t
        for t in toponyms
        if lo <= t.start < draft.anchor and t.place is not None and t.place.precision == 3
    ]
    if subject:
        a = subject[0]
        assert a.kb is not None and a.kb.country is not None
        from dateline.extract.finalize import country_name

        name = country_name(a.kb.country) or a.kb.country
        draft.place = Place(name, a.kb.country, None, None, None, 3, None)
        draft.place_span = (a.start, a.end)
    elif countries:
        t = countries[0]
        draft.place, draft.place_span = t.place, (t.start, t.end)


__all__ = ["DIPLOMATS", "MIN_QUOTE_WORDS", "diplomacy_place", "quoted_spans", "settle_territory"]
