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
