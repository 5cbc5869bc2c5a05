"""Exactness check: what search returns for a string against the articles that contain it.

The acceptance test for any search backend: recall and precision must be 1.0. Used by
`manage.py eval_search` (any Haystack connection, on the archive's articles) and
bench/search.py (corpus files, {id, date, title, paragraphs} a line).
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from archive.reading.drafts import full_text
from archive.search.text import CJK_CLASS, RUN_RE, normalize

DEFAULT_CORPUS = "../shared/corpus/xwlb_items.jsonl"


@dataclass
class Item:
    pk: int
    title: str
    body: str
    published: dt.date | None
    kicker: str = ""
    deck: str = ""
    captions: str = ""
    ocr_body: str = ""

    @property
    def text(self) -> str:
        """What the index holds as the article's text."""
        lines, extra = (
            self.body.split("\n"),
            [*self.captions.split("\n"), *self.ocr_body.split("\n")],
        )
        return full_text(self.kicker, self.title, self.deck, lines, extra)


def archive_items(limit: int | None = None) -> list[Item]:
    """The archive's published articles (the first ``limit`` by id), as the index sees them."""
    from archive.models import Article

    rows = Article.objects.visible().order_by("id")
    fields = ("id", "title", "body", "published", "kicker", "deck", "captions", "ocr_body")
    return [Item(*row) for row in rows.values_list(*fields)[:limit]]


def search_ids(using: str, q: str) -> set[int]:
    """Every article id SearchQuerySet(using=...).filter(content=q) returns."""
    from haystack.query import SearchQuerySet

    sqs = SearchQuerySet(using=using).filter(content=q)
    return {int(r.pk) for r in sqs[: sqs.count()]}


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


_EDGE = rf"[^\W_{CJK_CLASS}]"


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
        if kind == "substring" and re.fullmatch(rf"[{CJK_CLASS}]+", run):
            size = rng.choice([1, 1, 2, 2, 3, 3, 4, 4, 5, 6, 7, 8])
            if len(run) >= size:
                start = rng.randrange(len(run) - size + 1)
                q = run[start : start + size]
        elif kind == "word":
            words = [
                w for w in jieba.cut(run) if len(w) >= 2 and re.fullmatch(rf"[{CJK_CLASS}]+", w)
            ]
            q = rng.choice(words) if words else None
        elif kind == "name":
            names = [p.word for p in jieba.posseg.cut(run) if p.flag == "nr" and len(p.word) >= 2]
            q = rng.choice(names) if names else None
        elif kind == "mixed":
            m = list(
                re.finditer(
                    rf"[^\W_{CJK_CLASS}]+[{CJK_CLASS}]{{0,2}}|[{CJK_CLASS}]{{1,2}}[^\W_{CJK_CLASS}]+",
                    run,
                )
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
