"""Importing OCR page files: decode, read, extract, write — one transaction per page."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from archive.extraction.page_dates import PageDates, article_lead_date, resolve_page_dates
from archive.extraction.types import NameLexicon
from archive.models import SourcePage
from archive.reading import ArticleDraft, PageDecodeError, decode_page, parse_page
from archive.services.page_links import link_continued_parts, write_staff
from archive.services.records import ArticleInput, WriteCounts, write_article


class ImportFailed(Exception):
    """A file that cannot be imported; the message names the reason for the reader."""


@dataclass(frozen=True)
class PageOptions:
    issue_date: dt.date | None = None  # the paper's date, when the user knows it
    year: int | None = None  # the year, when only that is known
    page_number: int | None = None


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


def checksum_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def import_page(
    data: bytes, file_name: str, lexicon: NameLexicon, options: PageOptions = PageOptions()
) -> FileResult:
    """Import one page's bytes; raise ImportFailed with a clear reason, writing nothing."""
    result = FileResult(path=file_name)
    checksum = checksum_of(data)
    if SourcePage.objects.filter(checksum=checksum).exists():
        result.status = "skipped"
        return result
    try:
        text, encoding = decode_page(data)
    except PageDecodeError as exc:
        raise ImportFailed(str(exc)) from exc
    page = parse_page(text)
    if not page.articles:
        raise ImportFailed("没有找到任何文章 (no articles found)")
    masthead = page.masthead
    dates = resolve_page_dates(
        text,
        file_name,
        page.articles,
        issue_date=options.issue_date,
        year=options.year,
        printed_date=masthead.printed_date,
    )
    page_number = options.page_number or masthead.page_number
    if SourcePage.objects.filter(file_name=file_name).exists():
        result.warnings.append("同名文件以前导入过，内容不同：作为新版本导入")
    counts = WriteCounts()
    with transaction.atomic():
        source_page = SourcePage.objects.create(
            file_name=file_name,
            checksum=checksum,
            encoding=encoding,
            text=text,
            page_number=page_number,
            issue_date=dates.issue_date,
            date_status=dates.status,
            year_evidence=dates.evidence,
            section=masthead.section[:40],
            warnings=page.warnings + dates.reasons,
        )
        write_staff(source_page, masthead.staff, lexicon)
        written = []
        for draft in page.articles:
            item = _article_input(draft, dates, source_page)
            article = write_article(item, lexicon, counts)
            if article is not None:
                written.append(article)
        link_continued_parts(written)
    result.articles, result.duplicates = counts.articles, counts.duplicates
    result.persons, result.events = counts.persons, counts.events
    result.warnings += page.warnings + dates.reasons + counts.warnings
    return result


def _article_input(draft: ArticleDraft, dates: PageDates, source_page: SourcePage) -> ArticleInput:
    """One drafted article of a page, dated and placed as the page is."""
    return ArticleInput(
        title=draft.title,
        paragraphs=draft.paragraphs,
        published=dates.issue_date,
        date_status=dates.status,
        kicker=draft.kicker,
        deck=draft.deck,
        title_is_derived=draft.title_is_derived,
        captions=draft.captions,
        page=source_page.page_number,
        position=draft.position,
        source=source_page.file_name,
        source_page=source_page,
        bylines=draft.bylines,
        lead=draft.lead,
        lead_date=article_lead_date(draft),
        year=dates.year,
        review_reasons=dates.reasons + draft.warnings,
        genre=draft.genre,
        section=draft.section,
        agency=draft.agency,
        place=draft.place,
        continued_on=draft.continued_to,
        continued_from_page=draft.continued_from,
    )


def import_page_file(path: Path, lexicon: NameLexicon, options: PageOptions) -> FileResult:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFailed(f"无法读取文件：{exc.strerror or exc}") from exc
    return import_page(data, path.name, lexicon, options)
