"""The article dates are read from the database by one process and loaded by every other."""

import datetime as dt
import json
import logging

from archive import freshness
from archive.selectors import counts, shared_arrays


def test_a_worker_loads_the_dates_another_computed_without_a_query(
    archive_data, django_assert_num_queries
):
    computed = counts.article_dates()
    counts.forget_in_this_process()  # as in another worker
    with django_assert_num_queries(0):
        assert counts.article_dates() == computed
    assert len(computed) > 1 and max(computed) > 20000000


def test_the_importer_leaves_the_dates_for_the_first_page_after_an_import(
    client, db, tmp_path, django_assert_max_num_queries
):
    from django.core.management import call_command

    rows = [
        {"title": f"第{i}篇", "body": f"本报讯 正文{i}。", "published": f"2021-05-{i + 1:02d}"}
        for i in range(3)
    ]
    path = tmp_path / "items.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    call_command("import_archive", str(path), verbosity=0)
    counts.forget_in_this_process()  # as in another worker
    with django_assert_max_num_queries(0):  # the year's months come from the dates alone
        assert "2021年5月" in client.get("/2021/").content.decode()


def test_a_count_change_is_read_anew_and_the_old_file_goes(archive_data, settings):
    from tests.factories import ArticleFactory

    before = counts.article_dates()
    ArticleFactory(published=dt.date(2021, 4, 22))
    freshness.touch()  # as the edit's commit does
    after = counts.article_dates()
    assert len(after) > len(before) and after[-1] == 20210422
    kept = list(settings.SHARED_ARRAYS_DIR.glob("article_dates-*"))
    assert [p.name for p in kept] == [f"article_dates-{freshness.stamp()}.i"]


def test_a_damaged_or_unwritable_store_costs_a_query_never_the_page(
    archive_data, settings, tmp_path, caplog, client
):
    computed = counts.article_dates()
    path = settings.SHARED_ARRAYS_DIR / f"article_dates-{freshness.stamp()}.i"
    path.write_bytes(path.read_bytes()[:-1])  # cut short: not a whole number of dates
    counts.forget_in_this_process()  # as in another worker
    with caplog.at_level(logging.WARNING):
        assert counts.article_dates() == computed
    assert "damaged" in caplog.text
    blocked = tmp_path / "a-file"
    blocked.write_text("")
    settings.SHARED_ARRAYS_DIR = blocked / "arrays"  # cannot be made: a file stands there
    freshness.touch()
    with caplog.at_level(logging.WARNING):
        assert client.get("/2021/").status_code == 200
    assert "not kept" in caplog.text
    assert shared_arrays.load("article_dates", freshness.stamp(), "i") is None


def test_after_an_edit_a_workers_background_thread_warms_what_readers_need(
    transactional_db, archive_data, django_assert_num_queries
):
    from archive.selectors.people import person_counts
    from newsroom import gunicorn_conf
    from tests.factories import ArticleFactory

    counts.article_dates()
    state: dict = {}
    ArticleFactory(published=dt.date(2021, 4, 22))  # an edit that changes a count
    freshness.touch()  # as the edit's commit does
    gunicorn_conf.tick(state)  # the stamp just moved: more edits may follow
    gunicorn_conf.tick(state)  # it stood still for a pass: warmed
    counts.forget_in_this_process()  # the first reader after the edit, in another worker
    with django_assert_num_queries(0):
        assert counts.article_dates()[-1] == 20210422
        assert person_counts()


def test_a_burst_of_edits_is_warmed_once_by_one_worker(transactional_db, archive_data, monkeypatch):
    from archive.selectors import people
    from newsroom import gunicorn_conf
    from tests.factories import ArticleFactory

    warmed = []
    monkeypatch.setattr(people, "warm_figures", lambda: warmed.append(1) or 0)
    first, second = {}, {}  # two workers' threads
    for day in (20, 21, 22):  # an edit before each pass: no warm yet
        ArticleFactory(published=dt.date(2021, 4, day))
        freshness.touch()
        gunicorn_conf.tick(first)
        gunicorn_conf.tick(second)
    assert not warmed
    gunicorn_conf.tick(first)  # the burst is over
    gunicorn_conf.tick(second)  # … and the other worker finds the stamp claimed
    assert warmed == [1]
    gunicorn_conf.tick(first)
    gunicorn_conf.tick(second)
    assert warmed == [1]  # nothing new: no warm


def test_a_failed_background_warm_is_logged_and_costs_readers_a_query_only(
    transactional_db, archive_data, monkeypatch, caplog
):
    from archive.selectors import people
    from newsroom import gunicorn_conf
    from tests.factories import ArticleFactory

    def refuse():
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(people, "warm_figures", refuse)
    ArticleFactory(published=dt.date(2021, 4, 22))
    freshness.touch()
    state: dict = {}
    with caplog.at_level(logging.ERROR):
        gunicorn_conf.tick(state)
        gunicorn_conf.tick(state)
    assert "first reader computes them" in caplog.text
    counts.forget_in_this_process()
    assert counts.article_dates()[-1] == 20210422


def test_the_background_thread_lives_on_when_the_stamp_cannot_be_read(
    transactional_db, archive_data, monkeypatch, caplog
):
    from newsroom import gunicorn_conf

    def unreadable():
        raise PermissionError(13, "Permission denied")

    with monkeypatch.context() as patched, caplog.at_level(logging.ERROR):
        patched.setattr(freshness, "stamp", unreadable)
        gunicorn_conf.tick({})  # no exception: the next pass still applies index updates
    assert "warm the shared figures failed" in caplog.text
