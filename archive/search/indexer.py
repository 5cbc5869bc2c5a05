"""From articles in the database to documents in the index (the only place that writes it).

Callers hold the writer lock (locking.writer_lock): drain() and build_index do.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator

from django.conf import settings
from haystack import connections

from archive import freshness
from archive.models import Article, Mention
from archive.search import parallel
from archive.search.bulk import BulkWriter
from archive.search.engine import empty_index, open_index
from archive.search.schema import ARTICLE_CT, ID


def index_path() -> str:
    return settings.HAYSTACK_CONNECTIONS["default"]["PATH"]


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
    return connections["default"].get_unified_index().get_index(Article)


def documents(article_ids: Iterable[int]) -> tuple[list[dict], set[int]]:
    """Documents for the published articles among article_ids, and the ids that must go."""
    wanted = set(article_ids)
    index = article_index()
    rows = list(Article.objects.published().filter(pk__in=wanted).values(*index.source_fields))
    names = persons_by_article([r["id"] for r in rows])
    docs = [index.document(r, names.get(r["id"], ())) for r in rows]
    return docs, wanted - {r["id"] for r in rows}


def _delete(writer: BulkWriter, article_ids: Iterable[int]) -> None:
    # One searcher for all (update_document would open one per document).
    with writer.searcher() as searcher:
        for pk in article_ids:
            for docnum in searcher.document_numbers(**{ID: f"{ARTICLE_CT}.{pk}"}):
                writer.delete_document(docnum)


def apply(article_ids: Iterable[int], ix=None) -> int:
    """Bring the index in line with the database for these articles; one Whoosh commit."""
    ids = set(article_ids)
    if not ids:
        return 0
    ix = ix or open_index(index_path())
    docs, _ = documents(ids)
    writer = BulkWriter(ix)
    try:
        _delete(writer, ids)  # old versions, and articles that must go
        for doc in docs:
            writer.add_document(**doc)
    except BaseException:
        writer.cancel()
        raise
    writer.commit()
    return len(ids)


def remove(article_ids: Iterable[int], ix=None) -> None:
    """Take these articles out of the index; one Whoosh commit."""
    writer = BulkWriter(ix or open_index(index_path()))
    try:
        _delete(writer, article_ids)
    except BaseException:
        writer.cancel()
        raise
    writer.commit()


def clear() -> None:
    """Leave an empty index (readers see it at their next query)."""
    empty_index(index_path())
    freshness.touch()


def rebuild(
    batch_size: int = 500,
    progress: Callable[[int], None] | None = None,
    workers: int | None = None,
) -> int:
    """Write every published article into the index, replacing its whole content atomically.

    Large archives are indexed by one worker process per core (parallel.py).
    """
    if workers is None:
        count = Article.objects.published().count()
        workers = parallel.default_workers() if count >= parallel.PARALLEL_MIN else 1
    total = parallel.build(index_path(), _batches(batch_size), workers=workers, progress=progress)
    freshness.touch()
    return total


def _batches(batch_size: int) -> Iterator[list[dict]]:
    qs = Article.objects.published().order_by("id")
    index = article_index()
    last = 0
    while True:
        rows = list(qs.filter(id__gt=last).values(*index.source_fields)[:batch_size])
        if not rows:
            return
        names = persons_by_article([r["id"] for r in rows])
        yield [index.document(row, names.get(row["id"], ())) for row in rows]
        last = rows[-1]["id"]
