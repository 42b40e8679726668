"""Time grounding: find time expressions in news text and resolve them to calendar intervals.

``find_timexes(text, anchor)`` returns every expression with its TimeML type/value and, for
dates, a ``DateInterval`` with precision and a reason in words; ``resolve(expr, anchor)``
reads one expression. Rule-based and deterministic: relative expressions are read against
the anchor (the publication date), never against the clock.
"""

from dateline.ground.time.finder import find_timexes, resolve
from dateline.ground.time.timex import TIMEX_TYPES, Timex, TimexType

__all__ = ["TIMEX_TYPES", "Timex", "TimexType", "find_timexes", "resolve"]
