"""Facet counts and date ordering in NumPy agree with plain Python counting and sorting."""

import itertools
import random
from collections import Counter

import numpy as np

from archive.search.whoosh.engine import _top
from archive.search.whoosh.facets import (
    DAY_FACET_LIMIT,
    PERSON_FACET_LIMIT,
    FacetIndex,
    FacetPart,
)

NAMES = [f"人{i}" for i in range(60)]


def _data(n, seed):
    rng = random.Random(seed)
    dates = [
        0
        if rng.random() < 0.05
        else rng.choice((2019, 2020, 2021)) * 10000
        + rng.randrange(1, 13) * 100
        + rng.randrange(1, 29)
        for _ in range(n)
    ]
    persons = [tuple(rng.sample(NAMES, rng.randrange(4))) for _ in range(n)]
    return dates, persons


def _reference(dates, persons, docs):
    days = Counter(dates[d] for d in docs if dates[d])
    names = Counter(name for d in docs for name in persons[d])
    years, months = Counter(), Counter()
    for key, n in days.items():
        years[f"{key // 10000:04d}"] += n
        months[f"{key // 10000:04d}-{key // 100 % 100:02d}"] += n
    day_list = [
        (f"{k // 10000:04d}-{k // 100 % 100:02d}-{k % 100:02d}", n) for k, n in sorted(days.items())
    ]
    top = sorted(names.items(), key=lambda kv: (-kv[1], kv[0]))[:PERSON_FACET_LIMIT]
    return sorted(years.items()), sorted(months.items()), day_list[-DAY_FACET_LIMIT:], top


def _part(dates, persons):
    """A segment's FacetPart from its documents' dates and persons (as engine.py reads them:
    each name with the docnums naming it)."""
    by_name = {}
    for d, names in enumerate(persons):
        for name in names:
            by_name.setdefault(name, []).append(d)
    return FacetPart.build(
        np.array(dates, dtype=np.int32),
        ((name, np.array(docs)) for name, docs in sorted(by_name.items())),
    )


def test_counts_match_python_counting():
    dates, persons = _data(3000, seed=1)
    # Three segments, each with its own days and names, joined as a searcher joins them.
    cuts = (0, 1000, 1001, 3000)
    index = FacetIndex([_part(dates[a:b], persons[a:b]) for a, b in itertools.pairwise(cuts)])
    rng = random.Random(2)
    for size in (0, 1, 17, 900, 3000):
        docs = sorted(rng.sample(range(3000), size))
        got = index.count(np.array(docs, dtype=np.int32))
        assert (got.year, got.month, got.day, got.person) == _reference(dates, persons, docs)


def test_searchers_after_edits_count_persons_of_old_and_new_segments():
    # A searcher, then the next ones after edits: segments come and go, each searcher joins
    # the parts it holds (persons keep their numbers while a segment lives).
    dates, persons = _data(1200, seed=5)
    persons[1100:] = [(f"新人{d % 7}", *p[:1]) for d, p in enumerate(persons[1100:])]
    parts = {
        cut: _part(dates[a:b], persons[a:b])
        for cut, (a, b) in enumerate(((0, 600), (600, 1100), (1100, 1200)))
    }
    spans = {0: range(0, 600), 1: range(600, 1100), 2: range(1100, 1200)}
    for held in ((0, 1), (0, 1, 2), (2,), (1, 2), (0, 1, 2)):
        index = FacetIndex([parts[k] for k in held])
        docnums = [d for k in held for d in spans[k]]  # the searcher's documents, in order
        local = np.arange(len(docnums), dtype=np.int32)
        got = index.count(local)
        want = _reference(dates, persons, docnums)
        assert (got.year, got.month, got.day, got.person) == want, held


def test_top_by_date_matches_a_full_sort_with_ties():
    rng = random.Random(4)
    keys = np.array([rng.randrange(50) for _ in range(6000)], dtype=np.int64)  # many ties
    docs = sorted(rng.sample(range(6000), 5000))
    for reverse in (True, False):
        for some in (docs, docs[:300], docs[:10]):
            want = sorted(some, key=lambda d: (-keys[d] if reverse else keys[d], d))[:25]
            assert _top(np.array(some, dtype=np.int32), keys, 25, reverse=reverse) == want
