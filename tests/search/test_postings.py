"""The fast posting reader agrees with Whoosh's own matchers, across segments and deletions."""

import random

import pytest

from archive.search.fields import CONTENT
from archive.search.parser import parse
from archive.search.whoosh.codec import PACKED, UNITS
from archive.search.whoosh.queries import match_query
from tests.search.segments import segmented_core

CHARS = "乡村振兴人民政府中华共和国大湾区"


def _text(rng, n):
    return "".join(rng.choice(CHARS + "，") for _ in range(n))


@pytest.fixture
def core(tmp_path):
    rng = random.Random(3)
    # Three segments (no merging), then deletions in the first.
    batches = [
        {i: {"title": "", "body": _text(rng, rng.randrange(5, 400))} for i in range(b, b + 150)}
        for b in (0, 150, 300)
    ]
    deleted = range(0, 150, 4)
    texts = {i: f["body"] for batch in batches for i, f in batch.items() if i not in deleted}
    return segmented_core(str(tmp_path), batches, deleted), texts


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
    assert whoosh == set(view.match_docs(parse(q)).tolist())


@pytest.mark.parametrize("q", ["村振兴", "人民政府", "中华人民共和国", "湾区乡", "国国国"])
def test_phrases_checked_in_numpy_match_substring_search(core, q, monkeypatch):
    from archive.search.whoosh import postings

    monkeypatch.setattr(postings, "VECTOR_MIN", 0)  # every phrase through the NumPy path
    core, texts = core
    view = core.view()
    want = {i for i, t in texts.items() if q in t}
    got = {int(view.searcher.stored_fields(d)["django_id"]) for d in view.match_docs(parse(q))}
    assert got == want


@pytest.mark.parametrize("q", ["乡村振兴大", "村振兴大", "振兴大会"])
def test_a_phrase_whose_rarest_part_opens_a_text_is_not_found_across_texts(
    tmp_path, q, monkeypatch
):
    # Texts that open with the end of a phrase (兴大, 大会) and texts that end with its start
    # (振兴, 乡村振兴): a phrase is never matched across two texts.
    from archive.search.whoosh import postings

    monkeypatch.setattr(postings, "VECTOR_MIN", 0)
    texts = ["兴大会", "乡村振兴大会", "振兴大", "兴大", "大乡村振兴乡村振兴"]
    batch = {i: {"title": "", "body": t} for i, t in enumerate(texts)}
    view = segmented_core(str(tmp_path), [batch], ()).view()
    got = {int(view.searcher.stored_fields(d)["django_id"]) for d in view.match_docs(parse(q))}
    assert got == {i for i, t in enumerate(texts) if q in t}


def test_ids_read_from_block_headers_match_whoosh_block_by_block(core):
    """The quick walk over PACKED blocks (ids straight from the buffer) reads what Whoosh's
    matcher reads, for every term of every segment, one block or many."""
    from archive.search.whoosh.codec import UNIT_LAYOUTS
    from archive.search.whoosh.postings import _term_ids

    core, _ = core
    view = core.view()
    walked = 0
    for seg, *_ in view.leaves.leaves:
        for btext in seg.lexicon(CONTENT):
            fmt = seg.schema[CONTENT].format
            want = list(seg._terms.matcher(CONTENT, btext, fmt).all_ids())
            m = seg._terms.matcher(CONTENT, btext, fmt)
            walked += getattr(m, "_compression", None) in UNIT_LAYOUTS and not m._lastblock
            assert _term_ids(m).tolist() == want, btext
    assert walked  # some terms span several blocks


def _occurrences(text: str, q: str) -> int:
    return sum(text.startswith(q, i) for i in range(len(text)))


def _layouts(view) -> set[int]:
    """The block layouts of every content term's blocks."""
    found = set()
    for seg, *_ in view.leaves.leaves:
        fmt = seg.schema[CONTENT].format
        for btext in seg.lexicon(CONTENT):
            m = seg._terms.matcher(CONTENT, btext, fmt)
            while hasattr(m, "_compression"):
                found.add(m._compression)
                if m._lastblock:
                    break
                m._goto(m._nextoffset)
    return found


@pytest.mark.parametrize("vector_min", [0, 2000])
def test_documents_past_what_packed_blocks_hold_are_found_exactly(
    tmp_path, monkeypatch, vector_min
):
    """A document of more than 65,535 units, or a character 256 times in one document, does
    not fit the compact block layout: its blocks are written the wide way, read beside the
    compact ones, and searching them finds and counts every occurrence."""
    from archive.search.whoosh import postings

    monkeypatch.setattr(postings, "VECTOR_MIN", vector_min)
    rng = random.Random(5)
    texts = {i: _text(rng, rng.randrange(5, 300)) for i in range(400)}
    texts[200] = "中华人民共和国" + _text(rng, 70_000) + "中华人民共和国乡村振兴"
    texts[201] = "乡" * 300 + "村振兴"
    core = segmented_core(
        str(tmp_path), [{i: {"title": "", "body": t} for i, t in texts.items()}], ()
    )
    view = core.view()
    assert {PACKED, UNITS} <= _layouts(view)
    for q in ("中华人民共和国", "乡村振兴", "乡乡乡", "乡村", "兴"):
        want = {i for i, t in texts.items() if q in t}
        found = view.match_docs(parse(q))
        ids = [int(view.searcher.stored_fields(d)["django_id"]) for d in found]
        assert set(ids) == want, q
        atom = parse(q).must[0][0]
        counts = view.leaves.phrase_counts(CONTENT, atom.words(), found)
        got = {int(view.searcher.stored_fields(d)["django_id"]): n for d, n in counts.items()}
        assert got == {i: _occurrences(texts[i], q) for i in want}, q
