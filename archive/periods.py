"""Days as numbers and the span of a month or year: one definition for every module."""

from __future__ import annotations

import calendar
import datetime as dt


def date_key(day: dt.date | None) -> int:
    """2021-04-17 → 20210417; None → 0 (undated), so keys sort and compare as dates do."""
    return day.year * 10000 + day.month * 100 + day.day if day else 0


def key_date(key: int) -> dt.date | None:
    return dt.date(key // 10000, key // 100 % 100, key % 100) if key else None


def month_span(year: int, month: int) -> tuple[dt.date, dt.date]:
    """The first and last day of a month."""
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def period_span(year: int, month: int | None = None, day: int | None = None):
    """The first and last day of a year, a month or a day."""
    if day:
        one = dt.date(year, month or 1, day)
        return one, one
    if month:
        return month_span(year, month)
    return dt.date(year, 1, 1), dt.date(year, 12, 31)
