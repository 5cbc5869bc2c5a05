"""A reader reports an error under an article: saved, guarded (CSRF, rate limit, honeypot,
length), listed for the admins (review list, admin) and closed there."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.test import Client

from archive.forms.reports import MESSAGE_MAX_CHARS
from archive.models import ErrorReport, ReportStatus
from archive.services.reports import REPORTS_PER_WINDOW
from archive.views.reports import THANKS, TOO_MANY

ROOT = Path(__file__).resolve().parents[2]
REPORT = {
    "kind": "persons",
    "message": "第一段“邓群荣”应为“邓群策”。",
    "contact": "reader@example.com",
}


@pytest.fixture(autouse=True)
def _no_counts_between_tests():
    cache.clear()  # the rate limit counts in the cache, which outlives each test's rows
    yield
    cache.clear()


def url(article) -> str:
    return f"/articles/{article.pk}/report/"


def test_a_report_is_saved_and_the_reader_is_thanked_on_the_article(client, archive_data):
    article = archive_data.meeting
    response = client.post(url(article), REPORT, follow=True)
    assert response.redirect_chain == [(f"/articles/{article.pk}/#report", 302)]
    assert THANKS in response.content.decode()
    report = ErrorReport.objects.get()
    assert (report.article, report.kind, report.message, report.contact) == (
        article,
        "persons",
        REPORT["message"],
        REPORT["contact"],
    )
    assert report.status == ReportStatus.OPEN
    # The thanks is said once.
    assert THANKS not in client.get(f"/articles/{article.pk}/").content.decode()


def test_the_form_is_on_the_article_page_with_a_csrf_token(client, archive_data):
    page = client.get(f"/articles/{archive_data.meeting.pk}/").content.decode()
    assert f'action="/articles/{archive_data.meeting.pk}/report/"' in page
    assert 'name="csrfmiddlewaretoken"' in page and 'name="website"' in page


def test_csrf_is_enforced(archive_data):
    browser = Client(enforce_csrf_checks=True)
    article = archive_data.meeting
    assert browser.post(url(article), REPORT).status_code == 403
    assert not ErrorReport.objects.exists()
    page = browser.get(f"/articles/{article.pk}/").content.decode()
    token = page.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    response = browser.post(url(article), {**REPORT, "csrfmiddlewaretoken": token})
    assert response.status_code == 302 and ErrorReport.objects.count() == 1


def test_an_address_is_limited_per_hour(client, archive_data):
    article = archive_data.meeting
    for _ in range(REPORTS_PER_WINDOW):
        assert client.post(url(article), REPORT).status_code == 302
    response = client.post(url(article), REPORT)
    assert response.status_code == 429 and TOO_MANY in response.content.decode()
    assert ErrorReport.objects.count() == REPORTS_PER_WINDOW
    other = Client(REMOTE_ADDR="192.0.2.8")  # another address is not held back
    assert other.post(url(article), REPORT).status_code == 302


def test_the_limit_holds_in_every_server_process(client, archive_data):
    """gunicorn runs several workers: a count made in one is seen by another process."""
    article = archive_data.meeting
    for _ in range(REPORTS_PER_WINDOW):
        client.post(url(article), REPORT)
    other_worker = (
        "import django; django.setup(); from django.core.cache import cache; "
        "from archive.services.reports import _key; print(cache.get(_key('127.0.0.1')))"
    )
    seen = subprocess.run(
        [sys.executable, "-c", other_worker],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "newsroom.settings"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert seen.stdout.strip() == str(REPORTS_PER_WINDOW)


def test_a_filled_honeypot_is_thanked_and_not_saved(client, archive_data):
    response = client.post(url(archive_data.meeting), {**REPORT, "website": "http://spam"})
    assert response.status_code == 302
    assert not ErrorReport.objects.exists()


def test_a_bad_form_stays_on_the_article_with_its_message(client, archive_data):
    article = archive_data.meeting
    response = client.post(url(article), {**REPORT, "message": "x" * (MESSAGE_MAX_CHARS + 1)})
    page = response.content.decode()
    assert response.status_code == 400
    assert f"说明最多 {MESSAGE_MAX_CHARS} 字。" in page and "市委常委会召开会议</h1>" in page
    response = client.post(url(article), {**REPORT, "message": "  ", "kind": "nonsense"})
    assert response.status_code == 400 and "请写明哪里有误。" in response.content.decode()
    assert not ErrorReport.objects.exists()
    assert client.get(url(article)).status_code == 405
    assert client.post(url(archive_data.hidden), REPORT).status_code == 404


@pytest.fixture
def admin_client(client, db):
    client.force_login(User.objects.create_superuser("chief", password="x"))
    return client


def test_reports_wait_in_the_review_list_and_the_admin(admin_client, archive_data):
    article = archive_data.meeting
    ErrorReport.objects.create(article=article, kind="title", message="标题少了一个字")
    page = admin_client.get("/admin/review/").content.decode()
    assert "读者报错（1）" in page and "标题少了一个字" in page
    assert f'href="/admin/archive/article/{article.pk}/change/"' in page
    listing = admin_client.get("/admin/archive/errorreport/?status__exact=open").content.decode()
    assert "标题少了一个字" in listing
    assert (
        f'<a href="/admin/archive/article/{article.pk}/change/">市委常委会召开会议</a>' in listing
    )


@pytest.mark.parametrize(
    ("action", "status"), [("mark_fixed", ReportStatus.FIXED), ("dismiss", ReportStatus.DISMISSED)]
)
def test_admin_actions_close_reports_saying_who_and_when(
    admin_client, archive_data, action, status
):
    report = ErrorReport.objects.create(article=archive_data.meeting, kind="text", message="错字")
    response = admin_client.post(
        "/admin/archive/errorreport/",
        {"action": action, "_selected_action": [report.pk]},
        follow=True,
    )
    assert response.status_code == 200
    report.refresh_from_db()
    assert report.status == status and report.handled_by.username == "chief"
    assert report.handled_at is not None
    assert "没有待处理的报错。" in admin_client.get("/admin/review/").content.decode()
