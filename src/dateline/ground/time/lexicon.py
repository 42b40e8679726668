"""The time lexicon (``data/time/lexicon.yaml``) and the regex fragments built from it.

Words live in the data file so a new spelling is a one-line data change, not a code change;
this module only turns them into lookups and alternations (longest first, so "sept" wins
over "sep").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml


@dataclass(frozen=True)
class Lexicon:
    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, float]
    vague_numbers: tuple[str, ...]
    ordinals: dict[str, int]
    units: dict[str, str]
    seasons: dict[str, str]
    parts_of_day: dict[str, str]
    present_ref: tuple[str, ...]
    past_ref: tuple[str, ...]
    future_ref: tuple[str, ...]
    sets: dict[str, str]
    holidays: dict[str, tuple[int, int]]
    movable_holidays: tuple[str, ...]


@cache
def lexicon() -> Lexicon:
    """Load the packaged lexicon once per process."""
    raw: dict[str, Any] = yaml.safe_load(
        (resources.files("dateline") / "data" / "time" / "lexicon.yaml").read_text("utf-8")
    )
    return Lexicon(
        months=dict(raw["months"]),
        weekdays=dict(raw["weekdays"]),
        numbers={str(k): float(v) for k, v in raw["numbers"].items()},
        vague_numbers=tuple(raw["vague_numbers"]),
        ordinals=dict(raw["ordinals"]),
        units=dict(raw["units"]),
        seasons=dict(raw["seasons"]),
        parts_of_day=dict(raw["parts_of_day"]),
        present_ref=tuple(raw["present_ref"]),
        past_ref=tuple(raw["past_ref"]),
        future_ref=tuple(raw["future_ref"]),
        sets=dict(raw["sets"]),
        holidays={k: (v[0], v[1]) for k, v in raw["holidays"].items()},
        movable_holidays=tuple(raw["movable_holidays"]),
    )


def alternation(words: object) -> str:
    """A non-capturing regex alternation, longest word first, spaces matching any blank."""
    items = sorted({str(w) for w in words}, key=lambda w: (-len(w), w))  # type: ignore[attr-defined]
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items) + ")"


# --- number words -------------------------------------------------------------------------

_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_UNITS_1_9 = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def number_pattern() -> str:
    """Digits ("14", "1.5", "1,000") or number words ("twenty-four", "a", "half a")."""
    words = alternation(lexicon().numbers)
    compound = alternation(_TENS) + r"[-\s]" + alternation(_UNITS_1_9)
    return rf"(?:\d+(?:[.,]\d+)?|{compound}|{words})"


def parse_number(text: str) -> float | None:
    """Value of a number matched by ``number_pattern``; ``None`` if it is not one."""
    t = re.sub(r"\s+", " ", text.strip().lower())
    if re.fullmatch(r"\d+(?:,\d{3})+", t):
        return float(t.replace(",", ""))
    try:
        return float(t)
    except ValueError:
        pass
    nums = lexicon().numbers
    if t in nums:
        return nums[t]
    parts = re.split(r"[-\s]", t)
    if len(parts) == 2 and parts[0] in nums and parts[1] in nums:
        return nums[parts[0]] + nums[parts[1]]
    return None
