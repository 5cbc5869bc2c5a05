"""python manage.py import_archive [PATH ...] — OCR pages (.txt) and JSON Lines (.jsonl)."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from tqdm import tqdm

from archive.search.queue import catch_up, deferred, pending
from archive.selectors.people import warm_figures
from archive.services.drafting import PageOptions
from archive.services.importing import FileResult, Importer, ImportSettings
from archive.services.people import load_lexicon
from archive.services.statistics import refresh_statistics

PAGE_SUFFIXES = {".txt", ".text"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
PROGRESS_FROM = 1 << 20  # bytes of input; smaller imports finish before a bar would help
PARALLEL_FROM = 1 << 20  # bytes of input; below this, starting worker processes costs more


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
        parser.add_argument(
            "--workers",
            type=int,
            help="processes that read and extract (default: one per core for large imports)",
        )
        parser.add_argument(
            "--batch-size",
            type=int,
            default=ImportSettings.batch_articles,
            help="about this many articles (JSON Lines: lines) per transaction",
        )

    def handle(self, *args, **options):
        paths = [Path(p) for p in options["paths"]] or [Path(settings.BASE_DIR) / "seeds"]
        files, missing = self._collect(paths, options["format"])
        verbosity = options["verbosity"]
        results: list[FileResult] = [
            FileResult(path=str(p), status="failed", error="路径不存在 (no such file or folder)")
            for p in missing
        ]
        for result in results:
            self._report_file(result, verbosity)
        size = sum(_size(p) for p, _ in files)
        workers = options["workers"] or (os.cpu_count() or 1 if size >= PARALLEL_FROM else 1)
        if options["batch_size"] < 1 or workers < 1:
            raise CommandError("--workers 与 --batch-size 应为正整数")
        bar = tqdm(
            total=size,
            unit="B",
            unit_scale=True,
            disable=verbosity < 1 or size < PROGRESS_FROM,
            desc="导入",
        )
        articles, started = 0, time.monotonic()

        def progress(done: int, new_articles: int) -> None:
            nonlocal articles
            articles += new_articles
            rate = articles / max(time.monotonic() - started, 1e-6)
            bar.set_postfix_str(f"{articles} 篇, {rate:.0f} 篇/秒", refresh=False)
            bar.update(done)

        importer = Importer(
            load_lexicon(),
            ImportSettings(
                page_options=PageOptions(
                    issue_date=options["date"], year=options["year"], page_number=options["page"]
                ),
                skip_invalid=options["skip_invalid"],
                dry_run=options["dry_run"],
                batch_articles=options["batch_size"],
            ),
            workers=workers,
            report=lambda result: self._report_file(result, verbosity, bar),
            progress=progress,
        )
        # A dry run wraps everything in one transaction that is rolled back.
        outer = transaction.atomic() if options["dry_run"] else contextlib.nullcontext()
        try:
            with deferred(), outer:
                results += importer.run(
                    [p for p, kind in files if kind == "page"],
                    [p for p, kind in files if kind == "jsonl"],
                )
                if options["dry_run"]:
                    raise DryRun
        except DryRun:
            pass
        finally:
            bar.close()
        if not options["dry_run"]:
            # Statistics first: the index reads every new article back, and PostgreSQL plans
            # freshly imported tables as empty (the index phase of a million ran 4× slower).
            refresh_statistics(articles)
            self._index(verbosity)
            if articles:
                # Every page reads the article dates, and the most-named persons' pages sum
                # the most rows: computed once here, for every web worker (selectors.counts),
                # not on a reader's first visit.
                warm_figures()
        self._summary(results, options["dry_run"], time.monotonic() - started)
        failed = [r for r in results if r.status == "failed"]
        if failed:
            raise CommandError(f"{len(failed)} 个文件导入失败 ({len(failed)} file(s) failed)")

    def _index(self, verbosity: int) -> None:
        """Every imported article is findable when the command returns."""
        waiting = pending()
        with tqdm(total=waiting, disable=verbosity < 1 or waiting < 5000, desc="索引") as bar:
            catch_up(progress=bar.update)

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

    def _report_file(self, result: FileResult, verbosity: int, bar=None) -> None:
        if result.status == "failed":
            message = self.style.ERROR(f"失败 {result.path}: {result.error}")
            if bar is not None and not bar.disable:
                bar.write(message, file=self.stderr)
            else:
                self.stderr.write(message)
            return
        if verbosity >= 2:
            line = (
                f"{'跳过' if result.status == 'skipped' else '导入'} {result.path}: "
                f"{result.articles} 篇文章, {result.persons} 位新人物, {result.events} 个新事件"
            )
            self.stdout.write(line)
            for warning in result.warnings:
                self.stdout.write(f"  警告: {warning}")

    def _summary(self, results: list[FileResult], dry_run: bool, seconds: float) -> None:
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
            f"events: {sum(r.events for r in results)} new; warnings: {warnings}; "
            f"{seconds:.1f} s, {sum(r.articles for r in results) / max(seconds, 1e-6):.0f} articles/s"
        )


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
