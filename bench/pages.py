"""Render time of every public page on a large archive, with Django's test client.

    python -m bench.pages                     # 100,000 articles (built once, then reused)
    python -m bench.pages --articles 20000 --requests 20
    python -m bench.pages --no-index          # skip building the search index
    NEWSROOM_DATA_DIR=DIR python -m bench pages --existing   # an archive made elsewhere

With --existing nothing is built: the database and index are the ones the environment names
(NEWSROOM_DATA_DIR, or DATABASE_URL + NEWSROOM_INDEX_DIR), e.g. an archive kept by
`python -m bench importing --keep`. Then also measured: the first requests after an edit (an
article saved through the ORM, its index update applied after commit as in the web process),
and with --gunicorn the same pages over HTTP from one gunicorn worker on loopback, and that
worker's memory afterwards.

The database (and its search index) live under var/bench/ and are reused while the size and
the corpus are unchanged. Articles are the CCTV 新闻联播 items of ../shared/corpus/, repeated with
their dates moved back four years per copy; people are the person names of the MSRA NER test
set, named in articles with a long-tailed frequency (a few in very many, most in few) and a
title next to each name; events join articles of a day with a chair and attendees.
Reports p50/p95/max milliseconds and the queries of one request, per page; target p95 ≤ 50 ms;
then each page once right after a change of counts (cold: this process computes what it
needs), once more as another worker would meet it (next: what the first shared is loaded), and
once after another change that a worker's background thread warmed first (warmed: what a
reader meets once the writer thread has applied the edit; the warm's own time is printed).

Building the database takes about a minute and its Whoosh index of 100,000 articles about
another (two writer processes); both are reused by later runs. With --no-index and no index
built yet, the search pages are timed against an empty one and marked so.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

from bench.common import memory_mb, rss_split_mb

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
ROLES = [
    "市委书记",
    "市长",
    "副市长",
    "市委副书记",
    "常务副市长",
    "区委书记",
    "县长",
    "局长",
    "主任",
    "院士",
]
PLACES = ["市委常委会议室", "市政府常务会议室", "衡阳会展中心", "雁峰区", "珠晖区", "衡南县", ""]
PARTS = ["主持", "出席", "讲话", "参加"]


def parse_args(argv):
    p = argparse.ArgumentParser(prog="python -m bench.pages", description=__doc__.split("\n")[0])
    p.add_argument("--articles", type=int, default=100_000, help="archive size (default 100000)")
    p.add_argument("--requests", type=int, default=30, help="timed requests per page")
    p.add_argument("--rebuild", action="store_true", help="build the database again")
    p.add_argument(
        "--no-index", dest="index", action="store_false", help="do not build the search index"
    )
    p.add_argument("--corpus", type=Path, default=CORPUS, help="folder with xwlb_items.jsonl")
    p.add_argument("--only", default="", help="comma-separated page names to measure")
    p.add_argument("--target-ms", type=float, default=50.0)
    p.add_argument(
        "--existing",
        action="store_true",
        help="time the archive named by NEWSROOM_DATA_DIR or DATABASE_URL + NEWSROOM_INDEX_DIR",
    )
    p.add_argument(
        "--gunicorn", action="store_true", help="with --existing: also over HTTP, one worker"
    )
    p.add_argument("--report", type=Path, help="also write the tables (Markdown) to this file")
    return p.parse_args(argv)


def configure_existing() -> str:
    """Django on the database and index the environment names; returns a description."""
    if not (os.environ.get("NEWSROOM_DATA_DIR") or os.environ.get("DATABASE_URL")):
        raise SystemExit(
            "--existing needs NEWSROOM_DATA_DIR or DATABASE_URL (+ NEWSROOM_INDEX_DIR)"
        )
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench")
    import django

    django.setup()
    from django.conf import settings

    db = settings.DATABASES["default"]
    where = db["NAME"] if "sqlite" in db["ENGINE"] else f"PostgreSQL {db['NAME']}"
    return f"{where}, index {settings.HAYSTACK_CONNECTIONS['default']['PATH']}"


def configure(db_path: Path, index_dir: Path) -> None:
    """Point Django at the bench database and index, before or after setup."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench")
    os.environ["NEWSROOM_INDEX_SYNC"] = "0"  # bulk rows are indexed once, at the end
    import django
    from django.apps import apps

    if not apps.ready:
        os.environ["DATABASE_URL"] = f"sqlite:///{db_path}"
        os.environ["NEWSROOM_INDEX_DIR"] = str(index_dir)
        django.setup()
    from django.conf import settings
    from django.db import connections

    connections["default"].close()
    settings.DATABASES["default"].update(
        {"ENGINE": "django.db.backends.sqlite3", "NAME": str(db_path)}
    )
    connections["default"].settings_dict.update(settings.DATABASES["default"])
    settings.HAYSTACK_CONNECTIONS["default"]["PATH"] = str(index_dir)
    settings.NEWSROOM_INDEX_SYNC = False
    import haystack

    haystack.connections.reload("default")  # another benchmark may have opened its own index


# --- building the archive ----------------------------------------------------------------


def load_items(corpus: Path) -> list[dict]:
    with open(corpus / "xwlb_items.jsonl", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def load_names(corpus: Path) -> list[str]:
    names: dict[str, None] = {}
    path = corpus / "ner" / "msra_test.jsonl"
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            for ent in json.loads(line)["entity_list"]:
                name = ent["entity"]
                if ent["entity_type"] == "PER" and 2 <= len(name) <= 4 and "·" not in name:
                    names[name] = None
    return list(names)


def shifted(day: str, years_back: int):
    import datetime as dt

    d = dt.date.fromisoformat(day)
    try:
        return d.replace(year=d.year - years_back)
    except ValueError:  # 29 February
        return d.replace(year=d.year - years_back, day=28)


def build(size: int, corpus: Path) -> None:
    from django.core.management import call_command
    from django.db import transaction
    from pypinyin import Style, lazy_pinyin

    from archive.models import (
        Article,
        Event,
        EventParticipant,
        Mention,
        Person,
        SourcePage,
    )

    call_command("migrate", verbosity=0, interactive=False)
    rng = random.Random(20210417)
    items = load_items(corpus)
    names = load_names(corpus)
    reporters, names = names[:40], names[40:]
    t0 = time.perf_counter()
    with transaction.atomic():
        people = Person.objects.bulk_create(
            Person(
                name=n,
                pinyin="".join(lazy_pinyin(n)),
                pinyin_initials="".join(lazy_pinyin(n, style=Style.FIRST_LETTER)),
            )
            for n in names + reporters
        )
        text_people, byline_people = people[: len(names)], people[len(names) :]
        # Long tail: the k-th person is named about 1/k as often as the first.
        weights = [1 / (k + 1) for k in range(len(text_people))]
        main_role = {p.id: ROLES[i % len(ROLES)] for i, p in enumerate(text_people)}

        pages: dict[tuple, SourcePage] = {}
        articles: list[Article] = []
        for i in range(size):
            item = items[i % len(items)]
            copy = i // len(items)
            day = shifted(item["date"], 4 * copy)
            page = (item["item"] - 1) // 4 + 1
            key = (day, page)
            if key not in pages:
                pages[key] = SourcePage(
                    file_name=f"{day:%Y%m%d}_{page:02d}.txt",
                    checksum=hashlib.sha256(f"{key}".encode()).hexdigest(),
                    encoding="utf-8",
                    text="",
                    page_number=page,
                    issue_date=day,
                    date_status="given",
                )
            pages[key].text += item["title"] + "\n\n" + "\n".join(item["paragraphs"]) + "\n\n"
            articles.append(
                Article(
                    title=item["title"][:300],
                    body="\n".join(item["paragraphs"]),
                    published=day,
                    date_status="given",
                    page=page,
                    position=item["item"],
                    source=pages[key].file_name,
                    fingerprint=hashlib.sha256(f"{item['id']}#{copy}".encode()).hexdigest(),
                )
            )
        SourcePage.objects.bulk_create(pages.values(), batch_size=2000)
        for a in articles:
            a.source_page = pages[(a.published, a.page)]
        Article.objects.bulk_create(articles, batch_size=2000)
        print(f"  {len(articles)} articles, {len(pages)} pages ({time.perf_counter() - t0:.0f} s)")

        mentions, events, parts, links = [], [], [], []
        by_day: dict = {}
        for a in articles:
            by_day.setdefault(a.published, []).append(a)
            named = set()
            while len(named) < rng.randint(1, 5):
                named.add(rng.choices(text_people, weights)[0])
            for p in named:
                role = main_role[p.id] if rng.random() < 0.9 else rng.choice(ROLES)
                mentions.append(Mention(article=a, person=p, kind="text", role=role))
            a._named = list(named)
            mentions.append(
                Mention(
                    article=a, person=rng.choice(byline_people), kind="reporter", role="本报记者"
                )
            )
        Mention.objects.bulk_create(mentions, batch_size=5000)
        print(f"  {len(mentions)} mentions ({time.perf_counter() - t0:.0f} s)")

        import datetime as dt

        for day, todays in by_day.items():
            for a in todays[:: max(1, len(todays) // 3)]:  # about three events a day
                events.append(
                    Event(
                        title=a.title[:60],
                        kind=rng.choice(["会议", "调研", "签约", "座谈"]),
                        date=day - dt.timedelta(days=rng.choice([0, 1])),
                        time_of_day=rng.choice(["上午", "下午"]),
                        place=rng.choice(PLACES),
                    )
                )
                events[-1]._articles = [a]
                events[-1]._people = a._named
        Event.objects.bulk_create(events, batch_size=5000)
        for e in events:
            for a in e._articles:
                links.append(Event.articles.through(event_id=e.id, article_id=a.id))
            for j, p in enumerate(e._people):
                parts.append(EventParticipant(event=e, person=p, part=PARTS[min(j, 3)]))
        Event.articles.through.objects.bulk_create(links, batch_size=5000)
        EventParticipant.objects.bulk_create(parts, batch_size=5000)
        print(f"  {len(events)} events ({time.perf_counter() - t0:.0f} s)")
    from archive.models import PendingIndexUpdate

    PendingIndexUpdate.objects.all().delete()
    from django.db import connection

    with connection.cursor() as c:
        c.execute("ANALYZE")


# --- measuring ---------------------------------------------------------------------------


def targets(rng: random.Random, n: int) -> dict[str, list[str]]:
    """Page name → the URLs to time (several objects per detail page, drawn at random)."""
    from django.db.models import Count

    from archive.models import Article, Event, Mention, Person, SourcePage

    def sample(qs, k=n):
        ids = list(qs.values_list("id", flat=True))
        return rng.sample(ids, min(k, len(ids)))

    days = list(Article.objects.dated().values_list("published", flat=True).distinct())
    days = rng.sample(days, min(n, len(days)))
    years = sorted({d.year for d in days})
    top = (
        Mention.objects.filter(kind="text")
        .values("person_id")
        .annotate(n=Count("id"))
        .order_by("-n")
        .values_list("person_id", flat=True)[:5]
    )
    top = list(top)
    word = "发展"
    person = Person.objects.get(pk=top[0]).name if top else ""
    mid = days[0]
    found = {
        "home": ["/"],
        "year": [f"/{y}/" for y in years],
        "month": [f"/{d:%Y/%m}/" for d in days],
        "day": [f"/{d:%Y/%m/%d}/" for d in days],
        "article_list": ["/articles/", "/articles/?page=50"],
        "article_list_day": [f"/articles/?year={d.year}&month={d.month}&day={d.day}" for d in days],
        "article": [f"/articles/{i}/" for i in sample(Article.objects.all())],
        "person_list": ["/people/", "/people/?order=name&page=3"],
        "person_search": ["/people/?q=wang", "/people/?q=李", "/people/?q=zq"],
        "person_top": [f"/people/{i}/" for i in top],
        "person": [f"/people/{i}/" for i in sample(Person.objects.all())],
        "event_list": ["/events/", "/events/?page=20"],
        "event": [f"/events/{i}/" for i in sample(Event.objects.all())],
        "source": [f"/sources/{i}/" for i in sample(SourcePage.objects.all())],
        "search": [f"/search/?q={word}", "/search/?q=经济&sort=newest", "/search/?q=乡村振兴"],
        "search_facet": [
            f"/search/?q={word}&date_from={mid.year}-01-01&date_to={mid.year}-12-31",
            *([f"/search/?q={word}&person={person}"] if person else []),
        ],
        "search_empty": ["/search/", "/search/?q=没有这个词语吧"],
        "api_search": [
            f"/api/search?q={word}",
            "/api/search?q=乡村振兴&sort=newest",
            f"/api/search?q={word}&date_from={mid.year}-01-01&date_to={mid.year}-12-31",
        ],
        # An exact search with year or month facets per term. The search pages above chart
        # their own query from their search's facets; search_trend adds three more terms.
        "api_trend": [
            f"/api/trend?q={word}",
            "/api/trend?q=脱贫攻坚&q=乡村振兴&q=高质量发展",
            f"/api/trend?q={word}&by=month&date_from={mid.year - 4}-01-01&date_to={mid.year}-12-31",
        ],
        "search_trend": ["/search/?q=脱贫攻坚&vs=乡村振兴&vs=高质量发展&vs=发展"],
        "feed_latest": ["/feeds/latest/"],
        "feed_person": [f"/people/{i}/feed/" for i in top],
        "feed_search": [f"/search/feed/?q={word}"],
        "sitemap": ["/sitemap.xml"],
        "sitemap_articles": ["/sitemap-articles.xml"],
        "robots_opensearch": ["/robots.txt", "/opensearch.xml"],
    }
    return {name: urls for name, urls in found.items() if urls}  # e.g. no source pages


def measure(urls: list[str], requests: int) -> tuple[list[float], int]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    for url in urls[:2]:  # warm caches (templates, the search searcher)
        assert client.get(url).status_code == 200, url
    with CaptureQueriesContext(connection) as ctx:
        client.get(urls[0])
    queries = len(ctx.captured_queries)  # now: the next request clears the log
    times = []
    for i in range(requests):
        url = urls[i % len(urls)]
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
    return times, queries


def measure_cold(url: str) -> tuple[float, float, float, float]:
    """Milliseconds of one request after the cached figures were dropped (this process's
    and the shared ones), as after an edit that changes a count (a date, a hidden article, a
    person; a corrected title or text drops nothing), and of the same request in another
    worker after it (which loads what the first computed and shared); then, after another
    such change, of the background warm a worker runs once it applied the edit's index update
    (newsroom.gunicorn_conf.warm_once) and of the request in a worker after that warm."""
    from django.test import Client

    from archive.selectors.counts import forget_counts, forget_in_this_process
    from newsroom.gunicorn_conf import warm_once

    client = Client()
    times = []
    forget_counts()
    for step in (lambda: client.get(url), forget_in_this_process, lambda: client.get(url)):
        start = time.perf_counter()
        step()
        times.append((time.perf_counter() - start) * 1000)
    first, following = times[0], times[2]
    forget_counts()
    start = time.perf_counter()
    warm_once()
    warm = (time.perf_counter() - start) * 1000
    forget_in_this_process()
    start = time.perf_counter()
    client.get(url)
    return first, following, warm, (time.perf_counter() - start) * 1000


def p95(times: list[float]) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def prepare(args) -> tuple[bool, str]:
    """The bench's own archive, built (and indexed) when missing: (indexed, description)."""
    bench_dir = ROOT / "var" / "bench"
    bench_dir.mkdir(parents=True, exist_ok=True)
    db_path = bench_dir / f"pages-{args.articles}.sqlite3"
    index_dir = bench_dir / f"pages-{args.articles}-index"
    marker = bench_dir / f"pages-{args.articles}.json"
    corpus_file = args.corpus / "xwlb_items.jsonl"
    if not corpus_file.exists():
        raise SystemExit(f"corpus not found: {corpus_file}")
    stamp = {"articles": args.articles, "corpus_bytes": corpus_file.stat().st_size, "v": 1}
    fresh = args.rebuild or not db_path.exists() or not marker.exists()
    if not fresh:
        fresh = {k: v for k, v in json.loads(marker.read_text()).items() if k != "indexed"} != stamp
    if fresh:
        for old in (db_path, marker):
            old.unlink(missing_ok=True)
        for suffix in ("-wal", "-shm"):
            Path(str(db_path) + suffix).unlink(missing_ok=True)
    configure(db_path, index_dir)
    from django.core.management import call_command

    if fresh:
        print(f"building {db_path.relative_to(ROOT)} …")
        build(args.articles, args.corpus)
        marker.write_text(json.dumps(stamp))
    state = json.loads(marker.read_text())
    indexed = bool(state.get("indexed"))
    if args.index and not indexed:
        print("building the search index …")
        start = time.perf_counter()
        call_command("build_index", verbosity=0)
        print(f"  indexed in {time.perf_counter() - start:.0f} s")
        marker.write_text(json.dumps({**stamp, "indexed": True}))
        indexed = True
    return indexed, f"{db_path}, index {index_dir}"


def after_edit(article_url: str) -> list[list]:
    """Save an article through the ORM (as an editor does), then time the first requests.

    With NEWSROOM_INDEX_SYNC (the default) the save applies its index update right after the
    commit, in this process; the next search reopens the changed index.
    """
    from django.db import transaction
    from django.test import Client

    from archive.models import Article

    client = Client()
    pk = int(article_url.strip("/").split("/")[-1])
    word = "发展"
    urls = [
        ("search page", f"/search/?q={word}"),
        ("/api/search", f"/api/search?q={word}"),
        ("article page", article_url),
        ("home", "/"),
    ]
    for _, url in urls:  # warm
        client.get(url)
    rows = []
    for round_ in (1, 2):
        article = Article.objects.get(pk=pk)
        start = time.perf_counter()
        with transaction.atomic():
            article.save()
        saved = (time.perf_counter() - start) * 1000
        rows.append([f"edit {round_}: save (commit + index update)", saved, None])
        for label, url in urls:
            start = time.perf_counter()
            first = client.get(url)
            first_ms = (time.perf_counter() - start) * 1000
            start = time.perf_counter()
            client.get(url)
            second_ms = (time.perf_counter() - start) * 1000
            assert first.status_code == 200, url
            rows.append([f"edit {round_}: {label}", first_ms, second_ms])
    return rows


def over_gunicorn(pages: dict[str, list[str]], requests: int, port: int = 8765):
    """The pages over HTTP from one gunicorn worker on loopback: rows and the worker's memory."""
    import subprocess
    import urllib.request

    env = dict(os.environ)
    env.setdefault("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")
    cmd = [
        sys.executable,
        "-m",
        "gunicorn",
        "newsroom.wsgi",
        "-b",
        f"127.0.0.1:{port}",
        "-w",
        "1",
        "--timeout",
        "120",
    ]
    proc = subprocess.Popen(
        cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(base + "/robots.txt", timeout=5).read()
                break
            except OSError:
                time.sleep(0.2)
        from urllib.parse import quote

        def get(url: str) -> float:
            start = time.perf_counter()
            with urllib.request.urlopen(base + quote(url, safe="/?=&%"), timeout=120) as r:
                r.read()
            return (time.perf_counter() - start) * 1000

        rows = []
        for name, urls in pages.items():
            for url in urls[:2]:
                get(url)
            times = [get(urls[i % len(urls)]) for i in range(requests)]
            rows.append([name, statistics.median(times), p95(times), max(times)])
        worker = [
            int(c) for c in Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text().split()
        ]
        memory = [memory_mb([w]) for w in worker]
        return rows, memory
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def markdown(headers: list[str], rows: list[list]) -> str:
    from bench.common import fmt

    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(fmt(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def run(argv=None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.existing:
        where = configure_existing()
        indexed = True
    else:
        indexed, where = prepare(args)
    from archive.models import Article

    count = Article.objects.count()
    print(f"archive: {where}; {count:,} articles", flush=True)
    # Not setup_test_environment(): its instrumented template rendering (a context copy per
    # template, for assertTemplateUsed) would be timed too. Only let the client's host in.
    from django.conf import settings

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    from newsroom.warm import warm_up

    warm_up()  # as newsroom/wsgi.py does in each gunicorn worker

    rng = random.Random(17)
    start = time.perf_counter()
    pages = targets(rng, max(5, args.requests // 3))
    print(f"  URLs chosen in {time.perf_counter() - start:.1f} s", flush=True)
    edited = pages["article"][0]  # the article the after-edit run saves, whatever --only says
    only = {n.strip() for n in args.only.split(",") if n.strip()}
    if only:
        pages = {n: u for n, u in pages.items() if n in only}
    # Every page at steady state first, then each right after a change: measured in one loop,
    # each page's cold request would leave the next page's first requests cold too.
    measured = {name: measure(urls, args.requests) for name, urls in pages.items()}
    colds = {name: measure_cold(urls[-1]) for name, urls in pages.items()}
    print(
        f"\n{'page':<20}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}{'queries':>9}{'cold ms':>9}"
        f"{'next ms':>9}{'warmed':>9}"
    )
    slow, rows = [], []
    for name, (times, queries) in measured.items():
        cold, following, _, warmed = colds[name]
        worst = p95(times)
        flag = "  !!" if worst > args.target_ms else ""
        if name.startswith(("search", "feed_search", "api_search")) and not indexed:
            flag += "  (no index built)"
        if flag:
            slow.append(name)
        rows.append(
            [
                name,
                statistics.median(times),
                worst,
                max(times),
                queries,
                cold,
                following,
                warmed,
                flag.strip(),
            ]
        )
        print(
            f"{name:<20}{statistics.median(times):>9.1f}{worst:>9.1f}{max(times):>9.1f}"
            f"{queries:>9}{cold:>9.1f}{following:>9.1f}{warmed:>9.1f}{flag}",
            flush=True,
        )
    warms = [c[2] for c in colds.values()]
    print(
        "\ncold = one request right after a count changed (cached figures recomputed); "
        "next = the same request in another worker after it (shared figures loaded); "
        "warmed = the first request after a count change once a worker's background thread "
        f"warmed the shared figures (that warm took {min(warms):.0f}–{max(warms):.0f} ms)"
    )
    private, mapped = rss_split_mb()
    memory = f"{private:.0f} MB private, {mapped:.0f} MB of mapped files"
    print(f"memory of this serving process: {memory}")
    print(
        f"{count:,} articles; p95 target {args.target_ms:.0f} ms; over target: "
        f"{', '.join(slow) or 'none'}"
    )
    report = [
        f"Pages, {count:,} articles ({where}), {os.cpu_count()} cores, Django test client, "
        f"{args.requests} timed requests per page; target p95 ≤ {args.target_ms:.0f} ms",
        markdown(
            [
                "page",
                "p50 ms",
                "p95 ms",
                "max ms",
                "queries",
                "cold ms",
                "next ms",
                "warmed ms",
                "over",
            ],
            rows,
        ),
        f"Memory of the measuring process afterwards: {memory}.",
    ]
    if args.existing:
        edit = after_edit(edited)
        print("\nafter an edit (ms):")
        for label, first, second in edit:
            print(f"  {label:<44}{first:>9.1f}" + ("" if second is None else f"{second:>9.1f}"))
        report += [
            "First requests after an edit (an article saved through the ORM; its index update "
            "applied after commit, as in the web process):",
            markdown(["step", "first ms", "next ms"], edit),
        ]
    if args.existing and args.gunicorn:
        http, memory = over_gunicorn(pages, args.requests)
        print("\nover HTTP, one gunicorn worker:")
        for name, p50, p95_, top in http:
            print(f"  {name:<20}{p50:>9.1f}{p95_:>9.1f}{top:>9.1f}")
        mem = ", ".join(f"RSS {r:.0f} MB, PSS {q:.0f} MB" for r, q in memory)
        print(f"gunicorn worker after the runs: {mem}")
        report += [
            "Over HTTP (one gunicorn worker on 127.0.0.1, urllib client, same URLs):",
            markdown(["page", "p50 ms", "p95 ms", "max ms"], http),
            f"gunicorn worker after these requests: {mem}.",
        ]
    if args.report:
        args.report.write_text("\n\n".join(report) + "\n", encoding="utf-8")
        print(f"written to {args.report}")
    return 0


if __name__ == "__main__":
    raise SystemExit(run())
