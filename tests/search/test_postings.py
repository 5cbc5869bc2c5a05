"""The fast posting reader agrees with Whoosh's own matchers, across segments and deletions."""

import random

import pytest

from archive.search.fields import CONTENT, make_document
from archive.search.parser import parse
from archive.search.whoosh.bulk import BulkWriter
from archive.search.whoosh.engine import SearchCore, open_index
from archive.search.whoosh.queries import match_query

CHARS = "乡村振兴人民政府中华共和国大湾区"


def _text(rng, n):
    return "".join(rng.choice(CHARS + "，") for _ in range(n))


@pytest.fixture
def core(tmp_path):
    rng = random.Random(3)
    ix = open_index(str(tmp_path))
    texts = {}
    for batch in range(3):  # three segments (no merging), then deletions in the first
        writer = BulkWriter(ix)
        for i in range(150 * batch, 150 * batch + 150):
            texts[i] = _text(rng, rng.randrange(5, 400))
            writer.add_document(**make_document(i, title="", body=texts[i]))
        writer.commit(merge=False)
    writer = BulkWriter(ix)
    for i in range(0, 150, 4):
        writer.delete_by_term("id", f"archive.article.{i}")
        texts.pop(i)
    writer.commit(merge=False)
    return SearchCore(str(tmp_path)), texts


@pytest.mark.parametrize(
    "q", ["乡", "乡村", "村振兴", "人民政府", "中华人民共和国", "湾区乡", "国国"]
)
def test_matches_substring_search(core, q):
    core, texts = core
    view = core.view()
    assert len(view.leaves.leaves) >= 3
    want = {i for i, t in texts.items() if q in t}
    got = {int(view.searcher.stored_fields(d)["django_id"]) for d in view.match_docs(parse(q))}
    assert got == want
    # Whoosh's own Phrase/Term query agrees.
    whoosh = set(view.searcher.docs_for_query(match_query(parse(q), CONTENT)))
    assert whoosh == view.match_docs(parse(q))


@pytest.mark.parametrize("q", ["村振兴", "人民政府", "中华人民共和国", "湾区乡", "国国国"])
def test_phrases_checked_in_numpy_match_substring_search(core, q, monkeypatch):
    from archive.search.whoosh import postings

    monkeypatch.setattr(postings, "VECTOR_MIN", 0)  # every phrase through the NumPy path
    core, texts = core
    view = core.view()
    want = {i for i, t in texts.items() if q in t}
    got = {int(view.searcher.stored_fields(d)["django_id"]) for d in view.match_docs(parse(q))}
    assert got == want
