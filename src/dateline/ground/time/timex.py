"""The Timex record and the anchor a document's relative expressions are read against.

A ``Timex`` carries both the TimeML view (``type``, ``value``, ``mod``: what the TempEval
scorers compare) and the calendar view (``interval``: what an event record stores), so the
same finder serves the benchmark and the pipeline without a second pass.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from dateline.records import DateInterval

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
TIMEX_TYPES: tuple[str, ...] = ("DATE", "TIME", "DURATION", "SET")


@dataclass(frozen=True)
class Timex:
    """One time expression found in a text.

    ``start``/``end`` are character offsets into the text given to ``find_timexes`` and
    ``text == source[start:end]``. ``interval`` is the calendar interval of a DATE or TIME
    (``None`` for DURATION and SET, whose value is a length or a frequency, not a date).
    """

    start: int
    end: int
    text: str
    type: TimexType
    value: str
    interval: DateInterval | None
    mod: str | None = None


@dataclass(frozen=True)
class Anchor:
    """The day relative expressions count from, and how to name it in a reason.

    ``day`` is ``None`` when the document date is unknown; ``low``/``high`` bound it when the
    document date is only known to lie in an interval (the finder then resolves against
    both bounds and keeps what they agree on).
    """

    low: dt.date | None
    high: dt.date | None
    label: str = "publication date"

    @property
    def day(self) -> dt.date | None:
        return self.low if self.low == self.high else None

    @property
    def known(self) -> bool:
        return self.low is not None and self.high is not None

    def describe(self) -> str:
        """Words for a reason string: ``publication date 2022-01-07 (Friday)``."""
        if self.low is None or self.high is None:
            return f"unknown {self.label}"
        if self.low == self.high:
            return f"{self.label} {self.low.isoformat()} ({self.low.strftime('%A')})"
        return f"{self.label} between {self.low.isoformat()} and {self.high.isoformat()}"

    def at(self, day: dt.date) -> Anchor:
        return Anchor(day, day, self.label)


def to_anchor(anchor: DateInterval | dt.date | dt.datetime | str | None) -> Anchor:
    """Coerce what callers have (a publication ``DateInterval``, a date, an ISO string)."""
    if anchor is None:
        return Anchor(None, None)
    if isinstance(anchor, dt.datetime):
        return Anchor(anchor.date(), anchor.date())
    if isinstance(anchor, dt.date):
        return Anchor(anchor, anchor)
    if isinstance(anchor, str):
        day = dt.date.fromisoformat(anchor[:10])
        return Anchor(day, day)
    if anchor.start is None or anchor.end is None:
        return Anchor(None, None)
    return Anchor(anchor.start, anchor.end)
