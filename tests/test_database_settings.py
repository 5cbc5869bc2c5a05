"""Database connection settings the pages depend on."""

import pytest
from django.db import connection


def test_pages_on_postgresql_start_no_parallel_workers(db):
    """A page's small queries lost ~25 ms starting parallel workers at a million articles."""
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL setting")
    with connection.cursor() as cursor:
        cursor.execute("SHOW max_parallel_workers_per_gather")
        assert cursor.fetchone()[0] == "0"
