"""Whoosh 2.7's W3 codec with two extra posting-block layouts, and rare terms inlined.

Blocks keep Whoosh's frame (length, pickled info tuple, data); the info's "compression"
slot says how the data is laid out:
- SPLIT (-1): ids as a raw uint32 array, then (weights, values) pickled, each zlib'd, so
  finding which documents hold a term does not unpickle every value;
- PACKED (-3), for UnitPositions fields: the ids as a raw uint32 array, the position counts
  as uint8, then all positions end to end as uint16, nothing compressed: a phrase of common
  words reads millions of positions, and copying them costs a fraction of inflating them
  (the index grew 4% at a million articles);
- UNITS (-2), the same block when a count or a position does not fit (a unit 256 times in
  one document, or past its 65,535th unit): raw uint32 ids, then one zlib'd run of uint32
  counts and positions.
Both are written from flat arrays (bulk.py) with no object per posting; weights are counts ×
field boost; per-posting values are cut only when asked for.
Rare terms (< INLINE postings) are inlined into the term table (Whoosh can read that, but its
writer calls a misspelt method, so the option is unusable as shipped).
Arrays are in native byte order: an index is rebuilt, not copied, between machines.
"""

from __future__ import annotations

import pickle
import struct
import zlib
from array import array

import numpy as np
from whoosh.codec.whoosh3 import (
    WHOOSH3_HEADER_MAGIC,
    W3Codec,
    W3FieldWriter,
    W3LeafMatcher,
    W3PostingsWriter,
)
from whoosh.filedb.filetables import OrderedHashWriter
from whoosh.util.numeric import length_to_byte

INLINE = 16
SPLIT = -1
UNITS = -2
PACKED = -3
UNIT_LAYOUTS = (UNITS, PACKED)
ZLIB_LEVEL = 1
# The largest position count and position a PACKED block holds (uint8, uint16).
PACKED_MAX_COUNT = 0xFF
PACKED_MAX_POSITION = 0xFFFF


class SplitPostingsWriter(W3PostingsWriter):
    """Writes SPLIT blocks (fields other than unit positions: ids, names, numbers)."""

    def _mini_weights(self):
        w = self._weights
        if w.count(w[0]) == len(w):  # C-level, unlike Whoosh's per-posting all()
            return None if w[0] == 1.0 else w[0]
        return tuple(w)

    def _write_block(self, last=False):
        if not self._blockcount:
            self._postfile.write(WHOOSH3_HEADER_MAGIC)
        self._terminfo.add_block(self)
        ids = zlib.compress(array("I", self._ids).tobytes(), ZLIB_LEVEL)
        rest = zlib.compress(
            pickle.dumps((self._mini_weights(), self._mini_values()), 4), ZLIB_LEVEL
        )
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


def unit_block(ids, counts, positions, boost: float, minb: int, maxb: int, last: bool) -> bytes:
    """One framed PACKED (or UNITS) block from ids, per-posting position counts and positions
    (uint32 arrays)."""
    most = max(counts)
    if most <= PACKED_MAX_COUNT and max(positions, default=0) <= PACKED_MAX_POSITION:
        layout = PACKED
        # narrowed in NumPy: array("H", positions) boxes every position
        data = ids.tobytes() + _narrowed(counts, np.uint8) + _narrowed(positions, np.uint16)
    else:
        layout = UNITS
        data = ids.tobytes() + zlib.compress(counts.tobytes() + positions.tobytes(), ZLIB_LEVEL)
    info = pickle.dumps((len(ids), ids[-1], most * boost, layout, minb, maxb), 2)
    length = len(info) + len(data)
    return struct.pack("!i", -length if last else length) + info + data


def _narrowed(values, dtype) -> bytes:
    return np.frombuffer(values, dtype=np.uint32).astype(dtype).tobytes()


class ExactLeafMatcher(W3LeafMatcher):
    """Reads SPLIT, PACKED and UNITS blocks (and, block by block, Whoosh's own)."""

    def _read_data(self):
        if self._compression not in (SPLIT, *UNIT_LAYOUTS):
            return super()._read_data()
        if self._compression in UNIT_LAYOUTS:  # the ids only; _unit_rest() reads the rest
            size = 4 * self._blocklength
            self._data = (array("I", self._postfile.get(self._dataoffset, size)),)
            return None
        b = self._postfile.get(self._dataoffset, self._nextoffset - self._dataoffset)
        (size,) = struct.unpack_from("<I", b)
        self._data = (b, size)
        return None

    def _read_ids(self):
        if self._compression in UNIT_LAYOUTS:
            if self._data is None:
                self._read_data()
            self._ids = self._data[0]
            return None
        if self._compression != SPLIT:
            return super()._read_ids()
        if self._data is None:
            self._read_data()
        b, n = self._data[:2]
        ids = array("I")
        ids.frombytes(zlib.decompress(b[4 : 4 + n]))
        self._ids = ids
        return None

    def _unit_rest(self):
        """(position counts, positions as uint32 bytes) of a PACKED or UNITS block, read once."""
        if self._data is None:
            self._read_data()
        if len(self._data) == 1:
            n = self._blocklength
            start = self._dataoffset + 4 * n
            raw = self._postfile.get(start, self._nextoffset - start)
            if self._compression == PACKED:
                counts = array("I", array("B", raw[:n]))
                flat = array("I", array("H", raw[n:]))
                self._data = (self._data[0], counts, flat.tobytes())
            else:
                raw = zlib.decompress(raw)
                self._data = (self._data[0], array("I", raw[: 4 * n]), raw[4 * n :])
        return self._data[1], self._data[2]

    def _split_rest(self):
        if self._data is None:
            self._read_data()
        if len(self._data) == 2:
            b, n = self._data
            self._data = (b, n, *pickle.loads(zlib.decompress(b[4 + n :])))
        return self._data[2], self._data[3]

    def _read_weights(self):
        if self._compression in UNIT_LAYOUTS:
            boost = self.format.field_boost
            counts = self._unit_rest()[0]
            self._weights = array("f", counts if boost == 1 else [c * boost for c in counts])
            return None
        if self._compression != SPLIT:
            return super()._read_weights()
        weights = self._split_rest()[0]
        count = self._blocklength
        if weights is None:
            self._weights = array("f", [1.0]) * count
        elif isinstance(weights, float):
            self._weights = array("f", [weights]) * count
        else:
            self._weights = weights
        return None

    def _read_values(self):
        if self._compression in UNIT_LAYOUTS:
            counts, flat = self._unit_rest()
            values, o = [], 0
            for c in counts:
                values.append(flat[o : o + 4 * c])
                o += 4 * c
            self._values = values
            return None
        if self._compression != SPLIT:
            return super()._read_values()
        values = self._split_rest()[1]
        fixed = self._fixedsize
        if fixed is None or fixed < 0:
            self._values = values
        elif fixed == 0:
            self._values = (None,) * self._blocklength
        else:
            self._values = tuple(values[i : i + fixed] for i in range(0, len(values), fixed))
        return None


# HashWriter's hash-table slot (struct "!Iq": the key's hash, the row's position).
_SLOT = np.dtype([("hash", ">u4"), ("pos", ">i8")])


class TermTableWriter(OrderedHashWriter):
    """Whoosh's term-table writer, whose hash tables are filled a bucket at a time and
    written in one call each (Whoosh writes every slot with its own call: a million calls
    for 20,000 articles). The same bytes: the same slots, probed in the same order."""

    def _write_hashes(self):
        dbfile = self.dbfile
        for entries in self.buckets:
            numslots = 2 * len(entries)
            self.directory.append((dbfile.tell(), numslots))
            hashes, positions = [0] * numslots, [0] * numslots
            for hashval, position in entries:
                slot = (hashval >> 8) % numslots
                while positions[slot]:  # taken (no row starts at 0: the header is there)
                    slot = (slot + 1) % numslots
                hashes[slot], positions[slot] = hashval, position
            table = np.empty(numslots, dtype=_SLOT)
            table["hash"], table["pos"] = hashes, positions
            dbfile.write(table.tobytes())


class ExactFieldWriter(W3FieldWriter):
    def __init__(self, codec, storage, segment):
        super().__init__(codec, storage, segment)
        self._tindex.__class__ = TermTableWriter  # a subclass adding no state


class ExactCodec(W3Codec):
    def __init__(self, blocklimit=128, compression=3, inlinelimit=INLINE):
        super().__init__(blocklimit=blocklimit, compression=compression, inlinelimit=inlinelimit)

    def postings_reader(self, dbfile, terminfo, format_, term=None, scorer=None):
        if terminfo.is_inlined():
            return super().postings_reader(dbfile, terminfo, format_, term=term, scorer=scorer)
        offset, length = terminfo.extent()
        return ExactLeafMatcher(dbfile, offset, length, format_, term=term, scorer=scorer)

    def field_writer(self, storage, segment):
        return ExactFieldWriter(self, storage, segment)

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
