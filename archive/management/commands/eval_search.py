"""eval_search: recall, precision and speed of search through any Haystack connection.

The queries are strings sampled from the archive's own articles (substrings of 1–8
characters, words, names, Latin/digit mixes); the truth is plain substring matching over the
text the index holds. Each connection is asked as a Django developer would ask it:
SearchQuerySet(using=CONNECTION).filter(content=q). Its index must hold the archive
(--index builds it first: rebuild_index for ours, clear_index + update_index for others).
"""

import io
import statistics
import time
from collections import defaultdict

import haystack
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from archive.search import evaluation as ev


class Command(BaseCommand):
    help = "Recall/precision/p95 of SearchQuerySet.filter(content=q) per Haystack connection."

    def add_arguments(self, parser):
        parser.add_argument(
            "--using",
            action="append",
            help="a connection of HAYSTACK_CONNECTIONS (repeat to compare; default: default)",
        )
        parser.add_argument("--queries", type=int, default=400)
        parser.add_argument("--limit", type=int, default=None, help="the first N articles only")
        parser.add_argument("--seed", type=int, default=7)
        parser.add_argument("--index", action="store_true", help="build each index first")

    def handle(self, *args, using, queries, limit, seed, index, **options):
        out = self.stdout.write
        names = using or ["default"]
        unknown = set(names) - set(haystack.connections.connections_info)
        if unknown:
            raise CommandError(f"no such Haystack connection: {', '.join(sorted(unknown))}")
        items = ev.archive_items(limit)
        if not items:
            raise CommandError("the archive has no articles: import some first")
        data = ev.Corpus(items)
        wanted = {i.pk for i in items}
        sample = ev.sample_queries(data, queries, seed=seed)
        kinds = defaultdict(int)
        for kind, _ in sample:
            kinds[kind] += 1
        out(f"{len(items)} articles, {len(sample)} queries ({dict(kinds)})")
        truths = {q: data.truth(q) for _, q in sample}
        rows = []
        for name in names:
            if index:
                self._index(name)
            total = ev.Score(name)
            by_kind = defaultdict(lambda name=name: ev.Score(name))
            took = []
            for kind, q in sample:
                start = time.perf_counter()
                got = ev.search_ids(name, q) & wanted  # --limit: only the articles sampled
                took.append((time.perf_counter() - start) * 1000)
                total.add(q, got, truths[q])
                by_kind[kind].add(q, got, truths[q])
            p95 = statistics.quantiles(took, n=20)[-1] if len(took) > 1 else took[0]
            out(f"\n{total.line()}  p50 {statistics.median(took):.1f} ms  p95 {p95:.1f} ms")
            for kind, score in by_kind.items():
                out(
                    f"  {kind:<10} recall {score.recall:.4f}  precision {score.precision:.4f}  "
                    f"exact {score.perfect}/{score.queries}"
                )
            for miss in total.misses:
                out(f"  differs: {miss}")
            rows.append((name, total, p95))
        out(
            "\n| connection | recall | precision | exact result sets | p95 ms |\n|---|---|---|---|---|"
        )
        for name, score, p95 in rows:
            out(
                f"| {name} | {score.recall:.4f} | {score.precision:.4f} | "
                f"{score.perfect}/{score.queries} | {p95:.1f} |"
            )

    def _index(self, name: str) -> None:
        quiet = {"stdout": io.StringIO(), "verbosity": 0}
        self.stdout.write(f"indexing the archive into {name!r} …")
        start = time.perf_counter()
        if name == "default":
            call_command("rebuild_index", "--noinput", **quiet)
        else:
            call_command("clear_index", using=[name], interactive=False, **quiet)
            call_command("update_index", using=[name], **quiet)
        self.stdout.write(f"  {time.perf_counter() - start:.1f} s")
