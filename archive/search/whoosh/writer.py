"""Writing the Whoosh index: the only code that does. Callers hold the writer lock."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from archive.search import documents
from archive.search.fields import ARTICLE_CT, ID
from archive.search.whoosh import parallel
from archive.search.whoosh.bulk import BulkWriter
from archive.search.whoosh.engine import empty_index, open_index


def _delete(writer: BulkWriter, article_ids: Iterable[int]) -> None:
    # One searcher for all (update_document would open one per document).
    with writer.searcher() as searcher:
        for pk in article_ids:
            for docnum in searcher.document_numbers(**{ID: f"{ARTICLE_CT}.{pk}"}):
                writer.delete_document(docnum)


def apply(path: str, article_ids: Iterable[int], all_cores: bool = False) -> int:
    """Bring the index in line with the database for these articles; one Whoosh commit.

    all_cores: a big batch is written by a process per core (commands only: forking a
    multi-threaded web worker is not safe)."""
    ids = set(article_ids)
    if not ids:
        return 0
    if all_cores and len(ids) >= parallel.PARALLEL_MIN and parallel.default_workers() > 1:
        parallel.append(
            path,
            _batches(sorted(ids)),
            lambda w: _delete(w, ids),
            workers=parallel.default_workers(),
        )
        return len(ids)
    docs, _ = documents.documents(ids)
    writer = BulkWriter(open_index(path))
    try:
        _delete(writer, ids)  # old versions, and articles that must go
        for doc in docs:
            writer.add_document(**doc)
    except BaseException:
        writer.cancel()
        raise
    writer.commit()
    return len(ids)


def _batches(ids: list[int], size: int = 500):
    for start in range(0, len(ids), size):
        yield documents.documents(ids[start : start + size])[0]


def remove(path: str, article_ids: Iterable[int]) -> None:
    """Take these articles out of the index; one Whoosh commit."""
    writer = BulkWriter(open_index(path))
    try:
        _delete(writer, article_ids)
    except BaseException:
        writer.cancel()
        raise
    writer.commit()


def clear(path: str) -> None:
    """Leave an empty index (readers see it at their next query)."""
    empty_index(path)


def rebuild(
    path: str,
    batch_size: int = 500,
    progress: Callable[[int], object] | None = None,
    workers: int | None = None,
) -> int:
    """Write every published article into the index, replacing its whole content atomically.

    Large archives are indexed by one worker process per core (parallel.py).
    """
    if workers is None:
        big = documents.published_count() >= parallel.PARALLEL_MIN
        workers = parallel.default_workers() if big else 1
    batches = documents.all_documents(batch_size)
    return parallel.build(path, batches, workers=workers, progress=progress)
