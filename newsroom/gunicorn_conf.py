"""gunicorn settings: each worker runs a background index writer thread.

Every ~1 s each worker tries the writer lock without waiting; the one that gets it applies
the queued index updates, so admin edits reach search within seconds and request threads
never wait for, or fail on, the index lock.
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


def _drain_loop():
    while True:
        time.sleep(DRAIN_INTERVAL)
        drain_once()


def post_worker_init(worker):
    # After the worker loaded the WSGI app (so Django is set up); one thread per worker.
    threading.Thread(target=_drain_loop, name="index-drain", daemon=True).start()
