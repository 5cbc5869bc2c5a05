"""gunicorn settings: each worker runs a background index writer thread.

Every ~1 s each worker tries the writer lock without waiting; the one that gets it applies
the queued index updates, so admin edits reach search within seconds and request threads
never wait for, or fail on, the index lock. When an edit changed a count (a date, a hidden
article, a person), the worker that applied its update then computes the shared figures
every page needs (the article dates, everyone's counts, the most-named persons' sums), once
the edits stop coming, so the first reader after them loads those figures instead of
computing them (0.5–1.2 s at 1.5 million articles).
"""

import logging
import os
import threading
import time

DRAIN_INTERVAL = float(os.environ.get("NEWSROOM_DRAIN_INTERVAL", "1.0"))
log = logging.getLogger("newsroom.index")


def drain_once() -> int:
    """One pass of a worker's index writer: the rows it applied. Whatever fails (a full or
    read-only index disk, the database away) is logged; the rows stay queued for the next."""
    from django.db import close_old_connections

    from archive.search import queue

    try:
        return queue.drain(block=False)
    except Exception:  # rows stay queued; try again next tick
        log.exception(
            "background index drain failed; the queued updates stay and are retried in %g s",
            DRAIN_INTERVAL,
        )
        return 0
    finally:
        close_old_connections()


def warm_once() -> int:
    """The shared figures, computed anew if an edit changed a count (otherwise only loaded):
    the persons warmed. A failure is logged; readers then compute what they need themselves."""
    from django.db import close_old_connections

    from archive.selectors.people import warm_figures

    try:
        return warm_figures()
    except Exception:
        log.exception("warming the shared figures failed; the first reader computes them")
        return 0
    finally:
        close_old_connections()


def tick(warm_due: bool) -> bool:
    """One pass of a worker's background thread: apply queued index updates; in the first pass
    that finds none after one that applied some (an edit, or a burst of edits, is done), warm
    the shared figures (at a million articles that takes seconds: once per burst). Returns
    whether a warm is due at the next pass."""
    if drain_once():
        return True
    if warm_due:
        warm_once()
    return False


def _drain_loop():
    warm_due = False
    while True:
        time.sleep(DRAIN_INTERVAL)
        warm_due = tick(warm_due)


def post_worker_init(worker):
    # After the worker loaded the WSGI app (so Django is set up); one thread per worker.
    threading.Thread(target=_drain_loop, name="index-drain", daemon=True).start()
