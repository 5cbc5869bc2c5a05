"""Search fixtures: an empty index per test, and helpers to index and query."""

import pytest
from django.conf import settings

from archive.search import queue
from archive.search.locking import writer_lock
from archive.search.service import search_article_ids
from archive.search.whoosh.engine import empty_index, forget_core


def reset_index() -> str:
    path = settings.HAYSTACK_CONNECTIONS["default"]["PATH"]
    with writer_lock(path):
        empty_index(path)
    forget_core(path)
    return path


@pytest.fixture
def search_index(db):
    """An empty index; the test database starts empty too, so the two agree."""
    return reset_index()


@pytest.fixture
def index_now():
    """Apply what the signals queued (on_commit never fires inside a test transaction)."""
    return lambda: queue.drain(block=True)


@pytest.fixture
def ids():
    return search_article_ids
