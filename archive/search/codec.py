"""Faster writing for Whoosh 2.7 without changing the on-disk format readers expect.

A character-bigram index has ~500 postings per article and many terms seen once; Whoosh's
writer spends ~10 µs of Python per posting and a zlib block per term. Here:
- rare terms (< INLINE postings) are inlined into the term table (Whoosh supports reading
  that, but its writer calls a misspelt method, so the option is unusable as shipped);
- the posting pool skips per-item asserts and size sums, and spills runs in large pickles;
- the field writer's loop is the stock one with the per-posting calls inlined.
"""

from __future__ import annotations

import pickle
import struct
import zlib
from array import array

from whoosh.codec.whoosh3 import (
    WHOOSH3_HEADER_MAGIC,
    W3Codec,
    W3FieldWriter,
    W3LeafMatcher,
    W3PostingsWriter,
)
from whoosh.util.numeric import length_to_byte
from whoosh.writing import PostingPool, SegmentWriter

INLINE = 16
_ITEM_BYTES = 160  # rough memory per pooled posting, for the spill limit
_CHUNK = 20_000  # postings per pickle in a spilled run
SPLIT = -1  # "compression" value in a block header marking the split block layout


class SplitPostingsWriter(W3PostingsWriter):
    """Block data = ids as a raw uint32 array, then (weights, values) pickled, each zlib'd.

    Whoosh pickles (ids, weights, values) together, so finding which documents hold a term
    unpickles every position list too; here the ids are read on their own.
    """

    def _write_block(self, last=False):
        if not self._blockcount:
            self._postfile.write(WHOOSH3_HEADER_MAGIC)
        self._terminfo.add_block(self)
        ids = zlib.compress(array("I", self._ids).tobytes(), 1)
        rest = zlib.compress(pickle.dumps((self._mini_weights(), self._mini_values()), 4), 1)
        data = struct.pack("<I", len(ids)) + ids + rest
        info = pickle.dumps(
            (
                len(self._ids),
                self._ids[-1],
                self._maxweight,
                SPLIT,
                length_to_byte(self._minlength),
                length_to_byte(self._maxlength),
            ),
            2,
        )
        length = len(info) + len(data)
        self._postfile.write_int(-length if last else length)
        self._postfile.write(info)
        self._postfile.write(data)
        self._blockcount += 1
        self._new_block()

    def finish_postings(self):
        terminfo = self._terminfo
        if not self.written() and len(self._ids) < self._inlinelimit:
            terminfo.add_block(self)
            terminfo.set_inlined(self._ids, self._weights, self._values)
            self._terminfo = None
            return terminfo
        return super().finish_postings()


class SplitLeafMatcher(W3LeafMatcher):
    """Reads SplitPostingsWriter blocks (and, block by block, Whoosh's own)."""

    def _read_data(self):
        if self._compression != SPLIT:
            return super()._read_data()
        b = self._postfile.get(self._dataoffset, self._nextoffset - self._dataoffset)
        (n,) = struct.unpack_from("<I", b)
        self._data = (b, n)
        return None

    def _read_ids(self):
        if self._compression != SPLIT:
            return super()._read_ids()
        if self._data is None:
            self._read_data()
        b, n = self._data
        ids = array("I")
        ids.frombytes(zlib.decompress(b[4 : 4 + n]))
        self._ids = ids
        return None

    def _rest(self):
        if self._data is None:
            self._read_data()
        b, n = self._data
        weights, values = pickle.loads(zlib.decompress(b[4 + n :]))
        self._data = (b, n, weights, values)
        return weights, values

    def _read_weights(self):
        if self._compression != SPLIT:
            return super()._read_weights()
        weights = self._data[2] if self._data and len(self._data) > 2 else self._rest()[0]
        count = self._blocklength
        if weights is None:
            self._weights = array("f", [1.0]) * count
        elif isinstance(weights, float):
            self._weights = array("f", [weights]) * count
        else:
            self._weights = weights
        return None

    def _read_values(self):
        if self._compression != SPLIT:
            return super()._read_values()
        values = self._data[3] if self._data and len(self._data) > 2 else self._rest()[1]
        fixed = self._fixedsize
        if fixed is None or fixed < 0:
            self._values = values
        elif fixed == 0:
            self._values = (None,) * self._blocklength
        else:
            self._values = tuple(values[i : i + fixed] for i in range(0, len(values), fixed))
        return None


class FastFieldWriter(W3FieldWriter):
    def add_postings(self, schema, lengths, items):
        lastfn = lasttext = None
        lens: dict = {}
        dfl = lengths.doc_field_length if lengths else None
        pw = None
        limit = 0
        for fieldname, btext, docnum, weight, value in items:
            if fieldname != lastfn:
                if lasttext is not None:
                    self.finish_term()
                if lastfn is not None:
                    self.finish_field()
                self.start_field(fieldname, schema[fieldname])
                lastfn, lasttext, lens = fieldname, None, {}
            if docnum == -1:
                continue
            if btext != lasttext:
                if lasttext is not None:
                    self.finish_term()
                self.start_term(btext)
                lasttext = btext
                pw = self._postwriter
                limit = pw._blocklimit
            length = lens.get(docnum)
            if length is None:
                length = lens[docnum] = dfl(docnum, fieldname) if dfl else 0
            if len(pw._ids) >= limit:
                pw._write_block()
            pw._ids.append(docnum)
            pw._weights.append(weight)
            if weight > pw._maxweight:
                pw._maxweight = weight
            if value:
                pw._values.append(value)
            if length:
                if pw._minlength is None or length < pw._minlength:
                    pw._minlength = length
                if length > pw._maxlength:
                    pw._maxlength = length
        if lasttext is not None:
            self.finish_term()
        if lastfn is not None:
            self.finish_field()


class ExactCodec(W3Codec):
    def __init__(self, blocklimit=128, compression=3, inlinelimit=INLINE):
        super().__init__(blocklimit=blocklimit, compression=compression, inlinelimit=inlinelimit)

    def field_writer(self, storage, segment):
        return FastFieldWriter(self, storage, segment)

    def postings_reader(self, dbfile, terminfo, format_, term=None, scorer=None):
        if terminfo.is_inlined():
            return super().postings_reader(dbfile, terminfo, format_, term=term, scorer=scorer)
        offset, length = terminfo.extent()
        return SplitLeafMatcher(dbfile, offset, length, format_, term=term, scorer=scorer)

    def postings_writer(self, dbfile, byteids=False):
        if byteids:  # term vectors (unused here) keep Whoosh's format
            return super().postings_writer(dbfile, byteids=True)
        return SplitPostingsWriter(
            dbfile,
            blocklimit=self._blocklimit,
            byteids=byteids,
            compression=self._compression,
            inlinelimit=self._inlinelimit,
        )


class FastPool(PostingPool):
    def add(self, item):
        self.fieldnames.add(item[0])
        self.currentsize += _ITEM_BYTES
        if self.currentsize > self.limit:
            self.save()
        self.current.append(item)

    def _write_run(self, f, items):
        # Chunks, not one pickle: the merge reads every run at once, a chunk at a time.
        for i in range(0, len(items), _CHUNK):
            pickle.dump(items[i : i + _CHUNK], f, pickle.HIGHEST_PROTOCOL)
        f.close()

    def _read_run(self, path):
        f = self._open_run(path)
        try:
            while True:
                try:
                    chunk = pickle.load(f)
                except EOFError:
                    return
                yield from chunk
        finally:
            f.close()
            self._remove_run(path)


def fast_writer(ix, limitmb: int = 512, timeout: float = 30.0) -> SegmentWriter:
    """A writer for ix using the faster codec and pool (SegmentWriter ignores poolclass=)."""
    # compound=False: Whoosh opens a compound segment through BytesIO, which copies the
    # whole postings file into private memory (~the index size); plain files are read
    # block by block instead.
    writer = SegmentWriter(ix, codec=ExactCodec(), limitmb=limitmb, timeout=timeout, compound=False)
    writer.pool = FastPool(writer._tempstorage, writer.newsegment, limitmb=limitmb)
    return writer
