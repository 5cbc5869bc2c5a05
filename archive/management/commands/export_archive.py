"""python manage.py export_archive [-o FILE] — the archive as JSON Lines."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from archive.services.exporting import export_articles


class Command(BaseCommand):
    help = "Export every article as JSON Lines (one article a line), re-importable."

    def add_arguments(self, parser):
        parser.add_argument("-o", "--output", help="file to write (default: standard output)")
        parser.add_argument("--base-url", default="", help="prefix for the url field")

    def handle(self, *args, **options):
        output = options["output"]
        count = 0
        if output:
            path = Path(output)
            if not path.parent.exists():
                raise CommandError(f"目录不存在：{path.parent}")
            tmp = path.with_name(path.name + ".part")
            # Written beside and renamed at the end: a failed export never leaves half a file.
            with tmp.open("w", encoding="utf-8") as handle:
                for line in export_articles(base_url=options["base_url"]):
                    handle.write(line + "\n")
                    count += 1
            tmp.replace(path)
            self.stderr.write(f"exported {count} articles to {path}")
        else:
            for line in export_articles(base_url=options["base_url"]):
                self.stdout.write(line)
                count += 1
            self.stderr.write(f"exported {count} articles")
