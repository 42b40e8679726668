"""Casualty counts: how many were killed or injured, as a ``Count`` range with its evidence.

Conventions (ranges are closed because ``Count.max`` is an int):

* an exact number is ``{n, n}``: "six Iraqi civilians, including a child" -> {6, 6};
  "all 176 people on board" -> {176, 176}
* a stated lower bound keeps that bound and widens the top by ``OPEN_FACTOR``:
  "at least 17" -> {17, 34}; "more than 100" -> {101, 200} ("more than" excludes the number)
* vague quantities use the ranges in ``VAGUE`` (``data/extract/number_words.yaml``):
  "dozens" -> {24, 99}, "several" -> {3, 9}
* explicit absence is zero: "no casualties", "without inflicting any casualties" -> {0, 0}
  for both fields; "no injuries" -> {0, 0} for both too (nobody hurt, nobody killed);
  "no deaths" -> {0, 0} for fatalities only (the wounded are not ruled out)

A number is a casualty count only when a death or injury word governs it in the same
clause, so "the 2,500 US troops stationed in Iraq" is never one.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from dateline.extract.lexicon import cue_table, number_words
from dateline.records import Count

#: Upper bound of an open range = lower bound x OPEN_FACTOR. Chosen so that the range still
#: overlaps the higher tolls later reports usually give, without becoming meaningless.
OPEN_FACTOR = 2
#: Vague quantities as toll ranges, and number words ("dozens" -> (24, 99), "twelve" -> 12):
#: ``data/extract/number_words.yaml``, shared with relative places.
VAGUE: Mapping[str, tuple[int, int]] = number_words().vague
WORDS: Mapping[str, int] = number_words().cardinals
#: The death, injury and absence words: ``data/extract/count_cues.yaml``.
_CUE = cue_table("count_cues")

#: "twenty-nine": a tens word and a units word make one number, never a toll of nine.
_TENS = "|".join(w for w, n in WORDS.items() if 20 <= n <= 90 and n % 10 == 0)
_UNITS = "|".join(w for w, n in WORDS.items() if 1 <= n <= 9)
_COMPOUND = re.compile(rf"(?P<tens>{_TENS})[-\s](?P<unit>{_UNITS})", re.IGNORECASE)
_NUM = (
    r"(?:another|a further|an additional|other)?\s*(?P<q>at least|more than|over|nearly|"
    r"almost|about|around|some|up to|roughly|an estimated|all)?\s*"
    # digits with thousands commas as one number, but never a year's trailing comma
    r"(?P<n>\d{1,3}(?:,\d{3})+(?!\d)|\d+(?![\d,]\d)|"
    + rf"(?<!-)(?:{_TENS})[-\s](?:{_UNITS})\b|(?<!-)"
    + "|(?<!-)".join(sorted(WORDS, key=len, reverse=True))
    + "|"
    + "|".join(sorted(VAGUE, key=len, reverse=True))
    + r")(?:\s+of)?"
)
_NOUN_GAP = r"(?:[\w'’-]+,?\s+){0,6}?"
_DEATH = _CUE["death"].pattern
_HURT = _CUE["hurt"].pattern
#: A toll stated after its verb ("killing 17"), before its noun ("17 were killed"), or as a
#: death toll ("the death toll rose to 40").
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (field, re.compile(p, re.IGNORECASE))
    for field, p in (
        ("fatalities", rf"{_CUE['kill_verb'].pattern}\s+{_NUM}\b"),
        ("injured", rf"{_CUE['wound_verb'].pattern}\s+{_NUM}\b"),
        (
            "fatalities",
            rf"\b{_NUM}\s+{_NOUN_GAP}(?:(?:were|was|have been|had been|are|also)\s+)*"
            rf"(?:reported\s+)?{_DEATH}\b",
        ),
        (
            "injured",
            rf"\b{_NUM}\s+{_NOUN_GAP}(?:(?:were|was|have been|had been|are|also)\s+)*"
            rf"(?:reported\s+)?{_HURT}\b",
        ),
        ("fatalities", rf"{_CUE['death_toll'].pattern}{_NUM}\b"),
    )
)
#: An explicit absence and the fields it zeroes: nobody hurt means nobody killed either.
_ZERO: tuple[tuple[tuple[str, ...], re.Pattern[str]], ...] = (
    (("fatalities", "injured"), _CUE["no_casualties"]),
    (("fatalities", "injured"), _CUE["no_injuries"]),
    (("fatalities",), _CUE["no_deaths"]),
)
#: A number right after a month is a day of the month, not a toll.
_DAY_OF_MONTH = _CUE["day_of_month"]
#: "5, causing no injuries": a negation between number and noun denies the count.
_NEGATION_GAP = _CUE["negation_gap"]
_DEATH_RE = re.compile(rf"\b{_DEATH}\b|\bkill", re.IGNORECASE)
_HURT_RE = re.compile(rf"\b{_HURT}\b|\bwound|\binjur", re.IGNORECASE)
#: "20 rockets", "three years": a unit between number and death word; not people counted.
_NOT_PEOPLE = _CUE["not_people"]


#: A larger toll is a war-wide or multi-year total ("more than 500,000 killed"), not the toll
#: of one event: the deadliest single events ACLED codes stay well below it.
MAX_EVENT_TOLL = 5000
#: A number after these words is a year ("attacks in 2013 killed ..."), not a head count.
_YEAR_BEFORE = _CUE["year_before"]
#: A toll counted over a war, a period or a campaign ("the war has killed", "since 2011",
#: "so far"), not one event's.
_AGGREGATE = _CUE["aggregate"]


#: Right before a number that is only the tail of a larger quantity: "400,000" read from
#: "000", "tens of thousands" from "thousands".
_INSIDE_LARGER = re.compile(r"(?:[\d,.]|\b(?:tens|hundreds|thousands|millions)\s+of\s+)$", re.I)
#: People counted: the nouns a toll may name ("12 villagers").
_PEOPLE = cue_table("candidate_cues")["person_harm"]
_AGE_BEFORE = re.compile(r"\baged\s+$", re.IGNORECASE)
_NAME_COMMA = re.compile(r"\b[A-Z][\w'’-]+,\s*$")
#: A quantity between a number and its death word: the nearer one is the count.
_QUANTITY = re.compile(
    r"\d|\b(?:" + "|".join(re.escape(w) for w in sorted({*WORDS, *VAGUE}, key=len)) + r")\b",
    re.IGNORECASE,
)


def _is_year(text: str, m: re.Match[str]) -> bool:
    """A year, not a head count: after "in" and the like ("attacks in 2013 killed"), or
    with another quantity before the death word ("March 3, 2016 - Tens of thousands ...
    lost their lives")."""
    number = m.group("n")
    if not (number.isdigit() and len(number) == 4 and 1900 <= int(number) <= 2100):
        return False
    before = text[max(0, m.start("n") - 12) : m.start("n")]
    gap = text[m.end("n") : m.end()]
    return (
        bool(_YEAR_BEFORE.search(before))
        or bool(_QUANTITY.search(gap))
        # "That same year, 2012, Adrienne died": set off by a comma, with no people counted
        or (gap.startswith(",") and not _PEOPLE.search(gap))
    )


def _is_age(text: str, m: re.Match[str]) -> bool:
    """An age: "Dean Evans, 22, a dairy farmer ... died", "who has died aged 83"."""
    before = text[max(0, m.start("n") - 30) : m.start("n")]
    return bool(_AGE_BEFORE.search(before)) or (
        bool(_NAME_COMMA.search(before)) and text[m.end("n") : m.end("n") + 1] == ","
    )


def _aggregate(text: str, m: re.Match[str]) -> bool:
    """A total over a war or period: "the war has killed N", "N killed since 2011", "N of
    them have been killed"."""
    before = text[max(0, m.start() - 40) : m.start()]
    tail = re.split(r"[.;,]", text[m.end() : m.end() + 40], maxsplit=1)[0]
    war_has = re.search(r"\b(?:has|have|had)\s+(?:\w+\s+)?$", before)
    since = _CUE["since_start"].search(before)
    return (
        bool((war_has or since) and _AGGREGATE.search(before))
        or bool(_AGGREGATE.search(tail))
        or bool(_CUE["partitive_total"].match(text, m.end("n"), m.end()))
    )


@dataclass(frozen=True)
class CountSpan:
    """One count found in a text, with the offsets of the phrase that states it."""

    field: str  # "fatalities" | "injured"
    count: Count
    start: int
    end: int


def parse_quantity(qualifier: str | None, number: str) -> Count | None:
    """``("more than", "100")`` -> Count(101, 200); ``(None, "dozens")`` -> Count(24, 99)."""
    word = number.lower().strip()
    if word in VAGUE:
        low, high = VAGUE[word]
        return Count(low, high)
    compound = _COMPOUND.fullmatch(word)
    if compound:
        n = WORDS[compound["tens"].lower()] + WORDS[compound["unit"].lower()]
    elif word in WORDS:
        n = WORDS[word]
    else:
        try:
            n = int(word.replace(",", ""))
        except ValueError:
            return None
    q = (qualifier or "").lower()
    if q in ("more than", "over"):
        return Count(n + 1, max(n + 1, n * OPEN_FACTOR))
    if q == "at least":
        return Count(n, max(n, n * OPEN_FACTOR))
    if q in ("nearly", "almost"):
        return Count(max(0, n - max(1, n // 10)), max(0, n - 1))
    if q == "up to":
        return Count(0, n)
    return Count(n, n)


def find_counts(text: str, offset: int = 0) -> list[CountSpan]:
    """Every fatality/injury count stated in ``text`` (offsets shifted by ``offset``)."""
    found: list[CountSpan] = []
    for fields, pattern in _ZERO:
        for m in pattern.finditer(text):
            for field in fields:
                found.append(CountSpan(field, Count(0, 0), m.start() + offset, m.end() + offset))
    for field, pattern in _PATTERNS:
        for m in _overlapping(pattern, text):
            gap = text[m.end("n") : m.end()]
            other = _HURT_RE if field == "fatalities" else _DEATH_RE
            if _NOT_PEOPLE.search(gap) or re.search(r"[.;:]|\band\b", gap) or other.search(gap):
                continue
            if _DAY_OF_MONTH.search(text[max(0, m.start("n") - 12) : m.start("n")]) or (
                _NEGATION_GAP.search(gap)
            ):
                continue  # "on Jan. 5, causing no injuries": a date, and an absence
            if _is_year(text, m) or _is_age(text, m) or _aggregate(text, m):
                continue
            if _INSIDE_LARGER.search(text[max(0, m.start("n") - 16) : m.start("n")]):
                continue  # the tail of a larger number: its own match decides
            count = parse_quantity(m.group("q"), m.group("n"))
            if count is not None and count.min <= MAX_EVENT_TOLL:
                start = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
                found.append(CountSpan(field, count, start + offset, m.end() + offset))
    found.extend(_single(text, offset, found))
    found.extend(_summed(text, offset))
    return _dedupe(found)


#: "a shepherd", "an elderly man": one person, no number.
_ONE = rf"\b(?:a|an)\s+(?:[\w-]+\s+){{0,2}}?{_CUE['single_victim'].pattern}"
_WAS = r"\s+(?:was|has been|had been)\s+"
#: "killed a shepherd", "a soldier was wounded".
_SINGLE: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (field, re.compile(p, re.IGNORECASE))
    for field, p in (
        ("fatalities", rf"{_CUE['kill_verb'].pattern}\s+{_ONE}"),
        ("injured", rf"{_CUE['wound_verb'].pattern}\s+{_ONE}"),
        ("fatalities", rf"{_ONE}{_WAS}(?:killed|shot dead)\b"),
        ("injured", rf"{_ONE}{_WAS}(?:wounded|injured)\b"),
    )
)


def _single(text: str, offset: int, found: list[CountSpan]) -> list[CountSpan]:
    """One victim where no number is stated for that field in the text."""
    counted = {c.field for c in found}
    out = []
    for field, pattern in _SINGLE:
        if field in counted:
            continue
        for m in pattern.finditer(text):
            out.append(CountSpan(field, Count(1, 1), m.start() + offset, m.end() + offset))
    return out


_NUM2 = _NUM.replace("?P<q>", "?P<q2>").replace("?P<n>", "?P<n2>")
#: "killing two soldiers and one fighter": the dead of both sides are added up (annotation
#: rules), unless the second number is hurt ("killing two and wounding five").
_SUM = re.compile(
    rf"{_CUE['summing_verb'].pattern}\s+{_NUM}\s+(?:[\w'’-]+\s+){{0,3}}?and\s+{_NUM2}"
    rf"(?:\s+(?:[\w'’-]+)){{0,3}}",
    re.IGNORECASE,
)


def _summed(text: str, offset: int) -> list[CountSpan]:
    """Tolls of two groups joined by "and" after one death verb, added up."""
    out: list[CountSpan] = []
    for m in _SUM.finditer(text):
        tail = text[m.start("n2") : m.end()]
        if _HURT_RE.search(tail) or _NOT_PEOPLE.search(text[m.end("n") : m.end()]):
            continue
        one = parse_quantity(m.group("q"), m.group("n"))
        two = parse_quantity(m.group("q2"), m.group("n2"))
        if one is None or two is None:
            continue
        end = m.start("n2") + len(m.group("n2"))
        out.append(
            CountSpan(
                "fatalities",
                Count(one.min + two.min, one.max + two.max),
                m.start() + offset,
                end + offset,
            )
        )
    return out


def _overlapping(pattern: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """Matches that may start inside an earlier match, so a rejected long match
    ("10 killed and 45 injured" read as one injury count) does not hide a shorter one."""
    out: list[re.Match[str]] = []
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        out.append(m)
        pos = m.start() + 1
    return out


def _dedupe(found: list[CountSpan]) -> list[CountSpan]:
    """One count per field and place in the text: overlapping phrases keep the longest."""
    found.sort(key=lambda c: (c.field, c.start, -(c.end - c.start)))
    kept: list[CountSpan] = []
    for c in found:
        if kept and kept[-1].field == c.field and c.start < kept[-1].end:
            continue
        kept.append(c)
    return sorted(kept, key=lambda c: (c.start, c.field))


def best_count(spans: list[CountSpan], field: str) -> CountSpan | None:
    """The count for ``field`` an analyst would code: the largest stated lower bound."""
    candidates = [c for c in spans if c.field == field]
    if not candidates:
        return None
    return max(candidates, key=lambda c: (c.count.min, c.count.max, -c.start))


__all__ = [
    "MAX_EVENT_TOLL",
    "OPEN_FACTOR",
    "VAGUE",
    "CountSpan",
    "best_count",
    "find_counts",
    "parse_quantity",
]
