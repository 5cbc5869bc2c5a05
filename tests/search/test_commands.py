import io
import json

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


def test_eval_search_on_a_small_corpus(tmp_path):
    corpus = tmp_path / "items.jsonl"
    rows = [
        {
            "id": "a",
            "date": "2021-04-17",
            "title": "乡村振兴",
            "paragraphs": ["推进粤港澳大湾区建设，5G网络。"],
        },
        {
            "id": "b",
            "date": "2021-04-18",
            "title": "人民政府",
            "paragraphs": ["中华人民共和国中央人民政府。"],
        },
        {
            "id": "c",
            "date": "2021-04-19",
            "title": "美丽乡村",
            "paragraphs": ["乡村，振兴产业，2020年。"],
        },
    ]
    corpus.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    out = io.StringIO()
    call_command(
        "eval_search", "--corpus", str(corpus), "--queries", "30", "--no-plain", stdout=out
    )
    assert "recall 1.0000  precision 1.0000" in out.getvalue()


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
