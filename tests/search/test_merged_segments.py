"""A search that opened the index just before another process merged its segments away.

A web worker opens a searcher; the index writer (another process) commits, merges the
small segments and deletes their files. Whoosh reads a segment's stored fields lazily, so
the worker's next read of them found no file: a traceback under load (issue 10's CI run).
"""

from archive.search.fields import make_document
from archive.search.parser import parse
from archive.search.whoosh import engine
from archive.search.whoosh.bulk import BulkWriter
from archive.search.whoosh.engine import SearchCore, open_index


def _segments(path, n):
    ix = open_index(path)
    for i in range(n):  # one segment each
        writer = BulkWriter(ix)
        writer.add_document(**make_document(i, title=f"标题{i}", body=f"乡村振兴 第{i}篇"))
        writer.commit(merge=False)
    return ix


def _merge_away(ix):
    writer = BulkWriter(ix)
    writer.add_document(**make_document(99, title="新", body="乡村振兴 新的一篇"))
    writer.commit(optimize=True)  # one segment; the old segments' files are deleted


def test_search_after_segments_merged_away_under_an_open_searcher(tmp_path):
    path = str(tmp_path)
    ix = _segments(path, 3)
    core = SearchCore(path)
    stale = core.index.searcher()  # opened before the merge, like a worker between requests
    _merge_away(ix)
    fresh = core.index.searcher
    handed = iter([stale])
    core.index.searcher = lambda: next(handed, None) or fresh()

    result = core.run(parse("乡村振兴"), limit=10)

    assert sorted(result.ids) == [0, 1, 2, 99]


def test_a_view_of_deleted_segments_is_refused_not_read(tmp_path):
    path = str(tmp_path)
    ix = _segments(path, 2)
    stale = ix.searcher()
    _merge_away(ix)

    try:
        engine.View(stale, path)
    except OSError:
        pass
    else:
        raise AssertionError("a view over deleted segment files was built")
