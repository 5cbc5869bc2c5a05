"""Search through the site, this code beside another commit's, on one archive.

    python -m bench search_paths                      # 3,000 items, against 8414115
    python -m bench search_paths --items 19876 --baseline 8414115 --queries 200

One scratch archive is imported from ../shared/corpus/xwlb_items.jsonl with this code; each
tree then gets its own index of it (its own rebuild/build command) and answers the same
sampled queries through Django's test client: GET /api/search (count, facets, snippets) and
the search page. The trees run in turn, three rounds, in fresh processes; p50/p95 per tree.
8414115 is the last commit before search went through Haystack's SearchQuerySet.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

from bench.common import CORPUS, ROOT, cache_dir, percentile, table

PROBE = r"""
import json, sys, time, django
django.setup()
from django.test import Client
client = Client(HTTP_HOST="localhost")
queries = json.loads(sys.argv[1])
out = {"api": [], "page": []}
for q in queries:
    for name, url in (("api", "/api/search"), ("page", "/search/")):
        start = time.perf_counter()
        response = client.get(url, {"q": q})
        assert response.status_code == 200, (url, q, response.status_code)
        out[name].append((time.perf_counter() - start) * 1000)
print(json.dumps(out))
"""


def parse_args(argv):
    p = argparse.ArgumentParser(prog="python -m bench search_paths", description=__doc__)
    p.add_argument("--items", type=int, default=3000)
    p.add_argument("--queries", type=int, default=100)
    p.add_argument("--baseline", default="8414115", help="commit to compare with")
    p.add_argument("--rounds", type=int, default=3)
    return p.parse_args(argv)


def run(argv):
    args = parse_args(argv)
    work = cache_dir("search_paths", f"{args.items}")
    env = dict(os.environ, DJANGO_SECRET_KEY="bench", NEWSROOM_DATA_DIR=str(work))
    env.pop("DATABASE_URL", None)
    base_tree = Path("/tmp") / f"newsroom-{args.baseline}"
    if not base_tree.exists():
        subprocess.run(
            ["git", "worktree", "add", "--detach", str(base_tree), args.baseline],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
    database = work / "newsroom.sqlite3"
    if not database.exists():
        items = work / "items.jsonl"
        with open(CORPUS, encoding="utf-8") as src, open(items, "w", encoding="utf-8") as out:
            for n, line in enumerate(src):
                if n >= args.items:
                    break
                row = json.loads(line)
                body = "\n".join(row.get("paragraphs") or [])
                item = {"title": row["title"], "body": body, "published": row["date"]}
                out.write(json.dumps(item, ensure_ascii=False) + "\n")
        manage(ROOT, env, "migrate", "-v", "0")
        manage(ROOT, env, "import_archive", str(items), "-v", "0")
    trees = {"this code": (ROOT, "rebuild_index"), args.baseline: (base_tree, "build_index")}
    for name, (tree, command) in trees.items():
        tree_env = dict(env, NEWSROOM_INDEX_DIR=str(work / f"index-{name.replace(' ', '-')}"))
        manage(tree, tree_env, command, "-v", "0")
    queries = sample(env, args.queries)
    took = {name: {"api": [], "page": []} for name in trees}
    for _ in range(args.rounds):
        for name, (tree, _) in trees.items():
            tree_env = dict(env, NEWSROOM_INDEX_DIR=str(work / f"index-{name.replace(' ', '-')}"))
            tree_env["PYTHONPATH"] = str(tree)
            tree_env["DJANGO_SETTINGS_MODULE"] = "newsroom.settings"
            found = subprocess.run(
                [sys.executable, "-c", PROBE, json.dumps(queries)],
                env=tree_env,
                cwd=tree,
                capture_output=True,
                text=True,
            )
            if found.returncode:
                raise RuntimeError(f"{name}: {found.stderr[-1500:]}")
            for kind, values in json.loads(found.stdout.strip().splitlines()[-1]).items():
                took[name][kind] += values
    rows = [
        [name, kind, len(v), percentile(v, 50), percentile(v, 95)]
        for name, kinds in took.items()
        for kind, v in kinds.items()
    ]
    print(f"{args.items} articles, {len(queries)} queries × {args.rounds} rounds (ms)")
    print(table(["code", "path", "requests", "p50 ms", "p95 ms"], rows))


def manage(tree: Path, env: dict, *command: str) -> None:
    subprocess.run(
        [sys.executable, str(tree / "manage.py"), *command], env=env, cwd=tree, check=True
    )


def sample(env: dict, n: int) -> list[str]:
    """Strings of the archive's own articles, as eval_search samples them."""
    code = (
        "import json, django; django.setup();"
        "from archive.search import evaluation as ev;"
        "items = ev.archive_items();"
        f"print(json.dumps([q for _, q in ev.sample_queries(ev.Corpus(items), {n}, seed=5)]))"
    )
    env = dict(env, DJANGO_SETTINGS_MODULE="newsroom.settings", PYTHONPATH=str(ROOT))
    found = subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=ROOT, check=True, capture_output=True, text=True
    )
    return json.loads(found.stdout.strip().splitlines()[-1])
