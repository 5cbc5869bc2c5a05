"""Cached counts follow changes made by other processes (an import, another worker)."""

import datetime as dt
import hashlib
import io
import json

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from archive import freshness
from archive.models import Article


def _insert_elsewhere(day: dt.date) -> None:
    # bulk_create sends no signals: like a row written by another process.
    Article.objects.bulk_create(
        [
            Article(
                title="另一进程写入的文章",
                body="本报讯 正文。",
                published=day,
                fingerprint=hashlib.sha256(b"elsewhere").hexdigest(),
            )
        ]
    )


def test_a_day_imported_by_another_process_shows_once_the_stamp_moves(client, archive_data):
    new_day = dt.date(2021, 4, 20)
    assert client.get("/2021/04/").status_code == 200  # fills the cached calendar
    _insert_elsewhere(new_day)
    freshness.touch()  # what an import does once its rows are committed
    assert 'href="/2021/04/20/"' in client.get("/2021/04/").content.decode()


def test_a_committed_edit_moves_the_stamp_for_other_processes(
    db, django_capture_on_commit_callbacks
):
    from tests.factories import ArticleFactory

    before = freshness.stamp()
    with django_capture_on_commit_callbacks(execute=True):
        ArticleFactory(published=dt.date(2021, 4, 21))
    assert freshness.stamp() != before


def test_every_touch_moves_the_stamp_forward_whatever_the_clock_says(
    settings, tmp_path, monkeypatch
):
    settings.DATA_DIR = tmp_path
    freshness.touch()
    # A clock that stands still (two touches within one tick) or went back (NTP).
    monkeypatch.setattr(freshness.time, "time_ns", lambda: 1_000_000)
    stamps = [freshness.stamp()]
    for _ in range(3):
        freshness.touch()
        stamps.append(freshness.stamp())
    assert stamps == sorted(set(stamps))


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as seen:
        assert client.get(url).status_code == 200
    return len(seen)


def _edit(pk: int, captured, **changes) -> None:
    article = Article.objects.get(pk=pk)  # as the admin loads it
    for name, value in changes.items():
        setattr(article, name, value)
    with captured(execute=True):
        article.save()


@pytest.mark.parametrize("url", ["/2021/04/", "/people/"])
def test_a_corrected_title_or_text_leaves_the_pages_warm(
    client, archive_data, django_capture_on_commit_callbacks, url
):
    _queries(client, url)  # fills the cached counts
    warm = _queries(client, url)
    stamp = freshness.stamp()
    _edit(archive_data.meeting.pk, django_capture_on_commit_callbacks, title="更正后的标题")
    _edit(archive_data.meeting.pk, django_capture_on_commit_callbacks, body="更正后的正文。")
    assert freshness.stamp() == stamp
    assert _queries(client, url) == warm


def test_a_changed_date_or_hidden_article_is_counted_anew(
    client, archive_data, django_capture_on_commit_callbacks
):
    _queries(client, "/2021/04/")
    warm = _queries(client, "/2021/04/")
    _edit(
        archive_data.meeting.pk, django_capture_on_commit_callbacks, published=dt.date(2021, 4, 9)
    )
    assert 'href="/2021/04/09/"' in client.get("/2021/04/").content.decode()
    stamp = freshness.stamp()
    _edit(archive_data.meeting.pk, django_capture_on_commit_callbacks, is_hidden=True)
    assert freshness.stamp() != stamp
    assert _queries(client, "/2021/04/") > warm


def test_an_import_moves_the_stamp_once_committed(db, tmp_path, django_capture_on_commit_callbacks):
    path = tmp_path / "items.jsonl"
    line = {"title": "导入的文章", "body": "本报讯 正文。", "published": "2021-04-22"}
    path.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    before = freshness.stamp()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("import_archive", str(path), stdout=io.StringIO())
    assert freshness.stamp() != before
