"""Regex fragments shared by the grammar modules, and small helpers for reading them.

Fragments are plain strings meant for ``re.VERBOSE`` patterns; the word lists come from
the lexicon so spellings are data, not code.
"""

from __future__ import annotations

import datetime as dt
import re

from dateline.ground.time import calendar as cal
from dateline.ground.time.context import Direction
from dateline.ground.time.lexicon import alternation, lexicon, number_pattern

LEX = lexicon()

MONTH = alternation(LEX.months) + r"\.?"
FULL_MONTH = alternation(k for k in LEX.months if len(k) > 4 or k in ("may", "june", "july"))
ABBR_MONTH = alternation(k for k in LEX.months if len(k) <= 4 and k not in ("may", "june", "july"))
WEEKDAY = alternation(LEX.weekdays)
DAYNUM = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
YEAR4 = r"(?:1[0-9]|20)\d\d(?![\d%])"
NUM = number_pattern()
VAGUE = alternation(LEX.vague_numbers)
ORDINAL = alternation(k for k in LEX.ordinals if k != "last")
UNIT = alternation(LEX.units)
SEASON = alternation(LEX.seasons)
MOD = (
    r"(?:early|earlier|mid|middle|late|later|the\s+end\s+of|the\s+beginning\s+of|"
    r"the\s+start\s+of|the\s+middle\s+of|the\s+first\s+half\s+of|the\s+second\s+half\s+of)"
)
REL_YEAR = r"(?:this|last|next|the\s+previous|the\s+following)\s+year"
B = r"(?<![\w$£€.,/-])"  # left boundary: not inside a word, number or amount
E = r"(?![\w/]|[.,]\d)"  # right boundary


def month_no(word: str) -> int:
    return LEX.months[word.lower().rstrip(".")]


def weekday_no(word: str) -> int:
    return LEX.weekdays[word.lower()]


def day_no(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def mod_of(word: str | None) -> str | None:
    """TimeML ``mod`` for "early"/"mid"/"late" and friends."""
    if not word:
        return None
    w = re.sub(r"\s+", " ", word.lower())
    if w in ("early", "earlier", "the beginning of", "the start of", "the first half of"):
        return "START"
    if w in ("mid", "middle", "the middle of"):
        return "MID"
    return "END"


def rel_year_offset(text: str | None) -> int:
    """-1 for "last year"/"the previous year", +1 for "next year", 0 otherwise."""
    t = (text or "").lower()
    if "last" in t or "previous" in t:
        return -1
    if "next" in t or "following" in t:
        return 1
    return 0


#: Extra distance for a candidate on the side the tense argues against: (cued, uncued).
#: Tuned on TimeBank/AQUAINT: dividend dates "payable Dec. 7" in October are weeks ahead
#: although the sentence has past-tense verbs, so even a cue is not decisive.
WRONG_SIDE_DAYS = (90, 30)
WRONG_SIDE_MONTHS = (6, 3)


def closest_year(
    month_no_: int, day_: int | None, today: dt.date, direction: Direction, cued: bool = True
) -> int:
    """The year putting month (and day) nearest the anchor, leaning to the tense's side.

    A year-less "Oct. 23" in an April article is last October; "payable Dec. 7" in an
    October article is this December. Ties go to the past, as news mostly reports it.
    """
    best: tuple[int, int] | None = None
    for y in (today.year - 1, today.year, today.year + 1):
        if day_ is None:
            delta = (y - today.year) * 12 + month_no_ - today.month
            penalty = WRONG_SIDE_MONTHS[0 if cued else 1]
        else:
            try:
                delta = (dt.date(y, month_no_, day_) - today).days
            except ValueError:
                continue
            penalty = WRONG_SIDE_DAYS[0 if cued else 1]
        wrong = (delta > 0 and direction == "past") or (delta < 0 and direction == "future")
        cost = abs(delta) + (penalty if wrong else 0)
        if best is None or cost < best[0]:
            best = (cost, y)
    assert best is not None
    return best[1]


def weekday_date(
    today: dt.date, weekday: int, direction: Direction, relative: str | None = None
) -> dt.date:
    """The date of ``weekday`` on the anchor's side given by tense or "last"/"next"/"this".

    Past: the anchor day itself or up to six days before; future: the anchor day or up to
    six days after; "last": one to seven days before; "next": one to seven days after.
    """
    diff = weekday - today.isoweekday()
    rel = (relative or "").lower()
    if rel == "last" or rel == "past":
        return today + dt.timedelta(days=diff - 7 if diff >= 0 else diff)
    if rel in ("next", "coming", "this coming"):
        return today + dt.timedelta(days=diff + 7 if diff <= 0 else diff)
    if rel == "this":
        return cal.week(today).start + dt.timedelta(days=weekday - 1)
    if direction == "future":
        return today + dt.timedelta(days=diff if diff >= 0 else diff + 7)
    return today + dt.timedelta(days=diff if diff <= 0 else diff - 7)


def unit_name(word: str) -> str:
    """Calendar unit of a unit word ("weeks" -> "week", "nights" -> "day")."""
    w = word.lower()
    w = w[:-1] if w.endswith("s") and w[:-1] in LEX.units else w
    w = "century" if w.startswith("centur") else w
    return {"night": "day", "fortnight": "week"}.get(w, w)


def duration_value(n: float | None, unit: str) -> str:
    """TimeML duration value: P3D, PT10H, P2W, PXY for an unknown count, P1.5Y."""
    code = LEX.units[unit]
    if code in ("DE", "CE") and n is not None:  # annotators write decades in years: P20Y
        n, code = n * (10 if code == "DE" else 100), "Y"
    if n is not None and not float(n).is_integer() and code in ("Y", "M", "D", "TH"):
        whole, sub = {"Y": ("Y", "M"), "M": ("M", "D"), "D": ("D", "TH"), "TH": ("TH", "TM")}[code]
        factor = {"M": 12, "D": 30, "TH": 24, "TM": 60}[sub]
        head = f"{int(n)}{whole[-1]}" if int(n) else ""
        tail = f"{round((n - int(n)) * factor)}{sub[-1]}"
        return f"P{'T' if code == 'TH' else ''}{head}{tail}" if code != "D" else f"P{head}T{tail}"
    count = "X" if n is None else str(int(n))
    if code == "2W":
        return "PXW" if n is None else f"P{int(2 * n)}W" if float(n).is_integer() else "P2W"
    if code.startswith("T"):
        return f"PT{count}{code[1:]}"
    return f"P{count}{code}"
