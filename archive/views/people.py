"""The people index (search by name or pinyin) and one person's page."""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils.html import format_html_join

from archive import charts, selectors
from archive.models import Person
from archive.models.people import MentionKind

PER_PAGE = 50
ARTICLES_PER_PAGE = 20


def person_list(request):
    q = request.GET.get("q", "").strip()[:50]
    order = "name" if request.GET.get("order") == "name" else "count"
    page_obj = Paginator(selectors.person_index(q, order), PER_PAGE).get_page(
        request.GET.get("page")
    )
    context = {"q": q, "order": order, "page_obj": page_obj, "people": page_obj.object_list}
    return render(request, "person_list.html", context)


def get_person_or_404(pk: int) -> Person:
    try:
        return selectors.visible_person(pk)
    except Person.DoesNotExist as exc:  # rejected records are not people: no page for them
        raise Http404("没有这个人物") from exc


def person_detail(request, pk):
    person = get_person_or_404(pk)
    # Sums over all of a person's articles, cached like the calendar (selectors.counts).
    figures = selectors.person_figures(person)
    roles = [{**row, "kind_label": MentionKind(row["kind"]).label} for row in figures.roles]
    months = figures.months
    articles = selectors.person_articles(person, months)
    page_obj = Paginator(articles, ARTICLES_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "person": person,
        "roles": roles,
        "months": months,
        "timeline": charts.timeline_svg(months, f"{person.name}每月见报篇数"),
        # Built here, not in a template loop: a mayor has hundreds of months (3 numbers each).
        "month_items": format_html_join("", "<li>{}年{}月：{} 篇</li>", months),
        "companions": figures.companions,
        "events": figures.events,
        "event_count": figures.event_count,
        "credits": selectors.person_credits(person),
        "page_obj": page_obj,
        "articles": page_obj.object_list,
    }
    return render(request, "person_detail.html", context)
