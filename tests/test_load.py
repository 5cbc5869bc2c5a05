"""The load test, short: 3 gunicorn workers on loopback for ~10 s, readers browsing and
searching while two admins edit titles, correct OCR text and merge persons; afterwards no
server error, no connection error, and every edit in the database and found by search.

The full run is `python -m bench load` (60 s; see bench/load.py and the README's
"Measured"). Skipped only when gunicorn cannot start here.
"""

import pytest

from bench import load


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    template = load.scratch_archive(300)
    site = load.copy_archive(template, tmp_path_factory.mktemp("load") / "site")
    server = load.Server(site, workers=3)
    try:
        server.start()
    except load.GunicornUnavailable as exc:
        pytest.skip(f"gunicorn cannot start here: {exc}")
    yield server
    server.stop()


def test_load_no_server_errors_no_lost_edits(server):
    plan = load.make_plan(server.data_dir)
    result = load.run_load(server, plan, seconds=10, readers=4, admins=2, max_requests=600)
    load.verify(server, result)
    summary = load.report(result, workers=3, readers=4, admins=2)

    assert result.stats.total >= 100, summary  # it did run under load
    assert {e.kind for e in result.edits} == {"title", "ocr", "merge"}, summary
    assert result.stats.server_errors == 0, summary
    assert result.stats.connection_errors == 0, summary
    assert result.failures == [], summary  # no edit refused
    assert result.checked == len(result.edits) and result.lost == [], summary
    assert result.pending_after == 0, summary
    assert "Traceback" not in server.log(), server.log()[-3000:]
