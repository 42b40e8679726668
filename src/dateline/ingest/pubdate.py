"""Publication dates: the anchor every relative date in an article is resolved against.

Order of trust: metadata given with the article (``--published`` flag, then a sidecar file,
then a column or front-matter field), then a dateline or byline written in the text, then an
interval inferred from what the article is about (an anniversary "this week"), else unknown.
The run date is never used: a wrong anchor silently shifts every event in the article,
while an unknown one is visible and can be supplied.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable

from dateline.ingest.dates import (
    YEAR_RE,
    DateMatch,
    find_full_dates,
    find_month_day,
    parse_month_year,
)
from dateline.records import DateInterval, Precision

#: A byline/date line is short; longer lines are report text whose dates are events.
_MAX_DATE_LINE_CHARS = 160
#: Words a date line may hold beside the date and the usual byline words (an author's name).
_MAX_OTHER_WORDS = 4
_BYLINE_WORDS = frozenset(
    {"by", "published", "updated", "posted", "last", "modified", "on", "at", "first", "gmt",
     "bst", "utc", "est", "edt", "am", "pm", "and", "the", "staff", "reporter", "correspondent"}
)  # fmt: skip
_WORDS_RE = re.compile(r"[A-Za-z]+")
#: How many opening paragraphs may carry the dateline.
_HEAD_PARAGRAPHS = 6
_ISO_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ][\d:.+\-Z ]*)?$")
_INTERVAL_SPLIT_RE = re.compile(r"\s*(?:/|\.\.|\bto\b|–|—)\s*")
#: "BAGHDAD, Jan 5 (Reuters) -": capitalised place, date, optional agency, then a dash.
_DATELINE_RE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+)*(?:,\s*[A-Z][A-Za-z.'’-]+){0,2})[,\s]+"
    r"(?P<rest>.{3,40}?)\s*(?:\((?P<agency>[^)]{2,40})\))?\s*[-–—:]"
)
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "twentieth": 20, "twenty-fifth": 25, "thirtieth": 30,
    "fortieth": 40, "fiftieth": 50, "hundredth": 100,
}  # fmt: skip
_ANNIVERSARY_RE = re.compile(
    r"\b(?P<n>" + "|".join(_ORDINALS) + r"|\d{1,3}(?:st|nd|rd|th))\s+anniversary\b", re.IGNORECASE
)
#: Phrases saying the anniversary is now, so the article is dated to within days of it.
_NOW_CUE_RE = re.compile(
    r"\b(?:this week|today|tonight|on (?:mon|tues|wednes|thurs|fri|satur|sun)day|"
    r"marks?|marking|commemorat\w+)\b",
    re.IGNORECASE,
)
_SENTENCE_RE = re.compile(r"[^.!?]+(?:[.!?]+|$)")
_NAME_RE = re.compile(r"\b[A-Z][\w-]{2,}")
_NOT_NAMES = frozenset({
    "The", "This", "That", "His", "Her", "Its", "Their", "Our", "Monday", "Tuesday",
    "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March",
    "April", "May", "June", "July", "August", "September", "October", "November", "December",
})  # fmt: skip


def _precision(start: dt.date, end: dt.date) -> Precision:
    days = (end - start).days
    return "day" if days == 0 else "week" if days <= 7 else "month" if days <= 31 else "year"


def _month_interval(year: int, month: int, reason: str) -> DateInterval:
    nxt = dt.date(year + month // 12, month % 12 + 1, 1)
    return DateInterval(dt.date(year, month, 1), nxt - dt.timedelta(days=1), "month", reason)


def _single(value: str, reason: str) -> DateInterval | None:
    m = _ISO_RE.match(value)
    if m:
        year, month, day = (int(g) if g else None for g in m.groups())
        assert year is not None
        try:
            if day and month:
                return DateInterval.day(dt.date(year, month, day), reason)
            if month:
                return _month_interval(year, month, reason)
            return DateInterval(dt.date(year, 1, 1), dt.date(year, 12, 31), "year", reason)
        except ValueError:
            return None
    found = find_full_dates(value)
    if found:
        return DateInterval.day(found[0].date, reason)
    month_year = parse_month_year(value)
    if month_year:
        return _month_interval(month_year[0], month_year[1], reason)
    return None


def parse_published(value: object, source: str) -> DateInterval | None:
    """A publication date given as metadata: ISO day/month/year, an interval, or date text.

    ``source`` says where the value came from and becomes the interval's reason. Returns
    None when the value is not a date, so the caller can fall back to the next source.
    """
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return DateInterval.day(value, f"publication date {value.isoformat()} from {source}")
    text = str(value or "").strip()
    if not text:
        return None
    reason = f"publication date {text!r} from {source}"
    parts = _INTERVAL_SPLIT_RE.split(text)
    if len(parts) == 2 and _ISO_RE.match(parts[0]) and _ISO_RE.match(parts[1]):
        first, last = _single(parts[0], reason), _single(parts[1], reason)
        if first and last and first.start and last.end and first.start <= last.end:
            precision = _precision(first.start, last.end)
            return DateInterval(first.start, last.end, precision, reason)
        return None
    return _single(text, reason)


def _likely_year(text: str) -> int | None:
    """The year a text is most about: the most frequent year it names, latest on ties."""
    counts = Counter(int(y) for y in YEAR_RE.findall(text))
    if not counts:
        return None
    return max(counts, key=lambda y: (counts[y], y))


def _from_dateline(paragraph: str, text: str) -> DateInterval | None:
    m = _DATELINE_RE.match(paragraph)
    if not m:
        return None
    head = m.group(0)
    full = find_full_dates(head)
    if full:
        return DateInterval.day(full[0].date, f"dateline {head.strip()!r}")
    for month, day, _ in find_month_day(head):
        year = _likely_year(text)
        if year is None:
            return DateInterval.unknown(f"dateline {head.strip()!r} gives no year")
        try:
            date = dt.date(year, month, day)
        except ValueError:
            return None
        reason = f"dateline {head.strip()!r}; year {year} is the year the text names most"
        return DateInterval.day(date, reason)
    return None


def _is_date_line(line: str, found: DateMatch) -> bool:
    """A byline or date line, not a report sentence that happens to contain a date.

    Beside the date it may hold at most a few words (a name, "Published", "Updated"), and it
    does not end like a sentence unless it ends with the date itself.
    """
    rest = line[: found.start] + " " + line[found.end :]
    words = [w for w in _WORDS_RE.findall(rest) if w.lower() not in _BYLINE_WORDS]
    ending = line.rstrip()
    ends_sentence = ending.endswith(".") and not ending.rstrip(". ").endswith(found.text)
    return len(words) <= _MAX_OTHER_WORDS and not ends_sentence


def published_from_text(text: str) -> DateInterval | None:
    """The date of a byline/dateline in the opening lines of ``text`` (the body, no title).

    Only datelines ("BAGHDAD, Jan 5 (Reuters) -") and short date lines ("Friday 20/11/2020",
    "By Jane Doe | January 3, 2021") count: a date inside a report sentence is an event date.
    """
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()][:_HEAD_PARAGRAPHS]
    for line in lines:
        dated = _from_dateline(line, text)
        if dated:
            return dated
        found = find_full_dates(line) if len(line) <= _MAX_DATE_LINE_CHARS else []
        if found and _is_date_line(line, found[0]):
            note = f" ({found[0].note})" if found[0].note else ""
            return DateInterval.day(found[0].date, f"date line {line!r}{note}")
    return None


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year + years, day=28)


def _ordinal(word: str) -> int:
    word = word.lower()
    return _ORDINALS[word] if word in _ORDINALS else int(re.sub(r"\D", "", word))


def _anniversary_day(event: DateMatch, n: int, years: set[int]) -> tuple[dt.date, str]:
    """The anniversary day for a date near "the Nth anniversary".

    "On 3 January 2022, the second anniversary ..." names the anniversary day itself: the
    text then names the year two before it and not the one two after.
    """
    later, earlier = event.date.year + n, event.date.year - n
    if earlier in years and later not in years:
        return event.date, f"{event.text!r} is the anniversary day"
    return _add_years(event.date, n), f"anniversary of {event.text!r}"


def infer_published(text: str) -> DateInterval | None:
    """An interval for an undated article about "the second anniversary of" a dated event.

    With a cue that the anniversary is now ("this week", "today", "marks") the article is
    dated to the week around the anniversary; without one, to the month around it.
    """
    if "anniversar" not in text.lower() or not _ANNIVERSARY_RE.search(text):
        return None
    years = {int(y) for y in YEAR_RE.findall(text)}
    sentences = [m.group(0) for m in _SENTENCE_RE.finditer(text)]
    for i, sentence in enumerate(sentences):
        m = _ANNIVERSARY_RE.search(sentence)
        if not m:
            continue
        after = [d for d in find_full_dates(sentence) if d.start >= m.end()]
        before = [d for d in find_full_dates(sentence) if d.start < m.end()]
        # the next sentence usually tells the event ("... the 34th anniversary of the attack
        # on Sardasht. The attack took place on June 28, 1987"); the one before only when it
        # names what the anniversary names
        subject = _names(sentence[m.end() :])
        before_it = [s for s in sentences[max(0, i - 1) : i] if not subject or subject & _names(s)]
        around = [d for s in before_it + sentences[i + 1 : i + 2] for d in find_full_dates(s)]
        n = _ordinal(m.group("n"))
        for event in after + before + around:
            day, why = _anniversary_day(event, n, years)
            return _interval_around(day, f"{m.group(0)!r}: {why}", text)
    return None


def _names(text: str) -> set[str]:
    """Capitalised words (places, people) that say what a sentence is about.

    "the 30th anniversary of the chemical attack on Sardasht" is not dated by the sentence
    before it about Khan Sheikhoun: the previous sentence's date is taken for the
    anniversary only when the two share a name, or when the anniversary names none.
    """
    return {w for w in _NAME_RE.findall(text) if w not in _NOT_NAMES}


def _interval_around(day: dt.date, why: str, text: str) -> DateInterval:
    cue = _NOW_CUE_RE.search(text)
    half = dt.timedelta(days=3 if cue else 15)
    reason = f"inferred from {why}" + (
        f" with {cue.group(0)!r}: the week around it" if cue else ", no cue it is now: a month"
    )
    start, end = day - half, day + half
    return DateInterval(start, end, _precision(start, end), reason)


def resolve_published(candidates: Iterable[tuple[object, str]], text: str) -> DateInterval:
    """The publication date of an article from metadata candidates, best first, then its text.

    ``candidates`` are ``(value, source)`` pairs such as ``(options.published, "--published")``;
    empty values are passed over. ``text`` is the cleaned body without the title.
    """
    unreadable = ""
    for value, source in candidates:
        if value is None or value == "":
            continue
        parsed = parse_published(value, source)
        if parsed:
            return parsed
        unreadable = unreadable or f"; {value!r} from {source} is not a date"
    found = published_from_text(text)
    if found and found.is_known:
        return found
    inferred = infer_published(text)
    if inferred:
        return inferred
    return found or DateInterval.unknown(f"no publication date in metadata or text{unreadable}")
