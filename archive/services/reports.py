"""Readers' error reports: the one place they are written, limited and closed."""

from __future__ import annotations

from django.core.cache import cache
from django.db.models import QuerySet
from django.utils import timezone

from archive.models import Article, ErrorReport, ReportStatus

REPORTS_PER_WINDOW = 5  # from one address …
WINDOW_SECONDS = 60 * 60  # … in an hour


class TooManyReports(Exception):
    """This address has sent REPORTS_PER_WINDOW reports in the last window."""


def _key(client: str) -> str:
    return f"error-reports:{client}"


def submit_report(
    article: Article, *, kind: str, message: str, contact: str, client: str
) -> ErrorReport:
    """Save a reader's report, counted against the sender's address (raises TooManyReports).

    Counted in Django's cache, which every server process shares (settings.CACHES): the window
    starts with the address's first report.
    """
    key = _key(client)
    cache.add(key, 0, timeout=WINDOW_SECONDS)
    try:
        sent = cache.incr(key)
    except ValueError:  # expired between add and incr: a new window
        cache.set(key, 1, timeout=WINDOW_SECONDS)
        sent = 1
    if sent > REPORTS_PER_WINDOW:
        raise TooManyReports
    return ErrorReport.objects.create(article=article, kind=kind, message=message, contact=contact)


def close_reports(reports: QuerySet[ErrorReport], status: str, user) -> int:
    """Mark reports fixed or dismissed, saying who did it and when; returns how many."""
    if status == ReportStatus.OPEN:
        raise ValueError("a report is closed as fixed or dismissed")
    return reports.update(status=status, handled_by=user, handled_at=timezone.now())
