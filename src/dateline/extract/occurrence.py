"""Triggers that do not report an occurrence: a danger guarded against, what befell the
people a relative clause describes, a kind of event named by a bare plural.

Kept apart from ``candidates`` because each rule is a reading of the words around one
trigger, testable on its own.
"""

from __future__ import annotations

import re

#: Any date word: a clause with one reports (or re-dates) a particular event.
HAS_DATE = re.compile(
    r"\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|"
    r"April|May|June|July|August|September|October|November|December|"
    r"yesterday|(?:19|20)\d\d|ago|last (?:week|month|year|spring|summer|autumn|winter))\b"
)

#: "to help defend the city from Turkish attack", "protect civilians against attacks": the
#: trigger names what is guarded against, not an attack that happened.
GUARDED_AGAINST = re.compile(
    r"\b(?:defend|protect|guard|shield|safeguard|secure)\w*\b[^.;:]{0,60}?\b(?:from|against)\s+"
    r"(?:[\w-]+\s+){0,2}$",
    re.I,
)
#: "children whose parents were killed": a relative clause that describes a person by what
#: befell them, with no date of its own, characterises the referent; it is not a new report.
WHOSE_STATE = re.compile(
    r"\bwhose\b[^,;.]{0,40}\b(?:was|were|had been|have been|has been)\s+(?:[\w-]+\s+){0,2}$",
    re.I,
)
#: Bare plural event nouns opening a clause ("Terror attacks ... have taken their toll"):
#: with no date in the sentence and no number in the clause they talk about a kind of event.
BARE_PLURAL_EVENT = re.compile(
    r"^(?:[\w-]+\s+)?(?:attacks|strikes|airstrikes|air strikes|bombings|raids|killings|"
    r"assaults|massacres)$",
    re.I,
)
NUMBER = re.compile(
    r"\b(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?)\b",
    re.I,
)


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
