"""The index queue: changes are queued in the database, one writer applies them.

Signal handlers (signals.py) add PendingIndexUpdate rows inside the transaction that made the
change, so a crash loses nothing. drain() takes the writer lock, applies the queued rows in
one Whoosh commit per batch and deletes them only after that commit; a writer killed half way
leaves its rows for the next one (updates are idempotent).
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable, Iterable, Iterator

import haystack
from django.conf import settings
from django.db import transaction

from archive import freshness
from archive.models import Mention, PendingIndexUpdate
from archive.search.documents import published_count
from archive.search.errors import IndexNeedsRebuild

log = logging.getLogger(__name__)

ARTICLE, PERSON = "archive.article", "archive.person"
BATCH = 500
# A long queue (a big import) is applied in bigger batches: each batch is one index commit.
BULK_BATCH = 10_000
# From this many queued rows, as many as half the archive, a rebuild costs less (catch_up).
REBUILD_FROM = 2000


def search_backend():
    """The default connection's backend: the engine the queue writes to."""
    return haystack.connections["default"].get_backend()


_deferred = 0
_deferred_lock = threading.Lock()


def enqueue(label: str, ids: Iterable, action: str = PendingIndexUpdate.UPDATE) -> None:
    """Queue index work for objects (in the caller's transaction) and drain after commit.

    label is ARTICLE (refresh these articles) or PERSON (refresh their articles, found
    when the queue is drained). Code that changes rows with QuerySet.update() calls this.
    """
    rows = [PendingIndexUpdate(model_label=label, object_id=str(i), action=action) for i in ids]
    if not rows:
        return
    PendingIndexUpdate.objects.bulk_create(rows)
    if getattr(settings, "NEWSROOM_INDEX_SYNC", False) and not is_deferred():
        transaction.on_commit(_drain_after_commit, robust=True)


def is_deferred() -> bool:
    return _deferred > 0


@contextlib.contextmanager
def deferred() -> Iterator[None]:
    """Queue, but do not drain after each commit (bulk imports); call drain(block=True) after."""
    global _deferred
    with _deferred_lock:
        _deferred += 1
    try:
        yield
    finally:
        with _deferred_lock:
            _deferred -= 1


def _drain_after_commit() -> None:
    try:
        drain(block=False)
    except Exception:  # the edit is saved and queued; the background writer retries
        log.exception("index drain after commit failed; the queue keeps the update")


def _article_ids(rows: list[tuple[int, str, str]]) -> set[int]:
    articles, persons = set(), set()
    for _, label, object_id in rows:
        try:
            pk = int(object_id)
        except ValueError:
            continue
        {ARTICLE: articles, PERSON: persons}.get(label, set()).add(pk)
    if persons:
        articles.update(
            Mention.objects.filter(person_id__in=persons).values_list("article_id", flat=True)
        )
    return articles


def drain(
    block: bool = False,
    limit: int | None = None,
    progress: Callable[[int], object] | None = None,
    batch: int = BATCH,
    all_cores: bool = False,
) -> int:
    """Apply queued updates; returns how many queue rows were applied.

    block=False returns 0 at once when another thread or process holds the writer lock
    (it will apply our rows). limit caps the rows taken in this call. progress is told how
    many rows each batch applied. A bigger batch means fewer index commits, and all_cores
    lets the engine use a process per core (commands only, never a web worker).
    """
    applied = 0
    backend = search_backend()
    with backend.writer_lock(block=block) as got:
        if not got:
            return 0
        while limit is None or applied < limit:
            size = batch if limit is None else min(batch, limit - applied)
            rows = list(
                PendingIndexUpdate.objects.order_by("id").values_list(
                    "id", "model_label", "object_id"
                )[:size]
            )
            if not rows:
                break
            backend.apply(_article_ids(rows), all_cores=all_cores)
            _hooks.after_commit()
            # Only the rows we applied: rows queued meanwhile stay for the next pass.
            PendingIndexUpdate.objects.filter(id__in=[r[0] for r in rows]).delete()
            applied += len(rows)
            if progress is not None:
                progress(len(rows))
    return applied


def rebuild(
    progress: Callable[[int], object] | None = None,
    workers: int | None = None,
    batch_size: int = BATCH,
) -> tuple[int, int]:
    """Index every published article anew and clear the queue rows this covers.

    Returns (articles indexed, queue rows cleared). Rows queued before the articles are read
    are covered by this build; later ones (and those of transactions not yet committed) stay.
    """
    backend = search_backend()
    with backend.writer_lock(block=True):
        covered = list(PendingIndexUpdate.objects.values_list("id", flat=True))
        written = backend.rebuild(progress=progress, workers=workers, batch_size=batch_size)
        freshness.touch()
        cleared = 0
        for start in range(0, len(covered), BATCH):
            chunk = covered[start : start + BATCH]
            cleared += PendingIndexUpdate.objects.filter(id__in=chunk).delete()[0]
    return written, cleared


def catch_up(progress: Callable[[int], object] | None = None) -> int:
    """Apply the whole queue, waiting for the lock: when this returns, search finds every
    change committed before. A queue as long as the archive's half (a first or very big
    import) costs less as a rebuild on every core than as updates. For commands only (it may
    use a process per core); returns rows applied."""
    waiting = pending()
    if waiting >= REBUILD_FROM and 2 * waiting >= published_count():
        return rebuild(progress=progress)[1]
    try:
        return drain(block=True, progress=progress, batch=BULK_BATCH, all_cores=True)
    except IndexNeedsRebuild as exc:
        log.warning("%s — rebuilding it now", exc)
        return rebuild(progress=progress)[1]


def pending() -> int:
    return PendingIndexUpdate.objects.count()


class _Hooks:
    """Test seam: lets a test stop a writer between its Whoosh commit and the queue delete."""

    def after_commit(self) -> None:
        pass


_hooks = _Hooks()
