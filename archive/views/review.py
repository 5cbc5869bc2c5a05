"""One list of everything the machine was unsure about, and what readers reported, for admins
to check."""

from django.contrib import admin
from django.contrib.admin.views.decorators import staff_member_required
from django.shortcuts import render

from archive.models import Article, ErrorReport, Event, Person
from archive.models.events import OLDEST_FIRST

LIMIT = 200


@staff_member_required
def review_queue(request):
    articles = Article.objects.needing_review().order_by("published", "source", "position")
    persons = Person.objects.needing_review().order_by("name")
    events = Event.objects.needing_review().order_by(*OLDEST_FIRST)
    reports = ErrorReport.objects.open().select_related("article")
    context = {
        **admin.site.each_context(request),
        "title": "待审核",
        "reports": reports[:LIMIT],
        "report_count": reports.count(),
        "articles": articles[:LIMIT],
        "article_count": articles.count(),
        "persons": persons[:LIMIT],
        "person_count": persons.count(),
        "events": events[:LIMIT],
        "event_count": events.count(),
        "limit": LIMIT,
    }
    return render(request, "admin/review_queue.html", context)
