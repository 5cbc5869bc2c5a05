"""Worker processes for test_concurrency.py: `python -m tests.search.procs COMMAND [ARGS]`.

Each runs with its own DATABASE_URL / NEWSROOM_INDEX_DIR from the environment (a temp SQLite
file and index dir shared by all processes of one test).
"""

import hashlib
import json
import os
import sys
import threading
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402

from archive.models import Article, PendingIndexUpdate  # noqa: E402
from archive.search import queue  # noqa: E402
from archive.search.whoosh.engine import open_index  # noqa: E402


def make_article(tag: str, n: int) -> Article:
    return Article.objects.create(
        title=f"{tag}第{n}篇",
        body=f"正文{tag}内容{n}。",
        fingerprint=hashlib.sha256(f"{tag}-{n}-{os.getpid()}".encode()).hexdigest(),
    )


def write(tag: str, count: int, threads: int = 2) -> None:
    """Create articles from several threads; each commit triggers a non-blocking drain."""

    def work(t: int) -> None:
        for n in range(count):
            article = make_article(f"{tag}{t}", n)
            if n % 3 == 0:
                article.title += "改"
                article.save()
            queue.drain(block=False)
        connection.close()

    pool = [threading.Thread(target=work, args=(t,)) for t in range(threads)]
    for th in pool:
        th.start()
    for th in pool:
        th.join()


def enqueue(count: int) -> None:
    with queue.deferred():
        for n in range(count):
            make_article("批量", n)


def hold(where: str) -> None:
    """Drain, but stop for good before (or after) the Whoosh commit, to be killed there;
    "between": in batches of 20, after the first batch was applied and its rows deleted,
    stop after the second batch's Whoosh commit."""

    def stop(*args, **kwargs):
        print(where.upper(), flush=True)
        time.sleep(600)

    commits = []

    def second(*args, **kwargs):
        commits.append(1)
        if len(commits) == 2:
            stop()

    if where == "before":
        from whoosh.writing import SegmentWriter

        SegmentWriter.commit = stop
    elif where == "between":
        queue._hooks.after_commit = second
    else:
        queue._hooks.after_commit = stop
    queue.drain(block=True, batch=20 if where == "between" else queue.BATCH)


def check() -> None:
    ix = open_index(settings.HAYSTACK_CONNECTIONS["default"]["PATH"])
    with ix.searcher() as s:
        indexed = sorted(int(f["django_id"]) for f in s.all_stored_fields())
    db = sorted(Article.objects.visible().values_list("id", flat=True))
    print(json.dumps({"db": db, "index": indexed, "pending": PendingIndexUpdate.objects.count()}))


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "write":
        write(args[0], int(args[1]))
    elif cmd == "enqueue":
        enqueue(int(args[0]))
    elif cmd == "hold":
        hold(args[0])
    elif cmd == "drain":
        print(queue.drain(block=args[:1] != ["nowait"]), flush=True)
    elif cmd == "check":
        check()
