"""gunicorn settings: each worker runs a background index writer thread.

Every ~1 s each worker tries the writer lock without waiting; the one that gets it applies
the queued index updates, so admin edits reach search within seconds and request threads
never wait for, or fail on, the index lock. When an edit changed a count (a date, a hidden
article, a person), one worker's thread computes the shared figures every page needs (the
article dates, everyone's counts, the most-named persons' sums) once the edits stop coming,
so the first reader after them loads those figures instead of computing them (0.5–1.2 s at
1.5 million articles).
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


def tick(state: dict) -> None:
    """One pass of a worker's background thread: apply queued index updates; then, once the
    archive's stamp has stood still for a pass after it moved (an edit, or a burst of edits, is
    done: at 1.5 million articles the warm takes seconds, once per burst), warm the shared
    figures, if no other worker has claimed this stamp. ``state`` is the thread's own."""
    from archive import freshness
    from archive.selectors.counts import claim

    drain_once()
    try:
        stamp = freshness.stamp()
        settled, state["seen"] = stamp == state.get("seen"), stamp
        if settled and stamp != state.get("warmed"):
            state["warmed"] = stamp
            if claim("warm", stamp):
                warm_once()
    except Exception:  # the thread must live on: it also applies the index updates
        log.exception("checking whether to warm the shared figures failed")


def _drain_loop():
    state: dict = {}
    while True:
        time.sleep(DRAIN_INTERVAL)
        tick(state)


def post_worker_init(worker):
    # After the worker loaded the WSGI app (so Django is set up); one thread per worker.
    threading.Thread(target=_drain_loop, name="index-drain", daemon=True).start()
