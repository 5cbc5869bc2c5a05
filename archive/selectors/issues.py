"""Issues, months and years: what the date pages and the home page read."""

from __future__ import annotations

import bisect
import datetime as dt
from collections import OrderedDict

from django.db.models import Count

from archive.models import Article, Mention
from archive.models.people import MentionKind
from archive.periods import month_span
from archive.selectors.counts import calendar_counts

# --- issues and the calendar -------------------------------------------------------------


def latest_issue_date() -> dt.date | None:
    ordered = calendar_counts().ordered
    return ordered[-1] if ordered else None


def issue_pages(day: dt.date) -> list[tuple[int | None, list[Article]]]:
    """The articles of one issue grouped by page, pages in order (unknown pages last).

    When the page number is unknown the articles cut from one OCR page still stay together.
    """
    articles = Article.objects.on_day(day).for_listing().order_by("page", "position", "id")
    pages: OrderedDict[tuple, list[Article]] = OrderedDict()
    ordered = sorted(articles, key=lambda a: (a.page is None, a.page or 0, a.source_page_id or 0))
    for article in ordered:
        key = (article.page, None if article.page else article.source_page_id)
        pages.setdefault(key, []).append(article)
    return [(page, rows) for (page, _), rows in pages.items()]


def _neighbours(before: dt.date, after: dt.date) -> tuple[dt.date | None, dt.date | None]:
    """The latest issue date before `before` and the earliest after `after`."""
    ordered = calendar_counts().ordered
    i = bisect.bisect_left(ordered, before)
    j = bisect.bisect_right(ordered, after)
    return (ordered[i - 1] if i > 0 else None), (ordered[j] if j < len(ordered) else None)


def adjacent_issues(day: dt.date) -> tuple[dt.date | None, dt.date | None]:
    return _neighbours(day, day)


def adjacent_months(year: int, month: int) -> tuple[dt.date | None, dt.date | None]:
    """The nearest earlier and later issue dates outside this month."""
    return _neighbours(*month_span(year, month))


def on_this_day(day: dt.date) -> list[dict]:
    """Issues printed on the same month and day in other years, newest first."""
    cal = calendar_counts()
    found = []
    for year in sorted(cal.years, reverse=True):
        try:
            other = day.replace(year=year)
        except ValueError:  # 29 February in a common year
            continue
        if other != day and other in cal.days:
            found.append({"published": other, "n": cal.days[other]})
    return found


def year_counts() -> list[dict]:
    return [{"year": y, "n": n} for y, n in sorted(calendar_counts().years.items())]


def month_counts(year: int) -> list[dict]:
    months = calendar_counts().months
    return [{"month": m, "n": months[(year, m)]} for m in range(1, 13) if (year, m) in months]


def days_between(first: dt.date, last: dt.date) -> dict[dt.date, int]:
    cal = calendar_counts()
    i, j = bisect.bisect_left(cal.ordered, first), bisect.bisect_right(cal.ordered, last)
    return {d: cal.days[d] for d in cal.ordered[i:j]}


def day_counts_in_year(year: int) -> dict[dt.date, int]:
    return days_between(dt.date(year, 1, 1), dt.date(year, 12, 31))


def day_counts_in_month(year: int, month: int) -> dict[dt.date, int]:
    return days_between(*month_span(year, month))


def day_counts(year: int, month: int) -> list[dict]:
    return [{"day": d.day, "n": n} for d, n in day_counts_in_month(year, month).items()]


# --- home ----------------------------------------------------------------------------------


def people_in_the_news(until: dt.date | None, days: int = 30, limit: int = 12) -> list[dict]:
    """People named in the most articles in the `days` before the latest issue (not bylines)."""
    if until is None:
        return []
    since = until - dt.timedelta(days=days)
    # The span's articles first (an index range), then their mentions.
    recent = Article.objects.visible().filter(published__gt=since, published__lte=until)
    return list(
        Mention.objects.visible()
        .filter(kind=MentionKind.TEXT, article_id__in=recent.values("id"))
        .values("person_id", "person__name")
        .annotate(n=Count("article_id", distinct=True))
        .order_by("-n", "person__name")[:limit]
    )
