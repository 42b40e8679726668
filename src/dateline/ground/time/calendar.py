"""Calendar periods: a unit (day, ISO week, month, quarter, season...) with its dates and value.

Every resolved DATE is one of these periods, so its TimeML value ("2020-W47", "1989-Q3",
"1998-SU", "199") and its calendar interval are computed in one place and cannot disagree.
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
from dataclasses import dataclass

from dateline.records import Precision

SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
SEASONS = ("WI", "SP", "SU", "FA")  # calendar order of the season a month falls in

#: The event-record precision of each unit: how much of the date the expression pins down.
PRECISION: dict[str, Precision] = {
    "day": "day",
    "week": "week",
    "weekend": "week",
    "month": "month",
    "quarter": "month",
    "half": "month",
    "season": "month",
    "year": "year",
    "decade": "year",
    "century": "year",
}


@dataclass(frozen=True)
class Period:
    """A calendar unit instance: ``unit`` covering ``start``..``end`` inclusive."""

    unit: str
    start: dt.date
    end: dt.date
    value: str

    @property
    def precision(self) -> Precision:
        return PRECISION[self.unit]

    def shift(self, n: int) -> Period:
        """The same unit ``n`` steps later (earlier when negative)."""
        return shift(self, n)

    def narrow(self, mod: str | None) -> tuple[dt.date, dt.date]:
        """Dates covered by the START/MID/END third of this period (whole period otherwise).

        Thirds are what "early/mid/late" mean in news: "early November" is the 1st-10th.
        """
        if mod not in ("START", "MID", "END") or self.start == self.end:
            return self.start, self.end
        if self.unit == "year":  # whole months: early = Jan-Apr, mid = May-Aug, late = Sep-Dec
            first = {"START": 1, "MID": 5, "END": 9}[mod]
            return month(self.start.year, first).start, month(self.start.year, first + 3).end
        if self.unit == "decade":  # early = years 0-3, mid = 3-6, late = 7-9
            lo, hi = {"START": (0, 3), "MID": (3, 6), "END": (7, 9)}[mod]
            return year(self.start.year + lo).start, year(self.start.year + hi).end
        days = (self.end - self.start).days + 1
        third = days // 3
        if mod == "START":
            return self.start, self.start + dt.timedelta(days=third - 1)
        if mod == "MID":
            return self.start + dt.timedelta(days=third), self.end - dt.timedelta(days=third)
        return self.end - dt.timedelta(days=third - 1), self.end


def year_value(year: int) -> str:
    return f"{year:04d}" if year >= 0 else f"BC{-year:04d}"


def day(d: dt.date) -> Period:
    return Period("day", d, d, d.isoformat())


def week(d: dt.date) -> Period:
    iso_year, iso_week, iso_day = d.isocalendar()
    monday = d - dt.timedelta(days=iso_day - 1)
    return Period("week", monday, monday + dt.timedelta(days=6), f"{iso_year}-W{iso_week:02d}")


def weekend(d: dt.date) -> Period:
    """The Saturday and Sunday of the ISO week containing ``d``."""
    wk = week(d)
    return Period("weekend", wk.start + dt.timedelta(days=5), wk.end, f"{wk.value}-WE")


def month(year: int, month_no: int) -> Period:
    last = _calendar.monthrange(year, month_no)[1]
    return Period(
        "month",
        dt.date(year, month_no, 1),
        dt.date(year, month_no, last),
        f"{year_value(year)}-{month_no:02d}",
    )


def quarter(year: int, q: int) -> Period:
    first = month(year, 3 * q - 2)
    last = month(year, 3 * q)
    return Period("quarter", first.start, last.end, f"{year_value(year)}-Q{q}")


def half(year: int, h: int) -> Period:
    first = month(year, 6 * h - 5)
    last = month(year, 6 * h)
    return Period("half", first.start, last.end, f"{year_value(year)}-H{h}")


def season(year: int, code: str) -> Period:
    """Meteorological seasons; winter ``year`` runs from December ``year`` to February."""
    first = month(year, SEASON_START[code])
    last_year, last_month = (year + 1, 2) if code == "WI" else (year, SEASON_START[code] + 2)
    return Period(
        "season", first.start, month(last_year, last_month).end, f"{year_value(year)}-{code}"
    )


def year(y: int) -> Period:
    return Period("year", dt.date(y, 1, 1), dt.date(y, 12, 31), year_value(y))


def decade(first_year: int) -> Period:
    first_year -= first_year % 10
    return Period(
        "decade",
        dt.date(first_year, 1, 1),
        dt.date(first_year + 9, 12, 31),
        f"{first_year // 10:03d}",
    )


def century(first_year: int) -> Period:
    """The century whose years start with ``first_year // 100`` ("19" is 1900-1999)."""
    first_year -= first_year % 100
    last = min(first_year + 99, 9999)
    return Period(
        "century",
        dt.date(max(first_year, 1), 1, 1),
        dt.date(last, 12, 31),
        f"{first_year // 100:02d}",
    )


def season_of(d: dt.date) -> Period:
    code = SEASONS[(d.month % 12) // 3]
    return season(d.year - 1 if d.month <= 2 else d.year, code)


def period_of(unit: str, d: dt.date) -> Period:
    """The ``unit`` period containing day ``d``."""
    if unit == "day":
        return day(d)
    if unit == "week":
        return week(d)
    if unit == "weekend":
        return weekend(d)
    if unit == "month":
        return month(d.year, d.month)
    if unit == "quarter":
        return quarter(d.year, (d.month - 1) // 3 + 1)
    if unit == "half":
        return half(d.year, (d.month - 1) // 6 + 1)
    if unit == "season":
        return season_of(d)
    if unit == "year":
        return year(d.year)
    if unit == "decade":
        return decade(d.year)
    if unit == "century":
        return century(d.year)
    raise ValueError(f"unknown calendar unit {unit!r}")


def add_months(d: dt.date, n: int) -> dt.date:
    """``d`` moved by ``n`` months, clamped to the target month's last day."""
    index = d.year * 12 + d.month - 1 + n
    y, m = divmod(index, 12)
    return dt.date(y, m + 1, min(d.day, _calendar.monthrange(y, m + 1)[1]))


_MONTH_STEPS = {
    "month": 1,
    "quarter": 3,
    "half": 6,
    "season": 12,
    "year": 12,
    "decade": 120,
    "century": 1200,
}


def shift(p: Period, n: int) -> Period:
    if n == 0:
        return p
    if p.unit in ("day", "week", "weekend"):
        step = 1 if p.unit == "day" else 7
        return period_of(p.unit, p.start + dt.timedelta(days=step * n))
    if p.unit == "season":
        return season(p.start.year + n, p.value[-2:])
    return period_of(p.unit, add_months(p.start, _MONTH_STEPS[p.unit] * n))
