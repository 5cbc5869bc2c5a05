"""Worker processes for pure, CPU-bound import work, with results in order and memory bounded.

Pool.imap would read its whole input ahead; here at most ``AHEAD`` tasks per worker are handed
out before their results are taken, so a file of any size is held a few chunks at a time.
With one worker everything runs in this process (tests, small imports).
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator

AHEAD = 2


class Workers:
    def __init__(self, count: int, initializer: Callable, initargs: tuple):
        self.count = max(1, count)
        self._init = (initializer, initargs)
        self._pool = None

    def __enter__(self) -> Workers:
        initializer, initargs = self._init
        if self.count == 1:
            initializer(*initargs)
        else:
            # fork: the children inherit the loaded code and the job's data, and never touch
            # the database connection they inherit (they only run pure functions).
            context = multiprocessing.get_context("fork")
            self._pool = context.Pool(self.count, initializer, initargs)
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if self._pool is not None and exc_type is not None:
            self._pool.terminate()  # Ctrl-C or an error: don't wait for queued work
        self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool.join()
            self._pool = None

    def map(self, func: Callable, tasks: Iterable) -> Iterator:
        """func over tasks, results in the order of the tasks."""
        if self._pool is None:
            yield from map(func, tasks)
            return
        window: deque = deque()
        for task in tasks:
            window.append(self._pool.apply_async(func, (task,)))
            if len(window) >= self.count * AHEAD:
                yield window.popleft().get()
        while window:
            yield window.popleft().get()
