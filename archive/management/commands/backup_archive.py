"""python manage.py backup_archive -o FILE [--history] — everything needed to rebuild the archive."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from archive.services.backup import write_backup


class Command(BaseCommand):
    help = "Write the whole archive (records, persons' decisions, aliases, events) to one file."

    def add_arguments(self, parser):
        parser.add_argument("-o", "--output", required=True, help="the backup file to write")
        parser.add_argument("--history", action="store_true", help="include every version")

    def handle(self, *args, output, history, **options):
        path = Path(output)
        if not path.parent.exists():
            raise CommandError(f"目录不存在：{path.parent}")
        part = path.with_name(path.name + ".part")
        # One read transaction: the file is the archive at one moment, even while it is edited.
        try:
            with transaction.atomic(), part.open("w", encoding="utf-8") as out:
                counts = write_backup(out, history=history)
        except OSError as exc:
            part.unlink(missing_ok=True)
            raise CommandError(f"无法写入备份：{exc.strerror or exc}") from exc
        part.replace(path)
        rows = ", ".join(f"{label.split('.')[-1]} {n}" for label, n in counts.items() if n)
        self.stdout.write(f"backed up to {path}: {rows}")
