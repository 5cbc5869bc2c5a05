"""Per-article arrays every process shares under the archive's stamp, kept as raw files.

Django's file cache pickles and zlib-compresses what it keeps: the article dates of 400,000
articles (1.6 MB) took 146 ms, as long as reading them from the database, so each process read
them itself, and the first page after any import or count-changing edit paid 0.2–0.6 s in
every gunicorn worker. Raw, a million articles' dates (4 MB) are written and read in a few
milliseconds: one process (or the importer, as it ends) reads them from the database, every
other process loads them. A file is replaced whole (os.replace), so none is read half written.
"""

from __future__ import annotations

import contextlib
import logging
import os
import tempfile
from array import array
from pathlib import Path

from django.conf import settings

logger = logging.getLogger(__name__)


def _folder() -> Path:
    return Path(settings.SHARED_ARRAYS_DIR)


def _path(name: str, stamp: int, typecode: str) -> Path:
    return _folder() / f"{name}-{stamp}.{typecode}"


def load(name: str, stamp: int, typecode: str) -> array | None:
    """The array kept for name at stamp, or None (not kept yet, unreadable, damaged)."""
    try:
        data = _path(name, stamp, typecode).read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        logger.warning("shared array %s unreadable: %s", name, exc)
        return None
    values = array(typecode)
    if len(data) % values.itemsize:
        logger.warning("shared array %s damaged (%d bytes)", name, len(data))
        return None
    values.frombytes(data)
    return values


def save(name: str, stamp: int, values: array) -> None:
    """Keep values for name at stamp, and drop name's arrays of other stamps. A full or
    read-only disk costs the shared copy, never the page."""
    target = _path(name, stamp, values.typecode)
    tmp = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{name}-")
        with os.fdopen(fd, "wb") as out:
            values.tofile(out)
        os.replace(tmp, target)
    except OSError as exc:
        logger.warning("shared array %s not kept: %s", name, exc)
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        return
    for old in target.parent.glob(f"{name}-*.{values.typecode}"):
        if old != target:
            with contextlib.suppress(OSError):  # another process removed it first
                old.unlink()
