"""The list of all articles (narrowed by date) and the reading view of one article."""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render

from archive import selectors
from archive.context_processors import current_paper
from archive.models import Article
from archive.models.people import MentionKind
from archive.templatetags.archive_tags import cn_date, page_label

PER_PAGE = 30
PARAM_LABELS = {"year": "年份", "month": "月份", "day": "日期"}


def _int_param(request, name: str, low: int, high: int, errors: list[str]) -> int | None:
    raw = request.GET.get(name, "").strip()
    if not raw:
        return None
    if raw.isdigit() and low <= int(raw) <= high:
        return int(raw)
    errors.append(f"“{raw}”不是有效的{PARAM_LABELS[name]}，已忽略。")
    return None


def article_list(request):
    errors: list[str] = []
    year = _int_param(request, "year", 1, 9999, errors)
    month = _int_param(request, "month", 1, 12, errors) if year else None
    day = _int_param(request, "day", 1, 31, errors) if month else None
    articles = selectors.article_list(year, month, day)
    page_obj = Paginator(articles, PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "page_obj": page_obj,
        "articles": page_obj.object_list,
        "year": year,
        "month": month,
        "day": day,
        "errors": errors,
        "year_facets": selectors.year_counts(),
        "month_facets": selectors.month_counts(year) if year else [],
        "day_facets": selectors.day_counts(year, month) if month else [],
    }
    return render(request, "article_list.html", context)


def citation(article: Article) -> str:
    """《衡阳日报》2021年4月17日第1版：标题 (the paper named in the settings)"""
    when = cn_date(article.published) if article.published else "出版日期不详"
    where = page_label(article.page) if article.page else ""
    return f"《{current_paper().name}》{when}{where}：{article.title}"


def article_detail(request, pk):
    try:
        article = selectors.article_for_reading(pk)
    except Article.DoesNotExist as exc:
        raise Http404("没有这篇文章") from exc
    mentions = list(article.mentions.all())
    byline = {
        kind: [m for m in mentions if m.kind == kind]
        for kind in (MentionKind.REPORTER, MentionKind.CORRESPONDENT, MentionKind.PHOTOGRAPHER)
    }
    paragraphs = article.paragraphs
    prev, nxt = selectors.issue_neighbours(article)
    previous = article.previous_part
    context = {
        "article": article,
        "paragraphs": paragraphs,
        "description": article.deck or (paragraphs[0] if paragraphs else article.title),
        "captions": [c for c in article.captions.split("\n") if c.strip()],
        # The label as printed (本报记者, 通讯员 …) when the importer kept it.
        "byline": [(ms[0].role or MentionKind(k).label, ms) for k, ms in byline.items() if ms],
        "persons": [m for m in mentions if not m.is_byline],
        "events": list(article.events.all()),
        "prev": prev,
        "next": nxt,
        "related": selectors.related_articles(article),
        "previous_part": previous if previous and not previous.is_hidden else None,
        "next_part": selectors.next_part(article),
        "permalink": request.build_absolute_uri(article.get_absolute_url()),
        "citation": citation(article),
    }
    return render(request, "article_detail.html", context)
