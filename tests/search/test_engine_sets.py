"""The engine's result sets (NumPy arrays of docnums) agree with plain Python over the same
documents: AND / OR / NOT, date and person filters, counts, facets and every ordering, across
segments and deletions."""

import datetime as dt
import random

import numpy as np
import pytest

from archive.search.parser import parse
from archive.search.whoosh import engine
from tests.search.segments import segmented_core

CHARS = "乡村振兴人民政府大湾区"
NAMES = ["张三", "李四", "王五", "赵六"]


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    rng = random.Random(5)
    batches = [
        {
            pk: {
                "title": "".join(rng.choice(CHARS) for _ in range(rng.randrange(2, 6))),
                "body": "".join(rng.choice(CHARS + "，") for _ in range(rng.randrange(5, 120))),
                "published": dt.date(2018 + rng.randrange(4), rng.randrange(1, 13), 1 + pk % 28)
                if rng.random() > 0.1
                else None,
                "persons": rng.sample(NAMES, rng.randrange(3)),
                "page": rng.randrange(1, 5),
            }
            for pk in range(b, b + 200)
        }
        for b in (0, 200, 400)
    ]
    deleted = range(200, 400, 3)  # three segments, deletions in the second
    docs = {pk: d for batch in batches for pk, d in batch.items() if pk not in deleted}
    return segmented_core(str(tmp_path_factory.mktemp("sets")), batches, deleted), docs


def _has(doc, s):
    return s in doc["title"] + "\n" + doc["body"]


def _key(doc, newest):
    day = doc["published"]
    d = int(day.strftime("%Y%m%d")) if day else 0
    page = min(doc["page"], 999)
    return d * 1000 + (999 - page if newest else page)


QUERIES = [
    ("乡村", lambda d: _has(d, "乡村")),
    ("人 -政府", lambda d: _has(d, "人") and not _has(d, "政府")),
    ("湾区|振兴 人", lambda d: (_has(d, "湾区") or _has(d, "振兴")) and _has(d, "人")),
    ("-乡", lambda d: not _has(d, "乡")),
]


@pytest.mark.parametrize("q, match", QUERIES)
def test_sets_filters_and_orderings_match_python(archive, q, match, monkeypatch):
    core, docs = archive
    # Few enough to rank by BM25, and (limit lowered) so many the title-first order is used.
    for rank_limit in (engine.RANK_LIMIT, 3):
        monkeypatch.setattr(engine, "RANK_LIMIT", rank_limit)
        # Bounds that are some articles' dates: the range includes both ends.
        days = sorted(
            int(d["published"].strftime("%Y%m%d")) for d in docs.values() if d["published"]
        )
        bounds = days[len(days) // 4], days[3 * len(days) // 4]
        for date_from, date_to, person in [(0, 0, ""), (*bounds, ""), (0, 0, "李四")]:
            want = {
                pk: d
                for pk, d in docs.items()
                if match(d)
                and (not person or person in d["persons"])
                and (
                    not (date_from or date_to)
                    or (d["published"] and date_from <= int(d["published"].strftime("%Y%m%d")))
                    and int(d["published"].strftime("%Y%m%d")) <= date_to
                )
            }
            kw = {"date_from": date_from, "date_to": date_to, "person": person, "limit": 500}
            for sort, newest in (("newest", True), ("oldest", False)):
                got = core.run(parse(q), sort=sort, **kw)
                assert got.count == len(want)
                # Ties (same day and page) go to the lower docnum: pks ascend with docnums.
                sign = -1 if newest else 1
                assert got.ids == sorted(want, key=lambda pk: (sign * _key(want[pk], newest), pk))
            got = core.run(parse(q), **kw)
            assert sorted(got.ids) == sorted(want)
            if rank_limit == 3 and len(want) > 3 and q != "-乡":
                title = parse(q).must
                in_title = {
                    pk
                    for pk, d in want.items()
                    if all(any(n in d["title"] for a in g for n in a.needles) for g in title)
                }
                order = sorted(want, key=lambda pk: (pk not in in_title, -_key(want[pk], True), pk))
                assert got.ids == order
            years = {}
            for d in want.values():
                if d["published"]:
                    y = f"{d['published'].year:04d}"
                    years[y] = years.get(y, 0) + 1
            assert got.facets.year == sorted(years.items())
            persons = {}
            for d in want.values():
                for name in d["persons"]:
                    persons[name] = persons.get(name, 0) + 1
            assert got.facets.person == sorted(persons.items(), key=lambda kv: (-kv[1], kv[0]))


def test_a_repeated_search_reads_the_postings_once(archive, monkeypatch):
    core, docs = archive
    reads = []
    real = engine.Leaves.phrase_docs

    def counted(self, field, words):
        reads.append((field, tuple(words)))
        return real(self, field, words)

    monkeypatch.setattr(engine.Leaves, "phrase_docs", counted)
    query = parse("人民政府 -大湾区")
    first = core.run(query, limit=1000)
    read_once = len(reads)
    again = core.run(query, limit=1000)
    assert read_once and len(reads) == read_once
    assert again.count == first.count and again.ids == first.ids
    expected = [pk for pk, d in docs.items() if _has(d, "人民政府") and not _has(d, "大湾区")]
    assert sorted(again.ids) == sorted(expected)


def test_recent_matches_keep_to_their_budget_dropping_the_least_recent():
    recent = engine._Recent(limit=3 * 8)
    arrays = {k: np.arange(2, dtype=np.int32) for k in "abcd"}  # 8 bytes each
    for key in "abc":
        recent.put((key,), arrays[key])
    assert recent.get(("a",)) is arrays["a"]  # a is now the most recent
    recent.put(("d",), arrays["d"])
    assert recent.get(("b",)) is None
    assert all(recent.get((k,)) is arrays[k] for k in "acd")
    recent.put(("huge",), np.arange(100, dtype=np.int32))  # more than the budget: not kept
    assert recent.get(("huge",)) is None and recent.get(("a",)) is arrays["a"]
