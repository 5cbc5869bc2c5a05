"""rebuild_index: the whole search index anew from the database, on every core.

Overrides Haystack's command of the same name (archive precedes haystack in INSTALLED_APPS):
no confirmation is needed, because readers keep the old index until the new one is committed
whole. build_index is the same command under its old name.
"""

import time

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from archive.models import Article
from archive.search import queue


class Command(BaseCommand):
    help = "Rebuild the search index from every published article, then clear the index queue."

    def add_arguments(self, parser):
        parser.add_argument("-b", "--batch-size", type=int, default=500)
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help="accepted for Haystack's rebuild_index; there is nothing to confirm",
        )
        parser.add_argument(
            "-k",
            "--workers",
            type=int,
            default=None,
            help="indexing processes (default: one per core, up to 4, for 2,000+ articles)",
        )

    def handle(self, *args, batch_size, workers, **options):
        if workers is not None and workers < 1:
            raise CommandError("--workers must be at least 1")
        start = time.perf_counter()
        total = Article.objects.visible().count()
        with tqdm(total=total, unit="art", disable=options["verbosity"] < 1) as bar:
            written, cleared = queue.rebuild(
                progress=bar.update, workers=workers, batch_size=max(1, batch_size)
            )
        took = time.perf_counter() - start
        rate = written / took if took else 0
        self.stdout.write(
            f"Indexed {written} articles in {took:.1f} s ({rate:.0f}/s); "
            f"cleared {cleared} queued updates."
        )
