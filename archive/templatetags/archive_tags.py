"""Filters and tags for the archive's Chinese dates, pages, query strings and calendars."""

from __future__ import annotations

import calendar
import datetime as dt
from functools import lru_cache

from django import template
from django.http import QueryDict
from django.urls import get_script_prefix, reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

WEEKDAYS = "一二三四五六日"
SHORT_ROLE = 6  # longer titles are left out of list rows (the article page shows them)


@register.filter
def cn_date(value: dt.date | None) -> str:
    """2021年4月17日; '日期不详' when the date is unknown."""
    if not value:
        return "日期不详"
    return f"{value.year}年{value.month}月{value.day}日"


@register.filter
def cn_month(value: dt.date | None) -> str:
    return f"{value.year}年{value.month}月" if value else ""


@register.filter
def cn_weekday(value: dt.date | None) -> str:
    return f"星期{WEEKDAYS[value.weekday()]}" if value else ""


@register.filter
def page_label(page: int | None) -> str:
    return f"第{page}版" if page else "版次不详"


@register.filter
def day_url(value: dt.date) -> str:
    return reverse("archive:day", args=[value.year, value.month, value.day])


@register.filter
def month_url(value: dt.date) -> str:
    return reverse("archive:month", args=[value.year, value.month])


@register.simple_tag(takes_context=True)
def query(context, **changes) -> str:
    """The current query string with some parameters changed; None or '' removes one.

    Links that narrow or page a list keep the reader's other choices.
    """
    request = context.get("request")
    params = request.GET.copy() if request is not None else QueryDict(mutable=True)
    for key, value in changes.items():
        if value is None or value == "":
            params.pop(key, None)
        else:
            params[key] = value
    if "page" not in changes:
        params.pop("page", None)  # a changed filter starts again at page 1
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.simple_tag
def month_calendar(year: int, month: int, counts: dict, today=None) -> SafeString:
    """One month as a table of weeks; days with articles link to their issue with the count.

    Built in Python rather than a template: a year page draws twelve of these, and 370 cells
    through the template engine cost more than everything else on the page.
    """
    first = dt.date(year, month, 1)
    total = sum(n for d, n in counts.items() if d.year == year and d.month == month)
    out = [
        '<table class="calendar"><caption>',
        format_html('<a href="{}">{}</a>', month_url(first), cn_month(first)),
        format_html('<span class="count">（{} 篇）</span>', total) if total else "",
        "</caption><thead><tr>",
        "".join(f'<th scope="col" abbr="星期{w}">{w}</th>' for w in WEEKDAYS),
        "</tr></thead><tbody>",
    ]
    for week in calendar.Calendar(firstweekday=0).monthdatescalendar(year, month):
        out.append("<tr>")
        for day in week:
            n = counts.get(day, 0) if day.month == month else 0
            if day.month != month:
                out.append("<td></td>")
            elif n:
                cls, aria = (
                    ("has-articles current", ' aria-current="date"')
                    if day == today
                    else ("has-articles", "")
                )
                out.append(
                    f'<td class="{cls}"><a href="{day_url(day)}" title="{cn_date(day)}：{n} 篇"'
                    f'{aria}>{day.day}<span class="n">{n}篇</span></a></td>'
                )
            else:
                out.append(f'<td class="empty"><span>{day.day}</span></td>')
        out.append("</tr>")
    out.append("</tbody></table>")
    return mark_safe("".join(out))  # every value above is a number, a date or fixed text


@register.inclusion_tag("includes/pagination.html", takes_context=True)
def pagination(context, page_obj):
    return {"page_obj": page_obj, "request": context.get("request")}


@lru_cache(maxsize=64)
def _url_template(name: str, prefix: str) -> str:
    return reverse(name, args=[987654321]).replace("987654321", "{}")


def fast_url(name: str, pk: int) -> str:
    """reverse() for '<name>/<pk>/' routes at the cost of a str.format (lists link a lot)."""
    return _url_template(name, get_script_prefix()).format(int(pk))


@register.simple_tag
def person_items(mentions) -> SafeString:
    """The <li> of each person an article names, with their title (a 名单 names hundreds:
    through the template engine they cost 70 ms)."""
    return format_html_join(
        "\n",
        '<li><a href="{}">{}</a>{}</li>',
        (
            (
                fast_url("archive:person", m.person_id),
                m.person.name,
                format_html(' <span class="role">{}</span>', m.role) if m.role else "",
            )
            for m in mentions
        ),
    )


@register.simple_tag
def article_rows(articles, in_issue: bool = False, names: int = 6) -> SafeString:
    """The rows of an article list: kicker, title, date and page, the people named.

    Built in Python: a list of 30 articles through the template engine cost ~1 ms a row.
    Expects articles from Article.objects.for_listing() (mentions prefetched).
    """
    out = []
    for a in articles:
        parts = ['<li class="article-row">']
        if a.kicker:
            parts.append(format_html('<p class="kicker">{}</p>', a.kicker))
        parts.append(
            format_html(
                '<h3 class="row-title"><a href="{}">{}</a>{}</h3>',
                fast_url("archive:article", a.pk),
                a.title,
                DERIVED if a.title_is_derived else "",
            )
        )
        people = a.persons_in_text()
        meta = []
        if not in_issue:
            if a.published:
                meta.append(
                    format_html(
                        '<a href="{}"><time datetime="{}">{}</time></a>',
                        day_url(a.published),
                        a.published.isoformat(),
                        cn_date(a.published),
                    )
                )
            else:
                meta.append("日期不详")
            if a.page:  # "版次不详" on every row says nothing
                meta.append(page_label(a.page))
        if people:
            links = "、".join(
                format_html(
                    '<a href="{}"{}>{}{}</a>',
                    fast_url("archive:person", m.person_id),
                    format_html(' title="{}"', m.role) if m.role else "",
                    m.role if len(m.role) <= SHORT_ROLE else "",  # long titles: on hover only
                    m.person.name,
                )
                for m in people[:names]
            )
            meta.append(f'<span class="names">{links}{"等" if len(people) > names else ""}</span>')
        if meta:
            parts.append(f'<p class="meta">{" · ".join(meta)}</p>')
        parts.append("</li>")
        out.append("".join(parts))
    return mark_safe(f'<ul class="article-list">{"".join(out)}</ul>')  # parts escaped above


DERIVED = mark_safe(
    ' <span class="derived" title="OCR 丢失了标题，标题取自导语">（标题为系统生成）</span>'
)
