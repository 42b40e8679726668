"""Triggers that do not report an occurrence: a danger guarded against, what befell the
people a relative clause describes, a kind of event named by a bare plural.

Kept apart from ``candidates`` because each rule is a reading of the words around one
trigger, testable on its own.
"""

from __future__ import annotations

from dateline.extract.lexicon import cue_table

#: The cues: ``data/extract/occurrence_cues.yaml``.
_CUE = cue_table("occurrence_cues")
#: Any date word: a clause with one reports (or re-dates) a particular event.
HAS_DATE = _CUE["has_date"]
#: A number in a clause: a plural trigger there counts events, it does not name a kind.
NUMBER = _CUE["number"]
#: "defend the city from Turkish attack": what is guarded against.
GUARDED_AGAINST = _CUE["guarded_against"]
#: "children whose parents were killed": what befell the person described.
WHOSE_STATE = _CUE["whose_state"]
#: "Terror attacks ... have taken their toll": a kind of event.
BARE_PLURAL_EVENT = _CUE["bare_plural_event"]


def not_an_occurrence(before: str, word: str, sentence: str, clause: str) -> bool:
    """Does the trigger ``word`` (with ``before``, the clause text up to it) name a kind of
    event or a danger rather than one that happened?"""
    if GUARDED_AGAINST.search(before):
        return True
    if WHOSE_STATE.search(before) and not HAS_DATE.search(clause):
        return True
    return (
        not before.strip(" \"“‘'")
        and bool(BARE_PLURAL_EVENT.match(word))
        and not HAS_DATE.search(sentence)
        and not NUMBER.search(clause)
    )
