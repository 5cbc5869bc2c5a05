"""Building a whole index on every core: segments written by worker processes, one commit.

Whoosh indexing is Python-bound, so a second core helps only as a second process. The
parent holds the index's write lock for the whole build and feeds documents in batches;
each worker writes its own segments (BulkWriter without the lock, at most SEGMENT_DOCS
documents each) and sends back the Segment objects; the parent then commits all of them at
once, so readers see the old index or the whole new one. A worker that fails makes the build fail: nothing is committed and the
stray segment files are removed by the next commit.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import queue
import traceback
from collections.abc import Callable, Iterable

from whoosh.index import LockError
from whoosh.util.filelock import try_for
from whoosh.writing import MERGE_SMALL

from archive.search.whoosh.bulk import BulkWriter
from archive.search.whoosh.engine import open_index

# Below this many documents a build runs in-process: forking costs more than it saves.
PARALLEL_MIN = 2000
SEGMENT_DOCS = 100_000


class BuildError(RuntimeError):
    pass


def default_workers() -> int:
    return max(1, min(os.cpu_count() or 1, 4))


def build(
    path: str,
    batches: Iterable[list[dict]],
    *,
    workers: int = 1,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Replace the index at path with the documents in batches; returns how many."""
    ix = open_index(path, replace=True)  # a rebuild also replaces a stale index
    # Whoosh's lock is taken by hand and the committing writer opened only at the end: a
    # writer's open files must not be shared with forked children.
    lock = ix.lock("WRITELOCK")
    if not try_for(lock.acquire, timeout=30.0, delay=0.1):
        raise LockError(f"the index at {path} is locked by another writer")
    try:
        if workers <= 1:
            counted = _counted(batches, progress)
            segments = _fill(path, counted)
            total = counted.total
        else:
            segments, total = _fill_in_workers(path, batches, workers, progress)
        commit_segments(BulkWriter(ix, _lk=False), segments)
    finally:
        lock.release()
    return total


def append(
    path: str,
    batches: Iterable[list[dict]],
    delete: Callable[[BulkWriter], None],
    *,
    workers: int,
) -> int:
    """Add the documents in batches, written by worker processes, and make delete(writer)'s
    deletions, in one commit; small old segments are merged as a normal commit merges them."""
    ix = open_index(path)
    lock = ix.lock("WRITELOCK")
    if not try_for(lock.acquire, timeout=30.0, delay=0.1):
        raise LockError(f"the index at {path} is locked by another writer")
    try:
        segments, total = _fill_in_workers(path, batches, workers, None)
        writer = BulkWriter(ix, _lk=False)
        delete(writer)
        writer.commit(mergetype=lambda w, old: MERGE_SMALL(w, old) + segments)
    finally:
        lock.release()
    return total


class _counted:
    """The batches, counted (and reported to progress) as they are taken."""

    def __init__(self, batches, progress):
        self.batches, self.progress, self.total = batches, progress, 0

    def __iter__(self):
        for batch in self.batches:
            yield batch
            self.total += len(batch)
            if self.progress:
                self.progress(len(batch))


def _fill(path: str, batches: Iterable[list[dict]]) -> list:
    """Write the documents into new segments of at most SEGMENT_DOCS each (not committed).

    The cap bounds a writer's memory (~1 GB per 100,000 articles of the postings it holds).
    """
    segments = []
    writer = None
    for batch in batches:
        for doc in batch:
            if writer is None:
                writer = BulkWriter(open_index(path, create=False), _lk=False)
            writer.add_document(**doc)
            if writer.docnum >= SEGMENT_DOCS:
                segments.append(writer._finalize_segment())
                writer = None
    if writer is not None:
        if writer._added:
            segments.append(writer._finalize_segment())
        else:
            writer._close_segment()
    return segments


def _fill_in_workers(path, batches, workers: int, progress) -> tuple[list, int]:
    ctx = multiprocessing.get_context("fork")
    inbox = ctx.Queue(maxsize=2 * workers)
    outbox = ctx.Queue()
    procs = [
        ctx.Process(target=_work, args=(path, inbox, outbox), daemon=True) for _ in range(workers)
    ]
    total = 0
    try:
        for p in procs:
            p.start()
        for batch in batches:
            _put(inbox, batch, procs)
            total += len(batch)
            if progress:
                progress(len(batch))
        for _ in procs:
            _put(inbox, None, procs)
        return _collect(outbox, procs), total
    finally:
        for p in procs:
            if p.is_alive():
                p.terminate()
            p.join()


def commit_segments(writer: BulkWriter, segments: list) -> None:
    """Commit segments written apart as the whole new content of the index."""
    writer._check_state()
    if writer._added:
        segments = [writer._finalize_segment(), *segments]
    else:
        writer._close_segment()
    writer._commit_toc(segments)
    writer._finish()


def _put(inbox, item, procs) -> None:
    while True:
        try:
            inbox.put(item, timeout=1)
            return
        except queue.Full:
            _check_alive(procs)


def _collect(outbox, procs) -> list:
    segments, errors = [], []
    for _ in procs:
        while True:
            try:
                found, error = outbox.get(timeout=1)
                break
            except queue.Empty:
                _check_alive(procs)
        if error:
            errors.append(error)
        else:
            segments.extend(found)
    if errors:
        raise BuildError("an index worker failed:\n" + errors[0])
    return segments


def _check_alive(procs) -> None:
    for p in procs:
        if p.exitcode not in (None, 0):
            raise BuildError(f"an index worker died (exit code {p.exitcode})")


def _work(path: str, inbox, outbox) -> None:
    # The pool's many small containers are all live until the end: collecting is wasted work.
    gc.disable()
    try:
        # The temp folder is shared by all writers of the index: the parent's removes it.
        outbox.put((_fill(path, iter(inbox.get, None)), None))
    except BaseException:
        outbox.put((None, traceback.format_exc()))
