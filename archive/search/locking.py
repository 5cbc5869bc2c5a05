"""The single-writer lock: an fcntl lock on a file in the index directory.

The kernel drops the lock when its holder dies (even on kill -9), so a crashed writer never
blocks the next one. flock locks belong to the open file, so two threads of one process
exclude each other too.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Iterator

LOCK_NAME = ".newsroom-writer.lock"


@contextlib.contextmanager
def writer_lock(index_dir: str, block: bool = True) -> Iterator[bool]:
    """Yields True while holding the lock, or False at once if block=False and it is taken."""
    os.makedirs(index_dir, exist_ok=True)
    fd = os.open(os.path.join(index_dir, LOCK_NAME), os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | (0 if block else fcntl.LOCK_NB))
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
