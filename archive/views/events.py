"""Events by date and one event: what, when, where, who, and the articles about it."""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render

from archive import selectors
from archive.models import Event
from archive.views.people import get_person_or_404

PER_PAGE = 50


def event_list(request):
    """All events, newest first; ?person=<id> keeps those a person took part in."""
    person = None
    raw = request.GET.get("person", "")
    if raw:
        if not raw.isdigit():
            raise Http404("没有这个人物")
        person = get_person_or_404(int(raw))
    page_obj = Paginator(selectors.event_index(person), PER_PAGE).get_page(request.GET.get("page"))
    events = selectors.with_article_counts(list(page_obj.object_list))
    context = {"page_obj": page_obj, "events": events, "person": person}
    return render(request, "event_list.html", context)


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
