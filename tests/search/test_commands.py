import io

import pytest
from django.core.management import CommandError, call_command

from archive.models import PendingIndexUpdate
from tests.factories import ArticleFactory

pytestmark = pytest.mark.usefixtures("search_index")


def test_build_index_rebuilds_and_clears_the_queue(ids):
    a, b = ArticleFactory(body="防汛。"), ArticleFactory(body="防汛。", is_hidden=True)
    assert PendingIndexUpdate.objects.count() == 2
    out = io.StringIO()
    call_command("build_index", "--batch-size", "1", stdout=out, verbosity=0)
    assert "Indexed 1 articles" in out.getvalue() and "cleared 2" in out.getvalue()
    assert ids("防汛") == {a.pk} and b.pk not in ids("")
    assert not PendingIndexUpdate.objects.exists()


def test_build_index_with_worker_processes_reads_the_database_once(ids):
    farm = [ArticleFactory(body=f"春耕备耕第{i}号。", title=f"春耕{i}") for i in range(30)]
    hidden = ArticleFactory(body="春耕。", is_hidden=True)
    out = io.StringIO()
    call_command("build_index", "--workers", "2", "--batch-size", "7", stdout=out, verbosity=0)
    assert "Indexed 30 articles" in out.getvalue()
    assert ids("春耕") == {a.pk for a in farm} and hidden.pk not in ids("春耕")
    assert ids("第17号") == {farm[17].pk}


def test_build_index_rejects_zero_workers():
    with pytest.raises(CommandError, match="--workers"):
        call_command("build_index", "--workers", "0", stdout=io.StringIO())


def test_build_index_replaces_stale_documents(ids, index_now):
    a = ArticleFactory(body="春耕。")
    index_now()
    a.delete()
    PendingIndexUpdate.objects.all().delete()  # as if the delete had been lost
    call_command("build_index", stdout=io.StringIO(), verbosity=0)
    assert ids("春耕") == set()


def test_index_worker_once(ids):
    a = ArticleFactory(body="秋收。")
    out = io.StringIO()
    call_command("index_worker", "--once", stdout=out)
    assert "Applied 1" in out.getvalue() and ids("秋收") == {a.pk}


def test_haystack_backend_writes_the_same_documents(ids, monkeypatch):
    from haystack import connections

    from archive.search.whoosh import postings
    from archive.search_indexes import ArticleIndex

    a = ArticleFactory(body="冬修水利。")
    backend = connections["default"].get_backend()
    backend.update(ArticleIndex(), [a])  # a segment in Whoosh's own format
    assert ids("冬修水利") == {a.pk}
    monkeypatch.setattr(postings, "VECTOR_MIN", 0)  # the phrase checked in NumPy too
    assert ids("冬修水利") == {a.pk}
    backend.remove(a)
    assert ids("冬修水利") == set()


def test_eval_search_measures_any_haystack_connection(tmp_path):
    from django.conf import settings

    bodies = ["乡村振兴战略全面推进。", "振兴乡村，建设美丽家园。", "5G基站建成，2020年完成。"]
    for i in range(30):
        ArticleFactory(body=bodies[i % 3] + f"第{i}期。", title=f"要闻{i}")
    # Haystack's handlers hold this dict: a connection added to it is seen by all of them.
    settings.HAYSTACK_CONNECTIONS["jieba"] = {
        "ENGINE": "archive.search.whoosh.jieba_backend.JiebaWhooshEngine",
        "PATH": str(tmp_path / "jieba"),
    }
    try:
        out = io.StringIO()
        call_command(
            "eval_search",
            *("--using", "default", "--using", "jieba", "--index", "--queries", "40"),
            stdout=out,
        )
    finally:
        del settings.HAYSTACK_CONNECTIONS["jieba"]
    table = out.getvalue().split("| connection |")[1]
    assert "| default | 1.0000 | 1.0000 |" in table
    assert "| jieba |" in table


def test_eval_search_names_an_unknown_connection():
    with pytest.raises(CommandError, match="nosuch"):
        call_command("eval_search", "--using", "nosuch", stdout=io.StringIO())


def test_a_big_queue_is_written_by_a_process_per_core_without_doubles(
    ids, index_now, search_index, monkeypatch
):
    from archive.models import Article
    from archive.search import queue
    from archive.search.whoosh import parallel
    from archive.search.whoosh.engine import open_index

    old = [ArticleFactory(body=f"旧稿第{i}号。") for i in range(40)]
    index_now()
    monkeypatch.setattr(parallel, "PARALLEL_MIN", 5)
    monkeypatch.setattr(parallel, "default_workers", lambda: 2)
    Article.objects.filter(pk__in=[a.pk for a in old[:10]]).update(body="改稿。")
    queue.enqueue(queue.ARTICLE, [a.pk for a in old[:10]])
    new = [ArticleFactory(body=f"新稿第{i}号。") for i in range(5)]
    assert queue.catch_up() == 15
    assert ids("改稿") == {a.pk for a in old[:10]} and ids("旧稿") == {a.pk for a in old[10:]}
    assert ids("新稿") == {a.pk for a in new}
    assert open_index(search_index).doc_count() == 45  # replaced, not doubled
