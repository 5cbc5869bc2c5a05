"""The bulk writer and the parallel build give indexes that find exactly what substring search finds."""

import os
import random

import pytest
from whoosh.fields import UnknownFieldError

from archive.search.fields import CONTENT, PERSONS, TITLE, make_document
from archive.search.parser import parse
from archive.search.whoosh import bulk, parallel
from archive.search.whoosh.bulk import BulkWriter
from archive.search.whoosh.engine import SearchCore, open_index
from archive.search.whoosh.queries import match_query

CHARS = "乡村振兴人民政府中华共和国大湾区"
QUERIES = ["乡", "乡村", "村振兴", "人民政府", "中华人民共和国", "湾区乡", "国国", "5g"]


def _texts(n, seed=5):
    rng = random.Random(seed)
    out = {}
    for i in range(n):
        text = "".join(rng.choice(CHARS + "，") for _ in range(rng.randrange(5, 300)))
        out[i] = text + ("，5G网络" if i % 7 == 0 else "")
    return out


def _docs(texts):
    return [make_document(i, title=t[:6], body=t) for i, t in texts.items()]


def _found(path, q):
    view = SearchCore(path).view()
    return {int(view.searcher.stored_fields(d)["django_id"]) for d in view.match_docs(parse(q))}


def _assert_exact(path, texts):
    for q in QUERIES:
        want = {i for i, t in texts.items() if q.lower() in t.lower()}
        assert _found(path, q) == want, q


def test_merged_segments_keep_every_posting(tmp_path):
    texts = _texts(400)
    ix = open_index(str(tmp_path))
    docs = _docs(texts)
    for start in range(0, 400, 100):  # four segments...
        writer = BulkWriter(ix)
        for doc in docs[start : start + 100]:
            writer.add_document(**doc)
        writer.commit(merge=False)
    writer = BulkWriter(ix)
    writer.commit(optimize=True)  # ...merged into one through TermPool.add
    assert len(ix.reader().leaf_readers()) == 1
    _assert_exact(str(tmp_path), texts)


def test_title_weights_and_whoosh_matchers_agree(tmp_path):
    texts = _texts(300)
    parallel.build(str(tmp_path), [_docs(texts)])
    view = SearchCore(str(tmp_path)).view()
    for q in QUERIES:
        query = parse(q)
        assert set(view.searcher.docs_for_query(match_query(query, CONTENT))) == set(
            view.match_docs(query).tolist()
        )
    # A title term's weight is its count times the title boost.
    m = view.searcher.reader().postings(TITLE, "乡")
    weights = []
    while m.is_active():
        weights.append(m.weight())
        m.next()
    assert weights and all(w >= 8 and w % 8 == 0 for w in weights)
    assert max(weights) > 8


def test_parallel_build_equals_single_process_build(tmp_path):
    texts = _texts(900, seed=9)
    batches = [_docs(dict(list(texts.items())[i : i + 100])) for i in range(0, 900, 100)]
    one, two = str(tmp_path / "one"), str(tmp_path / "two")
    assert parallel.build(one, batches, workers=1) == 900
    assert parallel.build(two, batches, workers=2) == 900
    assert len(open_index(two).reader().leaf_readers()) == 2
    for q in QUERIES:
        assert _found(one, q) == _found(two, q)
    _assert_exact(two, texts)


def test_a_failing_worker_fails_the_build_and_keeps_the_old_index(tmp_path):
    path = str(tmp_path)
    texts = _texts(200)
    parallel.build(path, [_docs(texts)])
    bad = [*_docs(_texts(50, seed=1)), {"no_such_field": "x"}]
    with pytest.raises(parallel.BuildError, match="no_such_field"):
        parallel.build(path, [bad], workers=2)
    _assert_exact(path, texts)
    with pytest.raises(UnknownFieldError):
        parallel.build(path, [bad], workers=1)
    _assert_exact(path, texts)
    assert open_index(path).doc_count() == 200


def test_large_builds_are_cut_into_segments(tmp_path, monkeypatch):
    monkeypatch.setattr(parallel, "SEGMENT_DOCS", 100)  # as if 100 were a large archive
    texts = _texts(450, seed=3)
    batches = [_docs(dict(list(texts.items())[i : i + 50])) for i in range(0, 450, 50)]
    assert parallel.build(str(tmp_path), batches) == 450
    assert len(open_index(str(tmp_path)).reader().leaf_readers()) == 5
    _assert_exact(str(tmp_path), texts)


def test_a_killed_worker_fails_the_build_and_keeps_the_old_index(tmp_path, monkeypatch):
    path = str(tmp_path)
    texts = _texts(100)
    parallel.build(path, [_docs(texts)])

    def die(path, batches):  # runs in the forked workers: as if killed mid-build
        os._exit(9)

    monkeypatch.setattr(parallel, "_fill", die)
    with pytest.raises(parallel.BuildError, match="died"):
        parallel.build(path, [_docs(_texts(50, seed=2))], workers=2)
    _assert_exact(path, texts)


def _postings(path):
    """Every (field, term) → [(docnum, positions)], and every document's field lengths."""
    reader = open_index(path).reader()
    found = {}
    for field in (CONTENT, TITLE):
        for term in reader.lexicon(field):
            m = reader.postings(field, term)
            found[field, term] = []
            while m.is_active():
                found[field, term].append((m.id(), list(m.value_as("positions"))))
                m.next()
    lengths = [
        (reader.doc_field_length(d, CONTENT), reader.doc_field_length(d, TITLE))
        for d in range(reader.doc_count_all())
    ]
    return found, lengths


def test_documents_gathered_in_many_batches_give_whooshs_own_postings(tmp_path, monkeypatch):
    monkeypatch.setattr(bulk, "BATCH_CHARS", 3000)  # a batch every few documents
    monkeypatch.setattr(bulk, "TABLE_FLUSH", 500)  # term-table rows written many times a field
    texts = _texts(300, seed=11)
    texts[7] = "UP模式在2020年推广，5G網絡覆蓋粵港澳大灣區。ＡＢＣ１２３"
    docs = _docs(texts)
    docs[3][TITLE] = None  # a field left out of one document
    ours, whooshs = str(tmp_path / "ours"), str(tmp_path / "whoosh")
    writer = BulkWriter(open_index(ours))
    stock = open_index(whooshs).writer()  # Whoosh's SegmentWriter and codec
    for doc in docs:
        writer.add_document(**doc)
        stock.add_document(**doc)
    writer.commit()
    stock.commit()
    assert _postings(ours) == _postings(whooshs)
    _assert_exact(ours, texts)


def test_a_person_in_thousands_of_articles_is_found_in_every_one(tmp_path):
    # Their postings span several blocks of the name field (FIELD_BLOCK each).
    n = 2 * bulk.FIELD_BLOCK + 300
    docs = [
        make_document(
            i, title="标题", body="正文", persons=["甲"] * (i % 3 != 0) + ["乙"] * (i % 5 == 0)
        )
        for i in range(n)
    ]
    parallel.build(str(tmp_path), [docs])
    view = SearchCore(str(tmp_path)).view()

    def named(name):
        found = view.leaves.term_docs(PERSONS, name).tolist()
        return {int(view.searcher.stored_fields(d)["django_id"]) for d in found}

    assert named("甲") == {i for i in range(n) if i % 3 != 0}
    assert named("乙") == {i for i in range(n) if i % 5 == 0}


def test_term_tables_are_byte_for_byte_whooshs(tmp_path):
    from whoosh.filedb.filestore import FileStorage
    from whoosh.filedb.filetables import OrderedHashReader, OrderedHashWriter

    from archive.search.whoosh.codec import TermTableWriter

    rng = random.Random(3)
    keys = sorted(
        {"".join(rng.choice(CHARS) for _ in range(rng.randrange(1, 4))) for _ in range(900)}
    )
    rows = [(k.encode("utf-8"), os.urandom(rng.randrange(1, 40))) for k in keys]
    storage = FileStorage(str(tmp_path))
    for name, cls in (("whoosh", OrderedHashWriter), ("ours", TermTableWriter)):
        table = cls(storage.create_file(name))
        for key, value in rows:
            table.add(key, value)
        table.close()
    ours = storage.open_file("ours").read()
    assert ours == storage.open_file("whoosh").read()
    reader = OrderedHashReader(storage.open_file("ours"), len(ours))
    assert all(reader[key] == value for key, value in rows)
