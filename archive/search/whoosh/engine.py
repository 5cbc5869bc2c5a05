"""Query execution over one Whoosh index, with a cached searcher and cached facet arrays.

The stock Haystack backend opens a new searcher for every query (~200 ms at 20k documents).
Here one searcher per index directory is kept and replaced only when the index has a new
generation; with it go arrays docnum → date key and docnum → person ids, so facets, date
filters and date sorting are plain counts over the matched docnums. No Django imports.
"""

from __future__ import annotations

import heapq
import math
import os
import threading
from collections import OrderedDict
from dataclasses import dataclass, field

import numpy as np
from whoosh import index as windex
from whoosh.filedb.filestore import FileStorage

from archive.search.errors import IndexNeedsRebuild
from archive.search.fields import CONTENT, PAGE, PERSONS, PUBLISHED, TITLE, TITLE_BOOST
from archive.search.parser import ParsedQuery
from archive.search.whoosh.facets import NO_FACETS, FacetIndex, FacetPart, Facets
from archive.search.whoosh.postings import (
    DOCNUM,
    NO_DOCS,
    Leaves,
    intersect,
    segment_postings,
    subtract,
    union,
)
from archive.search.whoosh.schema import build_schema

# Above this many matches, relevance = title matches first, then newest (no BM25 per doc).
RANK_LIMIT = 1000
BM25_K1, BM25_B = 1.2, 0.75


# The files this code writes: bump on any change to the document, the schema or the codec.
# An index with another version (or none: written before versions) is rebuilt, not read.
FORMAT_VERSION = 3
VERSION_FILE = "newsroom-index-format"


def open_index(path: str, create: bool = True, replace: bool = False):
    """Open the index at path.

    No index there yet: an empty one (create=True) or EmptyIndexError. An index of another
    FORMAT_VERSION, or one that cannot be opened (a class its table of contents names was
    renamed, a torn file): IndexNeedsRebuild, or with replace=True an empty index in its place
    (for rebuilds).
    """
    os.makedirs(path, exist_ok=True)
    storage = FileStorage(path)
    try:
        exists = windex.exists(storage)
        reason = _version_problem(path) if exists else ""
        if exists and not reason:
            return storage.open_index(schema=build_schema())
    except Exception as exc:  # whatever unpickling or reading a foreign index raises
        exists, reason = True, f"无法打开 (cannot open): {type(exc).__name__}: {exc}"
    if exists and not replace:
        raise IndexNeedsRebuild(path, reason)
    if not exists and not create:
        raise windex.EmptyIndexError(f"no index at {path}")
    return empty_index(path)


def _version_problem(path: str) -> str:
    try:
        with open(os.path.join(path, VERSION_FILE)) as fh:
            found = fh.read().strip()
    except OSError:
        return "没有版本标记 (written before index versions)"
    if found != str(FORMAT_VERSION):
        return f"格式版本 {found}，本程序为 {FORMAT_VERSION} (format {found}, this code writes {FORMAT_VERSION})"
    return ""


def empty_index(path: str):
    """Replace whatever index is at path with an empty one of this code's format."""
    os.makedirs(path, exist_ok=True)
    ix = FileStorage(path).create_index(build_schema())
    with open(os.path.join(path, VERSION_FILE), "w") as fh:
        fh.write(str(FORMAT_VERSION))
    return ix


@dataclass
class CoreResult:
    count: int
    docnums: list[int]
    stored: list[dict]
    facets: Facets
    error: str = ""
    ids: list[int] = field(default_factory=list)


@dataclass
class SegmentData:
    """Per-segment arrays; a segment never changes (only its deletions do), so they are
    read once per process and reused by every later searcher holding that segment."""

    dates: np.ndarray
    newest_key: np.ndarray
    oldest_key: np.ndarray
    facets: FacetPart


_segment_cache: dict[str, SegmentData] = {}


def _segment_data(seg, key: str) -> SegmentData:
    found = _segment_cache.get(key)
    if found is None:
        n = seg.doc_count_all()
        persons = []
        if PERSONS in seg.indexed_field_names():
            persons = [(b.decode("utf-8"), ids) for b, ids in segment_postings(seg, PERSONS)]
        dates = np.fromiter(seg.column_reader(PUBLISHED), dtype=np.int32, count=n)
        pages = np.minimum(np.fromiter(seg.column_reader(PAGE), dtype=np.int64, count=n), 999)
        # Sort keys: newest first shows page 1 before page 2 on the same day.
        found = SegmentData(
            dates=dates,
            newest_key=dates * np.int64(1000) + 999 - pages,
            oldest_key=dates * np.int64(1000) + pages,
            facets=FacetPart.build(dates, persons),
        )
        _segment_cache[key] = found
    return found


class View:
    """A searcher plus arrays read once from it (valid until the index changes).

    Sets of documents are sorted arrays of docnums (postings.DOCNUM), so matching, filters
    and facets over half a million documents are NumPy operations, not Python loops.
    """

    def __init__(self, searcher, path: str = ""):
        self.searcher = searcher
        reader = searcher.reader()
        _open_lazy_files(reader)
        self.leaves = Leaves(reader)
        parts = []
        keys = set()
        prefix = f"{path or id(self)}:"
        for seg, *_ in self.leaves.leaves:  # in docnum order
            key = prefix + seg.segment().segment_id()
            parts.append(_segment_data(seg, key))
            keys.add(key)
        # Forget segments of this index that were merged away (and any cached without path).
        for key in [k for k in _segment_cache if k not in keys and k.startswith(prefix)]:
            del _segment_cache[key]
        if not path:
            for key in keys:
                _segment_cache.pop(key, None)
        self.dates = np.concatenate([np.zeros(0, dtype=np.int32), *(p.dates for p in parts)])
        self.newest_key, self.oldest_key = (
            np.concatenate([np.zeros(0, dtype=np.int64), *(getattr(p, k) for p in parts)])
            for k in ("newest_key", "oldest_key")
        )
        self._facet_parts = [p.facets for p in parts]
        dead = self.leaves.dead
        n = len(self.dates)
        self.live = (np.flatnonzero(~dead) if dead is not None else np.arange(n)).astype(DOCNUM)
        self._facet_index: FacetIndex | None = None
        self._all_facets: Facets | None = None
        self._recent = _Recent(RECENT_BYTES)

    def atom_docs(self, atom, field: str = CONTENT) -> np.ndarray:
        found = self._recent.get((atom, field))
        if found is None:
            words = atom.words()
            if len(words) == 1:
                found = self.leaves.term_docs(field, words[0])
            else:
                found = self.leaves.phrase_docs(field, words)
            found.flags.writeable = False  # shared by later queries: never changed in place
            self._recent.put((atom, field), found)
        return found

    def match_docs(self, parsed: ParsedQuery, field: str = CONTENT) -> np.ndarray | None:
        """Documents matching every group (a group: any of its atoms), sorted; None if no
        groups."""
        if not parsed.must:
            return None
        groups = [union([self.atom_docs(a, field) for a in g]) for g in parsed.must]
        groups.sort(key=len)
        found = groups[0]
        for group in groups[1:]:
            found = intersect(found, group)
        return found

    def exclude_docs(self, parsed: ParsedQuery) -> np.ndarray:
        return union([self.atom_docs(a) for a in parsed.must_not])

    def rank(self, parsed: ParsedQuery, docs: np.ndarray, n: int) -> list[int]:
        """Top n of docs by BM25F over the query's strings (title weighted), newest on ties,
        then the lower docnum.

        Term frequencies are phrase occurrences read from the postings of these documents
        only, so ranking costs little more than the match itself.
        """
        atoms = list(dict.fromkeys(a for g in parsed.must for a in g))
        total = max(1, len(self.live))
        reader = self.searcher.reader()
        order = docs.tolist()  # ascending: heapq keeps the first of equal keys
        scores = dict.fromkeys(order, 0.0)
        for atom in atoms:
            df = len(self.atom_docs(atom, CONTENT)) or 1
            idf = math.log(1 + (total - df + 0.5) / (df + 0.5))
            for fname, boost in ((CONTENT, 1.0), (TITLE, TITLE_BOOST)):
                avg = max(1.0, reader.field_length(fname) / total)
                for d, tf in self.leaves.phrase_counts(fname, atom.words(), docs).items():
                    dl = reader.doc_field_length(d, fname, 1)
                    norm = tf + BM25_K1 * (1 - BM25_B + BM25_B * dl / avg)
                    scores[d] += boost * idf * tf * (BM25_K1 + 1) / norm
        keys = self.newest_key
        return heapq.nlargest(n, order, key=lambda d: (scores[d], keys[d]))

    def facets(self, docs: np.ndarray, is_all: bool = False, persons: bool = True) -> Facets:
        if self._facet_index is None:
            self._facet_index = FacetIndex(self._facet_parts)
        if not is_all:
            return self._facet_index.count(docs, persons=persons)
        if self._all_facets is None:
            self._all_facets = self._facet_index.count(self.live)
        return self._all_facets


# The documents of recent search strings, per searcher: the same words recur (a real query
# log is mostly its commonest queries), and matching a common one is the slowest part of a
# search (发展, in half of 400,000 articles: 25 ms). Matching and ranking share them too.
RECENT_BYTES = 64 * 2**20


class _Recent:
    """(atom, field) → its sorted docnums; beyond RECENT_BYTES the least recently used go.
    Only read and written under SearchCore's run lock."""

    def __init__(self, limit: int):
        self.limit, self.size = limit, 0
        self.items: OrderedDict[tuple, np.ndarray] = OrderedDict()

    def get(self, key: tuple) -> np.ndarray | None:
        found = self.items.get(key)
        if found is not None:
            self.items.move_to_end(key)
        return found

    def put(self, key: tuple, docs: np.ndarray) -> None:
        if docs.nbytes > self.limit:
            return
        self.items[key] = docs
        self.size += docs.nbytes
        while self.size > self.limit:
            _, dropped = self.items.popitem(last=False)
            self.size -= dropped.nbytes


# Whoosh opens a segment's stored fields and field lengths at their first read.
STORED_COLUMN = "_stored"


class SegmentsGone(OSError):
    """A segment of this searcher was merged away (its files deleted) before it was read."""


def _open_lazy_files(reader) -> None:
    """Open now every file a query would open later.

    A writer in another process deletes the files of the segments it merges away; a file
    already open stays readable (POSIX), one opened after that is missing.
    """
    for seg, _ in reader.leaf_readers():
        if not seg.doc_count_all():
            continue
        if not seg._perdoc.has_column(STORED_COLUMN):  # checks the file, not the schema
            raise SegmentsGone(f"segment {seg.segment().segment_id()} has no stored fields")
        seg.stored_fields(0)
        for name in (CONTENT, TITLE):
            seg.doc_field_length(0, name)


# A view built while a writer swaps segments is built again from the newer generation.
VIEW_ATTEMPTS = 5


class SearchCore:
    """Runs parsed queries against one index directory; shared by all threads of a process."""

    def __init__(self, path: str):
        self.path = path
        self.index = open_index(path)
        self._view: View | None = None
        self._lock = threading.Lock()
        # Whoosh readers seek in shared files: one query at a time per process (the GIL
        # would serialise the Python work anyway).
        self._run_lock = threading.RLock()

    def view(self) -> View:
        with self._lock:
            view = self._view
            if view is None or not view.searcher.up_to_date():
                # A new searcher, not refresh(): refresh() closes readers that a query in
                # another thread may still be using; the old one is closed when unreferenced.
                self._view = self._new_view()
            return self._view

    def _new_view(self) -> View:
        attempts_left = VIEW_ATTEMPTS
        while True:
            try:
                return self._open_view()
            except (OSError, windex.EmptyIndexError):
                # A commit merged segments away while they were opened, or the index was
                # recreated under us: open the newest generation.
                attempts_left -= 1
                if not attempts_left:
                    raise
                self.index = open_index(self.path)

    def _open_view(self) -> View:
        searcher = self.index.searcher()
        try:
            return View(searcher, self.path)
        except BaseException:
            searcher.close()
            raise

    def run(
        self,
        parsed: ParsedQuery,
        *,
        date_from: int = 0,
        date_to: int = 0,
        person: str = "",
        sort: str = "relevance",
        offset: int = 0,
        limit: int = 20,
        facets: bool = True,
        person_facet: bool = True,
    ) -> CoreResult:
        """facets=False counts none; person_facet=False only the dates (a trend's counts)."""
        with self._run_lock:
            return self._run(
                parsed, date_from, date_to, person, sort, offset, limit, facets, person_facet
            )

    def _run(
        self, parsed, date_from, date_to, person, sort, offset, limit, facets, person_facet
    ) -> CoreResult:
        view = self.view()
        searcher = view.searcher
        matched = view.match_docs(parsed, CONTENT)
        if matched is None and not parsed.empty_input and not parsed.must_not:
            docs = NO_DOCS  # typed something, but nothing searchable in it: parsed.error says so
        elif matched is None:
            docs = view.live
        else:
            docs = matched
        if parsed.must_not:
            docs = subtract(docs, view.exclude_docs(parsed))
        if date_from or date_to:
            lo, hi = date_from or 1, date_to or 99999999
            dates = view.dates[docs]
            docs = docs[(dates >= lo) & (dates <= hi)]
        if person:
            docs = intersect(docs, view.leaves.term_docs(PERSONS, person))
        count = len(docs)
        facet_counts = (
            view.facets(docs, is_all=docs is view.live, persons=person_facet)
            if facets
            else NO_FACETS
        )

        end = offset + limit
        if count == 0 or offset >= count:
            page: list[int] = []
        elif sort == "relevance" and matched is not None and count <= RANK_LIMIT:
            page = view.rank(parsed, docs, end)[offset:end]
        elif sort == "relevance" and matched is not None:
            # Too many matches to score each in Python: title matches first, newest first.
            in_title = view.match_docs(parsed, TITLE)
            first = NO_DOCS if in_title is None else intersect(docs, in_title)
            keys = view.newest_key
            page = _top(first, keys, end, reverse=True)
            if len(page) < end:
                page += _top(subtract(docs, first), keys, end - len(page), reverse=True)
            page = page[offset:end]
        else:
            keys = view.oldest_key if sort == "oldest" else view.newest_key
            page = _top(docs, keys, end, reverse=sort != "oldest")[offset:end]
        stored = [searcher.stored_fields(d) for d in page]
        return CoreResult(
            count=count,
            docnums=page,
            stored=stored,
            facets=facet_counts,
            error=parsed.error,
            ids=[int(s["django_id"]) for s in stored],
        )


def _top(docs: np.ndarray, keys: np.ndarray, n: int, reverse: bool) -> list[int]:
    """The n docs with the largest (or smallest) keys; ties go to the lower docnum."""
    vals = keys[docs]
    if reverse:
        vals = -vals
    if n < len(docs):
        keep = vals <= np.partition(vals, n - 1)[n - 1]  # the n best, and any tied with the last
        docs, vals = docs[keep], vals[keep]
    return docs[np.lexsort((docs, vals))][:n].tolist()


_cores: dict[str, SearchCore] = {}
_cores_lock = threading.Lock()


def get_core(path: str) -> SearchCore:
    path = os.path.abspath(path)
    with _cores_lock:
        core = _cores.get(path)
        if core is None:
            core = _cores[path] = SearchCore(path)
        return core


def forget_core(path: str) -> None:
    """Drop the cached searcher for path (after the index was recreated)."""
    with _cores_lock:
        core = _cores.pop(os.path.abspath(path), None)
    if core is not None and core._view is not None:
        core._view.searcher.close()
