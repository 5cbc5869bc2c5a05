"""A whole import: worker processes read and draft, this process writes, a batch per transaction.

Pages: each file is one SourcePage; pages are written a batch at a time, and a batch that fails
is written again page by page, so one bad page fails alone. A page already imported (same
checksum) is skipped. JSON Lines: every line is checked first (a bad line fails the whole file
unless skip_invalid), then the file is written a chunk of lines per transaction together with
its checkpoint (ImportedFile), so an interrupted import goes on where it stopped. The files
are one stream of chunks: the workers check and read the next file while the end of the one
before is written.
"""

from __future__ import annotations

import hashlib
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from django.db import DatabaseError, transaction

from archive.extraction.types import NameLexicon
from archive.models import ImportedFile, SourcePage
from archive.services import jsonl, renewing
from archive.services.drafting import (
    ImportFailed,
    PageOptions,
    PagePlan,
    plan_article,
    plan_page,
)
from archive.services.storing import WriteCounts, fitted, store_articles
from archive.services.workers import Workers

_T = TypeVar("_T")
# Pages a worker reads per task. The workers hold workers.AHEAD tasks each while this process
# writes a batch (~0.5 s for 1,000 articles): 8 pages (~55 articles) a task left them idle a
# sixth of the import (a CPU trace of 20,000 items laid out as pages); 32 keep both cores busy.
PAGES_PER_TASK = 32
READ_CHUNK = 1 << 20


@dataclass
class FileResult:
    path: str
    status: str = "imported"  # imported | skipped | failed
    articles: int = 0
    duplicates: int = 0
    persons: int = 0
    events: int = 0
    warnings: list[str] = field(default_factory=list)
    error: str = ""

    def add(self, counts: WriteCounts) -> None:
        self.articles += counts.articles
        self.duplicates += counts.duplicates
        self.persons += counts.persons
        self.events += counts.events
        self.warnings += counts.warnings


@dataclass(frozen=True)
class ImportSettings:
    page_options: PageOptions = PageOptions()
    skip_invalid: bool = False
    dry_run: bool = False  # reject files are not written; the caller rolls the rows back
    batch_articles: int = 1000  # about this many articles (JSON Lines: lines) per transaction


@dataclass
class _OpenFile:
    """A JSON Lines file being written."""

    path: Path
    checksum: str
    checked: jsonl.CheckedLines
    start: int  # lines already written by an earlier, interrupted run
    result: FileResult


@dataclass(frozen=True)
class _Chunk:
    file: _OpenFile
    last_line: int
    size: int  # bytes of input
    last: bool  # the file's last chunk


Report = Callable[[FileResult], None]
Progress = Callable[[int, int], None]  # (bytes of input done, articles written)


def checksum_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_checksum(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while block := fh.read(READ_CHUNK):
            digest.update(block)
    return digest.hexdigest()


# Worker side: module-level functions, with the lexicon and options set once per process.
_job: dict = {}


def _start_job(lexicon: NameLexicon, page_options: PageOptions) -> None:
    _job.update(lexicon=lexicon, page_options=page_options)


def _plan_pages(entries: list[tuple[str, str, bytes]]) -> list[tuple[str, PagePlan | str]]:
    """(checksum, the page's drafts or why it cannot be read) for each (checksum, name, data)."""
    planned: list[tuple[str, PagePlan | str]] = []
    for checksum, name, data in entries:
        try:
            plan = plan_page(data, name, checksum, _job["lexicon"], _job["page_options"])
        except ImportFailed as exc:
            plan = str(exc)
        planned.append((checksum, plan))
    return planned


def _plan_lines(task: tuple[str, list[jsonl.Line]]):
    name, lines = task
    return [plan_article(item, _job["lexicon"]) for item in jsonl.items_of(lines, name)]


class Importer:
    """One run of import_archive over page files and JSON Lines files."""

    def __init__(
        self,
        lexicon: NameLexicon,
        settings: ImportSettings,
        *,
        workers: int = 1,
        report: Report = lambda result: None,
        progress: Progress = lambda done, articles: None,
    ):
        self.settings = settings
        self.report = report
        self.progress = progress
        self.workers = Workers(workers, _start_job, (lexicon, settings.page_options))

    def run(self, pages: list[Path], jsonl_files: list[Path]) -> list[FileResult]:
        with self.workers:
            return self._pages(pages) + self._jsonl(jsonl_files)

    # Pages ------------------------------------------------------------------------------

    def _pages(self, paths: list[Path]) -> list[FileResult]:
        results: list[FileResult] = []
        self.files: dict[str, tuple[str, int]] = {}  # checksum → (path, size) of pages in flight

        def tasks() -> Iterator[list[tuple[str, str, bytes]]]:
            for start in range(0, len(paths), PAGES_PER_TASK):
                entries = []
                for path in paths[start : start + PAGES_PER_TASK]:
                    try:
                        data = path.read_bytes()
                    except OSError as exc:
                        error = f"无法读取文件：{exc.strerror or exc}"
                        self._done(results, FileResult(str(path), "failed", error=error))
                        continue
                    entries.append((checksum_of(data), path, data))
                known = set(
                    SourcePage.objects.filter(checksum__in=[e[0] for e in entries]).values_list(
                        "checksum", flat=True
                    )
                )
                todo = []
                for checksum, path, data in entries:
                    # Already in the archive, or met earlier in this run: imported once.
                    if checksum in known or checksum in self.files:
                        self._done(results, FileResult(str(path), "skipped"), len(data))
                    else:
                        self.files[checksum] = (str(path), len(data))
                        todo.append((checksum, path.name, data))
                yield todo

        batch: list[PagePlan] = []
        for planned in self.workers.map(_plan_pages, tasks()):
            for checksum, plan in planned:
                if isinstance(plan, str):
                    self._finish(results, checksum, FileResult("", "failed", error=plan))
                else:
                    batch.append(plan)
            if sum(len(p.articles) for p in batch) >= self.settings.batch_articles:
                self._write_pages(batch, results)
                batch = []
        self._write_pages(batch, results)
        return results

    def _write_pages(self, batch: list[PagePlan], results: list[FileResult]) -> None:
        if not batch:
            return
        try:
            with transaction.atomic():
                written = list(zip(batch, renewing.store(batch), strict=True))
        except DatabaseError:
            written = []
            for page in batch:  # find the page that fails; the others go in
                try:
                    with transaction.atomic():
                        written.append((page, renewing.store([page])[0]))
                except DatabaseError as exc:
                    failed = FileResult("", "failed", error=f"数据库错误：{exc}")
                    self._finish(results, page.checksum, failed)
        for page, counts in written:
            result = FileResult("", warnings=list(page.warnings))
            result.add(counts)
            self._finish(results, page.checksum, result)

    def _finish(self, results: list[FileResult], checksum: str, result: FileResult) -> None:
        result.path, size = self.files.pop(checksum)
        self._done(results, result, size)

    def _done(self, results: list[FileResult], result: FileResult, size: int = 0) -> None:
        results.append(result)
        self.report(result)
        self.progress(size, result.articles)

    # JSON Lines -------------------------------------------------------------------------

    def _jsonl(self, paths: list[Path]) -> list[FileResult]:
        """All files as one stream of chunks, so the workers read the next file while this
        process writes the end of the one before (a pause at every file otherwise)."""
        results: list[FileResult] = []
        chunks: deque[_Chunk] = deque()  # what each chunk handed out belongs to, in order

        def tasks() -> Iterator[tuple[str, list[jsonl.Line]]]:
            begun: set[str] = set()  # checksums of this run's files
            for path in paths:
                opened = self._open(path, begun)
                if isinstance(opened, FileResult):  # failed or already imported
                    results.append(opened)
                    self.report(opened)
                    continue
                begun.add(opened.checksum)
                handed = False
                for (lines, size), last in _with_last(
                    _line_chunks(path, opened.start, self.settings.batch_articles)
                ):
                    chunks.append(_Chunk(opened, lines[-1][0], size, last))
                    handed = True
                    yield path.name, lines
                if not handed:  # interrupted after its last chunk: only the mark is missing
                    results.append(self._close(opened))
                    self.report(results[-1])

        for plans in self.workers.map(_plan_lines, tasks()):
            chunk = chunks.popleft()
            opened = chunk.file
            with transaction.atomic():
                counts = store_articles(plans)
                ImportedFile.objects.update_or_create(
                    checksum=opened.checksum,
                    defaults={"file_name": _file_name(opened.path), "lines_done": chunk.last_line},
                )
            opened.result.add(counts)
            self.progress(chunk.size, counts.articles)
            if chunk.last:
                results.append(self._close(opened))
                self.report(results[-1])
        return results

    def _open(self, path: Path, begun: set[str]) -> _OpenFile | FileResult:
        """A file checked and ready to write from where an earlier run stopped, or its result
        when it fails the check or was imported before (or earlier in this run: begun)."""
        try:
            checksum = file_checksum(path)
            checked = self._check(path)
        except OSError as exc:
            return FileResult(str(path), "failed", error=f"无法读取文件：{exc.strerror or exc}")
        except ImportFailed as exc:
            return FileResult(str(path), "failed", error=str(exc))
        record = ImportedFile.objects.filter(checksum=checksum).first()
        if checksum in begun or (record is not None and record.finished):
            self.progress(path.stat().st_size, 0)
            return FileResult(str(path), "skipped")
        result = FileResult(path=str(path))
        if checked.unknown_fields:
            result.warnings.append(f"未知字段已忽略：{'、'.join(sorted(checked.unknown_fields))}")
        start = record.lines_done if record else 0
        if start:
            result.warnings.append(f"从第 {start + 1} 行继续（上次导入中断）")
        return _OpenFile(path, checksum, checked, start, result)

    def _close(self, opened: _OpenFile) -> FileResult:
        """Mark a file whose every line is written as finished; its result."""
        path, result, rejects = opened.path, opened.result, opened.checked.rejects
        ImportedFile.objects.update_or_create(
            checksum=opened.checksum, defaults={"file_name": _file_name(path), "finished": True}
        )
        if rejects:
            where = (
                "（试运行，未写出）"
                if self.settings.dry_run
                else f"，见 {jsonl.write_rejects(path, rejects)}"
            )
            result.warnings.append(f"{len(rejects)} 行无效，已跳过{where}")
        if result.articles == 0 and result.duplicates:
            result.status = "skipped"
        return result

    def _check(self, path: Path) -> jsonl.CheckedLines:
        total = jsonl.CheckedLines()
        tasks = (lines for lines, _ in _line_chunks(path, 0, self.settings.batch_articles))
        for checked in self.workers.map(jsonl.check_lines, tasks):
            total.lines += checked.lines
            total.rejects += checked.rejects
            total.unknown_fields |= checked.unknown_fields
        if total.lines == 0:
            raise ImportFailed("文件为空 (empty file)")
        if total.rejects and not self.settings.skip_invalid:
            raise ImportFailed(jsonl.refusal(total.rejects))
        return total


def _file_name(path: Path) -> str:
    return fitted(ImportedFile(file_name=path.name)).file_name


def _line_chunks(path: Path, after: int, per_chunk: int) -> Iterator[tuple[list[jsonl.Line], int]]:
    """Non-empty lines after line ``after``, ``per_chunk`` at a time, with their size in
    bytes. A line that is not UTF-8 comes with text None, for check_lines to reject."""
    lines: list[jsonl.Line] = []
    size = 0
    with path.open("rb") as fh:
        for number, raw in enumerate(fh, start=1):
            size += len(raw)
            if number <= after:
                size = 0
                continue
            try:
                text = raw.decode("utf-8-sig" if number == 1 else "utf-8").strip()
            except UnicodeDecodeError:
                text = None
            if text is None or text:
                lines.append((number, text))
            if len(lines) >= per_chunk:
                yield lines, size
                lines, size = [], 0
    if lines:
        yield lines, size


def _with_last(items: Iterator[_T]) -> Iterator[tuple[_T, bool]]:
    """Each item with whether it is the last."""
    items = iter(items)
    held = next(items, _NONE)
    if held is _NONE:
        return
    for item in items:
        yield held, False
        held = item
    yield held, True


_NONE = object()  # no first item
