"""Fast exact matching straight from Whoosh posting blocks.

Whoosh's generic matchers cost a few Python calls per posting (and Phrase builds span
objects per document); here a term's docnums are read from its blocks into a sorted NumPy
array (a common word is in half of a million documents: a Python set of them took longer than
the rest of the query), and a phrase is the intersection of its terms' docnums, then a position
check on those documents only. Fastest on ExactCodec segments (ids stored apart from positions,
see codec.py), correct on any W3 segment; deleted documents are masked out.
"""

from __future__ import annotations

import io
import pickle
import struct
import zlib
from bisect import bisect_left
from itertools import chain

import numpy as np
from whoosh.matching.mcore import ListMatcher

from archive.search.whoosh.codec import PACKED, UNIT_LAYOUTS, ExactLeafMatcher

# When even the rarest word of a phrase is in more documents than this, the phrase is checked
# in NumPy over all occurrences instead of per candidate document in Python.
VECTOR_MIN = 2000
# Below this many candidates, the next word of a phrase decodes only the blocks holding them.
SKIP_MAX = 5000

# Docnums: sorted arrays of this type stand for sets of documents.
DOCNUM = np.int32
NO_DOCS = np.zeros(0, dtype=DOCNUM)

# A posting block's frame starts with its length, negative for a term's last block (codec.py).
_BLOCK_LENGTH = struct.Struct("!i")

_DECODED: dict[bytes, tuple] = {}


def intersect(docs: np.ndarray, other: np.ndarray) -> np.ndarray:
    """Docs (sorted) that are also in other, still sorted; a lookup table, not a sort."""
    if not len(docs) or not len(other):
        return NO_DOCS
    return docs[np.isin(docs, other, kind="table")]


def subtract(docs: np.ndarray, other: np.ndarray) -> np.ndarray:
    """Docs (sorted) that are not in other, still sorted."""
    if not len(docs) or not len(other):
        return docs
    return docs[np.isin(docs, other, kind="table", invert=True)]


def union(parts: list[np.ndarray]) -> np.ndarray:
    """Docs in any of the parts (each sorted), sorted."""
    if len(parts) == 1:
        return parts[0]
    return np.unique(np.concatenate([NO_DOCS, *parts]))


class Leaves:
    """The segments of one searcher, with their docnum offsets and deleted docnums."""

    def __init__(self, reader):
        self.leaves = []
        self.size = 0
        deleted = []
        for seg, offset in reader.leaf_readers():
            if not hasattr(seg, "_terms"):  # EmptyReader of an empty index
                continue
            if seg.has_deletions():
                deleted.append(np.fromiter(seg._perdoc.deleted_docs(), dtype=DOCNUM) + offset)
            self.leaves.append((seg, offset, seg.doc_count_all()))
            self.size = offset + seg.doc_count_all()
        # dead[d]: d was deleted (None: nothing was).
        self.dead = None
        if deleted:
            self.dead = np.zeros(self.size, dtype=bool)
            self.dead[np.concatenate(deleted)] = True

    def alive(self, docs: np.ndarray) -> np.ndarray:
        return docs if self.dead is None else docs[~self.dead[docs]]

    def _matcher(self, seg, field: str, btext: bytes):
        if (field, btext) not in seg._terms:
            return None
        return seg._terms.matcher(field, btext, seg.schema[field].format)

    def doc_frequency(self, field: str, text: str) -> int:
        btext = text.encode("utf-8")
        return sum(seg.doc_frequency(field, btext) for seg, *_ in self.leaves)

    def term_docs(self, field: str, text: str, within: np.ndarray | None = None) -> np.ndarray:
        """Docnums containing the term, sorted (only those in `within`, sorted, if given:
        faster when it is small)."""
        btext = text.encode("utf-8")
        parts = []
        for seg, offset, size in self.leaves:
            local = None
            if within is not None:
                lo, hi = np.searchsorted(within, (offset, offset + size))
                if lo == hi:
                    continue
                local = within[lo:hi] - offset
            m = self._matcher(seg, field, btext)
            if m is None:
                continue
            parts.append(_term_ids(m, local) + offset)
        found = np.concatenate([NO_DOCS, *parts])
        if within is not None:
            found = intersect(found, within)
        return self.alive(found)

    def positions(self, field: str, text: str, docs: np.ndarray) -> dict[int, tuple]:
        """docnum → positions of the term, for the given documents (sorted)."""
        btext = text.encode("utf-8")
        out: dict[int, tuple] = {}
        for seg, offset, size in self.leaves:
            lo, hi = np.searchsorted(docs, (offset, offset + size))
            if lo == hi:
                continue
            local = docs[lo:hi] - offset
            m = self._matcher(seg, field, btext)
            if m is None:
                continue
            ids, counts, flat = _postings(m, seg.schema[field].format, local)
            hits = np.flatnonzero(np.isin(ids, local))
            ends = np.cumsum(counts)
            flat = flat.tolist()
            for d, end, n in zip(
                ids[hits].tolist(), ends[hits].tolist(), counts[hits].tolist(), strict=True
            ):
                out[d + offset] = tuple(flat[end - n : end])
        return out

    def phrase_docs(self, field: str, words: list[str]) -> np.ndarray:
        """Documents where words[i] sits at position p + i for some p, sorted."""
        freq = {w: self.doc_frequency(field, w) for w in set(words)}
        unique = sorted(freq, key=freq.__getitem__)
        if len(words) > 1 and freq[unique[0]] > VECTOR_MIN:
            return self.alive(self._phrase_docs_vectorised(field, words))
        cands = self.term_docs(field, unique[0])
        for w in unique[1:]:
            if not len(cands):
                break
            # Small candidate sets only decode the blocks that can hold them.
            cands = (
                self.term_docs(field, w, within=cands)
                if len(cands) < SKIP_MAX
                else intersect(cands, self.term_docs(field, w))
            )
        if not len(cands) or len(words) == 1:
            return cands
        by_word = {w: self.positions(field, w, cands) for w in unique}
        first, rest = by_word[words[0]], [(i, by_word[w]) for i, w in enumerate(words) if i]
        found = [
            d
            for d in cands.tolist()
            if any(all(p + i in pm[d] for i, pm in rest) for p in first[d])
        ]
        return np.array(found, dtype=DOCNUM)

    def position_keys(self, field: str, text: str) -> np.ndarray:
        """Every occurrence of the term as docnum << 32 | position, ascending (deleted included)."""
        btext = text.encode("utf-8")
        parts = [np.zeros(0, dtype=np.int64)]
        for seg, offset, _ in self.leaves:
            m = self._matcher(seg, field, btext)
            if m is None:
                continue
            ids, counts, flat = _postings(m, seg.schema[field].format)
            docs = np.repeat(ids.astype(np.int64) + offset, counts)
            parts.append((docs << 32) | flat)
        return np.concatenate(parts)

    def _phrase_docs_vectorised(self, field: str, words: list[str]) -> np.ndarray:
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
                return NO_DOCS
            wanted = starts + i
            at = np.minimum(np.searchsorted(targets, wanted), len(targets) - 1)
            starts = starts[targets[at] == wanted]
        docs = (starts >> 32).astype(DOCNUM)  # ascending
        if len(docs):
            docs = docs[np.concatenate(([True], docs[1:] != docs[:-1]))]
        return docs

    def phrase_counts(self, field: str, words: list[str], docs: np.ndarray) -> dict[int, int]:
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


def segment_postings(seg, field: str):
    """Each term of a field in one segment with its local docnums, ascending (deleted ones
    included), in one pass over the term table (a lookup per term costs as much again)."""
    terms, fmt = seg._terms, seg.schema[field].format
    for (name, btext), info in terms.items_from(field, b""):
        if name != field:  # the table is ordered by field: the next field's terms
            return
        yield btext, _term_ids(terms._codec.postings_reader(terms._postfile, info, fmt))


def _term_ids(m, wanted: np.ndarray | None = None) -> np.ndarray:
    """Local docnums of a raw leaf matcher's term, ascending; with `wanted` (ascending), at
    least those of them that have it (blocks without any are skipped)."""
    if _is_units(m):
        return _unit_postings(m, wanted, positions=False)[0].astype(DOCNUM)
    blocks = (np.asarray(ids) for ids, _ in _blocks(m, False, wanted))
    return np.concatenate([NO_DOCS, *blocks]).astype(DOCNUM)


def _is_units(m) -> bool:
    # A term's blocks are all PACKED or UNITS blocks: the first block's layout says it.
    return isinstance(m, ExactLeafMatcher) and m._compression in UNIT_LAYOUTS


def _unit_postings(m, wanted: np.ndarray | None, positions: bool):
    """(ids, position counts, positions) of a PACKED/UNITS term, as unsigned arrays (the last
    two None unless positions); with `wanted` (ascending local docnums) only from the blocks
    whose id range holds one of them.

    Both layouts start with the raw ids: the headers are walked in one buffer of the term's
    postings, a few µs a block (Whoosh's matcher takes several times that per block, and a
    common word has thousands of blocks in a million documents), and the pieces are joined
    before NumPy sees them; PACKED counts and positions are sliced, not inflated.
    """
    size = m._length  # a 1-tuple when read from disk (W3TermInfo.from_bytes unpacks it so)
    buf = m._postfile.get(m._startoffset, size if isinstance(size, int) else size[0])
    f = io.BytesIO(buf)
    marks = None if wanted is None else wanted.tolist()
    ids, counts, flat = [], [], []
    # A UNITS block among PACKED ones (a rare long document) widens the term's pieces.
    wide = False
    at, low = m._baseoffset - m._startoffset, 0
    while True:
        (length,) = _BLOCK_LENGTH.unpack_from(buf, at)
        end = at + _BLOCK_LENGTH.size + abs(length)
        f.seek(at + _BLOCK_LENGTH.size)
        count, high, _, layout = pickle.load(f)[:4]
        if marks is None or _any_between(marks, low, high):
            start = f.tell()
            rest = start + 4 * count
            ids.append(buf[start:rest])
            if positions and layout == PACKED:
                counts.append(buf[rest : rest + count])
                flat.append(buf[rest + count : end])
            elif positions:
                wide = True
                raw = zlib.decompress(buf[rest:end])
                counts.append(np.frombuffer(raw[: 4 * count], dtype=np.uint32))
                flat.append(np.frombuffer(raw[4 * count :], dtype=np.uint32))
        if length < 0:  # the last block
            break
        at, low = end, high + 1
    ids = np.frombuffer(b"".join(ids), dtype=np.uint32)
    if not positions:
        return ids, None, None
    if not wide:
        counts = np.frombuffer(b"".join(counts), dtype=np.uint8).astype(np.uint32)
        return ids, counts, np.frombuffer(b"".join(flat), dtype=np.uint16)
    counts, flat = (
        np.concatenate([_widened(p, np.uint8) for p in counts]),
        np.concatenate([_widened(p, np.uint16) for p in flat]),
    )
    return ids, counts, flat


def _widened(piece, packed_type) -> np.ndarray:
    """A block's counts or positions as uint32, whichever layout it came in."""
    if isinstance(piece, np.ndarray):
        return piece
    return np.frombuffer(piece, dtype=packed_type).astype(np.uint32)


def _blocks(m, values: bool, wanted: np.ndarray | None = None):
    """(ids, values) for each block of a raw leaf matcher (values None unless asked).

    With `wanted` (local docnums, ascending), blocks whose id range holds none of them are
    skipped using the block header alone, without decompressing their data.
    """
    if isinstance(m, ListMatcher):  # postings inlined in the term table
        yield tuple(m._ids), (m._values if values else None)
        return
    marks = None if wanted is None else wanted.tolist()  # bisect on a list: no NumPy per block
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


def _postings(m, fmt, wanted: np.ndarray | None = None):
    """(ids, position counts, positions as int64) of a leaf matcher's term as NumPy arrays
    (only the blocks that can hold `wanted` docnums, if given).

    PACKED and UNITS blocks are read as arrays, anything else (inlined terms, segments written by
    Whoosh's own writer through Haystack) is decoded per posting.
    """
    if _is_units(m):
        ids, counts, flat = _unit_postings(m, wanted, positions=True)
        return ids, counts, flat.astype(np.int64)
    blocks = [_decoded(ids, values, fmt) for ids, values in _blocks(m, True, wanted)]
    if not blocks:
        return NO_DOCS, NO_DOCS, np.zeros(0, dtype=np.int64)
    ids, counts, flat = (np.concatenate(a) for a in zip(*blocks, strict=True))
    return ids, counts, flat


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
