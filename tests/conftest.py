"""Shared fixtures. Each test session gets its own Whoosh index directory."""

import pytest
from django.conf import settings


@pytest.fixture(scope="session", autouse=True)
def _isolated_search_index(tmp_path_factory):
    import haystack
    from haystack.utils.loading import ConnectionHandler

    path = tmp_path_factory.mktemp("whoosh_index")
    settings.HAYSTACK_CONNECTIONS["default"]["PATH"] = str(path)
    haystack.connections = ConnectionHandler(settings.HAYSTACK_CONNECTIONS)
    yield path


@pytest.fixture(autouse=True)
def _fresh_counts():
    """Figures cached by one test must not leak into the next (its rows were rolled back)."""
    from archive.selectors import forget_counts

    forget_counts()
    yield
    forget_counts()
