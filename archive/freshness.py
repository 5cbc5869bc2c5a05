"""A stamp that changes whenever the archive's records change, seen by every process.

Every committed save or delete of an archive record that changes a count touches it
(selectors/counts.py), and so does an import once its rows are committed (services/storing.py),
so a gunicorn worker's cached counts can tell at the cost of one stat() that another process
changed the data, instead of waiting for a timeout.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from django.conf import settings


def _path() -> Path:
    return Path(settings.DATA_DIR) / "records.changed"


def touch() -> None:
    """Move the stamp, always forward: a clock tick can outlast two touches, and a stamp that
    did not move would keep figures cached under it that the change made stale."""
    path = _path()
    path.parent.mkdir(parents=True, exist_ok=True)
    moved = max(time.time_ns(), stamp() + 1)
    path.touch()
    os.utime(path, ns=(moved, moved))


def stamp() -> int:
    try:
        return _path().stat().st_mtime_ns
    except FileNotFoundError:
        return 0
