"""Browsing by date: the home page, a year, a month, one day's issue."""

import datetime as dt

from django.http import Http404
from django.shortcuts import render

from archive import selectors


def _date_or_404(year: int, month: int = 1, day: int = 1) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError as exc:  # 2021/02/30, month 13 …
        raise Http404("没有这一天") from exc


def home(request):
    latest = selectors.latest_issue_date()
    context = {
        "latest": latest,
        "pages": selectors.issue_pages(latest) if latest else [],
        "people": selectors.people_in_the_news(latest),
        "years": selectors.year_counts(),
        "calendar_counts": selectors.day_counts_in_month(latest.year, latest.month)
        if latest
        else {},
    }
    return render(request, "home.html", context)


def year(request, year):
    _date_or_404(year)
    counts = selectors.day_counts_in_year(year)
    if not counts:
        raise Http404("这一年没有文章")
    months = sorted({(d.year, d.month) for d in counts})
    context = {
        "year": year,
        "counts": counts,
        "months": [m for _, m in months],
        "total": sum(counts.values()),
        "issues": len(counts),
        "years": selectors.year_counts(),
    }
    return render(request, "year.html", context)


def month(request, year, month):
    first = _date_or_404(year, month)
    counts = selectors.day_counts_in_month(year, month)
    if not counts:
        raise Http404("这个月没有文章")
    prev, nxt = selectors.adjacent_months(year, month)
    context = {
        "first": first,
        "counts": counts,
        "days": sorted(counts.items()),
        "total": sum(counts.values()),
        "prev": prev,
        "next": nxt,
    }
    return render(request, "month.html", context)


def day(request, year, month, day):
    date = _date_or_404(year, month, day)
    pages = selectors.issue_pages(date)
    prev, nxt = selectors.adjacent_issues(date)
    if not pages:  # a link to this day (an event's date, a typed URL): show the nearest issues
        return render(request, "no_issue.html", {"date": date, "prev": prev, "next": nxt})
    context = {
        "date": date,
        "pages": pages,
        "count": sum(len(articles) for _, articles in pages),
        "prev": prev,
        "next": nxt,
        "on_this_day": selectors.on_this_day(date),
    }
    return render(request, "day.html", context)
