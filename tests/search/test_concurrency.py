"""Several writers at once, and a writer killed mid-drain: nothing is lost, nothing doubled.

These run real processes on a temp SQLite file and index dir (the test database of pytest
is in memory and private to this process).
"""

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def migrated(tmp_path_factory):
    base = tmp_path_factory.mktemp("concurrency")
    env = _env(base)
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True, timeout=120
    )
    return base / "db.sqlite3"


@pytest.fixture
def site(migrated, tmp_path):
    shutil.copy(migrated, tmp_path / "db.sqlite3")
    return tmp_path


def _env(base: Path, sync: bool = True) -> dict:
    env = dict(os.environ)
    env.update(
        DATABASE_URL=f"sqlite:///{base / 'db.sqlite3'}",
        NEWSROOM_INDEX_DIR=str(base / "index"),
        DJANGO_SECRET_KEY="test",
        NEWSROOM_INDEX_SYNC="1" if sync else "0",
    )
    return env


def _proc(site: Path, *args: str, sync: bool = True, **kw) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.search.procs", *args],
        cwd=ROOT,
        env=_env(site, sync),
        stdout=subprocess.PIPE,
        text=True,
        **kw,
    )


def _run(site: Path, *args: str, sync: bool = True) -> str:
    p = _proc(site, *args, sync=sync)
    out, _ = p.communicate(timeout=180)
    assert p.returncode == 0
    return out.strip()


def _check(site: Path) -> dict:
    return json.loads(_run(site, "check").splitlines()[-1])


def test_concurrent_writers_lose_nothing(site):
    writers = [_proc(site, "write", tag, "12") for tag in ("甲", "乙", "丙")]
    for p in writers:
        p.communicate(timeout=300)
        assert p.returncode == 0
    _run(site, "drain")
    state = _check(site)
    assert len(state["db"]) == 3 * 2 * 12
    assert state["index"] == state["db"]  # each article once, none missing
    assert state["pending"] == 0


@pytest.mark.parametrize(("where", "left"), [("before", 40), ("after", 40), ("between", 20)])
def test_killed_writer_loses_nothing(site, where, left):
    _run(site, "enqueue", "40", sync=False)
    holder = _proc(site, "hold", where)
    try:
        assert holder.stdout.readline().strip() == where.upper()  # it holds the lock now
        assert _run(site, "drain", "nowait") == "0"  # another writer does not wait for it
        os.kill(holder.pid, signal.SIGKILL)  # kill -9 mid-drain
        holder.wait(timeout=30)
    finally:
        if holder.poll() is None:
            holder.kill()
    # Rows stay queued until their batch is committed and deleted; "between": the first
    # batch of 20 was done, the second's rows stay although Whoosh committed them.
    assert _check(site)["pending"] == left
    assert _run(site, "drain", "nowait") == str(left)  # the lock died with its holder
    state = _check(site)
    assert state["index"] == state["db"] and len(state["db"]) == 40
    assert state["pending"] == 0
