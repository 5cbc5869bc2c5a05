"""Placeholder; replaced by the search API."""

from django.http import JsonResponse


def search_api(request):
    return JsonResponse({"count": 0, "results": [], "facets": {}})
