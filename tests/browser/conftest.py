import pytest

from tests.web.conftest import _fresh_counts  # noqa: F401  (autouse: no counts between tests)


@pytest.fixture(autouse=True)
def _end_live_server_sessions():
    """The live server answers from threads whose PostgreSQL sessions outlive the test and
    block dropping the test database; end them once the browser is done."""
    yield
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
