"""A Whoosh segment writer that inverts in memory and writes each term's postings in one go.

Whoosh's SegmentWriter puts every posting through a pool (a tuple, a sort, pickled runs, a
merge) and then through a per-posting write loop: ~4 ms of Python per article for a
unigram + bigram index. Here documents wait until a batch is full; the batch's unit terms
are found and grouped in NumPy (unit_arrays.py), the batch's flat arrays are kept and each
distinct term of the batch notes where its postings lie in them, one Python step per term
(docnums ascend, so only the term list is sorted); each term is written whole: PACKED blocks
cut from those arrays, small terms inlined into the term table with one struct and one pickle. The files are those ExactCodec writes,
so every reader (Whoosh's and postings.py) is unchanged.
"""

from __future__ import annotations

import contextlib
import struct
from array import array
from pickle import dumps

import numpy as np
from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3TermInfo
from whoosh.system import pack_int, pack_long, pack_ushort
from whoosh.util.numeric import length_to_byte
from whoosh.writing import SegmentWriter

from archive.search.unit_arrays import BatchTerms, batch_terms
from archive.search.whoosh.analysis import UnitPositions
from archive.search.whoosh.codec import INLINE, ExactCodec, unit_block

_TERMINFO = struct.Struct("!BfIBBfII")  # W3TermInfo's header
_KV_LENGTHS = struct.Struct("!ii")  # HashWriter's key/value length prefix
_PROTOCOL = 5  # of inlined postings
# Characters of documents whose terms are gathered in one NumPy pass: enough that Python runs
# once per distinct term of the batch rather than per posting (indexing 19,876 articles took
# half the CPU), few enough that each writer's batch arrays stay a few hundred MB.
BATCH_CHARS = 3_000_000
# Postings per block of the id, name and number fields: a person filter reads every block of
# a much-named person's list (380,000 articles: 3,000 blocks of Whoosh's 128, each a header to
# unpickle and ids to inflate, 31 ms), and needs no finer skipping than this.
FIELD_BLOCK = 1024
# Bytes of term-table rows held before they are written (one write instead of one per term).
TABLE_FLUSH = 4 << 20


class TermPool:
    """Postings gathered per field and term, standing in for Whoosh's PostingPool.

    A batch's unit postings stay in the batch's flat uint32 arrays (docnums, position counts,
    positions), as they were gathered; a unit-position term keeps where its postings lie in
    them, one int per batch (batch << 32 | the term's index in it; an array of them when
    there are several), and they are cut out once, when it is written. Postings added one at
    a time come as three flat arrays of their own, in docnum order among the others. No Python object per posting, nothing for the garbage
    collector to walk. Other fields keep term bytes → [docnums, weights, encoded values].
    add() takes PostingPool items: that is how documents of merged segments arrive
    (add_reader).
    """

    def __init__(self, schema):
        self.schema = schema
        self.fieldnames: set[str] = set()
        self.terms: dict[str, dict] = {}
        # per batch: docnums, counts, positions, and per term its first group and position
        self.batches: list[tuple[array, array, array, array, array]] = []

    def field(self, fieldname: str) -> dict:
        terms = self.terms.get(fieldname)
        if terms is None:
            terms = self.terms[fieldname] = {}
            self.fieldnames.add(fieldname)
        return terms

    def add(self, item) -> None:
        fieldname, btext, docnum, weight, vbytes = item
        terms = self.field(fieldname)
        fmt = self.schema[fieldname].format
        if not isinstance(fmt, UnitPositions):
            self.add_values(fieldname, docnum, [(btext, 0, weight, vbytes)])
            return
        poses = fmt.decode_positions(vbytes)
        word = btext.decode("utf-8")
        pieces = terms.get(word)
        if pieces is None:
            pieces = terms[word] = []
        elif not isinstance(pieces, list):
            pieces = terms[word] = [pieces] if isinstance(pieces, int) else list(pieces)
        if not pieces or not isinstance(pieces[-1], tuple):
            pieces.append((array("I"), array("I"), array("I")))
        loose = pieces[-1]
        loose[0].append(docnum)
        loose[1].append(len(poses))
        loose[2].extend(poses)

    def add_batch(self, fieldname: str, batch: BatchTerms, first: int):
        """A batch's unit postings (texts numbered from docnum first); its field lengths."""
        terms = self.field(fieldname)
        groups = batch.term_groups
        positions = np.append(batch.starts[groups[:-1]], len(batch.positions))
        number = len(self.batches) << 32
        self.batches.append(
            (
                array("I", (batch.texts + np.uint32(first)).tobytes()),
                array("I", batch.counts.tobytes()),
                array("I", batch.positions.tobytes()),
                array("q", groups.astype(np.int64).tobytes()),
                array("q", positions.astype(np.int64).tobytes()),
            )
        )
        for index, word in enumerate(batch.terms):
            pieces = terms.get(word)
            if pieces is None:
                terms[word] = number | index
            elif isinstance(pieces, int):
                terms[word] = array("Q", (pieces, number | index))  # 8 bytes a batch
            else:
                pieces.append(number | index)
        return batch.lengths

    def postings(self, pieces: int | array | list) -> tuple[array, array, array]:
        """A unit term's docnums, position counts and positions, each one flat array."""
        if isinstance(pieces, int):
            return self._cut(pieces)
        ids, counts, flat = array("I"), array("I"), array("I")
        for piece in pieces:
            more = self._cut(piece) if isinstance(piece, int) else piece
            ids += more[0]
            counts += more[1]
            flat += more[2]
        return ids, counts, flat

    def _cut(self, piece: int) -> tuple[array, array, array]:
        ids, counts, positions, groups, starts = self.batches[piece >> 32]
        index = piece & 0xFFFFFFFF
        g, h = groups[index], groups[index + 1]
        return ids[g:h], counts[g:h], positions[starts[index] : starts[index + 1]]

    def add_values(self, fieldname: str, docnum: int, items) -> int:
        """One document's postings of a field that is not unit text; its length."""
        terms = self.field(fieldname)
        length = 0
        for btext, freq, weight, vbytes in items:
            entry = terms.get(btext)
            if entry is None:
                entry = terms[btext] = [array("I"), array("f"), []]
            entry[0].append(docnum)
            entry[1].append(weight)
            if vbytes:
                entry[2].append(vbytes)
            length += freq
        return length

    def cleanup(self) -> None:
        self.terms.clear()
        self.batches.clear()


class BulkWriter(SegmentWriter):
    """SegmentWriter for the archive schema (no term vectors, no spelling fields)."""

    def __init__(self, ix, timeout: float = 30.0, **kwargs):
        # compound=False: Whoosh opens a compound segment through BytesIO, which copies the
        # whole postings file into private memory; plain files are read block by block.
        try:
            super().__init__(ix, codec=ExactCodec(), timeout=timeout, compound=False, **kwargs)
        except BaseException:
            # Whoosh took its lock, then could not create the segment's files (a read-only
            # or full disk): let the lock go, or this process holds it until it exits and
            # every later writer waits for it and fails.
            _release(getattr(self, "writelock", None))
            raise
        for name, field in self.schema.items():
            if field.vector or field.separate_spelling():
                raise ValueError(f"BulkWriter does not write vectors or spelling ({name})")
        self.pool = TermPool(self.schema)
        self._waiting: list[dict] = []
        self._waiting_chars = 0

    def add_document(self, **fields):
        """Take a document; its terms are gathered a batch at a time (_flush_documents)."""
        self._check_state()
        names = sorted(name for name in fields if not name.startswith("_"))
        self._check_fields(self.schema, names)
        if any(name.endswith("_boost") for name in fields):
            raise ValueError("BulkWriter takes no per-document boosts")
        self._waiting.append(fields)
        self._waiting_chars += sum(len(v) for v in fields.values() if isinstance(v, str))
        self._added = True
        self.docnum += 1
        if self._waiting_chars >= BATCH_CHARS:
            self._flush_documents()

    def add_reader(self, reader):
        self._flush_documents()  # the reader's documents are numbered after those waiting
        super().add_reader(reader)

    def _flush_documents(self) -> None:
        """Index the waiting documents: unit fields in one pass for the batch, then each
        document's stored fields and lengths in docnum order."""
        docs, self._waiting, self._waiting_chars = self._waiting, [], 0
        if not docs:
            return
        first = self.docnum - len(docs)
        lengths = {}
        for name, field in self.schema.items():
            if field.indexed and isinstance(field.format, UnitPositions):
                texts = [doc.get(name) or "" for doc in docs]
                if any(texts):
                    lengths[name] = self.pool.add_batch(name, batch_terms(texts), first)
        pdw = self.perdocwriter
        for offset, fields in enumerate(docs):
            docnum = first + offset
            pdw.start_doc(docnum)
            for name in sorted(name for name in fields if not name.startswith("_")):
                value = fields[name]
                if value is None:
                    continue
                field = self.schema[name]
                length = 0
                if name in lengths:
                    length = int(lengths[name][offset])
                elif field.indexed and not isinstance(field.format, UnitPositions):
                    length = self.pool.add_values(name, docnum, field.index(value))
                if not field.scorable:
                    length = 0
                stored = fields.get("_stored_" + name, value)
                pdw.add_field(name, field, stored if field.stored else None, length)
                column = field.column_type
                if column and stored is not None:
                    pdw.add_column_value(name, column, field.to_column_value(stored))
            pdw.finish_doc()

    def commit(self, *args, **kwargs):
        try:
            super().commit(*args, **kwargs)
        except BaseException:
            self._abandon()
            raise

    def cancel(self):
        try:
            super().cancel()
        except BaseException:
            self._abandon()
            raise

    def _abandon(self) -> None:
        """A commit or cancel failed (the disk is full, the folder read-only): close what is
        open and let go of Whoosh's lock, which Whoosh keeps when a commit fails. Nothing was
        committed; the next commit removes the files half written."""
        for step in (self._close_segment, self._tempstorage.destroy):
            with contextlib.suppress(Exception):
                step()
        _release(self.writelock)
        self.is_closed = True

    def _flush_segment(self):
        self._flush_documents()
        self.perdocwriter.close()
        lengths = self.per_document_reader()
        try:
            write_terms(self.fieldwriter, self.schema, lengths, self.pool)
        finally:
            lengths.close()
        self.fieldwriter.close()


def _release(lock) -> None:
    """Release Whoosh's index lock if this writer holds it."""
    if lock is not None:
        with contextlib.suppress(Exception):  # not acquired: nothing to release
            lock.release()


def write_terms(fw, schema, lengths, pool: TermPool) -> None:
    """Every gathered term of every field, in Whoosh's order (field, then term bytes)."""
    for fieldname in sorted(pool.terms):
        terms = pool.terms[fieldname]
        if fieldname not in schema or not terms:
            continue
        field = schema[fieldname]
        fw.start_field(fieldname, field)
        # Valid bounds for every term's block statistics (BM25 quality uses them as limits).
        if field.scorable:
            minlen = lengths.min_field_length(fieldname)
            maxlen = lengths.max_field_length(fieldname)
        else:
            minlen, maxlen = None, 0
        if isinstance(field.format, UnitPositions):
            _write_unit_field(fw, field.format, terms, pool.postings, minlen, maxlen)
        else:
            _write_field(fw, field.format, terms, minlen, maxlen)
        fw.finish_field()


class _TermTable:
    """Rows of one field for the field writer's term table (HashWriter.add, in bulk).

    Row positions are counted here rather than asked of the file (a tell() is a system call
    per term) and rows are written a few MB at a time; close() before the field ends."""

    def __init__(self, fw):
        self.tindex = fw._tindex
        self.prefix = pack_ushort(fw._fieldid)
        self.lastkey = self.tindex.lastkey
        self.pos = self.tindex.dbfile.tell()
        self.rows: list[bytes] = []
        self.positions: list[int] = []
        self.size = 0

    def add(self, btext: bytes, value: bytes) -> None:
        key = self.prefix + btext
        if key <= self.lastkey:
            raise ValueError(f"terms out of order: {self.lastkey!r} then {key!r}")
        row = _KV_LENGTHS.pack(len(key), len(value)) + key + value
        self.rows.append(row)
        self.positions.append(self.pos)
        h = self.tindex.hashfn(key)
        self.tindex.buckets[h & 255].append((h, self.pos))
        self.pos += len(row)
        self.lastkey = key
        self.size += len(row)
        if self.size >= TABLE_FLUSH:
            self._write()

    def close(self) -> None:
        self._write()
        self.tindex.lastkey = self.lastkey

    def _write(self) -> None:
        self.tindex.dbfile.write(b"".join(self.rows))
        index = self.tindex.index
        try:
            index.array.extend(array(index.typecode, self.positions))
        except OverflowError:  # past the index's integer type: Whoosh's append widens it
            index.extend(self.positions)
        self.rows, self.positions, self.size = [], [], 0


def _inlined(ids, weights, values, minb: int, maxb: int) -> bytes:
    """What W3TermInfo.to_bytes() gives for a posting list inlined in the term table, pickled
    with a protocol that writes bytes as bytes (Whoosh's 2 pickles each through
    _codecs.encode: twice the time, 60 % more table) — any protocol unpickles the same."""
    head = _TERMINFO.pack(1, sum(weights), len(ids), minb, maxb, max(weights), ids[0], ids[-1])
    return head + dumps((tuple(ids), tuple(weights), tuple(values)), _PROTOCOL)


def _length_bytes(minlen, maxlen) -> tuple[int, int]:
    return (0 if minlen is None else length_to_byte(minlen)), length_to_byte(maxlen)


# Docnums arrive ascending for every term (documents and merged segments get increasing
# numbers, and a segment's postings are read in docnum order), so none are sorted here.


def _write_field(fw, fmt, terms: dict, minlen, maxlen) -> None:
    """Ids, names, numbers: few postings, written through the codec's postings writer."""
    pw = fw._postwriter
    limit = FIELD_BLOCK
    table = _TermTable(fw)
    minb, maxb = _length_bytes(minlen, maxlen)
    for btext in sorted(terms):
        ids, weights, values = terms[btext]
        n = len(ids)
        if n < INLINE:
            table.add(btext, _inlined(ids, weights, values, minb, maxb))
            continue
        pw.start_postings(fmt, W3TermInfo())
        for start in range(0, n, limit):
            end = start + limit
            pw._ids = ids[start:end]
            pw._weights = weights[start:end]
            pw._values = values[start:end]
            pw._maxweight = max(pw._weights)
            pw._minlength, pw._maxlength = minlen, maxlen
            if end < n:
                pw._write_block()
        table.add(btext, pw.finish_postings().to_bytes())
    table.close()


def _write_unit_field(fw, fmt, terms: dict, postings, minlen, maxlen) -> None:
    """Unit-position terms: UNITS blocks straight from the pool's flat arrays."""
    postfile = fw._postfile
    limit = fw._postwriter._blocklimit
    table = _TermTable(fw)
    boost = fmt.field_boost
    minb, maxb = _length_bytes(minlen, maxlen)
    offset = postfile.tell()  # counted from here on: this loop is the file's only writer
    # str order is code point order, which is the UTF-8 byte order Whoosh keeps terms in.
    for word in sorted(terms):
        ids, counts, flat = postings(terms[word])
        n = len(ids)
        if n < INLINE:
            table.add(word.encode("utf-8"), _inlined_units(ids, counts, flat, boost, minb, maxb))
            continue
        parts = [WHOOSH3_HEADER_MAGIC]
        o = 0
        for start in range(0, n, limit):
            end = start + limit
            block_counts = counts[start:end]
            m = sum(block_counts)
            parts.append(
                unit_block(
                    ids[start:end], block_counts, flat[o : o + m], boost, minb, maxb, end >= n
                )
            )
            o += m
        data = b"".join(parts)
        postfile.write(data)
        total, most = len(flat), max(counts)
        head = _TERMINFO.pack(0, total * boost, n, minb, maxb, most * boost, ids[0], ids[-1])
        table.add(word.encode("utf-8"), head + pack_long(offset) + pack_int(len(data)))
        offset += len(data)
    table.close()


def _inlined_units(ids, counts, flat, boost: float, minb: int, maxb: int) -> bytes:
    """_inlined() for a unit term: each posting's value is its run of uint32 positions."""
    raw = flat.tobytes()
    if len(ids) == 1:  # half of all terms: one document
        weight = counts[0] * boost
        head = _TERMINFO.pack(1, weight, 1, minb, maxb, weight, ids[0], ids[0])
        return head + dumps(((ids[0],), (weight,), (raw,)), _PROTOCOL)
    values, o = [], 0
    for c in counts:
        end = o + 4 * c
        values.append(raw[o:end])
        o = end
    return _inlined(ids, tuple([c * boost for c in counts]), values, minb, maxb)
