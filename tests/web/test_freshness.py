"""Cached counts follow changes made by other processes (an import, another worker)."""

import datetime as dt
import hashlib

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
    freshness.touch()  # what the index writer does after applying the import's changes
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
