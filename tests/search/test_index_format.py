"""An index written by another version, or one that cannot be read, is rebuilt, never a crash."""

import io
import logging
from pathlib import Path

import pytest
from django.core.management import call_command

from archive.search.whoosh.engine import FORMAT_VERSION, VERSION_FILE, forget_core
from tests.factories import ArticleFactory

pytestmark = pytest.mark.usefixtures("search_index")


@pytest.fixture
def indexed(search_index, index_now):
    article = ArticleFactory(body="防汛抗旱工作会议召开。")
    index_now()
    return Path(search_index), article


def spoil_version(path: Path) -> None:
    (path / VERSION_FILE).write_text("1")
    forget_core(str(path))


def spoil_toc(path: Path) -> None:
    for toc in path.glob("_MAIN_*.toc"):
        toc.write_bytes(b"\x80\x04not a pickle")
    forget_core(str(path))


@pytest.mark.parametrize("spoil", [spoil_version, spoil_toc])
def test_readers_get_a_message_and_the_log_says_what_to_run(client, indexed, caplog, spoil):
    path, _ = indexed
    spoil(path)
    with caplog.at_level(logging.ERROR):
        response = client.get("/search/", {"q": "防汛"})
    assert response.status_code == 200
    assert "检索暂时不可用" in response.content.decode()
    assert "rebuild_index" in caplog.text and "Traceback" not in caplog.text


@pytest.mark.parametrize("spoil", [spoil_version, spoil_toc])
def test_rebuild_index_replaces_a_stale_index(client, indexed, spoil, ids):
    path, article = indexed
    spoil(path)
    call_command("rebuild_index", "--noinput", stdout=io.StringIO(), verbosity=0)
    assert ids("防汛") == {article.pk}
    assert (path / VERSION_FILE).read_text() == str(FORMAT_VERSION)


def test_the_index_worker_rebuilds_a_stale_index_by_itself(indexed, ids):
    path, article = indexed
    spoil_version(path)
    ArticleFactory(body="防汛物资到位。")  # queued: the writer meets the stale index
    out = io.StringIO()
    call_command("index_worker", "--once", stdout=out, stderr=io.StringIO())
    assert len(ids("防汛")) == 2


def test_a_worker_starts_with_a_stale_index_and_says_why(indexed, caplog):
    from archive.search import service

    path, _ = indexed
    service.warm_up()  # a good index: opened, nothing logged
    assert "rebuild_index" not in caplog.text
    spoil_version(path)
    with caplog.at_level(logging.ERROR):
        service.warm_up()
    assert "rebuild_index" in caplog.text
