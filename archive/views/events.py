"""Events by date and one event: what, when, where, who, and the articles about it."""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render

from archive import selectors
from archive.models import Event

PER_PAGE = 50


def event_list(request):
    page_obj = Paginator(selectors.event_index(), PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request, "event_list.html", {"page_obj": page_obj, "events": page_obj.object_list}
    )


def event_detail(request, pk):
    try:
        event = selectors.event_for_reading(pk)
    except Event.DoesNotExist as exc:
        raise Http404("没有这个事件") from exc
    context = {
        "event": event,
        "groups": selectors.event_participants(event),
        "articles": selectors.event_articles(event),
    }
    return render(request, "event_detail.html", context)
