"""Faults: each one gives a clear error or a retry, loses nothing, and the site recovers by
itself once it is gone.

(a) a gunicorn worker killed with -9 in the middle of serving a request;
(b) the index writer killed in the middle of a drain — tests/search/test_concurrency.py
    (before and after its Whoosh commit, and between two batches);
(c) the index directory read-only, or its disk full;
(d) the database briefly unavailable.

(c) and (d) run in this process (the same code a gunicorn worker runs after a commit and in
its background writer); (a) and the locked SQLite file of (d) run a real gunicorn on
loopback (bench/load.py), skipped only when gunicorn cannot start here.
"""

from __future__ import annotations

import contextlib
import errno
import json
import logging
import os
import signal
import socket
import sqlite3
import threading
import time
import urllib.parse

import pytest
from django.db import OperationalError, connection

from archive.models import Article, PendingIndexUpdate
from archive.search import queue
from archive.search.service import search_article_ids
from bench import load
from newsroom import gunicorn_conf
from tests.factories import ArticleFactory
from tests.search.conftest import reset_index

# ---------------------------------------------------------------------------------------------
# (c) the index directory read-only, or its disk full


def _read_only(monkeypatch, path: str):
    """Index files can no longer be created: a real chmod, or (as root, whom permissions do
    not stop) the EACCES the kernel would give."""
    if os.geteuid() != 0:
        os.chmod(path, 0o555)
        return lambda: os.chmod(path, 0o755)
    from whoosh.filedb.filestore import FileStorage

    def refuse(self, name, *args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", os.path.join(path, name))

    monkeypatch.setattr(FileStorage, "create_file", refuse)
    return lambda: monkeypatch.undo()


def _disk_full(monkeypatch, path: str):
    """The disk fills while the writer writes the new segment, inside the Whoosh commit."""
    from archive.search.whoosh import bulk

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(bulk, "write_terms", full)
    return lambda: monkeypatch.undo()


def _found(marker: str) -> set[int]:
    return search_article_ids(marker)


@pytest.mark.parametrize("fault", [_read_only, _disk_full], ids=["read-only", "disk-full"])
@pytest.mark.django_db(transaction=True)
def test_index_disk_fault_keeps_the_edit_queued_until_it_clears(
    fault, monkeypatch, caplog, django_capture_on_commit_callbacks
):
    path = reset_index()
    article = ArticleFactory(title="旧标题 oldmarkerc")
    queue.drain(block=True)
    assert _found("oldmarkerc") == {article.pk}

    heal = fault(monkeypatch, path)
    try:
        with caplog.at_level(logging.ERROR):
            # An admin's save: committed, then the web process's drain after the commit fails.
            with django_capture_on_commit_callbacks(execute=True):
                article.title = "新标题 newmarkerc"
                article.save()
            # The gunicorn worker's background writer fails the same way, and says so.
            assert gunicorn_conf.drain_once() == 0
        assert Article.objects.get(pk=article.pk).title == "新标题 newmarkerc"  # committed
        assert PendingIndexUpdate.objects.filter(object_id=str(article.pk)).exists()
        assert _found("oldmarkerc") == {article.pk}  # readers keep the old index
        assert _found("newmarkerc") == set()
        errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
        assert any("queue keeps the update" in r.getMessage() for r in errors)
        assert any("stay and are retried" in r.getMessage() for r in errors)
        reason = "Permission denied" if fault is _read_only else "No space left on device"
        assert all(r.exc_info and reason in str(r.exc_info[1]) for r in errors)
    finally:
        heal()

    # The fault is gone: the next pass applies the row at once (no lock left behind by the
    # failed writer, which would make every later writer wait and fail).
    started = time.monotonic()
    assert gunicorn_conf.drain_once() >= 1
    assert time.monotonic() - started < 10
    assert PendingIndexUpdate.objects.count() == 0
    assert _found("newmarkerc") == {article.pk}
    assert _found("oldmarkerc") == set()
    reset_index()


# ---------------------------------------------------------------------------------------------
# (d) the database briefly unavailable


def _fail_queries(times: int):
    """An execute wrapper: the next `times` queries raise OperationalError, then all pass."""
    left = [times]

    def wrapper(execute, sql, params, many, context):
        if left[0] > 0:
            left[0] -= 1
            raise OperationalError("could not connect to server: Connection refused")
        return execute(sql, params, many, context)

    return wrapper


@pytest.mark.django_db
def test_database_away_gives_a_clear_error_page_then_the_site_works(client, caplog):
    ArticleFactory()
    client.raise_request_exception = False
    with caplog.at_level(logging.ERROR), connection.execute_wrapper(_fail_queries(1)):
        response = client.get("/")
    assert response.status_code == 503 and response["Retry-After"]
    page = response.content.decode()
    assert "档案暂时不可用" in page  # the site's own page, saying to come back
    for leak in ("Traceback", "OperationalError", "Connection refused", 'File "'):
        assert leak not in page
    assert any("OperationalError" in (r.exc_text or "") or r.exc_info for r in caplog.records)
    assert client.get("/").status_code == 200  # it recovers by itself


@pytest.mark.django_db(transaction=True)
def test_database_away_during_a_drain_is_retried(caplog):
    path = reset_index()
    with queue.deferred():
        article = ArticleFactory(title="标题 dbawaymarker")
    with caplog.at_level(logging.ERROR), connection.execute_wrapper(_fail_queries(1)):
        assert gunicorn_conf.drain_once() == 0  # the queue could not be read
    assert "stay and are retried" in caplog.text
    assert PendingIndexUpdate.objects.count() == 1
    assert gunicorn_conf.drain_once() == 1  # the next pass
    assert _found("dbawaymarker") == {article.pk}
    assert path
    reset_index()


# ---------------------------------------------------------------------------------------------
# Faults on a live gunicorn


@pytest.fixture(scope="module")
def template():
    return load.scratch_archive(300)


@pytest.fixture
def live(template, tmp_path):
    """gunicorn with 2 workers on a copy of the scratch archive; edits reach search only
    through the workers' background writers (no drain after commit)."""
    server = load.Server(
        load.copy_archive(template, tmp_path / "site"),
        workers=2,
        NEWSROOM_INDEX_SYNC="0",
        NEWSROOM_DRAIN_INTERVAL="1",
    )
    try:
        server.start()
    except load.GunicornUnavailable as exc:
        pytest.skip(f"gunicorn cannot start here: {exc}")
    yield server
    server.stop()


def _search_ids(server, q: str) -> set[int]:
    client = load.Client(server.base, load.Stats())
    status, text, _ = client.request("check", "/api/search?" + urllib.parse.urlencode({"q": q}))
    assert status == 200, text[:300]
    return {hit["id"] for hit in json.loads(text)["results"]}


def _wait_found(server, edits, timeout: float = 20) -> list:
    """The edits not yet found by search after waiting up to timeout (no manual drain)."""
    deadline = time.monotonic() + timeout
    missing = list(edits)
    while missing and time.monotonic() < deadline:
        missing = [e for e in missing if _search_ids(server, e.marker) != {e.article_id}]
        if missing:
            time.sleep(0.5)
    return missing


def _serving_worker(server, sock: socket.socket, timeout: float = 10) -> int:
    """The worker that accepted this client socket's connection (from /proc/net/tcp)."""
    port = sock.getsockname()[1]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        inode = None
        with open("/proc/net/tcp") as fh:
            for line in fh.readlines()[1:]:
                cols = line.split()
                local, remote = cols[1], cols[2]
                if (
                    int(local.split(":")[1], 16) == server.port
                    and int(remote.split(":")[1], 16) == port
                ):
                    inode = cols[9]
        if inode:
            for pid in server.worker_pids():
                try:
                    links = [
                        os.readlink(f"/proc/{pid}/fd/{fd}") for fd in os.listdir(f"/proc/{pid}/fd")
                    ]
                except OSError:
                    continue
                if f"socket:[{inode}]" in links:
                    return pid
        time.sleep(0.05)
    raise AssertionError("no worker took the connection")


def test_worker_killed_mid_request_is_replaced_and_nothing_is_lost(live):
    plan = load.make_plan(live.data_dir)
    admin = load.AdminSession(live.base, load.Stats(), f"k{os.getpid()}")
    assert admin.login()
    edits = [admin.edit_article(pk, ocr=n == 1) for n, pk in enumerate(plan.edit_pool[:3])]
    assert all(edits), admin.failures  # committed; queued for the background writers

    before = live.worker_pids()
    # A request half sent: one worker has accepted it and is serving it (reading it).
    sock = socket.create_connection(("127.0.0.1", live.port), timeout=10)
    sock.sendall(b"GET /search/?q=%E6%96%B0%E9%97%BB HTTP/1.1\r\nHost: 127.0.0.1\r\n")
    victim = _serving_worker(live, sock)
    os.kill(victim, signal.SIGKILL)
    # The client gets a clear end of the connection, never half a page.
    with contextlib.suppress(ConnectionResetError):
        assert sock.recv(1024) == b""
    sock.close()

    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        pids = live.worker_pids()
        if len(pids) == len(before) and victim not in pids:
            break
        time.sleep(0.1)
    assert victim not in live.worker_pids() and len(live.worker_pids()) == len(before)

    stats = load.Stats()
    reader = load.Client(live.base, stats)
    for path in ["/", f"/articles/{plan.articles[0]}/", "/search/?q=%E5%8F%91%E5%B1%95"] * 5:
        reader.request("after", path)
    assert stats.server_errors == 0 and stats.connection_errors == 0, stats.problems
    assert _wait_found(live, edits) == []  # the new worker's writer applied them
    assert "Traceback" not in live.log()


def test_database_locked_for_a_moment_waits_and_loses_nothing(live):
    """Another process holds the SQLite file's write lock for 2 s: pages keep being served,
    an admin's save waits for the lock instead of failing, and reaches search."""
    plan = load.make_plan(live.data_dir)
    admin_stats = load.Stats()
    admin = load.AdminSession(live.base, admin_stats, f"l{os.getpid()}")
    assert admin.login()
    holder = sqlite3.connect(live.data_dir / "newsroom.sqlite3", timeout=30)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        stats = load.Stats()
        reader = load.Client(live.base, stats)
        reader.request("locked", "/")
        reader.request("locked", f"/articles/{plan.articles[1]}/")
        saved = []
        t = threading.Thread(target=lambda: saved.append(admin.edit_article(plan.edit_pool[5])))
        t.start()
        time.sleep(2)
    finally:
        holder.rollback()
        holder.close()
    t.join(timeout=40)
    assert stats.server_errors == 0 and stats.connection_errors == 0, stats.problems
    assert saved and saved[0] is not None, admin.failures
    assert max(admin_stats.latencies["admin_save"]) > 1.0  # it waited for the lock
    assert _wait_found(live, saved) == []
    assert "Traceback" not in live.log()
