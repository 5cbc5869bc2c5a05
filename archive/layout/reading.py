"""Read a generated page exactly as the importer does, keeping only what is scored."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from archive.extraction.page_dates import resolve_page_dates
from archive.extraction.persons import find_persons
from archive.reading import parse_page

from .text import squeeze


@dataclass
class ReadArticle:
    text: str  # full_text without whitespace, where true articles' keys are looked for
    title: str | None  # None when the reader derived it from the body
    bylines: list[str] = field(default_factory=list)
    persons: list[str] = field(default_factory=list)  # byline names ∪ find_persons names


@dataclass
class PageReading:
    articles: list[ReadArticle]
    issue_date: dt.date | None


def read_page(text: str, file_name: str) -> PageReading:
    """parse_page → resolve_page_dates → persons, the importer's path without the database."""
    page = parse_page(text)
    dates = resolve_page_dates(
        text, file_name, page.articles, printed_date=page.masthead.printed_date
    )
    articles = []
    for draft in page.articles:
        bylines = [squeeze(b.name) for b in draft.bylines]
        found = [squeeze(m.name) for m in find_persons(draft.full_text)]
        articles.append(
            ReadArticle(
                text=squeeze(draft.full_text),
                title=None if draft.title_is_derived else squeeze(draft.title),
                bylines=bylines,
                persons=list(dict.fromkeys(bylines + found)),
            )
        )
    return PageReading(articles=articles, issue_date=dates.issue_date)
