"""The issue date of a page: given by the user or the file name, else inferred, never guessed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from archive.reading.page import ArticleDraft

from .dates import date_from_filename, find_lead_date, infer_year, issue_date_from_leads
from .types import LeadDate

# = archive.models.pages.DateStatus
GIVEN, PRINTED, INFERRED, UNKNOWN = "given", "printed", "inferred", "unknown"


@dataclass
class PageDates:
    issue_date: dt.date | None
    status: str
    year: int | None
    evidence: str
    reasons: list[str]  # why the page needs review; empty when the date is sure


def article_lead_date(draft: ArticleDraft) -> LeadDate | None:
    """The date the lead gives; some leads open with context and date the second paragraph."""
    for paragraph in draft.paragraphs[:2]:
        found = find_lead_date(paragraph)
        if found:
            return found
    return None


def resolve_page_dates(
    text: str,
    file_name: str,
    drafts: list[ArticleDraft],
    issue_date: dt.date | None = None,
    year: int | None = None,
    printed_date: dt.date | None = None,
) -> PageDates:
    """The user's date, else the file name's, else the page's own date line, else inferred.

    ``printed_date`` is the date line of the page's header ("2021年4月17日 星期六").
    """
    given = issue_date or date_from_filename(file_name)
    if given:
        source = "由用户给出" if issue_date else f"取自文件名 {file_name}"
        return PageDates(given, GIVEN, given.year, source, [])
    if printed_date and (year is None or printed_date.year == year):
        return PageDates(printed_date, PRINTED, printed_date.year, "版面印有出版日期", [])
    lead_dates = [d for d in (article_lead_date(a) for a in drafts) if d]
    if year:
        evidence, weak = "年份由用户给出", False
    else:
        guess = infer_year(text)
        year, evidence = guess.year, "；".join(guess.evidence)
        weak = guess.year is not None and guess.weight < 2
    if year is None:
        days = sorted({f"{d.month}月{d.day}日" for d in lead_dates if d.month})
        known = f"（导语日期：{'、'.join(days)}）" if days else ""
        return PageDates(
            None, UNKNOWN, None, evidence, [f"版面没有可以确定年份的依据，出版日期待核实{known}"]
        )
    found = issue_date_from_leads(lead_dates, year)
    if found is None:
        return PageDates(None, UNKNOWN, year, evidence, ["导语中没有具体日期，出版日期待核实"])
    reasons = [f"年份依据较弱：{evidence}"] if weak else []
    return PageDates(found, INFERRED, year, evidence, reasons)
