"""Production settings pass check --deploy; pages keep to the CSP; logins are throttled;
editors correct records but do not manage users."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, User

from archive.models import ErrorReport
from tests.factories import ArticleFactory, PersonFactory

ROOT = Path(__file__).resolve().parents[1]
PRODUCTION = {
    "DJANGO_SECRET_KEY": "k" * 20 + "-production-secret-key-for-the-check-9f8e7d6c5b4a",
    "DJANGO_SECURE_COOKIES": "1",
    "DJANGO_SSL_REDIRECT": "1",
    "DJANGO_HSTS_SECONDS": "31536000",
    "DJANGO_HSTS_INCLUDE_SUBDOMAINS": "1",
    "DJANGO_HSTS_PRELOAD": "1",
}


def test_check_deploy_is_clean_under_the_documented_production_settings(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(PRODUCTION, NEWSROOM_DATA_DIR=str(tmp_path))
    env.pop("DATABASE_URL", None)
    found = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert found.returncode == 0, found.stderr + found.stdout


def test_public_pages_send_a_strict_csp_and_keep_to_it(client, db):
    article = ArticleFactory()
    for url in ["/", "/search/?q=会议", f"/articles/{article.pk}/", "/people/", "/events/"]:
        response = client.get(url)
        policy = response["Content-Security-Policy"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy
        html = response.content.decode()
        assert " style=" not in html and " onclick=" not in html
        assert "<script>" not in html  # every script is a file from this site


def test_admin_login_is_throttled(client, db):
    User.objects.create_superuser("chief", password="a-long-right-password-1")
    for _ in range(5):
        client.post("/admin/login/", {"username": "chief", "password": "wrong"})
    response = client.post(
        "/admin/login/", {"username": "chief", "password": "a-long-right-password-1"}
    )
    assert response.status_code == 429 and "登录已暂停" in response.content.decode()


@pytest.fixture
def editor(client, db):
    user = User.objects.create_user("editor", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name="编辑"))
    client.force_login(user)
    return client


def test_an_editor_corrects_articles_persons_and_events_but_not_users(editor):
    article, person = ArticleFactory(), PersonFactory()
    assert editor.get(f"/admin/archive/article/{article.pk}/change/").status_code == 200
    assert editor.get(f"/admin/archive/person/{person.pk}/change/").status_code == 200
    assert editor.get("/admin/archive/event/").status_code == 200
    assert editor.get("/admin/auth/user/").status_code == 403
    assert editor.get("/admin/auth/group/").status_code == 403
    assert editor.get(f"/admin/archive/article/{article.pk}/delete/").status_code == 403


def test_an_editor_closes_readers_error_reports(editor):
    report = ErrorReport.objects.create(article=ArticleFactory(), kind="title", message="标题错字")
    assert editor.get("/admin/archive/errorreport/").status_code == 200
    editor.post(
        "/admin/archive/errorreport/",
        {"action": "mark_fixed", "_selected_action": [report.pk]},
    )
    report.refresh_from_db()
    assert report.status == "fixed" and report.handled_by.username == "editor"
