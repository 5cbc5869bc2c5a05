"""search_articles(): what the search page, the API and feeds call."""

from __future__ import annotations

import logging

import haystack
from haystack.query import SearchQuerySet

from archive.models import Article
from archive.search.errors import IndexNeedsRebuild
from archive.search.fields import PERSONS, PUBLISHED
from archive.search.snippets import make_snippet
from archive.search.types import FacetValue, Hit, SearchPage, SearchQuery

log = logging.getLogger(__name__)
UNAVAILABLE = "检索暂时不可用，请稍后再试。"
SORTS = {"relevance": None, "newest": "-published", "oldest": "published"}
FACETS = ("year", "month", "day", PERSONS)


def warm_up() -> None:
    """Open the default engine's index before the first reader (a gunicorn worker at start)."""
    try:
        haystack.connections["default"].get_backend().warm()
    except IndexNeedsRebuild as exc:  # readers get the message; the worker still starts
        log.error("%s", exc)


def article_search(query: SearchQuery) -> SearchQuerySet:
    """The SearchQuerySet for what a reader asked (the reader's query language for q)."""
    sqs = SearchQuerySet().models(Article)
    if query.q.strip():
        sqs = sqs.auto_query(query.q)
    if query.person.strip():
        sqs = sqs.filter(**{PERSONS: query.person.strip()})
    if query.date_from:
        sqs = sqs.filter(**{f"{PUBLISHED}__gte": query.date_from})
    if query.date_to:
        sqs = sqs.filter(**{f"{PUBLISHED}__lte": query.date_to})
    if SORTS.get(query.sort):
        sqs = sqs.order_by(SORTS[query.sort])
    return sqs


def _label(facet: str, value: str) -> str:
    # Values are "YYYY", "YYYY-MM", "YYYY-MM-DD" (zero-padded) or a person's name.
    if facet == "year":
        return value + "年"
    if facet == "month":
        return f"{value[:4]}年{value[5:7].lstrip('0')}月"
    if facet == "day":
        return f"{value[:4]}年{value[5:7].lstrip('0')}月{value[8:10].lstrip('0')}日"
    return value


def _facets(counts: dict) -> dict[str, list[FacetValue]]:
    fields = counts.get("fields", {})
    return {
        ("person" if name == PERSONS else name): [
            FacetValue(v, _label(name, v), n) for v, n in fields.get(name, [])
        ]
        for name in FACETS
    }


def _hits(results, needles: list[str]) -> list[Hit]:
    ids = [int(r.pk) for r in results]
    articles = Article.objects.visible().for_listing().in_bulk(ids)
    hits = []
    for pk in ids:
        article = articles.get(pk)
        if article is None:  # deleted or hidden; the queue writer has not caught up yet
            continue
        persons = list(dict.fromkeys(m.person.name for m in article.listed_mentions))
        body = "\n".join(article.paragraphs)
        hits.append(
            Hit(
                id=article.pk,
                url=article.get_absolute_url(),
                title=article.title,
                published=article.published,
                persons=persons,
                snippet_html=make_snippet(body, needles) if body else "",
                page=article.page,
                kicker=article.kicker,
                deck=article.deck,
            )
        )
    return hits


def search_articles(query: SearchQuery, facets: bool = True) -> SearchPage:
    """Run a search; never raises for anything a reader can type (SearchPage.error says why).

    facets=False (feeds) skips counting them.
    """
    page = max(1, query.page)
    size = max(1, min(query.page_size, 100))
    # Snippets are made here from the articles the list loads anyway (.highlight() would
    # read the bodies a second time).
    sqs = article_search(query)
    if facets:
        for name in FACETS:
            sqs = sqs.facet(name)
    try:
        results = list(sqs[(page - 1) * size : page * size])
        count = sqs.count()
        counts = sqs.facet_counts() if facets else {}
    except IndexNeedsRebuild as exc:  # the message says what to run; no traceback
        log.error("%s", exc)
        return SearchPage(query=query, count=0, hits=[], error=UNAVAILABLE)
    except Exception:
        log.exception("search failed for %r", query)
        return SearchPage(query=query, count=0, hits=[], error=UNAVAILABLE)
    return SearchPage(
        query=query,
        count=count,
        hits=_hits(results, sqs.query.build_query().text.needles),
        facets=_facets(counts) if facets else {},
        error=sqs.query.notice,
    )


def search_article_ids(q: str, person: str = "") -> set[int]:
    """Every matching article id (no paging): handy for tests and checks."""
    sqs = article_search(SearchQuery(q=q, person=person, sort="newest"))
    return {int(r.pk) for r in sqs[: sqs.count()]}
