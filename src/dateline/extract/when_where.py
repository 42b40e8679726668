"""Date and place of a candidate event: the governing time expression and toponym.

The date is the time expression nearest the trigger in its clause (else its sentence). A
clause without one inherits from the context the caller passes (the previous event of the
paragraph, then the article's lead event); failing that, the date is an honest window
before publication with a reason saying so, never the bare publication date.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from dateline.extract.lexicon import cue_table
from dateline.records import DateInterval, Place

#: Days before publication an undated news event is assumed to fall in. News reports
#: events of the past week; the window says so instead of stamping the publication day.
UNDATED_WINDOW_DAYS = 7
#: The place and date cues: ``data/extract/when_where_cues.yaml``.
_CUE = cue_table("when_where_cues")
#: Cues before a toponym: a locative word ("in", "near") makes it the event's place; a launch
#: site, agent, offset or destination ("from", "east of") does not.
_LOCATIVE = _CUE["locative"]
_NOT_EVENT_PLACE = _CUE["not_event_place"]
#: "Yemen's Houthi rebels", "Iraq's foreign minister": a possessive names an owner, not a site.
_POSSESSIVE = re.compile(r"^['’]s?\b")
#: Cues after a toponym: a party modifier ("US-led", "US officials") or a weapon noun ("US
#: airstrikes") names who acted, not where.
_PARTY_MODIFIER = _CUE["party_modifier"]
_COURT_SEAT = _CUE["court_seat"]
_ARMS_AFTER = _CUE["arms_after"]
#: "near the border with Mali": the country across the line, not where the event was.
_BORDER_WITH = _CUE["border_with"]
#: How much a country across a border loses: more than a possessive owner ("Niger's army")
#: or an offset, so that the sentence's other country wins where it names one.
BORDER_WITH_PENALTY = 5.0
#: Few words between a place and the trigger: the place modifies the event noun ("the Paris
#: terror attacks", "the Afrin assault") and says exactly where it happened.
_PRENOMINAL_GAP = re.compile(r"^\s+(?:[\w-]+\s+){0,2}$")
_SUBJECT_IS_PLACE = _CUE["subject_is_place"]
_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Z'’ .-]{2,40}?)(?:,\s*[A-Z][\w ]+?)?\s*"
    r"(?:\([^)]{1,60}\))?\s*[—–-]{1,2}\s"
)
_DATELINE_AT_LINE = re.compile(_DATELINE.pattern, re.M)
#: How far into the article a dateline may open a paragraph (after a headline and standfirst).
DATELINE_REACH = 600
#: Clock times say when in the day, not which day: they never date an event without a day word.
_CLOCK = _CUE["clock"]
_DAY_WORD = _CUE["day_word"]


@dataclass(frozen=True)
class Grounded:
    """A resolved value with the article span it came from (``None`` span: inferred)."""

    value: Any
    start: int | None = None
    end: int | None = None


def pick_timex(
    timexes: list[Any],
    trigger: int,
    start: int,
    end: int,
    not_after: dt.date | None = None,
    text: str | None = None,
) -> Any | None:
    """The dated time expression in ``[start, end)`` nearest to the trigger offset.

    With ``not_after`` (the publication day), expressions wholly in the future are skipped:
    news reports what happened, and "three days after X" is about X, not a future day.
    With the article ``text``, expressions that date a state rather than an event are
    skipped: "since 2014" (unless "since October, when ..." names the event's time) and
    those inside a parenthetical relative clause ("forces, who had held Kirkuk since
    2014, were pushed out")."""
    usable = [
        t
        for t in timexes
        if start <= t.start
        and t.end <= end
        and t.interval is not None
        and t.interval.is_known
        and not is_clock(t.text)
        and not (not_after and t.interval.start and t.interval.start > not_after)
        and not (text is not None and dates_a_state(text, t, trigger))
    ]
    if not usable:
        return None
    return min(usable, key=lambda t: (abs(t.start - trigger), t.start))


def dates_a_state(text: str, t: Any, trigger: int) -> bool:
    before = text[max(0, t.start - 8) : t.start + len("since")]
    if _CUE["since"].search(before + t.text[:6]) and not _CUE["when_after"].match(
        text[t.end : t.end + 8]
    ):
        return True
    lo = text.rfind(",", 0, t.start)
    hi = text.find(",", t.end)
    if lo < 0 or hi < 0 or lo <= trigger <= hi:
        return False
    return bool(_RELATIVE.match(text[lo : t.start])) and "." not in text[lo:hi]


_RELATIVE = re.compile(r",\s+(?:who|which|whose)\b", re.I)


def is_clock(text: str) -> bool:
    return bool(_CLOCK.search(text)) and not _DAY_WORD.search(text)


def undated(published: DateInterval) -> DateInterval:
    """The honest fallback for an event no expression dates."""
    if published.precision != "day" or published.start is None:
        return DateInterval.unknown("no date expression and no publication date")
    pub = published.start
    return DateInterval(
        pub - dt.timedelta(days=UNDATED_WINDOW_DAYS),
        pub,
        "week",
        f"no date expression; within {UNDATED_WINDOW_DAYS} days before publication "
        f"{pub.isoformat()}",
    )


def inherited(date: DateInterval, source: str) -> DateInterval:
    """A context date, with a reason naming where it came from."""
    return DateInterval(
        date.start,
        date.end,
        date.precision,
        f"no date expression in the sentence; {source}: {date.reason}",
    )


def _nearer_other(t: Any, trigger: int, others: tuple[int, ...]) -> bool:
    """Is the toponym closer to another event's trigger in the sentence than to this one?
    ("ministers met on Saturday in Moscow, negotiated a deal ... on Idlib": Moscow is where
    they met, Idlib what the deal is about)."""
    mine = abs(t.start - trigger)
    return any(abs(t.start - o) < mine for o in others if o != trigger)


def pick_toponym(
    toponyms: list[Any],
    text: str,
    trigger: int,
    start: int,
    end: int,
    others: tuple[int, ...] = (),
) -> Any | None:
    """The toponym governing an event in ``[start, end)``: after a locative word, most precise,
    nearest the trigger; launch sites ("fired from X") and offsets ("east of X") lose."""
    scored = []
    courts = _court_seats(toponyms, text)
    inside = sorted(
        (
            t
            for t in toponyms
            if t not in courts
            and start <= t.start
            and t.end <= end
            and t.place is not None
            and not _PARTY_MODIFIER.match(text[t.end : t.end + 40])
            and not (t.place.precision >= 3 and _ARMS_AFTER.match(text[t.end : t.end + 30]))
            and not _nearer_other(t, trigger, others)
        ),
        key=lambda t: t.start,
    )
    first = inside[0] if inside else None
    filed_from = next((t for t in inside if _is_dateline(text, t)), None)
    finer = any(t is not filed_from and (t.place.precision < 3 or t.place.admin1) for t in inside)
    for t in inside:
        before = text[max(0, t.start - 30) : t.start]
        score = 0.0
        if _LOCATIVE.search(before):
            score += 2
        if _NOT_EVENT_PLACE.search(before):
            score -= 3
        if _BORDER_WITH.search(before):
            score -= BORDER_WITH_PENALTY
        if _POSSESSIVE.match(text[t.end : t.end + 3]):
            score -= 2
        if t.end <= trigger and (
            _PRENOMINAL_GAP.match(text[t.end : trigger])
            or (t is first and _SUBJECT_IS_PLACE.match(text[trigger:end]))
        ):
            score += 2.5
        if t is filed_from and finer:
            # where the reporter filed from loses to a town or province the sentence names;
            # against a country alone ("in the Somali capital") it is the better guess
            score -= 3
        score -= 0.5 * (t.place.precision or 3)
        score -= abs(t.start - trigger) / 400
        scored.append((score, t.start, t))
    if not scored:
        return None
    return max(scored, key=lambda s: (s[0], -s[1]))[2]


def across_border(toponyms: list[Any], text: str, start: int, end: int) -> bool:
    """Whether ``[start, end)`` names a country across a border ("near the border with
    Mali"): then the acting force's own country ("Niger's army") is where it happened."""
    return any(
        start <= t.start < end and _BORDER_WITH.search(text[max(0, t.start - 30) : t.start])
        for t in toponyms
    )


def _is_dateline(text: str, t: Any) -> bool:
    """Is the toponym the dateline opening its line ("KYIV (Reuters) - Russian missiles
    struck ... in Dnipro")? It shares the lead's sentence but says where the story was
    filed; ``dateline_place`` gives it as a fallback of its own."""
    line_start = text.rfind("\n", 0, t.start) + 1
    if t.start > DATELINE_REACH or text[line_start : t.start].strip():
        return False
    m = _DATELINE.match(text[line_start : line_start + 200])
    return m is not None and line_start + m.start("place") <= t.start < line_start + m.end()


def _court_seats(toponyms: list[Any], text: str) -> list[Any]:
    """Toponyms naming where a court sat, with the country qualifying one ("Silivri, Turkey")."""
    seats: list[Any] = []
    for t in sorted(toponyms, key=lambda t: t.start):
        qualifies = bool(seats) and text[seats[-1].end : t.start] in (", ", ",")
        if qualifies or _COURT_SEAT.search(text[max(0, t.start - 20) : t.start]):
            seats.append(t)
    return seats


def dateline_place(text: str, toponyms: list[Any]) -> Grounded | None:
    """The dateline ("BAGHDAD (Agency) —") as a place of last resort, at country precision.

    It says where the reporter filed from, which is often but not always the event's place,
    so it is kept at precision 3 whatever the gazetteer's precision of the city.
    """
    # the dateline opens the first paragraph of the body, usually after the headline
    starts = [0] + [m.end() for m in re.finditer(r"\n\s*", text[:DATELINE_REACH])]
    m = next((m for i in starts if (m := _DATELINE_AT_LINE.match(text, i, i + 200))), None)
    if not m:
        return None
    s, e = m.start("place"), m.end("place")
    for t in toponyms:
        if t.start < e and s < t.end and t.place is not None:
            return Grounded(dataclasses.replace(t.place, precision=3), t.start, t.end)
    return None


def lower_precision(place: Place) -> Place:
    """A place inherited from context: at least "near a place" precision."""
    return dataclasses.replace(place, precision=max(place.precision, 2))


def is_background(
    date: DateInterval, published: DateInterval, cue: bool, max_age_days: int = 30
) -> bool:
    """History, not news: a background cue, or a date over ``max_age_days`` before publication."""
    if cue:
        return True
    if date.end is None or published.start is None or published.precision != "day":
        return False
    return date.end < published.start - dt.timedelta(days=max_age_days)


__all__ = [
    "UNDATED_WINDOW_DAYS",
    "Grounded",
    "dateline_place",
    "dates_a_state",
    "inherited",
    "is_background",
    "is_clock",
    "lower_precision",
    "pick_timex",
    "pick_toponym",
    "undated",
]
