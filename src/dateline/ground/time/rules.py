"""The rule registry: each rule is a regex plus a function reading a match against the anchor.

Rules register themselves with ``@rule(...)`` in the ``grammar_*`` modules, built-ins exactly
as an extension would (style: spaCy registries). Matching (which spans are time
expressions) is kept apart from reading (what they mean), so the finder can choose among
overlapping matches first and then read the winners in text order, carrying document state
such as the quarter a financial story is about.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from dateline.ground.time.calendar import Period
from dateline.ground.time.context import Direction, tense
from dateline.ground.time.timex import TimexType


class Unanchored(Exception):
    """Raised by a reader that needs the anchor day when the document date is unknown."""


@dataclass(frozen=True)
class Reading:
    """What a matched expression means: its TimeML value and, for dates, its period."""

    type: TimexType
    value: str
    period: Period | None = None
    mod: str | None = None
    relative: bool = False
    note: str = ""
    narrow: bool = True  # whether ``mod`` narrows the interval (False: period already cut)


@dataclass
class Ctx:
    """What a reader may look at: the text, the match position, the anchor, document state."""

    text: str
    start: int
    end: int
    anchor_day: dt.date | None
    focus_quarter: Period | None = None
    _tense: tuple[Direction, bool] | None = field(default=None, repr=False)

    @property
    def today(self) -> dt.date:
        if self.anchor_day is None:
            raise Unanchored
        return self.anchor_day

    @property
    def direction(self) -> Direction:
        """Past or future, from the nearest tense cue (past when there is none)."""
        return self._read_tense()[0]

    @property
    def cued(self) -> bool:
        """Whether a tense cue, not the past default, decided ``direction``."""
        return self._read_tense()[1]

    def _read_tense(self) -> tuple[Direction, bool]:
        if self._tense is None:
            self._tense = tense(self.text, self.start, self.end)
        return self._tense


Reader = Callable[[re.Match[str], Ctx], Reading | None]
Guard = Callable[[re.Match[str], str], bool]


@dataclass(frozen=True)
class Rule:
    """One grammar rule. ``priority`` breaks ties between equally long matches (lower wins)."""

    name: str
    pattern: re.Pattern[str]
    read: Reader
    type: TimexType
    guard: Guard | None = None
    priority: int = 50


RULES: dict[str, Rule] = {}


def rule(
    name: str,
    pattern: str,
    type: TimexType = "DATE",
    guard: Guard | None = None,
    priority: int = 50,
) -> Callable[[Reader], Reader]:
    """Register a reader under ``name`` for the case-insensitive ``pattern``.

    The pattern's group ``x`` (when present) is the extent; text matched outside it is
    context only ("on" before a weekday, "'s" after it), as TimeML extents exclude it.
    """

    def register(read: Reader) -> Reader:
        if name in RULES:
            raise ValueError(f"time rule {name!r} registered twice")
        compiled = re.compile(pattern, re.IGNORECASE | re.VERBOSE)
        RULES[name] = Rule(name, compiled, read, type, guard, priority)
        return read

    return register


def capitalised(group: str) -> Guard:
    """Guard: the named group starts with a capital ("May" the month, not "may" the verb)."""

    def check(m: re.Match[str], text: str) -> bool:
        g = m.group(group)
        return g is None or g[:1].isupper()

    return check


def all_of(*guards: Guard) -> Guard:
    def check(m: re.Match[str], text: str) -> bool:
        return all(g(m, text) for g in guards)

    return check
