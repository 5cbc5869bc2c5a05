"""The list of all articles (narrowed by date), the reading view of one article and its
citation files (RIS, BibTeX)."""

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_safe

from archive import citations, selectors
from archive.citations import CitedArticle
from archive.context_processors import current_paper
from archive.forms.reports import ErrorReportForm
from archive.models import Article
from archive.models.pages import DateStatus
from archive.models.people import MentionKind
from archive.selectors.trust import unsure_notes

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


def cited(request, article: Article) -> CitedArticle:
    """The article as its citations need it; reporters are the byline's (visible) names."""
    return CitedArticle(
        id=article.pk,
        title=article.title,
        paper=current_paper().name,
        url=request.build_absolute_uri(article.get_absolute_url()),
        authors=tuple(m.person.name for m in article.mentions.all() if m.is_byline),
        published=article.published,
        date_is_inferred=article.date_status == DateStatus.INFERRED,
        page=article.page,
    )


def article_or_404(pk: int) -> Article:
    try:
        return selectors.article_for_reading(pk)
    except Article.DoesNotExist as exc:
        raise Http404("没有这篇文章") from exc


def render_article(request, article: Article, report_form=None, status: int = 200):
    """The reading view; the 报错 view renders it again with its form's errors."""
    mentions = list(article.mentions.all())
    byline = {
        kind: [m for m in mentions if m.kind == kind]
        for kind in (MentionKind.REPORTER, MentionKind.CORRESPONDENT, MentionKind.PHOTOGRAPHER)
    }
    paragraphs = article.paragraphs
    prev, nxt = selectors.issue_neighbours(article)
    previous = article.previous_part
    source = cited(request, article)
    accessed = timezone.localdate()
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
        "permalink": source.url,
        "citation": citations.gbt7714(source),
        "citation_online": citations.gbt7714(source, accessed),
        "citation_ris": citations.ris(source, accessed),
        "citation_bibtex": citations.bibtex(source, accessed),
        "unsure_notes": unsure_notes(article),
        "report_form": report_form or ErrorReportForm(),
    }
    return render(request, "article_detail.html", context, status=status)


def article_detail(request, pk):
    return render_article(request, article_or_404(pk))


def _citation_file(request, pk: int, write, extension: str, content_type: str):
    source = cited(request, article_or_404(pk))
    response = HttpResponse(write(source, timezone.localdate()), content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=f"{citations.bibtex_key(source)}.{extension}"
    )
    return response


@require_safe
def cite_ris(request, pk):
    return _citation_file(request, pk, citations.ris, "ris", citations.RIS_TYPE)


@require_safe
def cite_bibtex(request, pk):
    return _citation_file(request, pk, citations.bibtex, "bib", citations.BIBTEX_TYPE)
