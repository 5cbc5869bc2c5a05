"""python manage.py eval_reading — lay out pages from real news items, read them, score the reader.

Pages are generated from ../shared/corpus/xwlb_items.jsonl (one day's items per page, 3–6
articles in mixed forms: furniture, leads and datelines, byline blocks and closing bylines,
headline stacks, commentary, picture news, 简讯 groups, continuations, mid-sentence column
breaks) and read with parse_page → resolve_page_dates → find_persons, as import_archive does.

Scoring: articles match one-to-one by the true article's opening words appearing in a predicted
article (a swallowed neighbour is a missed article, a split-off fragment a false one). Titles are
exact after removing whitespace. Bylines are scored name by name over matched articles. Persons
(byline names ∪ find_persons(full_text)) are scored over matched articles against invented byline
names plus the PER names of sentences from ner/msra_test.jsonl placed in the bodies; a predicted
name counts only when it lies inside a byline line or an inserted sentence, because the news text
itself has no person annotations. Issue date: share of pages whose issue_date is right.
"""

from __future__ import annotations

import signal
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from archive.layout.corpus import load_items, load_sentences
from archive.layout.evaluate import evaluate
from archive.layout.pages import PageMaker
from archive.layout.report import SCORING_NOTE, table


def shared_corpus() -> Path:
    return (Path(settings.BASE_DIR) / ".." / "shared" / "corpus").resolve()


class Command(BaseCommand):
    help = (
        "Generate newspaper pages from real news items in every layout form, read them as "
        "import_archive does, print article/title/byline/person precision and recall and "
        "issue-date accuracy."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--corpus",
            type=Path,
            metavar="PATH",
            help="news items .jsonl (default ../shared/corpus/xwlb_items.jsonl)",
        )
        parser.add_argument(
            "--persons",
            type=Path,
            metavar="PATH",
            help="annotated sentences .jsonl (default ../shared/corpus/ner/msra_test.jsonl)",
        )
        parser.add_argument("--pages", type=int, default=100, help="pages to generate (100)")
        parser.add_argument("--seed", type=int, default=1, help="random seed (1)")
        parser.add_argument(
            "--out",
            type=Path,
            metavar="DIR",
            help="also write the pages (.txt) and answer keys (.json) here; "
            "import them with manage.py import_archive DIR",
        )
        parser.add_argument("--by-form", action="store_true", help="a row per form")
        # -v 2 prints what went wrong on each page (missed, invented, mistitled, misdated).

    def handle(self, *args, **options):
        corpus = options["corpus"] or shared_corpus() / "xwlb_items.jsonl"
        persons = options["persons"] or shared_corpus() / "ner" / "msra_test.jsonl"
        if options["pages"] < 1:
            raise CommandError("--pages must be at least 1")
        for path in (corpus, persons):
            if not path.is_file():
                raise CommandError(
                    f"corpus file not found: {path}. Pass --corpus / --persons, "
                    "or put the shared corpus at ../shared/corpus."
                )
        try:
            maker = PageMaker(load_items(corpus), load_sentences(persons), options["seed"])
        except (ValueError, KeyError) as err:
            raise CommandError(f"cannot use the corpus: {err}") from err
        import jieba

        jieba.setLogLevel(60)  # keep jieba's "Building prefix dict" noise off the table
        # Interrupt or terminate → the table for the pages read so far (a slow reader is measured
        # in part); a background shell ignores SIGINT unless it is restored.
        stops = (signal.SIGINT, signal.SIGTERM)
        previous = {sig: signal.signal(sig, signal.default_int_handler) for sig in stops}
        note = self.stdout.write if options["verbosity"] >= 2 else None
        try:
            result = evaluate(maker, options["pages"], options["out"], note)
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
        for line in table(result.tallies, options["by_form"]):
            self.stdout.write(line)
        if options["verbosity"] >= 1:
            self.stdout.write(SCORING_NOTE)
        where = f"; pages and answer keys in {options['out']}" if options["out"] else ""
        read = f"{result.pages} generated pages (seed {options['seed']}){where}"
        if result.interrupted:
            self.stdout.write(
                self.style.WARNING(f"Interrupted: read {read} of {options['pages']}.")
            )
        else:
            self.stdout.write(self.style.SUCCESS(f"Read {read}."))
