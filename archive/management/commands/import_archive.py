"""python manage.py import_archive [PATH ...] — OCR pages (.txt) and JSON Lines (.jsonl)."""

from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from tqdm import tqdm

from archive.search.queue import deferred, drain
from archive.services.importing import FileResult, ImportFailed, PageOptions, import_page_file
from archive.services.jsonl import import_jsonl_file
from archive.services.people import load_lexicon

PAGE_SUFFIXES = {".txt", ".text"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
PROGRESS_FROM = 10  # files; fewer finish before a bar would help


class DryRun(Exception):
    """Raised to roll back everything a dry run wrote."""


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(f"--date 应为 YYYY-MM-DD：{value}") from exc


class Command(BaseCommand):
    help = "Import OCR page texts or JSON Lines articles into the archive (default: seeds/)."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", help="files or folders (default: seeds/)")
        parser.add_argument(
            "--format",
            choices=["auto", "page", "jsonl"],
            default="auto",
            help="auto: by file ending (.jsonl → jsonl, else page)",
        )
        parser.add_argument("--date", type=_date, help="issue date of the pages (YYYY-MM-DD)")
        parser.add_argument("--year", type=int, help="year of the pages, when only that is known")
        parser.add_argument("--page", type=int, help="page number (版次) of the pages")
        parser.add_argument("--dry-run", action="store_true", help="read and report, write nothing")
        parser.add_argument(
            "--skip-invalid",
            action="store_true",
            help="JSON Lines: import the good lines; bad ones go to NAME.rejects.jsonl with reasons",
        )

    def handle(self, *args, **options):
        paths = [Path(p) for p in options["paths"]] or [Path(settings.BASE_DIR) / "seeds"]
        files, missing = self._collect(paths, options["format"])
        page_options = PageOptions(
            issue_date=options["date"], year=options["year"], page_number=options["page"]
        )
        results: list[FileResult] = [
            FileResult(path=str(p), status="failed", error="路径不存在 (no such file or folder)")
            for p in missing
        ]
        for result in results:
            self._report_file(result, options["verbosity"])
        lexicon = load_lexicon()
        show_bar = options["verbosity"] >= 1 and len(files) >= PROGRESS_FROM
        # One transaction per file; a dry run wraps them all in one that is rolled back.
        outer = transaction.atomic() if options["dry_run"] else contextlib.nullcontext()
        try:
            with deferred(), outer:
                for path, kind in tqdm(files, disable=not show_bar, unit="file"):
                    results.append(self._import_one(path, kind, lexicon, page_options, options))
                    self._report_file(results[-1], options["verbosity"])
                if options["dry_run"]:
                    raise DryRun
        except DryRun:
            pass
        if not options["dry_run"]:
            drain(block=True)
        self._summary(results, options["dry_run"])
        failed = [r for r in results if r.status == "failed"]
        if failed:
            raise CommandError(f"{len(failed)} 个文件导入失败 ({len(failed)} file(s) failed)")

    def _collect(self, paths: list[Path], fmt: str) -> tuple[list[tuple[Path, str]], list[Path]]:
        files, missing = [], []
        for path in paths:
            if path.is_dir():
                found = sorted(
                    p for p in path.rglob("*") if p.suffix.lower() in PAGE_SUFFIXES | JSONL_SUFFIXES
                )
                files.extend(found)
            elif path.exists():
                files.append(path)
            else:
                missing.append(path)
        kinds = []
        for path in files:
            kind = (
                fmt
                if fmt != "auto"
                else ("jsonl" if path.suffix.lower() in JSONL_SUFFIXES else "page")
            )
            kinds.append((path, kind))
        return kinds, missing

    def _import_one(self, path: Path, kind: str, lexicon, page_options, options) -> FileResult:
        # Each file in its own savepoint: a failure rolls back that file only.
        try:
            with transaction.atomic():
                if kind == "jsonl":
                    result = import_jsonl_file(
                        path,
                        lexicon,
                        skip_invalid=options["skip_invalid"],
                        dry_run=options["dry_run"],
                    )
                else:
                    result = import_page_file(path, lexicon, page_options)
            result.path = str(path)
            return result
        except ImportFailed as exc:
            return FileResult(path=str(path), status="failed", error=str(exc))

    def _report_file(self, result: FileResult, verbosity: int) -> None:
        if result.status == "failed":
            self.stderr.write(self.style.ERROR(f"失败 {result.path}: {result.error}"))
            return
        if verbosity >= 2:
            line = (
                f"{'跳过' if result.status == 'skipped' else '导入'} {result.path}: "
                f"{result.articles} 篇文章, {result.persons} 位新人物, {result.events} 个新事件"
            )
            self.stdout.write(line)
            for warning in result.warnings:
                self.stdout.write(f"  警告: {warning}")

    def _summary(self, results: list[FileResult], dry_run: bool) -> None:
        imported = [r for r in results if r.status == "imported"]
        skipped = [r for r in results if r.status == "skipped"]
        failed = [r for r in results if r.status == "failed"]
        warnings = sum(len(r.warnings) for r in results)
        prefix = "[dry run, nothing written] " if dry_run else ""
        self.stdout.write(
            f"{prefix}files: {len(imported)} imported, {len(skipped)} skipped (already imported), "
            f"{len(failed)} failed; articles: {sum(r.articles for r in results)} new, "
            f"{sum(r.duplicates for r in results)} duplicate; "
            f"persons: {sum(r.persons for r in results)} new; "
            f"events: {sum(r.events for r in results)} new; warnings: {warnings}"
        )
