"""The search page: the query as written, results with highlighted snippets, narrowing facets."""

from __future__ import annotations

import datetime as dt
import logging

from django.http import QueryDict
from django.shortcuts import render

from archive.forms import SORT_KEYS, SearchForm
from archive.models import Person
from archive.periods import period_span
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
    for name in ("year", "month", "day", "person"):
        values = facets.get(name, [])
        if len(values) > SHOWN_AT_MOST.get(name, len(values)):
            continue
        links = []
        for fv in values:
            p = params.copy()
            p.pop("page", None)
            if name == "person":
                active = query.person == fv.value
                p["person"] = fv.value
            else:
                span = facet_range(name, fv.value)
                if span is None:
                    continue
                active = (query.date_from, query.date_to) == span
                p["date_from"], p["date_to"] = span[0].isoformat(), span[1].isoformat()
            links.append(
                {"label": fv.label, "count": fv.count, "url": "?" + p.urlencode(), "active": active}
            )
        if links:
            out[name] = links
    return out


def without(params: QueryDict, *names: str) -> str:
    p = params.copy()
    for name in (*names, "page"):
        p.pop(name, None)
    return "?" + p.urlencode()


def search_page(request):
    query, errors = parse_query(request.GET)
    asked = bool(query.q or query.person or query.date_from or query.date_to)
    result, failure = run_search(query) if asked else (None, "")
    if failure:
        errors.append(failure)
    if result is not None and result.error:
        errors.append(result.error)
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
