"""The search page: the query as written, results with highlighted snippets, narrowing facets."""

from __future__ import annotations

import datetime as dt
import logging
from urllib.parse import urlencode

from django.http import QueryDict
from django.shortcuts import render
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from archive import charts
from archive.forms import SORT_KEYS, SearchForm
from archive.forms.trend import TrendForm
from archive.models import Person
from archive.periods import period_span
from archive.search.trend import MAX_MONTHS, MAX_TERMS, Trend, months_between, period_range
from archive.search.types import FacetValue, SearchPage, SearchQuery

log = logging.getLogger(__name__)

# The sorts are the search service's (SearchForm offers them); the page names them.
SORT_LABELS = {"relevance": "相关度", "newest": "最新", "oldest": "最早"}
# What the page does with a value it cannot read: searches without it, and says so.
INSTEAD = {"sort": "已按相关度排序", "page": "已显示第 1 页", "page_size": "已按默认条数显示"}
SWAPPED = "已对调"
IGNORED = "已忽略"


def parse_query(params: QueryDict) -> tuple[SearchQuery, list[str]]:
    """A SearchQuery from the request's parameters, and a message for every value not used."""
    form = SearchForm(params)
    messages = [
        f"{message}，{SWAPPED if code == 'reversed' else INSTEAD.get(name, IGNORED)}。"
        for name, code, message in form.problems()
    ]
    return form.to_query(), messages


def run_search(query: SearchQuery, facets: bool = True) -> tuple[SearchPage, str]:
    """The service's answer, or an empty page and a message when the service fails."""
    try:
        from archive.search.service import search_articles

        return search_articles(query, facets=facets), ""
    except Exception:  # the reader gets a message, the log gets the traceback
        log.exception("search failed for %r", query)
        return SearchPage(query=query, count=0, hits=[]), "检索暂时出了问题，请稍后再试。"


def facet_range(facet: str, value: str) -> tuple[dt.date, dt.date] | None:
    """The dates a year, month or day facet value stands for."""
    levels = ("year", "month", "day")
    parts = value.split("-")
    if facet not in levels or len(parts) != levels.index(facet) + 1:
        return None
    try:
        return period_span(*(int(p) for p in parts))
    except ValueError:
        return None


# A date level is listed when it is short enough to read: years always, then months and days
# once the results (or the dates asked for) are narrow enough. Drilling down year → month →
# day reaches every day; the API lists every level in full.
SHOWN_AT_MOST = {"month": 24, "day": 31}


def facet_links(params: QueryDict, query: SearchQuery, facets: dict[str, list[FacetValue]]):
    """Each facet value with the link that narrows to it, keeping the other parameters."""
    out = {}
    dated, named = _extendable(params, "date_from", "date_to"), _extendable(params, "person")
    for name in ("year", "month", "day", "person"):
        values = facets.get(name, [])
        if len(values) > SHOWN_AT_MOST.get(name, len(values)):
            continue
        links = []
        for fv in values:
            if name == "person":
                active = query.person == fv.value
                url = named + urlencode({"person": fv.value})
            else:
                span = facet_range(name, fv.value)
                if span is None:
                    continue
                active = (query.date_from, query.date_to) == span
                url = _dated(dated, *span)
            links.append({"label": fv.label, "count": fv.count, "url": url, "active": active})
        if links:
            out[name] = links
    return out


def without(params: QueryDict, *names: str) -> str:
    p = params.copy()
    for name in (*names, "page"):
        p.pop(name, None)
    return "?" + p.urlencode()


# What the chart does with a trend parameter it cannot use (dates: the search's own message).
TREND_INSTEAD = {"by": "已自动选择按年或按月", "q": f"已比较前 {MAX_TERMS} 个", "vs": IGNORED}
BY_LABELS = {"year": "按年", "month": "按月"}


def trend_section(params: QueryDict, found: SearchPage | None) -> tuple[dict, list[str]]:
    """The chart, its table and the comparison form for the search page, and a message for
    every trend parameter not used; {} when there is no term to chart.

    The search's own year or month facets are its query's counts (same q, dates and person):
    that term is not searched again.
    """
    from archive.search.trend import trend  # late, as run_search: tests stand in for search

    form = TrendForm(params)
    query = form.to_query(default_by=None)
    if not query.terms:
        return {}, []
    messages = [
        f"{message}，{TREND_INSTEAD[name]}。"
        for name, code, message in form.problems()
        if name in TREND_INSTEAD and code != "required"
    ]
    known: dict[str, dict[str, int]] = {}
    if found is not None and query.by in found.facets:
        known[found.query.q] = {v.value: v.count for v in found.facets[query.by]}
    result = trend(query, known)
    span = period_range(query.date_from, query.date_to)
    by_links = {
        by: _narrowed(params, by=by)
        for by in BY_LABELS
        if by != query.by and (by == "year" or (span and months_between(*span) <= MAX_MONTHS))
    }
    compared = [t for t in query.terms if t in form.cleaned_data.get("vs", [])]
    periods = _extendable(params, "by", "date_from", "date_to")  # a new chart: no forced unit
    return {
        "by": query.by,
        "by_label": BY_LABELS[query.by],
        "by_links": {BY_LABELS[by]: url for by, url in by_links.items()},
        "svg": _trend_chart(periods, result),
        "rows": _trend_rows(periods, result),
        "terms": [
            {
                "name": t,
                "line": f"s{i}",  # the line's style in the chart and the legend
                "remove": _narrowed(params, vs=[c for c in compared if c != t])
                if t in compared
                else "",  # the search's own q is changed in the search form
            }
            for i, t in enumerate(query.terms)
        ],
        "keep": [(k, v) for k in params for v in params.getlist(k) if k not in ("page", "vs")],
        "compared": compared,
        "can_add": len(query.terms) < MAX_TERMS,
        "error": result.error,
    }, messages


def _narrowed(params: QueryDict, **changes) -> str:
    """The search page's URL with these parameters changed (a list: every value); a new
    chart, so no page and no forced unit unless given."""
    p = params.copy()
    for name in ("page", "by", *changes):
        p.pop(name, None)
    for name, value in changes.items():
        p.setlist(name, value if isinstance(value, list) else [value])
    return "?" + p.urlencode()


def _extendable(params: QueryDict, *names: str) -> str:
    """The page's URL without these parameters (nor page), ready for one more: encoded once
    for the hundreds of year links of a large archive."""
    url = without(params, *names)
    return url if url == "?" else url + "&"


def _dated(base: str, first: dt.date, last: dt.date) -> str:
    return f"{base}date_from={first.isoformat()}&date_to={last.isoformat()}"


def _per_thousand(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def _trend_rows(base: str, result: Trend) -> SafeString:
    """The table beside the chart: a row per period, a count and a rate per term (built here,
    not in a template loop: a chart of a million articles has two hundred years of rows)."""

    def row(i: int, period) -> tuple:
        url = _dated(base, period.first, period.last) if period.total else ""
        linked = (lambda text: format_html('<a href="{}">{}</a>', url, text)) if url else str
        cells = format_html_join(
            "",
            '<td class="num">{}</td><td class="num">{}</td>',
            (
                (linked(points[i].count), _per_thousand(points[i].per_thousand))
                for points in result.series.values()
            ),
        )
        return linked(period.label), cells, period.total

    return format_html_join(
        "",
        '<tr><th scope="row">{}</th>{}<td class="num">{}</td></tr>',
        (row(i, period) for i, period in enumerate(result.periods)),
    )


def _trend_chart(base: str, result: Trend):
    if not result.series:
        return ""
    columns = []
    for i, period in enumerate(result.periods):
        points = [series[i] for series in result.series.values()]
        numbers = "；".join(
            f"“{term}” {p.count} 篇（每千篇 {_per_thousand(p.per_thousand)}）"
            for term, p in zip(result.series, points, strict=True)
        )
        columns.append(
            charts.Column(
                tick=period.key[:4] + (f".{int(period.key[5:])}" if period.key[5:] else ""),
                tip=f"{period.label}：{numbers}；共 {period.total} 篇",
                href=_dated(base, period.first, period.last) if period.total else "",
                values=tuple(p.per_thousand for p in points),
            )
        )
    terms = "、".join(f"“{t}”" for t in result.series)
    title = f"{terms}{BY_LABELS[result.query.by]}每千篇文章中的篇数"
    return charts.lines_svg(columns, title, unit="‰")


def search_page(request):
    query, errors = parse_query(request.GET)
    asked = bool(query.q or query.person or query.date_from or query.date_to)
    result, failure = run_search(query) if asked else (None, "")
    if failure:
        errors.append(failure)
    if result is not None and result.error:
        errors.append(result.error)
    trend, trend_errors = trend_section(request.GET, result) if asked else ({}, [])
    errors += trend_errors
    context = {
        "query": query,
        "asked": asked,
        "result": result,
        "errors": errors,
        "sorts": {key: SORT_LABELS.get(key, key) for key in SORT_KEYS},
        "facets": facet_links(request.GET, query, result.facets) if result else {},
        "people": list(Person.objects.visible().matching(query.q)[:6]) if query.q else [],
        "clear_dates": without(request.GET, "date_from", "date_to"),
        "clear_person": without(request.GET, "person"),
        "pages": _page_numbers(query.page, result.num_pages) if result else [],
        "trend": trend,
    }
    return render(request, "search.html", context)


def _page_numbers(current: int, last: int) -> list[int | None]:
    """1 … 4 5 [6] 7 8 … 20 — None marks a gap."""
    shown = sorted({1, last, *range(max(1, current - 2), min(last, current + 2) + 1)})
    out: list[int | None] = []
    for n in shown:
        if out and n - out[-1] > 1:
            out.append(None)
        out.append(n)
    return out
