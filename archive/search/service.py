"""search_articles(): what the search page, the API and feeds call."""

from __future__ import annotations

import logging

from archive.models import Article
from archive.search.engine import CoreResult, SearchCore, get_core
from archive.search.indexer import index_path
from archive.search.parser import parse
from archive.search.schema import date_key
from archive.search.snippets import make_snippet
from archive.search.types import FacetValue, Hit, SearchPage, SearchQuery

log = logging.getLogger(__name__)
SORTS = ("relevance", "newest", "oldest")


def core() -> SearchCore:
    # By path, not through haystack.connections (cached per thread, and tests swap it).
    return get_core(index_path())


def _label(facet: str, value: str) -> str:
    # Values are "YYYY", "YYYY-MM", "YYYY-MM-DD" (zero-padded) or a person's name.
    if facet == "year":
        return value + "年"
    if facet == "month":
        return f"{value[:4]}年{value[5:7].lstrip('0')}月"
    if facet == "day":
        return f"{value[:4]}年{value[5:7].lstrip('0')}月{value[8:10].lstrip('0')}日"
    return value


def _facets(result: CoreResult) -> dict[str, list[FacetValue]]:
    out = {}
    for name in ("year", "month", "day", "person"):
        out[name] = [FacetValue(v, _label(name, v), n) for v, n in getattr(result.facets, name)]
    return out


def _hits(result: CoreResult, needles: list[str]) -> list[Hit]:
    articles = Article.objects.published().for_listing().in_bulk(result.ids)
    hits = []
    for pk in result.ids:
        article = articles.get(pk)
        if article is None:  # deleted or hidden; the queue writer has not caught up yet
            continue
        body = "\n".join(article.paragraphs)
        persons = list(dict.fromkeys(m.person.name for m in article.mentions.all()))
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
    parsed = parse(query.q)
    sort = query.sort if query.sort in SORTS else "relevance"
    page = max(1, query.page)
    size = max(1, min(query.page_size, 100))
    try:
        result = core().run(
            parsed,
            date_from=date_key(query.date_from),
            date_to=date_key(query.date_to),
            person=query.person.strip(),
            sort=sort,
            offset=(page - 1) * size,
            limit=size,
            facets=facets,
        )
    except Exception:
        log.exception("search failed for %r", query)
        return SearchPage(query=query, count=0, hits=[], error="检索暂时不可用，请稍后再试。")
    return SearchPage(
        query=query,
        count=result.count,
        hits=_hits(result, parsed.needles),
        facets=_facets(result) if facets else {},
        error=result.error,
    )


def search_article_ids(q: str, person: str = "") -> set[int]:
    """Every matching article id (no paging): handy for tests and checks."""
    result = core().run(parse(q), person=person, sort="newest", limit=10**9)
    return set(result.ids)
