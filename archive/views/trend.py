"""GET /api/trend — how often terms appear per year or month, as JSON.

Parameters: those of archive.forms.trend.TrendForm — q (repeat it to compare terms), by (year |
month, default year), date_from, date_to, person. One q: {"q": "…", "by", "series": [{"period",
"count", "total"}]}; several: "q" is the list and "series" maps each term to its list. A value
that cannot be read gives 400 with {"error": "name: message", "param": name}; the index
unavailable gives 503 with {"error"}.
"""

from __future__ import annotations

from django.http import JsonResponse
from django.views.decorators.http import require_GET

from archive.forms.trend import TrendForm
from archive.search.trend import trend


def _json(body: dict, status: int = 200) -> JsonResponse:
    return JsonResponse(body, status=status, json_dumps_params={"ensure_ascii": False})


@require_GET
def trend_api(request):
    form = TrendForm(request.GET)
    if not form.is_valid():
        param, _, message = form.problems()[0]
        return _json({"error": f"{param}: {message}", "param": param}, status=400)
    query = form.to_query()
    result = trend(query)
    if not result.series:  # the index could not be read
        return _json({"error": result.error}, status=503)
    series = {
        term: [{"period": p.period, "count": p.count, "total": p.total} for p in points]
        for term, points in result.series.items()
    }
    one = len(query.terms) == 1
    body = {
        "q": query.terms[0] if one else list(query.terms),
        "by": query.by,
        "series": series[query.terms[0]] if one else series,
    }
    if result.error:
        body["error"] = result.error
    return _json(body)
