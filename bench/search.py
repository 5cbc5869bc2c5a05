"""Search benchmark: our exact Whoosh set-up vs Haystack's plain ChineseAnalyzer vs SQLite FTS5.

    python -m bench search                       # 19,876 and 100,000 articles
    python -m bench search --sizes 20000 --queries 100
    python -m bench search --rebuild             # rebuild the cached indexes
    NEWSROOM_DATA_DIR=DIR python -m bench search --existing   # an archive made elsewhere

Articles are the CCTV 新闻联播 items (../shared/corpus/xwlb_items.jsonl); larger sizes repeat
them with dates moved back four years per copy and synthetic person names (for facets).
Indexes are cached under var/bench/search/; the build rate is measured when they are built.
Each set-up's queries run in a fresh process, so its memory figure is its own.
Engine = matching + top 20 (ours: Whoosh query objects on the cached searcher; plain: a new
searcher and QueryParser per query, as Haystack's backend does; FTS5: MATCH on a trigram
index, LIKE scan for queries under 3 characters). Service = ours with count, year/month/day
and person facets and 20 snippets.

With --existing nothing is built: the queries run in this process against the database and
index the environment names (NEWSROOM_DATA_DIR, or DATABASE_URL + NEWSROOM_INDEX_DIR), e.g.
an archive kept by `python -m bench importing --keep`: the engine alone, the engine with
facets, search_articles() (+ the articles from the database and their snippets) and
GET /api/search through Django's test client, plain and narrowed to a year.

With --against DIR (another checkout, e.g. `git worktree add /tmp/base HEAD~1`) our set-up is
also timed with DIR's engine on the same cached indexes, the two alternating, and their answers
(ids, counts, facets; sorted, paged, narrowed by date and person; AND/OR/NOT of the queries) must
be identical.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import resource
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from archive.search.whoosh.parallel import default_workers
from bench.common import CORPUS, cache_dir, dir_mb, percentile, rss_split_mb, table

ROOT = Path(__file__).resolve().parent.parent
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰红建国志文斌辉力群策新春"


def parse_args(argv):
    p = argparse.ArgumentParser(prog="python -m bench search", description=__doc__.split("\n")[0])
    p.add_argument("--sizes", default="19876,100000", help="article counts (default 19876,100000)")
    p.add_argument(
        "--plain-sizes",
        default="19876,100000",
        help="sizes for the jieba set-up (slow: ~8 minutes to build 100,000, once)",
    )
    p.add_argument("--others", default="plain,fts5", help="set-ups timed beside ours")
    p.add_argument("--queries", type=int, default=200)
    p.add_argument("--corpus", type=Path, default=CORPUS)
    p.add_argument("--rebuild", action="store_true")
    p.add_argument("--existing", action="store_true", help="time the archive the env names")
    p.add_argument("--target-ms", type=float, default=100.0, help="p95 target with --existing")
    p.add_argument("--report", type=Path, help="with --existing: write the table (Markdown)")
    p.add_argument("--against", type=Path, help="also time this checkout's engine; same answers")
    p.add_argument("--rounds", type=int, default=1, help="probes per set-up (alternating)")
    p.add_argument("--answers", type=Path, help=argparse.SUPPRESS)
    p.add_argument("--probe", nargs=3, metavar=("KIND", "PATH", "QUERIES"), help=argparse.SUPPRESS)
    p.add_argument("--build", nargs=3, metavar=("KIND", "SIZE", "PATH"), help=argparse.SUPPRESS)
    return p.parse_args(argv)


def _code_version() -> str:
    h = hashlib.sha1()
    for name in ("analysis.py", "schema.py", "codec.py"):  # what decides the index files
        h.update((ROOT / "archive" / "search" / "whoosh" / name).read_bytes())
    return h.hexdigest()[:8]


def articles(items, size: int):
    """size articles: the items, then copies dated four years earlier per copy."""
    import datetime as dt

    from archive.search.evaluation import Item

    out = []
    for n in range(size):
        copy, i = divmod(n, len(items))
        item = items[i]
        day = item.published
        if day and copy:
            day = (
                day.replace(year=day.year - 4 * copy)
                if not (day.month == 2 and day.day == 29)
                else dt.date(day.year - 4 * copy, 2, 28)
            )
        out.append(Item(n + 1, item.title, item.body, day))
    return out


def persons_for(item) -> list[str]:
    rng = random.Random(item.pk)
    # Long tail: a few names appear very often, most rarely.
    return [
        SURNAMES[int(rng.paretovariate(1.2)) % len(SURNAMES)]
        + GIVEN[int(rng.paretovariate(1.1) * 3) % len(GIVEN)]
        + GIVEN[rng.randrange(len(GIVEN))]
        for _ in range(rng.randrange(4))
    ]


# --- building (each in its own process, two at a time) -------------------------------------


def build(kind: str, size: int, corpus: str, path: str) -> dict:
    from archive.search import evaluation as ev
    from archive.search.whoosh import comparison as cmp

    docs = articles(ev.load_items(corpus), size)
    start, cpu = time.perf_counter(), _cpu_seconds()
    if kind == "exact":
        cmp.build_exact_index(path, docs, persons=persons_for, workers=default_workers())
    elif kind == "plain":
        cmp.build_plain_index(path, docs)
    else:
        build_fts5(path, docs)
    took, cpu = time.perf_counter() - start, _cpu_seconds() - cpu
    meta = {
        "kind": kind,
        "size": size,
        "workers": default_workers() if kind == "exact" else 1,
        "seconds": took,
        "rate": size / took,
        "cpu_rate": size / cpu,
        "mb": dir_mb(Path(path).parent if kind == "fts5" else path),
    }
    Path(path + ".json").write_text(json.dumps(meta))
    return meta


def _cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the index workers)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def build_fts5(path: str, docs) -> None:
    Path(path).unlink(missing_ok=True)
    db = sqlite3.connect(path)
    db.execute(
        "CREATE VIRTUAL TABLE docs USING fts5(title, body, published UNINDEXED, tokenize='trigram')"
    )
    db.executemany(
        "INSERT INTO docs(rowid, title, body, published) VALUES (?, ?, ?, ?)",
        ((d.pk, d.title, d.body, d.published.isoformat() if d.published else None) for d in docs),
    )
    db.commit()
    db.close()


# --- probing (a fresh process per set-up) -----------------------------------------------


def answers(core, queries: list[str]) -> list:
    """What the engine returns for each query and its variants, to compare two versions."""
    from archive.search.parser import parse

    def call(q, **kw):
        r = core.run(parse(q), limit=20, **kw)
        return [
            r.count,
            r.ids,
            r.error,
            [r.facets.year, r.facets.month, r.facets.day, r.facets.person],
        ]

    out = []
    for q, other in zip(queries, queries[1:] + queries[:1], strict=True):
        first = core.run(parse(q), limit=20)
        years, persons = first.facets.year, first.facets.person
        year = int(years[len(years) // 2][0]) if years else 2000
        out.append(
            [
                q,
                call(q),
                call(q, facets=False),
                call(q, sort="newest"),
                call(q, sort="oldest", offset=20),
                call(q, offset=990),  # across the ranking limit
                call(q, date_from=year * 10000 + 101, date_to=year * 10000 + 1231),
                call(q, date_from=year * 10000 + 701, person_facet=False),
                call(q, person=persons[-1][0] if persons else "王伟"),
                call(f"{q} {other}"),
                call(f"{q}|{other}", sort="oldest"),
                call(f"{q} -{other}"),
                call(f"-{q}"),
            ]
        )
    return out


def probe(kind: str, path: str, queries_file: str, corpus: Path, answers_file: Path | None) -> dict:
    from archive.search.evaluation import load_items

    queries = json.loads(Path(queries_file).read_text())
    # Stand in for the database; not counted.
    texts = [i.body for i in load_items(corpus)] if kind == "exact" else []
    base = rss_split_mb()
    engine, service = [], []
    warmup = queries  # one untimed pass: timings are for a warm process and page cache
    if kind == "exact":
        from archive.search.parser import parse
        from archive.search.snippets import make_snippet
        from archive.search.whoosh.engine import SearchCore

        core = SearchCore(path)
        core.view()
        for q in warmup:
            core.run(parse(q), limit=20)
        for q in queries:  # engine: exact match set + top 20 by relevance
            t = time.perf_counter()
            core.run(parse(q), limit=20, facets=False)
            engine.append(time.perf_counter() - t)
        for q in queries:  # service: + count, facets, 20 snippets
            t = time.perf_counter()
            parsed = parse(q)
            result = core.run(parsed, limit=20)
            for s in result.stored:
                make_snippet(texts[(int(s["django_id"]) - 1) % len(texts)], parsed.needles)
            service.append(time.perf_counter() - t)
        if answers_file:
            answers_file.write_text(json.dumps(answers(core, queries), ensure_ascii=False))
    elif kind == "plain":
        from whoosh.filedb.filestore import FileStorage
        from whoosh.qparser import QueryParser

        ix = FileStorage(path).open_index()
        with ix.searcher() as s:
            for q in warmup:
                s.search(QueryParser("text", schema=ix.schema).parse(q), limit=20)
        for q in queries:
            t = time.perf_counter()
            with ix.searcher() as s:  # Haystack's backend opens a searcher per query
                results = s.search(QueryParser("text", schema=ix.schema).parse(q), limit=20)
                len(results)
            engine.append(time.perf_counter() - t)
    else:
        db = sqlite3.connect(path)
        for q in queries:
            t = time.perf_counter()
            if len(q) >= 3:
                phrase = '"' + q.replace('"', '""') + '"'
                db.execute("SELECT count(*) FROM docs WHERE docs MATCH ?", (phrase,)).fetchone()
                db.execute(
                    "SELECT rowid FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT 20", (phrase,)
                ).fetchall()
            else:  # trigrams cannot answer 1–2 characters: a full scan
                like = f"%{q}%"
                db.execute(
                    "SELECT count(*) FROM docs WHERE title LIKE ? OR body LIKE ?", (like, like)
                ).fetchone()
                db.execute(
                    "SELECT rowid FROM docs WHERE title LIKE ? OR body LIKE ? LIMIT 20",
                    (like, like),
                ).fetchall()
            engine.append(time.perf_counter() - t)
    return {
        "engine": [t * 1000 for t in engine],
        "service": [t * 1000 for t in service],
        "rss_mb": rss_split_mb()[0] - base[0],
        "mapped_mb": rss_split_mb()[1] - base[1],
    }


def existing(args) -> int:
    """Latency on an archive made elsewhere, in this process (see the module docstring)."""
    import os
    from urllib.parse import urlencode

    from bench.common import fmt
    from bench.pages import configure_existing, markdown

    where = configure_existing()
    from django.conf import settings
    from django.test import Client

    from archive.models import Article
    from archive.search import evaluation as ev
    from archive.search.parser import parse
    from archive.search.service import search_articles
    from archive.search.types import SearchQuery
    from newsroom.warm import warm_up

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    count = Article.objects.count()
    print(f"archive: {where}; {count:,} articles", flush=True)
    sample = ev.sample_queries(ev.Corpus(ev.load_items(args.corpus)), args.queries, seed=11)
    queries = [q for _, q in sample]
    base = rss_split_mb()
    start = time.perf_counter()
    warm_up()
    try:  # the engine behind the service, as the service finds it
        from archive.search.service import core
    except ImportError:  # code where the service goes through Haystack's SearchQuerySet
        from archive.search.whoosh.engine import get_core

        def core():
            return get_core(settings.HAYSTACK_CONNECTIONS["default"]["PATH"])

    engine = core()
    engine.view()
    opened = (time.perf_counter() - start) * 1000
    years = sorted(
        {d.year for d in Article.objects.dated().values_list("published", flat=True)[:1]}
    )
    year = years[0] if years else 2020
    client = Client()

    def api(q: str, narrowed: bool = False) -> None:
        params = {"q": q}
        if narrowed:
            params.update(date_from=f"{year}-01-01", date_to=f"{year}-12-31")
        response = client.get("/api/search?" + urlencode(params))
        assert response.status_code == 200, (q, response.status_code)

    kinds = {
        "engine (match + top 20)": lambda q: engine.run(parse(q), limit=20, facets=False),
        "engine + facets": lambda q: engine.run(parse(q), limit=20),
        "search_articles() (+ DB rows, snippets)": lambda q: search_articles(SearchQuery(q=q)),
        "/api/search with facets": api,
        f"/api/search, narrowed to {year}": lambda q: api(q, narrowed=True),
    }
    start = time.perf_counter()
    for q in queries:  # one untimed pass: a warm process and page cache
        kinds["/api/search with facets"](q)
    warm = time.perf_counter() - start
    rows = []
    for name, call in kinds.items():
        times = []
        for q in queries:
            t = time.perf_counter()
            call(q)
            times.append((time.perf_counter() - t) * 1000)
        p95 = percentile(times, 95)
        rows.append(
            [
                name,
                percentile(times, 50),
                p95,
                percentile(times, 100),
                "over" if p95 > args.target_ms else "",
            ]
        )
        print(f"  {name:<42}" + "".join(f"{fmt(c):>10}" for c in rows[-1][1:]), flush=True)
    private, mapped = rss_split_mb()
    memory = (
        f"{private:.0f} MB private ({private - base[0]:+.0f} MB since before the searcher was opened "
        f"and the queries ran), {mapped:.0f} MB of mapped files"
    )
    kinds_count: dict[str, int] = {}
    for kind, _ in sample:
        kinds_count[kind] = kinds_count.get(kind, 0) + 1
    report = "\n\n".join(
        [
            f"Search, {count:,} articles ({where}), {os.cpu_count()} cores, in one process; "
            f"{len(queries)} queries from the corpus ("
            + ", ".join(f"{k} {n}" for k, n in kinds_count.items())
            + f"), after one untimed pass ({warm:.0f} s; opening the searcher {opened:.0f} ms); "
            f"target p95 ≤ {args.target_ms:.0f} ms",
            markdown(["path", "p50 ms", "p95 ms", "max ms", "target"], rows),
            f"Memory of this process: {memory}.",
        ]
    )
    print("\n" + report)
    if args.report:
        args.report.write_text(report + "\n", encoding="utf-8")
        print(f"written to {args.report}")
    return 0


def run(argv=None) -> int:
    args = parse_args(argv or [])
    if args.existing:
        return existing(args)
    if args.probe:
        print(json.dumps(probe(*args.probe, corpus=args.corpus, answers_file=args.answers)))
        return 0
    if args.build:
        kind, size, path = args.build
        print(json.dumps(build(kind, int(size), str(args.corpus), path)))
        return 0
    from archive.search import evaluation as ev

    sizes = [int(s) for s in args.sizes.split(",") if s]
    plain_sizes = {int(s) for s in args.plain_sizes.split(",") if s}
    version = _code_version()
    root = cache_dir("search")
    items = ev.load_items(args.corpus)
    sample = ev.sample_queries(ev.Corpus(items), args.queries, seed=11)
    queries_file = root / f"queries-{args.queries}.json"
    queries_file.write_text(json.dumps([q for _, q in sample], ensure_ascii=False))
    # The stock set-up opens a searcher per query (~1 s each at 100,000 articles): it gets an
    # evenly spread subset there, enough for its percentiles.
    few_file = root / f"queries-{args.queries}-every4th.json"
    few_file.write_text(json.dumps([q for _, q in sample][::4], ensure_ascii=False))

    def path_for(kind, size):
        name = {
            "exact": f"exact-{size}-{version}",
            "plain": f"plain-{size}",
            "fts5": f"fts5-{size}/docs.sqlite3",
        }[kind]
        p = root / name
        if kind == "fts5":
            p.parent.mkdir(exist_ok=True)
        return str(p)

    kinds = ["exact"] + [k for k in ("plain", "fts5") if k in args.others.split(",")]
    jobs = [(k, s) for s in sizes for k in kinds if k != "plain" or s in plain_sizes]
    metas = {}
    todo = []
    for kind, size in jobs:
        meta_file = Path(path_for(kind, size) + ".json")
        if meta_file.exists() and not args.rebuild:
            metas[kind, size] = json.loads(meta_file.read_text())
        else:
            todo.append((kind, size))
    # Indexes written by older code are of no further use (each is hundreds of MB).
    for old in root.glob("exact-*"):
        if not old.name.removesuffix(".json").endswith(f"-{version}"):
            shutil.rmtree(old) if old.is_dir() else old.unlink()
    if todo:
        print(f"building {len(todo)} indexes (cached under {root}) …", flush=True)
        # One at a time, each in a fresh process: ours uses every core (one worker each).
        for k, size in todo:
            out = subprocess.run(
                [sys.executable, "-m", "bench.search", "--corpus", str(args.corpus)]
                + ["--build", k, str(size), path_for(k, size)],
                capture_output=True,
                text=True,
                cwd=ROOT,
                check=True,
            )
            m = metas[k, size] = json.loads(out.stdout.strip().splitlines()[-1])
            print(f"  built {k} {size}: {m['rate']:.0f} articles/s", flush=True)

    # (label, kind, checkout whose engine runs): with --against, ours twice, on the same index.
    setups = [(kind, kind, ROOT) for kind in kinds]
    if args.against:
        setups.insert(1, (f"exact @{args.against.name}", "exact", args.against.resolve()))

    def probe_in(kind, code, size, answers_file):
        queries = few_file if kind == "plain" and size > 50_000 else queries_file
        argv = ["--probe", kind, path_for(kind, size), str(queries)]
        argv += ["--corpus", str(args.corpus.resolve())]
        if kind == "exact" and args.against:
            argv += ["--answers", str(answers_file)]
        # The bench script of this checkout with the engine of `code` (first on sys.path).
        script = f"import runpy, sys; sys.argv = {[__file__, *argv]!r}; " + (
            f"runpy.run_path({__file__!r}, run_name='__main__')"
        )
        out = subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            cwd=code,
            env={**os.environ, "PYTHONPATH": str(code)},
            check=True,
        )
        return json.loads(out.stdout.strip().splitlines()[-1])

    rows = []
    for size in sizes:
        present = [s for s in setups if (s[1], size) in metas]
        results: dict[str, dict] = {}
        for round_ in range(args.rounds):
            # Alternate the order, so neither set-up always runs first on a busy machine.
            for label, kind, code in present if round_ % 2 == 0 else present[::-1]:
                answers_file = root / f"answers-{size}-{present.index((label, kind, code))}.json"
                r = probe_in(kind, code, size, answers_file)
                got = results.setdefault(label, {k: [] for k in r} | {"answers": answers_file})
                for k, v in r.items():
                    got[k] = got[k] + v if isinstance(v, list) else v
        if args.against:
            ours, theirs = (
                json.loads(results[label]["answers"].read_text()) for label, *_ in setups[:2]
            )
            differ = [a[0] for a, b in zip(ours, theirs, strict=True) if a != b]
            print(
                f"answers at {size:,}: "
                + (f"{len(differ)} queries differ: {differ[:10]}" if differ else "identical")
                + f" ({len(ours)} queries × {len(ours[0]) - 1} variants)",
                flush=True,
            )
        ms = lambda xs, p: percentile(xs, p) if xs else None  # noqa: E731
        ours = results["exact"]
        for label, r in results.items():
            kind = next(k for lab, k, _ in setups if lab == label)
            m = metas[kind, size]
            p95 = ms(r["engine"], 95)
            rows.append(
                [
                    f"{label} {size:,}",
                    m["rate"],
                    m.get("cpu_rate"),
                    m["mb"],
                    ms(r["engine"], 50),
                    p95,
                    ms(r["engine"], 100),
                    ms(r["service"], 50),
                    ms(r["service"], 95),
                    ms(r["service"], 100),
                    r["rss_mb"],
                    r["mapped_mb"],
                    m["rate"] / metas["exact", size]["rate"],
                    p95 / ms(ours["engine"], 95),
                ]
            )
    print(
        f"\n{len(sample)} queries from the corpus (1–8 characters, words, names, Latin/digit mixes)"
    )
    print(
        table(
            [
                "set-up",
                "index art/s",
                "art/CPU-s",
                "index MB",
                "engine p50 ms",
                "engine p95 ms",
                "engine max ms",
                "service p50 ms",
                "service p95 ms",
                "service max ms",
                "RSS private MB",
                "RSS mapped MB",
                "art/s vs ours",
                "p95 vs ours",
            ],
            rows,
        )
    )
    print(
        "targets: index ≥ 1,000 art/s; engine p95 ≤ 20 ms @20k, ≤ 50 ms @100k; service p95 ≤ 50 ms @100k"
    )
    return 0


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
