"""GET /api/search — the search service as JSON.

Parameters: q, person, date_from, date_to (YYYY-MM-DD), page (≥ 1), page_size (1–100,
default 20), sort (relevance | newest | oldest). A value that cannot be read (page=abc,
date_from=2021-13-45, sort=best, page_size=0) gives 400 with {"error": ..., "param": name};
a page_size above 100 is clamped to 100 rather than refused, and a page past the end is an
empty result list, not an error.
"""

from __future__ import annotations

import datetime as dt

from django.http import JsonResponse
from django.views.decorators.http import require_GET

from archive.search.service import SORTS, search_articles
from archive.search.types import SearchQuery

MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 20


class BadParam(ValueError):
    def __init__(self, param: str, message: str):
        super().__init__(message)
        self.param = param


def _int(request, name: str, default: int, low: int = 1) -> int:
    raw = request.GET.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise BadParam(name, f"{name} must be a whole number, got {raw[:50]!r}") from None
    if value < low:
        raise BadParam(name, f"{name} must be at least {low}")
    return value


def _date(request, name: str) -> dt.date | None:
    raw = request.GET.get(name, "").strip()
    if not raw:
        return None
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        raise BadParam(name, f"{name} must be a date as YYYY-MM-DD, got {raw[:50]!r}") from None


def _query(request) -> SearchQuery:
    sort = request.GET.get("sort", "").strip() or "relevance"
    if sort not in SORTS:
        raise BadParam("sort", f"sort must be one of {', '.join(SORTS)}")
    date_from, date_to = _date(request, "date_from"), _date(request, "date_to")
    if date_from and date_to and date_from > date_to:
        raise BadParam("date_to", "date_to is before date_from")
    page = _int(request, "page", 1)
    if page > 100_000:
        raise BadParam("page", "page is too large")
    return SearchQuery(
        q=request.GET.get("q", ""),
        person=request.GET.get("person", "").strip(),
        date_from=date_from,
        date_to=date_to,
        sort=sort,
        page=page,
        page_size=min(_int(request, "page_size", DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE),
    )


@require_GET
def search_api(request):
    try:
        query = _query(request)
    except BadParam as exc:
        return JsonResponse({"error": str(exc), "param": exc.param}, status=400)
    result = search_articles(query)
    body = {
        "count": result.count,
        "page": query.page,
        "page_size": query.page_size,
        "num_pages": result.num_pages,
        "results": [
            {
                "id": hit.id,
                "url": hit.url,
                "title": hit.title,
                "published": hit.published.isoformat() if hit.published else None,
                "persons": hit.persons,
                "snippet": hit.snippet_html,
            }
            for hit in result.hits
        ],
        "facets": {
            name: [{"value": v.value, "count": v.count} for v in values]
            for name, values in result.facets.items()
        },
    }
    if result.error:
        body["error"] = result.error
    return JsonResponse(body, json_dumps_params={"ensure_ascii": False})
