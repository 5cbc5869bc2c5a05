"""Rebuild the person scorer's weights (archive/extraction/data/person_weights.json)."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from archive.extraction.person_train import run


def default_train() -> Path:
    return (
        Path(settings.BASE_DIR) / ".." / "shared" / "corpus" / "ner" / "cluener_train.jsonl"
    ).resolve()


class Command(BaseCommand):
    help = (
        "Train the candidate-span scorer (a few seconds) and the character CRF (about a minute) "
        "on CLUENER train only, deterministically, and write archive/extraction/data/"
        "person_weights.json and person_crf.crfsuite. Test and dev sets are refused."
    )

    def add_arguments(self, parser):
        parser.add_argument("--train", type=Path, metavar="PATH", help="cluener_train.jsonl")
        parser.add_argument(
            "--only",
            choices=["scorer", "crf"],
            help="rebuild only the span scorer's weights or only the character CRF (~1 minute)",
        )

    def handle(self, *args, **options):
        path = options["train"] or default_train()
        if not path.is_file():
            raise CommandError(f"training set not found: {path}")
        if "train" not in path.name:
            raise CommandError(f"refusing to train on {path.name}: it is not a train split")
        result = run(path, log=self.stdout.write, parts=options["only"] or "scorer,crf")
        self.stdout.write(self.style.SUCCESS(f"wrote weights: {result}"))
