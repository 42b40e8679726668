"""Which side of the anchor an underspecified date falls on, read from nearby words.

"Tuesday" in a Friday article is three days earlier when the sentence says "met on
Tuesday", and four days later when it says "will meet on Tuesday". News reports the past,
so past is the default; the nearest tense cue in the same sentence decides otherwise. This
is a cheap stand-in for a tagger's tense feature: no model, a few regexes, deterministic.
"""

from __future__ import annotations

import re
from typing import Literal

Direction = Literal["past", "future"]

#: Words placing the expression after the anchor ("scheduled to close Monday").
_FUTURE = (
    r"will|won't|wo n't|'ll|shall|going\s+to|set\s+for|plans?\s+to|planned|planning|scheduled|"
    r"schedule|set\s+to|is\s+to|are\s+to|was\s+to|were\s+to|expected|expects?|due|would|"
    r"upcoming|intends?\s+to|aims?\s+to|hopes?\s+to|to\s+resume|to\s+be|opens?|begins?|"
    r"starts?|ready\s+to|as\s+soon\s+as|may|might|could|should|must|tentatively|scheduled\s+for"
)
#: Words placing it before the anchor ("said Tuesday", "the king met Monday").
_PAST = (
    r"was|were|had|did|been|met|went|came|left|took|made|gave|began|won|"
    r"lost|fell|rose|held|sent|struck|hit|shot|put|set|ran|led|fled|got|saw|brought|"
    r"thought|found|spoke|wrote|broke|drove|flew|fought|paid|sold|bought|quit|cut|"
    r"ago|last|earlier|yesterday|\w{3,}ed"
)
#: Reporting verbs date the report, not the event: a cue only right beside the expression
#: ("said Friday"), not across a clause ("said it will open in March").
_REPORTING = re.compile(r"said|says|told|announced|reported|stated|added", re.IGNORECASE)
REPORTING_REACH = 3
_CUE = re.compile(
    rf"\b(?:(?P<future>{_FUTURE})|(?P<past>{_REPORTING.pattern}|{_PAST}))\b", re.IGNORECASE
)
_SENTENCE_END = re.compile(r"[.!?][\"'”’]?\s+(?=[A-Z\"“‘'(])|\n\s*\n")

#: How far (characters) around the expression tense cues are looked for.
WINDOW_BEFORE = 90
WINDOW_AFTER = 40


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Approximate bounds of the sentence holding ``text[start:end]``."""
    lo = max(0, start - 400)
    begin = lo
    for m in _SENTENCE_END.finditer(text, lo, start):
        begin = m.end()
    after = _SENTENCE_END.search(text, end)
    return begin, (after.start() + 1 if after else len(text))


def direction(text: str, start: int, end: int) -> Direction:
    """``"future"`` when the nearest tense cue in the sentence points forward, else past."""
    return tense(text, start, end)[0]


def tense(text: str, start: int, end: int) -> tuple[Direction, bool]:
    """The direction and whether a cue decided it (``False``: the past default)."""
    if text.startswith("'s", end) or text.startswith("’s", end):
        return "past", True  # "Wednesday's ruling": a possessive day has happened
    s_begin, s_end = sentence_bounds(text, start, end)
    lo, hi = max(s_begin, start - WINDOW_BEFORE), min(s_end, end + WINDOW_AFTER)
    best: tuple[int, Direction] | None = None
    for m in _CUE.finditer(text, lo, hi):
        if start <= m.start() < end:
            continue  # words inside the expression itself ("last", "next") are not cues
        distance = start - m.end() if m.end() <= start else (m.start() - end) * 2
        if m.group("past") and re.search(r"\bbe\s+$", text[max(0, m.start() - 4) : m.start()]):
            continue  # "will be held": a passive after "be" takes its tense from the modal
        if distance < 0 or (_REPORTING.fullmatch(m.group(0)) and distance > REPORTING_REACH):
            continue
        if m.group("past") and m.group(0).endswith("ed") and not m.group(0)[0].islower():
            continue  # "United", "Ted": capitalised -ed words are names, not verbs
        kind: Direction = "future" if m.group("future") else "past"
        if best is None or distance < best[0]:
            best = (distance, kind)
    return (best[1], True) if best else ("past", False)
