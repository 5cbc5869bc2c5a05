"""Measure search exactness: our analyzer vs plain substring matching vs Haystack's ChineseAnalyzer.

Runs without the Django database: the corpus is indexed into a temporary directory with the
production schema and query path (archive.search.evaluation).
"""

import tempfile
import time
from collections import defaultdict
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from archive.search import evaluation as ev


class Command(BaseCommand):
    help = "Recall/precision of search against substring matching on a corpus (default: xwlb)."

    def add_arguments(self, parser):
        parser.add_argument("--corpus", default=str(Path(settings.BASE_DIR) / ev.DEFAULT_CORPUS))
        parser.add_argument("--queries", type=int, default=400)
        parser.add_argument("--limit", type=int, default=None, help="use only the first N items")
        parser.add_argument("--seed", type=int, default=7)
        parser.add_argument("--no-plain", action="store_true", help="skip the jieba set-up")

    def handle(self, *args, corpus, queries, limit, seed, no_plain, **options):
        out = self.stdout.write
        items = ev.load_items(corpus, limit=limit)
        data = ev.Corpus(items)
        sample = ev.sample_queries(data, queries, seed=seed)
        kinds = defaultdict(int)
        for kind, _ in sample:
            kinds[kind] += 1
        out(f"{len(items)} items, {len(sample)} queries ({dict(kinds)})")
        truths = {q: data.truth(q) for _, q in sample}

        setups = [("exact (ours)", ev.build_exact_index, ev.ExactSearcher)]
        if not no_plain:
            setups.append(("plain ChineseAnalyzer", ev.build_plain_index, ev.PlainSearcher))
        with tempfile.TemporaryDirectory(prefix="eval_search_") as tmp:
            for name, build, searcher_class in setups:
                path = str(Path(tmp) / name.split()[0])
                took = build(path, items)
                searcher = searcher_class(path)
                total = ev.Score(name)
                by_kind = defaultdict(lambda name=name: ev.Score(name))
                start = time.perf_counter()
                for kind, q in sample:
                    got = searcher.ids(q)
                    total.add(q, got, truths[q])
                    by_kind[kind].add(q, got, truths[q])
                spent = time.perf_counter() - start
                out(f"\n{total.line()}")
                out(
                    f"  indexed in {took:.1f} s ({len(items) / took:.0f} items/s); "
                    f"{len(sample)} queries in {spent:.1f} s"
                )
                for kind, score in by_kind.items():
                    out(
                        f"  {kind:<10} recall {score.recall:.4f}  precision {score.precision:.4f}  "
                        f"exact {score.perfect}/{score.queries}"
                    )
                for miss in total.misses:
                    out(f"  differs: {miss}")
