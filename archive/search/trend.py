"""How often a query appears over time: matching articles per year or month, beside all articles.

Each term's counts are the search page's own exact search (article_search: a SearchQuerySet on
the archive's engine) with its year or month facet, so a trend never disagrees with the result
count the reader sees when narrowing to that period. The totals are every visible, dated article
of the period, read from the per-process article dates (selectors.counts), not from the index.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from archive.charts import LINES, month_range
from archive.periods import date_key, key_date, month_span
from archive.search.errors import IndexNeedsRebuild
from archive.search.service import UNAVAILABLE, article_search
from archive.search.types import SearchQuery
from archive.selectors.counts import day_tally, memoized

log = logging.getLogger(__name__)

BY = ("year", "month")
# A line each on the chart; one exact search each, so the page's cost stays bounded.
MAX_TERMS = LINES
MAX_MONTHS = 120  # by month over more would be a chart of 120+ thin points: ask for years
AUTO_MONTHS = 36  # the search page charts months up to three years, years beyond


@dataclass(frozen=True)
class TrendQuery:
    terms: tuple[str, ...]
    by: str = "year"  # "year" | "month"
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    person: str = ""  # as on the search page: only articles naming this person are counted


@dataclass(frozen=True)
class Period:
    key: str  # "2021" or "2021-04"
    first: dt.date  # the period's days within the range asked for
    last: dt.date
    total: int  # visible, dated articles of those days

    @property
    def label(self) -> str:
        if len(self.key) == 4:
            return f"{self.key}年"
        return f"{self.key[:4]}年{int(self.key[5:])}月"


@dataclass(frozen=True)
class Point:
    period: str
    count: int  # articles of the period containing the term
    total: int

    @property
    def per_thousand(self) -> float | None:
        """Matching articles per 1,000 of the period; None when the period has none at all."""
        return 1000 * self.count / self.total if self.total else None


@dataclass(frozen=True)
class Trend:
    query: TrendQuery
    periods: list[Period]
    series: dict[str, list[Point]]  # term → one point per period, oldest first
    error: str = ""  # for the reader: the index unavailable, or a term not taken as written


def dated_span() -> tuple[dt.date, dt.date] | None:
    """The first and last issue date of the archive's visible articles (None: none dated)."""
    keys = _day_keys()
    if not len(keys):
        return None
    return key_date(int(keys[0])), key_date(int(keys[-1]))


def period_range(
    date_from: dt.date | None, date_to: dt.date | None
) -> tuple[dt.date, dt.date] | None:
    """The range asked for, cut to the archive's dated span (None: nothing dated in it)."""
    span = dated_span()
    if span is None:
        return None
    first = max(date_from, span[0]) if date_from else span[0]
    last = min(date_to, span[1]) if date_to else span[1]
    return (first, last) if first <= last else None


def months_between(first: dt.date, last: dt.date) -> int:
    """How many calendar months the days first … last touch."""
    return (last.year - first.year) * 12 + last.month - first.month + 1


def auto_by(date_from: dt.date | None, date_to: dt.date | None) -> str:
    """Months when the range (cut to the archive) spans at most AUTO_MONTHS, else years."""
    found = period_range(date_from, date_to)
    return "month" if found and months_between(*found) <= AUTO_MONTHS else "year"


def periods(by: str, date_from: dt.date | None, date_to: dt.date | None) -> list[Period]:
    """Every year or month from the first to the last dated article within the range, empty
    ones included, so a chart's line runs on through a period without articles."""
    found = period_range(date_from, date_to)
    if found is None:
        return []
    first, last = found
    if by == "year":
        spans = [
            (f"{y:04d}", dt.date(y, 1, 1), dt.date(y, 12, 31))
            for y in range(first.year, last.year + 1)
        ]
    else:
        spans = [
            (f"{y:04d}-{m:02d}", *month_span(y, m))
            for y, m in month_range((first.year, first.month), (last.year, last.month))
        ]
    # A period's days are cut to the range asked for (not to the archive's span): the link
    # that narrows a search to the period then stays inside the reader's own range.
    spans = [
        (key, max(lo, date_from) if date_from else lo, min(hi, date_to) if date_to else hi)
        for key, lo, hi in spans
    ]
    keys = _day_keys()
    starts = np.searchsorted(keys, [date_key(lo) for _, lo, _ in spans], side="left")
    ends = np.searchsorted(keys, [date_key(hi) for _, _, hi in spans], side="right")
    return [
        Period(key, lo, hi, int(n))
        for (key, lo, hi), n in zip(spans, (ends - starts).tolist(), strict=True)
    ]


def trend(query: TrendQuery, known: Mapping[str, Mapping[str, int]] | None = None) -> Trend:
    """Each term's matching articles per period; never raises for what a reader can type.

    known: a term's counts per period ("2021" or "2021-04" → n) that the caller already has
    from this same search (the search page's year or month facets, over the same dates and
    person), so that term is not searched twice.
    """
    found = periods(query.by, query.date_from, query.date_to)
    notes, series = [], {}
    try:
        for term in query.terms:
            if known and term in known:
                counts, notice = known[term], ""
            else:
                counts, notice = _term_counts(term, query)
            if notice:
                notes.append(f"“{term}”：{notice}")
            series[term] = [Point(p.key, counts.get(p.key, 0), p.total) for p in found]
    except IndexNeedsRebuild as exc:  # the log says what to run; the reader gets a message
        log.error("%s", exc)
        return Trend(query, found, {}, error=UNAVAILABLE)
    except Exception:
        log.exception("trend failed for %r", query)
        return Trend(query, found, {}, error=UNAVAILABLE)
    return Trend(query, found, series, error=" ".join(notes))


def _term_counts(term: str, query: TrendQuery) -> tuple[dict[str, int], str]:
    asked = SearchQuery(
        q=term,
        person=query.person,
        date_from=query.date_from,
        date_to=query.date_to,
        sort="newest",  # one result is fetched: newest first costs a selection, not BM25
    )
    sqs = article_search(asked).facet(query.by)
    sqs.count()  # runs the search once (one result), its facets counted with it
    values = sqs.facet_counts().get("fields", {}).get(query.by, [])
    return dict(values), sqs.query.notice


def _day_keys() -> np.ndarray:
    """Every visible, dated article's date as YYYYMMDD, ascending (cached like the counts)."""

    def compute():
        found, counts = day_tally()
        return np.repeat(found, counts)  # ascending without a sort

    return memoized("trend_day_keys", compute)
