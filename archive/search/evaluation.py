"""Exactness check without Django: index a corpus with the real schema, compare with substring search.

Used by `manage.py eval_search` and bench/search.py. Items are {id, date, title, paragraphs}.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import re
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from whoosh import fields as wfields
from whoosh.filedb.filestore import FileStorage
from whoosh.qparser import QueryParser

from archive.search.fields import make_document
from archive.search.parser import parse
from archive.search.text import _CJK, RUN_RE, normalize
from archive.search.whoosh import parallel
from archive.search.whoosh.engine import SearchCore

DEFAULT_CORPUS = "../shared/corpus/xwlb_items.jsonl"


@dataclass
class Item:
    pk: int
    title: str
    body: str
    published: dt.date | None

    @property
    def text(self) -> str:
        return f"{self.title}\n{self.body}"


def load_items(path: str | Path, limit: int | None = None) -> list[Item]:
    items = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            row = json.loads(line)
            day = dt.date.fromisoformat(row["date"]) if row.get("date") else None
            items.append(Item(n, row.get("title", ""), "\n".join(row.get("paragraphs", [])), day))
            if limit and len(items) >= limit:
                break
    return items


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
        return {self.pk_of[d] for d in docs or ()}


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


_EDGE = rf"[^\W_{_CJK}]"


def truth_pattern(needle: str) -> re.Pattern:
    """Substring match, except that a Latin/digit word at either end must be a whole word."""
    pattern = re.escape(needle)
    if re.match(_EDGE, needle):
        pattern = rf"(?<!{_EDGE})" + pattern
    if re.search(_EDGE + "$", needle):
        pattern += rf"(?!{_EDGE})"
    return re.compile(pattern)


@dataclass
class Corpus:
    items: list[Item]
    norm: list[str] = field(default_factory=list)

    def __post_init__(self):
        self.norm = [normalize(i.text) for i in self.items]

    def truth(self, needle: str) -> set[int]:
        needle = normalize(needle)
        pat = truth_pattern(needle)
        plain = pat.pattern == re.escape(needle)
        return {
            item.pk
            for item, text in zip(self.items, self.norm, strict=True)
            if (needle in text if plain else pat.search(text))
        }


def sample_queries(corpus: Corpus, n: int, seed: int = 7) -> list[tuple[str, str]]:
    """(kind, query): substrings of 1–8 characters, jieba words, person names, Latin/digit mixes."""
    import jieba
    import jieba.posseg

    rng = random.Random(seed)
    jieba.setLogLevel(60)
    out: dict[str, str] = {}
    quotas = {"substring": n * 4 // 10, "word": n * 2 // 10, "name": n * 2 // 10}
    quotas["mixed"] = n - sum(quotas.values())
    tries = 0
    while any(quotas.values()) and tries < n * 200:
        tries += 1
        text = rng.choice(corpus.items).text
        runs = [r for r in RUN_RE.findall(text) if r]
        if not runs:
            continue
        run = rng.choice(runs)
        kind = next(k for k in rng.sample(list(quotas), len(quotas)) if quotas[k])
        q = None
        if kind == "substring" and re.fullmatch(rf"[{_CJK}]+", run):
            size = rng.choice([1, 1, 2, 2, 3, 3, 4, 4, 5, 6, 7, 8])
            if len(run) >= size:
                start = rng.randrange(len(run) - size + 1)
                q = run[start : start + size]
        elif kind == "word":
            words = [w for w in jieba.cut(run) if len(w) >= 2 and re.fullmatch(rf"[{_CJK}]+", w)]
            q = rng.choice(words) if words else None
        elif kind == "name":
            names = [p.word for p in jieba.posseg.cut(run) if p.flag == "nr" and len(p.word) >= 2]
            q = rng.choice(names) if names else None
        elif kind == "mixed":
            m = list(
                re.finditer(rf"[^\W_{_CJK}]+[{_CJK}]{{0,2}}|[{_CJK}]{{1,2}}[^\W_{_CJK}]+", run)
            )
            q = rng.choice(m).group() if m else None
        if q and q not in out:
            out[q] = kind
            quotas[kind] -= 1
    return [(kind, q) for q, kind in out.items()]


@dataclass
class Score:
    name: str
    relevant: int = 0
    retrieved: int = 0
    correct: int = 0
    perfect: int = 0
    queries: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, q: str, got: set[int], want: set[int]) -> None:
        self.queries += 1
        self.relevant += len(want)
        self.retrieved += len(got)
        self.correct += len(got & want)
        if got == want:
            self.perfect += 1
        elif len(self.misses) < 8:
            self.misses.append(f"{q} (want {len(want)}, got {len(got)}, right {len(got & want)})")

    @property
    def recall(self) -> float:
        return self.correct / self.relevant if self.relevant else 1.0

    @property
    def precision(self) -> float:
        return self.correct / self.retrieved if self.retrieved else 1.0

    def line(self) -> str:
        return (
            f"{self.name:<24} recall {self.recall:.4f}  precision {self.precision:.4f}  "
            f"exact result sets {self.perfect}/{self.queries}"
        )


def iter_kinds(queries: list[tuple[str, str]]) -> Iterator[str]:
    seen = []
    for kind, _ in queries:
        if kind not in seen:
            seen.append(kind)
            yield kind
