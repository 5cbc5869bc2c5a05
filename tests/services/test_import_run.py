"""A whole import run: worker processes, batches, interruption and resumption, search after."""

import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection

from archive.management.commands import import_archive
from archive.models import Article, Event, ImportedFile, Mention, Person, SourcePage
from archive.search import queue
from archive.search.whoosh import parallel
from archive.services import importing, renewing, statistics

ROOT = Path(__file__).resolve().parents[2]


def lines(n: int, tag: str = "") -> list[dict]:
    """n distinct articles, each naming a person with a title, one a day from 2021-03-01."""
    return [
        {
            "title": f"{tag}第{i}次全市工作推进会召开",
            "body": f"本报讯 3月{i % 28 + 1}日上午，市长王{'甲乙丙丁戊己庚辛'[i % 8]}明主持召开会议。"
            f"会议要求，编号{tag}{i:05d}的事项要抓紧办理。",
            "published": f"2021-03-{i % 28 + 1:02d}",
        }
        for i in range(n)
    ]


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return path


def archive_state():
    """What a reader would see: each article with its persons, and the events."""
    articles = sorted(
        (
            a.title,
            str(a.published),
            a.body,
            tuple(sorted((m.person.name, m.kind, m.role, m.count) for m in a.mentions.all())),
        )
        for a in Article.objects.prefetch_related("mentions__person")
    )
    events = sorted((e.title, str(e.date), e.articles.count()) for e in Event.objects.all())
    return articles, events, Person.objects.count()


def wipe():
    Article.objects.all().delete()
    SourcePage.objects.all().delete()
    Person.objects.all().delete()
    Event.objects.all().delete()
    ImportedFile.objects.all().delete()


def test_worker_processes_build_the_same_archive_as_one_process(db, seed_dir, tmp_path):
    write_jsonl(seed_dir / "items.jsonl", lines(30))
    call_command("import_archive", str(seed_dir), workers=2, batch_size=7, verbosity=0)
    with_workers = archive_state()
    wipe()
    call_command("import_archive", str(seed_dir), workers=1, verbosity=0)
    assert with_workers == archive_state()
    assert len(with_workers[0]) == 50 and with_workers[2] > 10  # 20 seed articles + 30 lines


def test_interrupted_jsonl_import_goes_on_where_it_stopped(db, tmp_path, monkeypatch):
    path = write_jsonl(tmp_path / "items.jsonl", lines(10))
    real, calls = importing.store_articles, []

    def interrupted(plans):
        calls.append(len(plans))
        if len(calls) == 3:
            raise KeyboardInterrupt  # Ctrl-C during the third batch
        return real(plans)

    monkeypatch.setattr(importing, "store_articles", interrupted)
    with pytest.raises(KeyboardInterrupt):
        call_command("import_archive", str(path), batch_size=2, verbosity=0)
    assert Article.objects.count() == 4  # two whole batches, nothing of the third
    monkeypatch.setattr(importing, "store_articles", real)
    out = io.StringIO()
    call_command("import_archive", str(path), batch_size=2, verbosity=2, stdout=out)
    assert "从第 5 行继续" in out.getvalue()
    assert Article.objects.count() == 10
    assert Article.objects.values("fingerprint").distinct().count() == 10
    out = io.StringIO()
    call_command("import_archive", str(path), stdout=out)
    assert "0 imported, 1 skipped" in out.getvalue()


def test_json_lines_files_stream_through_the_workers_one_after_another(db, tmp_path):
    """Several files in one run: a bad file fails alone between good ones, a file met before
    is skipped, each file is reported and marked finished once its last chunk is written."""
    folder = tmp_path / "in"
    folder.mkdir()
    write_jsonl(folder / "a.jsonl", lines(9, "甲"))
    (folder / "b.jsonl").write_text('{"title": "坏"\n', "utf-8")
    write_jsonl(folder / "c.jsonl", lines(7, "乙"))
    call_command("import_archive", str(write_jsonl(tmp_path / "d.jsonl", lines(3, "丙"))))
    shutil.copy(tmp_path / "d.jsonl", folder / "d.jsonl")
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError, match="1 个文件导入失败"):
        call_command(
            "import_archive",
            str(folder),
            workers=2,
            batch_size=2,
            verbosity=2,
            stdout=out,
            stderr=err,
        )
    assert "b.jsonl" in err.getvalue()
    assert "a.jsonl: 9 篇文章" in out.getvalue() and "c.jsonl: 7 篇文章" in out.getvalue()
    assert "跳过 " in out.getvalue() and "d.jsonl" in out.getvalue()
    assert Article.objects.count() == 9 + 7 + 3
    finished = ImportedFile.objects.filter(finished=True).values_list("file_name", flat=True)
    assert sorted(finished) == ["a.jsonl", "c.jsonl", "d.jsonl"]


def test_the_same_json_lines_file_twice_in_one_run_is_imported_once(db, tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        write_jsonl(tmp_path / folder / "items.jsonl", lines(5))
    out = io.StringIO()
    folders = (str(tmp_path / "a"), str(tmp_path / "b"))
    # Worker processes read the second while the first is still being written.
    call_command("import_archive", *folders, workers=2, batch_size=2, stdout=out)
    assert "1 imported, 1 skipped" in out.getvalue() and "0 duplicate" in out.getvalue()
    assert Article.objects.count() == 5


def test_an_import_stopped_in_the_second_file_finishes_it_alone(db, tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    write_jsonl(folder / "a.jsonl", lines(4, "甲"))
    write_jsonl(folder / "b.jsonl", lines(6, "乙"))
    real, calls = importing.store_articles, []

    def interrupted(plans):
        calls.append(len(plans))
        if len(calls) == 4:  # a.jsonl's two batches, b.jsonl's first, then Ctrl-C
            raise KeyboardInterrupt
        return real(plans)

    monkeypatch.setattr(importing, "store_articles", interrupted)
    with pytest.raises(KeyboardInterrupt):
        call_command("import_archive", str(folder), batch_size=2, verbosity=0)
    assert ImportedFile.objects.get(file_name="a.jsonl").finished
    assert Article.objects.count() == 6
    monkeypatch.setattr(importing, "store_articles", real)
    out = io.StringIO()
    call_command("import_archive", str(folder), batch_size=2, verbosity=2, stdout=out)
    assert "跳过 " in out.getvalue() and "从第 3 行继续" in out.getvalue()
    assert Article.objects.values("fingerprint").distinct().count() == Article.objects.count() == 10


def test_a_file_written_to_its_end_but_not_marked_is_marked_on_the_next_run(db, tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", lines(3))
    call_command("import_archive", str(path), verbosity=0)
    ImportedFile.objects.update(finished=False, lines_done=3)  # killed before the mark
    out = io.StringIO()
    call_command("import_archive", str(path), stdout=out)
    assert "1 imported" in out.getvalue() and "articles: 0 new" in out.getvalue()
    assert ImportedFile.objects.get().finished and Article.objects.count() == 3


def test_a_page_that_cannot_be_written_fails_alone(db, seed_dir, monkeypatch):
    real = renewing.store

    def failing(pages):
        if any(p.file_name.startswith("002_") for p in pages):
            raise DatabaseError("disk I/O error")
        return real(pages)

    monkeypatch.setattr(renewing, "store", failing)
    err = io.StringIO()
    with pytest.raises(CommandError, match="1 个文件导入失败"):
        call_command("import_archive", str(seed_dir), stdout=io.StringIO(), stderr=err)
    assert "002_" in err.getvalue() and "disk I/O error" in err.getvalue()
    assert SourcePage.objects.count() == 4
    assert not SourcePage.objects.filter(file_name__startswith="002_").exists()


def test_the_same_page_twice_in_one_run_is_imported_once(db, seed_dir, tmp_path):
    other = tmp_path / "copy"
    other.mkdir()
    first = sorted(seed_dir.glob("*.txt"))[0]
    shutil.copy(first, other / "renamed.txt")
    out = io.StringIO()
    call_command("import_archive", str(seed_dir), str(other), stdout=out)
    assert "5 imported, 1 skipped" in out.getvalue()
    assert SourcePage.objects.count() == 5


def test_pages_of_the_same_name_in_two_folders_are_both_imported(db, seed_dir, tmp_path):
    pages = sorted(seed_dir.glob("*.txt"))
    for folder, page in (("2020-01", pages[0]), ("2021-02", pages[1])):
        (tmp_path / folder).mkdir()
        shutil.copy(page, tmp_path / folder / "01.txt")
    call_command("import_archive", str(tmp_path / "2020-01"), str(tmp_path / "2021-02"))
    assert SourcePage.objects.filter(file_name="01.txt").count() == 2


def test_admin_decisions_apply_to_every_imported_article(db, tmp_path):
    Person.objects.create(name="王甲明", status="rejected")
    kept = Person.objects.create(name="王乙明")
    kept.aliases.create(name="王丙明")
    call_command("import_archive", str(write_jsonl(tmp_path / "a.jsonl", lines(24))), verbosity=0)
    names = set(Mention.objects.values_list("person__name", flat=True))
    assert "王甲明" not in names and "王丙明" not in names
    assert Mention.objects.filter(person=kept).count() == 6  # its own 3 and its alias's 3


def search_ids(client, q: str) -> set[int]:
    data = client.get("/api/search", {"q": q, "page_size": 100}).json()
    return {hit["id"] for hit in data["results"]}


def test_every_imported_article_is_found_when_the_command_returns(
    db, tmp_path, client, monkeypatch
):
    monkeypatch.setattr(parallel, "PARALLEL_MIN", 10)  # a "big" first import: rebuilt
    call_command("import_archive", str(write_jsonl(tmp_path / "a.jsonl", lines(40, "甲"))))
    first = set(Article.objects.values_list("id", flat=True))
    assert search_ids(client, "编号甲") == first
    # A small import into a bigger archive: its articles go through the queue.
    call_command("import_archive", str(write_jsonl(tmp_path / "b.jsonl", lines(5, "乙"))))
    assert search_ids(client, "编号乙") == set(Article.objects.values_list("id", flat=True)) - first
    assert search_ids(client, "编号甲00039") == {max(first)}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="kill -9 of a child")
def test_import_killed_with_sigkill_finishes_on_the_next_run(tmp_path):
    """A real process, a real kill: what was committed stays, the rerun adds the rest once."""
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}  # its own SQLite file
    env.update(NEWSROOM_DATA_DIR=str(tmp_path / "data"), DJANGO_SECRET_KEY="test")
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "-v0"], env=env, check=True, cwd=ROOT)
    path = write_jsonl(tmp_path / "items.jsonl", lines(3000))
    command = [*manage, "import_archive", str(path), "--batch-size", "20", "--workers", "1"]
    proc = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL)
    database = tmp_path / "data" / "newsroom.sqlite3"
    deadline = time.monotonic() + 120
    while _lines_done(database) < 100 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    done = _lines_done(database)
    assert 0 < done < 3000, "the import was not caught in the middle"
    finished = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True)
    assert finished.returncode == 0, finished.stderr
    assert f"articles: {3000 - done} new, 0 duplicate" in finished.stdout
    assert _count(
        database, "SELECT COUNT(*), COUNT(DISTINCT fingerprint) FROM archive_article"
    ) == (
        3000,
        3000,
    )


def _lines_done(database: Path) -> int:
    row = _count(database, "SELECT MAX(lines_done) FROM archive_importedfile")
    return row[0] or 0


def _count(database: Path, sql: str) -> tuple:
    import sqlite3

    if not database.exists():
        return (0,)
    try:
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=1) as con:
            return con.execute(sql).fetchone()
    except sqlite3.OperationalError:
        return (0,)


def test_a_big_import_leaves_the_database_planner_informed(db, tmp_path, monkeypatch):
    """PostgreSQL planned a freshly imported million rows as an empty table (pages took
    seconds) until the tables were analysed: a big import analyses them itself."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite needs no statistics for these queries")
    path = _a_big_import(tmp_path, monkeypatch)
    analysed_when_indexing = []

    def catch_up(**kwargs):  # the index reads the new rows back: planned with statistics
        analysed_when_indexing.append(_last_analyze() is not None)
        return queue.catch_up(**kwargs)

    monkeypatch.setattr(import_archive, "catch_up", catch_up)
    call_command("import_archive", str(path), stdout=io.StringIO())
    assert analysed_when_indexing == [True]
    assert _last_analyze() is not None


def _a_big_import(tmp_path, monkeypatch):
    """Three items, with "big" lowered to two articles."""
    monkeypatch.setattr(statistics, "ANALYZE_FROM", 2)
    path = tmp_path / "items.jsonl"
    lines = [{"title": f"第{i}条", "body": "正文。", "published": "2021-01-02"} for i in range(3)]
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8")
    return path


def _last_analyze():
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_stat_clear_snapshot()")
        cursor.execute(
            "SELECT last_analyze FROM pg_stat_user_tables WHERE relname = 'archive_article'"
        )
        return cursor.fetchone()[0]


def test_a_big_import_outside_a_transaction_leaves_the_new_rows_vacuumed(
    transactional_db, tmp_path, monkeypatch
):
    """Index-only reads of a person's mentions need the new pages marked all-visible."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite has no vacuum state to plan with")
    path = _a_big_import(tmp_path, monkeypatch)
    call_command("import_archive", str(path), stdout=io.StringIO())
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_stat_clear_snapshot()")
        cursor.execute(
            "SELECT last_vacuum FROM pg_stat_user_tables WHERE relname = 'archive_mention'"
        )
        assert cursor.fetchone()[0] is not None
