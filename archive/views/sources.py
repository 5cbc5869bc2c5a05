"""Placeholder views; replaced by the real pages."""

from django.http import Http404


def _todo(*args, **kwargs):
    raise Http404("not built yet")


source_page = _todo
