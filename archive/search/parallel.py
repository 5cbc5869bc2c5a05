"""Building a whole index on every core: one segment per worker process, one commit.

Whoosh indexing is Python-bound, so a second core helps only as a second process. The
parent holds the index's write lock for the whole build and feeds documents in batches;
each worker writes its own segment files (BulkWriter without the lock) and sends back the
Segment; the parent then commits all of them at once, so readers see the old index or the
whole new one. A worker that fails makes the build fail: nothing is committed and the
stray segment files are removed by the next commit.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import queue
import traceback
from collections.abc import Callable, Iterable

from whoosh import writing
from whoosh.index import LockError
from whoosh.util.filelock import try_for

from archive.search.bulk import BulkWriter
from archive.search.engine import open_index

# Below this many documents a build runs in-process: forking costs more than it saves.
PARALLEL_MIN = 2000


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
    ix = open_index(path)
    if workers <= 1:
        return _build_here(BulkWriter(ix), batches, progress)
    # The parent takes Whoosh's lock by hand and opens its writer only after the workers are
    # done: a writer's open files must not be shared with forked children.
    lock = ix.lock("WRITELOCK")
    if not try_for(lock.acquire, timeout=30.0, delay=0.1):
        raise LockError(f"the index at {path} is locked by another writer")
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
        segments = _collect(outbox, procs)
        commit_segments(BulkWriter(ix, _lk=False), segments)
    finally:
        for p in procs:
            if p.is_alive():
                p.terminate()
            p.join()
        lock.release()
    return total


def _build_here(writer: BulkWriter, batches, progress) -> int:
    total = 0
    try:
        for batch in batches:
            for doc in batch:
                writer.add_document(**doc)
            total += len(batch)
            if progress:
                progress(len(batch))
    except BaseException:
        writer.cancel()
        raise
    writer.commit(mergetype=writing.CLEAR)
    return total


def commit_segments(writer: BulkWriter, segments: list) -> None:
    """Commit segments written by workers as the whole new content of the index."""
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
                segment, error = outbox.get(timeout=1)
                break
            except queue.Empty:
                _check_alive(procs)
        if error:
            errors.append(error)
        elif segment is not None:
            segments.append(segment)
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
        writer = BulkWriter(open_index(path, create=False), _lk=False)
        for batch in iter(inbox.get, None):
            for doc in batch:
                writer.add_document(**doc)
        if writer._added:
            segment = writer._finalize_segment()
        else:
            writer._close_segment()
            segment = None
        # The temp folder is shared by all writers of the index: the parent's removes it.
        outbox.put((segment, None))
    except BaseException:
        outbox.put((None, traceback.format_exc()))
