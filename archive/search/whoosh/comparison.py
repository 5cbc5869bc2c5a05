"""Whoosh set-ups side by side, without Django: the production schema and writer, and the
schema Haystack's stock backend builds with jieba's ChineseAnalyzer (bench/search.py)."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable

from whoosh import fields as wfields
from whoosh.filedb.filestore import FileStorage
from whoosh.qparser import QueryParser

from archive.search.evaluation import Item
from archive.search.fields import make_document
from archive.search.parser import parse
from archive.search.whoosh import parallel
from archive.search.whoosh.engine import SearchCore


def build_exact_index(
    path: str,
    items: Iterable[Item],
    persons: Callable[[Item], list[str]] | None = None,
    workers: int = 1,
) -> float:
    """Index items with the production schema and writer; returns seconds taken."""
    start = time.perf_counter()

    def batches():
        batch = []
        for item in items:
            batch.append(
                make_document(
                    item.pk,
                    title=item.title,
                    body=item.body,
                    published=item.published,
                    persons=persons(item) if persons else (),
                )
            )
            if len(batch) == 500:
                yield batch
                batch = []
        if batch:
            yield batch

    parallel.build(path, batches(), workers=workers)
    return time.perf_counter() - start


def plain_schema() -> wfields.Schema:
    """What Haystack's stock Whoosh backend builds with `analyzer=ChineseAnalyzer()`."""
    from jieba.analyse import ChineseAnalyzer

    return wfields.Schema(
        id=wfields.ID(stored=True, unique=True),
        django_id=wfields.ID(stored=True),
        text=wfields.TEXT(stored=True, analyzer=ChineseAnalyzer(), sortable=True),
    )


def build_plain_index(path: str, items: Iterable[Item]) -> float:
    start = time.perf_counter()
    os.makedirs(path, exist_ok=True)
    ix = FileStorage(path).create_index(plain_schema())
    writer = ix.writer(limitmb=256)
    for item in items:
        writer.add_document(id=f"archive.article.{item.pk}", django_id=str(item.pk), text=item.text)
    writer.commit()
    return time.perf_counter() - start


class ExactSearcher:
    """Query → set of item pks, through parse() and SearchCore like the service."""

    def __init__(self, path: str):
        self.core = SearchCore(path)
        view = self.core.view()
        reader = view.searcher.reader()
        self.pk_of = {d: int(f["django_id"]) for d, f in reader.iter_docs()}

    def ids(self, q: str) -> set[int]:
        docs = self.core.view().match_docs(parse(q))
        return set() if docs is None else {self.pk_of[d] for d in docs.tolist()}


class PlainSearcher:
    """The stock set-up: QueryParser with the jieba analyzer; a new searcher per query."""

    def __init__(self, path: str):
        self.ix = FileStorage(path).open_index()
        self.parser = QueryParser("text", schema=self.ix.schema)
        with self.ix.searcher() as s:
            self.pk_of = {d: int(f["django_id"]) for d, f in s.reader().iter_docs()}

    def ids(self, q: str) -> set[int]:
        with self.ix.searcher() as s:
            return {self.pk_of[d] for d in s.docs_for_query(self.parser.parse(q))}
