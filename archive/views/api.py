"""GET /api/search — the search service as JSON.

Parameters: those of archive.forms.SearchForm — q, person, date_from, date_to (YYYY-MM-DD),
page (1–100000), page_size (1–100, default 20), sort (relevance | newest | oldest). A value
that cannot be read (page=abc, date_from=2021-13-45, sort=best, page_size=0, date_to before
date_from) gives 400 with {"error": "name: message", "param": name}; a page_size above 100 is
clamped to 100 rather than refused, and a page past the end is an empty result list, not an
error.
"""

from __future__ import annotations

from django.http import JsonResponse
from django.views.decorators.http import require_GET

from archive.forms import SearchForm
from archive.search.service import search_articles


@require_GET
def search_api(request):
    form = SearchForm(request.GET)
    if not form.is_valid():
        param, _, message = form.problems()[0]
        return JsonResponse(
            {"error": f"{param}: {message}", "param": param},
            status=400,
            json_dumps_params={"ensure_ascii": False},
        )
    query = form.to_query()
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
