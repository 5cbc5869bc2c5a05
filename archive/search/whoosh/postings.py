"""Fast exact matching straight from Whoosh posting blocks.

Whoosh's generic matchers cost a few Python calls per posting (and Phrase builds span
objects per document); here a term's docnums are read a block at a time into sets, and a
phrase is the intersection of its terms' sets, then a position check on those documents only.
Fastest on ExactCodec segments (ids stored apart from positions, see codec.py), correct
on any W3 segment; deleted documents are removed by set difference.
"""

from __future__ import annotations

from bisect import bisect_left
from itertools import chain

import numpy as np
from whoosh.matching.mcore import ListMatcher

from archive.search.whoosh.codec import UNITS, ExactLeafMatcher

# When even the rarest word of a phrase is in more documents than this, the phrase is checked
# in NumPy over all occurrences instead of per candidate document in Python.
VECTOR_MIN = 2000

_DECODED: dict[bytes, tuple] = {}


class Leaves:
    """The segments of one searcher, with their docnum offsets and deleted docnums."""

    def __init__(self, reader):
        self.leaves = []
        for seg, offset in reader.leaf_readers():
            if not hasattr(seg, "_terms"):  # EmptyReader of an empty index
                continue
            deleted = None
            if seg.has_deletions():
                deleted = {offset + d for d in seg._perdoc.deleted_docs()}
            self.leaves.append((seg, offset, seg.doc_count_all(), deleted))

    def deleted(self) -> set[int]:
        return set().union(*(deleted for *_, deleted in self.leaves if deleted))

    def _matcher(self, seg, field: str, btext: bytes):
        if (field, btext) not in seg._terms:
            return None
        return seg._terms.matcher(field, btext, seg.schema[field].format)

    def doc_frequency(self, field: str, text: str) -> int:
        btext = text.encode("utf-8")
        return sum(seg.doc_frequency(field, btext) for seg, *_ in self.leaves)

    def term_docs(self, field: str, text: str, within: set[int] | None = None) -> set[int]:
        """Docnums containing the term (only those in `within`, if given: faster when small)."""
        btext = text.encode("utf-8")
        out: set[int] = set()
        for seg, offset, size, deleted in self.leaves:
            local = None
            if within is not None:
                local = {d - offset for d in within if offset <= d < offset + size}
                if not local:
                    continue
            m = self._matcher(seg, field, btext)
            if m is None:
                continue
            for ids, _ in _blocks(m, values=False, wanted=local):
                if local is not None:
                    ids = local.intersection(ids)
                out.update(map(offset.__add__, ids) if offset else ids)
            if deleted:
                out -= deleted
        return out

    def positions(self, field: str, text: str, docs: set[int]) -> dict[int, tuple]:
        """docnum → positions of the term, for the given documents."""
        btext = text.encode("utf-8")
        out: dict[int, tuple] = {}
        for seg, offset, size, _ in self.leaves:
            local = {d - offset for d in docs if offset <= d < offset + size}
            if not local:
                continue
            m = self._matcher(seg, field, btext)
            if m is None:
                continue
            fmt = seg.schema[field].format
            for ids, values in _blocks(m, values=True, wanted=local):
                for d, v in zip(ids, values, strict=True):
                    if d in local:
                        out[d + offset] = _decode(fmt, v)
        return out

    def phrase_docs(self, field: str, words: list[str]) -> set[int]:
        """Documents where words[i] sits at position p + i for some p."""
        freq = {w: self.doc_frequency(field, w) for w in set(words)}
        unique = sorted(freq, key=freq.__getitem__)
        if len(words) > 1 and freq[unique[0]] > VECTOR_MIN:
            return self._phrase_docs_vectorised(field, words) - self.deleted()
        cands = self.term_docs(field, unique[0])
        for w in unique[1:]:
            if not cands:
                break
            # Small candidate sets only decode the blocks that can hold them.
            cands = (
                self.term_docs(field, w, within=cands)
                if len(cands) < 5000
                else cands & self.term_docs(field, w)
            )
        if not cands or len(words) == 1:
            return cands
        by_word = {w: self.positions(field, w, cands) for w in unique}
        first, rest = by_word[words[0]], [(i, by_word[w]) for i, w in enumerate(words) if i]
        found = set()
        for d in cands:
            for p in first[d]:
                if all(p + i in pm[d] for i, pm in rest):
                    found.add(d)
                    break
        return found

    def position_keys(self, field: str, text: str) -> np.ndarray:
        """Every occurrence of the term as docnum << 32 | position, ascending (deleted included)."""
        btext = text.encode("utf-8")
        parts = []
        for seg, offset, _, _ in self.leaves:
            m = self._matcher(seg, field, btext)
            if m is None:
                continue
            fmt = seg.schema[field].format
            for ids, counts, flat in _position_blocks(m, fmt):
                docs = np.repeat(ids.astype(np.int64) + offset, counts)
                parts.append((docs << 32) | flat)
        return np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)

    def _phrase_docs_vectorised(self, field: str, words: list[str]) -> set[int]:
        # Every word of the phrase is in thousands of documents (a paper's own name is in
        # nearly all): keep the occurrences of words[0] at p for which words[i] is at p + i,
        # by binary search in the sorted occurrence keys, all in NumPy. Deleted docs included.
        keys = {w: self.position_keys(field, w) for w in set(words)}
        starts = keys[words[0]]
        for i, w in enumerate(words[1:], start=1):
            if not len(starts):
                break
            targets = keys[w]
            if not len(targets):
                return set()
            wanted = starts + i
            at = np.minimum(np.searchsorted(targets, wanted), len(targets) - 1)
            starts = starts[targets[at] == wanted]
        docs = starts >> 32  # ascending
        if len(docs):
            docs = docs[np.concatenate(([True], docs[1:] != docs[:-1]))]
        return set(docs.tolist())

    def phrase_counts(self, field: str, words: list[str], docs: set[int]) -> dict[int, int]:
        """docnum → how often the phrase occurs, for those of docs that contain it."""
        maps = {w: self.positions(field, w, docs) for w in set(words)}
        first = maps[words[0]]
        if len(words) == 1:
            return {d: len(p) for d, p in first.items()}
        rest = [(i, maps[w]) for i, w in enumerate(words) if i]
        out = {}
        for d, starts in first.items():
            n = sum(1 for p in starts if all(p + i in pm.get(d, ()) for i, pm in rest))
            if n:
                out[d] = n
        return out


def segment_term_ids(seg, field: str, btext: bytes):
    """Local docnums of a term in one segment (deleted ones included)."""
    if (field, btext) not in seg._terms:
        return
    for ids, _ in _blocks(seg._terms.matcher(field, btext, seg.schema[field].format), False):
        yield from ids


def _blocks(m, values: bool, wanted: set[int] | None = None):
    """(ids, values) for each block of a raw leaf matcher (values None unless asked).

    With `wanted` (local docnums), blocks whose id range holds none of them are skipped
    using the block header alone, without decompressing their data.
    """
    if isinstance(m, ListMatcher):  # postings inlined in the term table
        yield tuple(m._ids), (m._values if values else None)
        return
    marks = sorted(wanted) if wanted is not None else None
    low = 0
    while True:
        high = m._maxid
        if marks is None or _any_between(marks, low, high):
            if m._ids is None:
                m._read_ids()
            ids = m._ids
            vals = None
            if values:
                m._read_values()
                vals = m._values
            yield ids, vals
        if m._lastblock:
            return
        low = high + 1
        m._goto(m._nextoffset)


def _position_blocks(m, fmt):
    """(ids, position counts, positions) per block as NumPy arrays, for any leaf matcher.

    A term's blocks share one layout: UNITS ones are read as arrays, anything else (inlined
    terms, segments written by Whoosh's own writer through Haystack) is decoded per posting.
    """
    if not (isinstance(m, ExactLeafMatcher) and m._compression == UNITS):
        for ids, values in _blocks(m, values=True):
            yield _decoded(ids, values, fmt)
        return
    while True:
        m._read_ids()
        counts, flat = m._unit_rest()
        yield (
            np.frombuffer(m._ids, dtype=np.uint32),
            np.frombuffer(counts, dtype=np.uint32),
            np.frombuffer(flat, dtype=np.uint32).astype(np.int64),
        )
        if m._lastblock:
            return
        m._goto(m._nextoffset)


def _decoded(ids, values, fmt):
    poses = [_decode(fmt, v) for v in values]
    counts = np.fromiter(map(len, poses), dtype=np.uint32, count=len(poses))
    flat = np.fromiter(chain.from_iterable(poses), dtype=np.int64, count=int(counts.sum()))
    return np.asarray(ids, dtype=np.uint32), counts, flat


def _any_between(marks: list[int], low: int, high: int) -> bool:
    i = bisect_left(marks, low)
    return i < len(marks) and marks[i] <= high


def _decode(fmt, value: bytes) -> tuple:
    # Most position lists are one or two small numbers: decoded once, then looked up.
    found = _DECODED.get(value)
    if found is None:
        found = tuple(fmt.decode_positions(value))
        if len(found) <= 4 and len(_DECODED) < 100_000:
            _DECODED[value] = found
    return found
