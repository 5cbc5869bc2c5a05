"""The index writer as its own process: applies queued index updates every few seconds."""

import logging
import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from archive.search import queue
from archive.search.errors import IndexNeedsRebuild

log = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Apply queued search-index updates (once, or in a loop)."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="drain the queue and exit")
        parser.add_argument("--interval", type=float, default=1.0, help="seconds between passes")

    def handle(self, *args, once, interval, **options):
        if once:
            n = queue.catch_up()
            self.stdout.write(f"Applied {n} queued updates.")
            return
        self.stdout.write(f"Index worker: draining every {interval:g} s (Ctrl-C stops).")
        try:
            while True:
                try:
                    n = queue.drain(block=False)
                    if n and options["verbosity"] > 1:
                        self.stdout.write(f"applied {n}")
                except IndexNeedsRebuild as exc:  # written by another version: rebuild it
                    self.stderr.write(f"{exc} — rebuilding it now")
                    queue.rebuild()
                except Exception:  # keep serving; the rows stay queued
                    log.exception("index drain failed")
                close_old_connections()
                time.sleep(max(0.05, interval))
        except KeyboardInterrupt:
            pass
