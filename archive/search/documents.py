"""From articles in the database to index documents, in bulk (no search engine here).

The SearchIndex (archive/search_indexes.py) defines a document; these functions feed it rows
a batch at a time for the engine's writer.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator

import haystack

from archive.models import Article, Mention


def persons_by_article(article_ids: Iterable[int]) -> dict[int, list[str]]:
    """Visible mention names per article, first mention first."""
    names: dict[int, list[str]] = defaultdict(list)
    rows = (
        Mention.objects.visible()
        .filter(article_id__in=list(article_ids))
        .order_by("article_id", "id")
        .values_list("article_id", "person__name")
    )
    for article_id, name in rows:
        names[article_id].append(name)
    return names


def article_index():
    """The SearchIndex that defines an article's document (archive/search_indexes.py)."""
    return haystack.connections["default"].get_unified_index().get_index(Article)


def documents(article_ids: Iterable[int]) -> tuple[list[dict], set[int]]:
    """Documents for the published articles among article_ids, and the ids that must go."""
    wanted = set(article_ids)
    index = article_index()
    rows = list(Article.objects.visible().filter(pk__in=wanted).values(*index.source_fields))
    names = persons_by_article([r["id"] for r in rows])
    docs = [index.document(r, names.get(r["id"], ())) for r in rows]
    return docs, wanted - {r["id"] for r in rows}


def published_count() -> int:
    return Article.objects.visible().count()


def all_documents(batch_size: int) -> Iterator[list[dict]]:
    """Every published article's document, batch_size at a time, in id order."""
    qs = Article.objects.visible().order_by("id")
    index = article_index()
    last = 0
    while True:
        rows = list(qs.filter(id__gt=last).values(*index.source_fields)[:batch_size])
        if not rows:
            return
        names = persons_by_article([r["id"] for r in rows])
        yield [index.document(row, names.get(row["id"], ())) for row in rows]
        last = rows[-1]["id"]
