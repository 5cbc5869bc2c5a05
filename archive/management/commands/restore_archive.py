"""python manage.py restore_archive FILE — a backup_archive file into an empty archive."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from archive.search import queue
from archive.services.backup import RestoreError, restore_backup


class Command(BaseCommand):
    help = "Restore a backup into an empty archive (one transaction), then rebuild the index."

    def add_arguments(self, parser):
        parser.add_argument("path", help="a file written by backup_archive")

    def handle(self, *args, path, **options):
        source = Path(path)
        try:
            with (
                source.open(encoding="utf-8") as lines,
                tqdm(unit="row", disable=options["verbosity"] < 1, desc="恢复") as bar,
            ):
                counts = restore_backup(iter(lines), progress=bar.update)
        except OSError as exc:
            raise CommandError(f"无法读取 {source}：{exc.strerror or exc}") from exc
        except (RestoreError, UnicodeDecodeError) as exc:
            raise CommandError(f"{exc}；什么都没有写入 (nothing was written)") from exc
        written, _ = queue.rebuild()
        rows = ", ".join(f"{label.split('.')[-1]} {n}" for label, n in counts.items())
        self.stdout.write(f"restored {rows}; {written} articles indexed")
