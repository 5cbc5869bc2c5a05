"""Readers' error reports survive backup_archive and restore_archive; who closed one does not
(users are not part of the archive)."""

import io

from django.contrib.auth.models import User

from archive.models import Article, ErrorReport, ReportStatus
from archive.services.backup import restore_backup, write_backup
from archive.services.reports import close_reports
from tests.factories import ArticleFactory
from tests.services.test_backup import wipe


def reports() -> list[tuple]:
    # Django's JSON keeps times to the millisecond.
    return sorted(
        (r.pk, r.article_id, r.kind, r.message, r.contact, r.status, r.admin_note)
        + tuple(
            t.replace(microsecond=t.microsecond // 1000 * 1000)
            for t in (r.created_at, r.handled_at)
            if t
        )
        for r in ErrorReport.objects.all()
    )


def test_reports_are_backed_up_and_restored(db):
    article = ArticleFactory()
    ErrorReport.objects.create(article=article, kind="text", message="错字", contact="a@b.cn")
    closed = ErrorReport.objects.create(
        article=article, kind="title", message="标题", admin_note="改了"
    )
    chief = User.objects.create_superuser("chief", password="x")
    close_reports(ErrorReport.objects.filter(pk=closed.pk), ReportStatus.FIXED, chief)
    before = reports()
    out = io.StringIO()
    counts = write_backup(out)
    assert counts["archive.ErrorReport"] == 2
    wipe()
    assert not ErrorReport.objects.exists() and not Article.objects.exists()
    restore_backup(iter(out.getvalue().splitlines(keepends=True)))
    assert reports() == before
    assert ErrorReport.objects.get(pk=closed.pk).handled_by is None
