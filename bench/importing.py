"""Import benchmark (issue 10): `manage.py import_archive` at scale, as a user runs it.

    python -m bench importing                                 # 20,000 articles, both dbs/formats
    python -m bench importing --articles 1000000 --skip-baseline
    python -m bench importing --articles 3000 --baseline-articles 300 --db sqlite

Corpora (bench/corpus.py, cached in var/bench/importing/corpora/) are N articles from the real
news items, as JSON Lines and as page texts, in --slices folders. Each corpus is imported
into a fresh database and a fresh index, one `import_archive <slice>` after another, so the
rate of each slice shows whether the cost per article stays flat as the archive grows.
Measured per command: wall and CPU time (the process and its children), peak memory of the
process tree (RSS summed over processes, polled from /proc; PSS beside it, which counts pages
shared by forked workers once), database size, index size. PostgreSQL's server works outside
that tree: its CPU and memory are not in the figures.
Beside it, on a JSON Lines sample of --baseline-articles: the same import; Haystack's stock
`update_index` and our `build_index` into empty indexes of that database; and the import of
the code before the rewrite (4a9e612, a git worktree in /tmp/newsroom-baseline, same venv).
The summary table is printed and written to var/bench/importing.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import resource
import shutil
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench.common import ROOT, cache_dir, dir_mb, fmt, memory_mb
from bench.corpus import corpus_dir

BASELINE_COMMIT = "4a9e612"
BASELINE_TREE = Path("/tmp/newsroom-baseline")
PG = "postgres://postgres@127.0.0.1:5432/{}"
PG_ARGS = ["-h", "127.0.0.1", "-U", "postgres"]
POLL = 0.2  # seconds between memory samples (the first minute)
POLL_LONG = 1.0  # after the first minute


def parse_args(argv):
    p = argparse.ArgumentParser(
        prog="python -m bench importing", description=__doc__.split("\n")[0]
    )
    p.add_argument("--articles", type=int, default=20_000, help="articles per corpus (20,000)")
    p.add_argument("--slices", type=int, default=5, help="folders imported one after another (5)")
    p.add_argument(
        "--mode",
        choices=["slices", "single", "both"],
        default="both",
        help="slices: one command per slice folder (each with its own index catch-up); "
        "single: one command over the whole corpus folder, as a user imports a big archive; "
        "both (default)",
    )
    p.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    p.add_argument("--format", choices=["jsonl", "pages", "both"], default="both")
    p.add_argument(
        "--baseline-articles",
        type=int,
        default=2_000,
        help="sample for the 4a9e612 import, update_index and build_index (2,000)",
    )
    p.add_argument("--skip-baseline", action="store_true", help="no sample runs at all")
    p.add_argument("--workers", type=int, help="pass --workers N if import_archive has it")
    p.add_argument("--batch-size", type=int, help="pass --batch-size N if import_archive has it")
    p.add_argument("--keep", action="store_true", help="keep the scratch databases and indexes")
    p.add_argument(
        "--report",
        type=Path,
        help="write the table (Markdown) to this file (var/bench/importing.md)",
    )
    p.add_argument(
        "--tree", type=Path, default=ROOT, help="checkout whose manage.py is measured (this one)"
    )
    return p.parse_args(argv)


# --- running a command and watching its memory ------------------------------------------------


@dataclass
class Measure:
    wall: float = 0.0
    cpu: float = 0.0
    rss: float = 0.0  # peak of the summed RSS of the process tree, MB
    pss: float = 0.0
    ok: bool = True
    import_s: float | None = None  # the import bar's elapsed time (tqdm), if it was shown
    index_s: float | None = None  # the index bar's elapsed time, if it was shown

    def add(self, other: Measure) -> None:
        self.wall += other.wall
        self.cpu += other.cpu
        for name in ("import_s", "index_s"):
            mine, theirs = getattr(self, name), getattr(other, name)
            if theirs is not None:
                setattr(self, name, (mine or 0.0) + theirs)
        self.rss, self.pss = max(self.rss, other.rss), max(self.pss, other.pss)
        self.ok = self.ok and other.ok


def _tree(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _seconds(clock: str) -> float:
    total = 0.0
    for part in clock.split(":"):
        total = total * 60 + float(part)
    return total


def bar_seconds(output: str, desc: str) -> float | None:
    """Elapsed time of the last rendering of the tqdm bar called desc ("导入", "索引")."""
    found = re.findall(re.escape(desc) + r":[^\r\n]*?\[(\d+(?::\d+)+)<", output)
    return _seconds(found[-1]) if found else None


def measure(cmd: list[str], env: dict, cwd: Path, log: Path) -> Measure:
    """Run cmd to the end, its output into log; wall, CPU and the tree's peak memory."""
    print("  $", " ".join(str(c) for c in cmd), flush=True)
    m = Measure()
    offset = log.stat().st_size if log.exists() else 0
    cpu, start = _children_cpu(), time.perf_counter()
    with open(log, "ab") as out:
        proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=out, stderr=subprocess.STDOUT)
        while proc.poll() is None:
            rss, pss = memory_mb(_tree(proc.pid))
            m.rss, m.pss = max(m.rss, rss), max(m.pss, pss)
            # Walking /proc costs ~10 % of a core at 0.2 s: poll less often in long runs.
            time.sleep(POLL if time.perf_counter() - start < 60 else POLL_LONG)
    m.wall, m.cpu = time.perf_counter() - start, _children_cpu() - cpu
    m.ok = proc.returncode == 0
    with open(log, "rb") as fh:
        fh.seek(offset)
        output = fh.read().decode("utf-8", errors="replace")
    m.import_s, m.index_s = bar_seconds(output, "导入"), bar_seconds(output, "索引")
    if m.import_s is not None or m.index_s is not None:
        print(f"  bars: import {fmt(m.import_s)} s, index {fmt(m.index_s)} s", flush=True)
    if not m.ok:
        tail = log.read_text(errors="replace").splitlines()[-15:]
        print(f"  exit status {proc.returncode}; {log}:", *tail, sep="\n    ", flush=True)
    return m


# --- scratch databases -----------------------------------------------------------------------


@dataclass
class Scratch:
    """A fresh database and index for one run: SQLite file or PostgreSQL database + folders."""

    db: str  # sqlite | postgres
    name: str
    dir: Path = field(init=False)

    def __post_init__(self):
        self.dir = cache_dir("importing", "runs") / f"{self.db}-{self.name}"

    @property
    def pg_name(self) -> str:
        return f"bench_import_{self.name.replace('-', '_')}"

    @property
    def log(self) -> Path:
        return self.dir / "commands.log"

    def fresh(self, tree: Path) -> Scratch:
        """Drop, create and migrate with tree's manage.py."""
        self.drop()
        self.dir.mkdir(parents=True)
        if self.db == "postgres":
            subprocess.run(["createdb", *PG_ARGS, self.pg_name], check=True)
        if not self.run(tree, "migrate", "--noinput", "-v", "0").ok:
            raise SystemExit(f"migrate failed, see {self.log}")
        return self

    def run(self, tree: Path, *args, index: str = "whoosh_index") -> Measure:
        return measure(manage(tree, *args), self.env(index), tree, self.log)

    def row(self, path, fmt_, articles, m: Measure, index: str = "whoosh_index") -> Row:
        articles = self.articles() if articles is None else articles
        return Row(path, self.db, fmt_, articles, m, self.db_mb(), dir_mb(self.dir / index))

    def done(self, keep: bool) -> None:
        if keep:
            print(f"  kept {self.dir}" + (f" and {self.pg_name}" if self.db == "postgres" else ""))
        else:
            self.drop()

    def drop(self) -> None:
        shutil.rmtree(self.dir, ignore_errors=True)
        if self.db == "postgres":
            cmd = ["dropdb", *PG_ARGS, "--if-exists", "--force", self.pg_name]
            subprocess.run(cmd, check=True)

    def env(self, index: str = "whoosh_index") -> dict:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("NEWSROOM_", "DATABASE_"))}
        env.update(
            DJANGO_SECRET_KEY=env.get("DJANGO_SECRET_KEY", "bench"),
            DJANGO_SETTINGS_MODULE="newsroom.settings",
            NEWSROOM_DATA_DIR=str(self.dir),
            NEWSROOM_INDEX_DIR=str(self.dir / index),
        )
        if self.db == "postgres":
            env["DATABASE_URL"] = PG.format(self.pg_name)
        return env

    def sql(self, query: str) -> str:
        if self.db == "sqlite":
            with sqlite3.connect(self.dir / "newsroom.sqlite3") as conn:
                return str(conn.execute(query).fetchone()[0])
        cmd = ["psql", *PG_ARGS, "-d", self.pg_name, "-tAc", query]
        return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.strip()

    def articles(self) -> int:
        return int(self.sql("SELECT count(*) FROM archive_article"))

    def db_mb(self) -> float:
        if self.db == "sqlite":
            return sum(p.stat().st_size for p in self.dir.glob("newsroom.sqlite3*")) / 1e6
        return int(self.sql(f"SELECT pg_database_size('{self.pg_name}')")) / 1e6


# --- the runs ---------------------------------------------------------------------------------


@dataclass
class Row:
    path: str
    db: str
    fmt: str
    articles: int
    m: Measure
    db_mb: float
    index_mb: float

    def cells(self) -> list:
        rate = self.articles / self.m.wall if self.m.wall else None
        return [
            self.path + ("" if self.m.ok else " (FAILED)"),
            self.db,
            self.fmt,
            self.articles,
            round(self.m.wall, 1),
            rate,
            None if self.m.import_s is None else round(self.m.import_s, 1),
            None if self.m.index_s is None else round(self.m.index_s, 1),
            round(self.m.cpu, 1),
            self.db_mb,
            self.index_mb,
            self.m.rss,
            self.m.pss,
        ]


HEADERS = ["path", "db", "format", "articles", "wall s", "articles/s", "import bar s"]
HEADERS += ["index bar s", "CPU s"]
HEADERS += ["DB MB", "index MB", "peak RSS MB", "peak PSS MB"]
NOTES = """\
articles: rows in the archive after the run (pages: as the reader split them; title-only items
are not laid out on pages). wall s: the import commands only (not migrate), each including its
start-up (the empty-folder line). CPU s: the command and its children. DB MB: the SQLite files
or pg_database_size. index MB: the Whoosh folder the command wrote. Peak memory: the process
tree's summed RSS / PSS, sampled every 0.2 s (1 s after the first minute); the PostgreSQL server is not in it.
import bar s / index bar s: elapsed time of the command's own progress bars (导入 then 索引),
shown only for large inputs (index bar: 5,000 or more articles waiting); the rest of wall s is
start-up, collecting files and the summary. Sliced rows sum over their slices."""
SLICE_HEADERS = ["db", "format", "slice", "articles", "archive after", "wall s", "articles/s"]


def manage(tree: Path, *args) -> list[str]:
    return [sys.executable, str(tree / "manage.py"), *map(str, args)]


def checked_tree(tree: Path) -> Path:
    """The venv has /work/main installed in editable mode: make sure another checkout's
    manage.py imports that checkout's own code."""
    tree = tree.resolve()
    probe = [sys.executable, "-c", "import archive; print(archive.__file__)"]
    where = subprocess.run(probe, cwd=tree, capture_output=True, text=True).stdout.strip()
    if not where.startswith(str(tree) + os.sep):
        raise SystemExit(f"{tree}/manage.py would import archive from {where or '?'}")
    return tree


def baseline_tree() -> Path:
    if not (BASELINE_TREE / "manage.py").exists():
        cmd = ["git", "-C", str(ROOT), "worktree", "add", "--detach", str(BASELINE_TREE)]
        subprocess.run([*cmd, BASELINE_COMMIT], check=True)
    cmd = ["git", "-C", str(BASELINE_TREE), "rev-parse", "HEAD"]
    head = subprocess.run(cmd, capture_output=True, text=True).stdout
    if not head.startswith(BASELINE_COMMIT):
        raise SystemExit(f"{BASELINE_TREE} is at {head[:12]}, not {BASELINE_COMMIT}")
    return checked_tree(BASELINE_TREE)


def import_options(tree: Path, args, env: dict) -> list[str]:
    """--workers / --batch-size, when asked for and import_archive has them."""
    cmd = manage(tree, "import_archive", "--help")
    done = subprocess.run(cmd, env=env, cwd=tree, capture_output=True, text=True)
    if done.returncode:
        print(f"  import_archive --help failed:\n{done.stderr[-2000:]}", flush=True)
    passed = []
    for option, value in (("--workers", args.workers), ("--batch-size", args.batch_size)):
        if value is not None and option in done.stdout:
            passed += [option, str(value)]
        elif value is not None:
            print(f"  import_archive has no {option}: not passed")
    return passed


def slice_folders(corpus: Path) -> list[Path]:
    return sorted(corpus.glob("slice-*"), key=lambda p: int(p.name.split("-")[1]))


def import_whole(tree, db, fmt_, corpus: Path, options, keep: bool) -> Row:
    """A fresh archive, then the whole corpus folder imported by one command."""
    scratch = Scratch(db, f"{fmt_}-{corpus.name.split('-')[1]}-single").fresh(tree)
    m = scratch.run(tree, "import_archive", corpus, *options)
    row = scratch.row("import_archive, one command", fmt_, None, m)
    print(f"  one command: {row.articles:,} articles in {m.wall:.1f} s", flush=True)
    scratch.done(keep)
    return row


def import_corpus(tree, db, fmt_, corpus: Path, options, slices_out: list, keep: bool) -> Row:
    """A fresh archive, then each slice of the corpus imported by its own command."""
    scratch = Scratch(db, f"{fmt_}-{corpus.name.split('-')[1]}").fresh(tree)
    (scratch.dir / "empty").mkdir()
    m = scratch.run(tree, "import_archive", scratch.dir / "empty", *options)
    slices_out.append([db, fmt_, "start-up (empty folder)", 0, 0, round(m.wall, 1), None])
    total, before = Measure(), 0
    for k, folder in enumerate(slice_folders(corpus), start=1):
        m = scratch.run(tree, "import_archive", folder, *options)
        total.add(m)
        after = scratch.articles()
        rate = (after - before) / m.wall if m.wall else None
        slices_out.append([db, fmt_, k, after - before, after, round(m.wall, 1), rate])
        print(f"  slice {k}: {after - before:,} articles in {m.wall:.1f} s ({fmt(rate)}/s)")
        before = after
    row = scratch.row("import_archive, slice by slice", fmt_, before, total)
    scratch.done(keep)
    return row


def sample_runs(tree, db, sample: Path, options, keep: bool) -> list[Row]:
    """On the sample: the import, then update_index and build_index into empty indexes."""
    scratch = Scratch(db, "sample").fresh(tree)
    m = scratch.run(tree, "import_archive", sample, *options)
    count = scratch.articles()
    rows = [scratch.row("import_archive (sample)", "jsonl", count, m)]
    ours = tree / "archive" / "management" / "commands" / "build_index.py"
    for command in ["update_index"] + (["build_index"] if ours.exists() else []):
        m = scratch.run(tree, command, index=f"index-{command}")
        rows.append(scratch.row(f"{command} (sample)", "–", count, m, index=f"index-{command}"))
    scratch.done(keep)
    return rows


def baseline_run(db, sample: Path, keep: bool) -> Row:
    tree = baseline_tree()
    scratch = Scratch(db, "baseline").fresh(tree)
    m = scratch.run(tree, "import_archive", sample)
    row = scratch.row(f"import_archive @{BASELINE_COMMIT} (sample)", "jsonl", None, m)
    scratch.done(keep)
    return row


# --- report -----------------------------------------------------------------------------------


def describe(tree: Path) -> str:
    """tree at its commit, and whether it has uncommitted changes (read without any lock)."""
    git = ["git", "--no-optional-locks", "-C", str(tree)]
    head = subprocess.run([*git, "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    status = [*git, "status", "--porcelain"]
    dirty = subprocess.run(status, capture_output=True, text=True).stdout.strip()
    return f"{tree} @{head.stdout.strip()}" + (" + uncommitted changes" if dirty else "")


def markdown(headers: list[str], rows: list[list]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(fmt(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def run(argv):
    args = parse_args(argv)
    dbs = ["sqlite", "postgres"] if args.db == "both" else [args.db]
    formats = ["jsonl", "pages"] if args.format == "both" else [args.format]
    print(f"building corpora ({args.articles:,} articles, {args.slices} slices)…", flush=True)
    corpora = {f: corpus_dir(f, args.articles, args.slices) for f in formats}
    sample = None if args.skip_baseline else corpus_dir("jsonl", args.baseline_articles, 1)
    tree = ROOT if args.tree.resolve() == ROOT else checked_tree(args.tree)
    probe = Scratch("sqlite", "probe")
    options = import_options(tree, args, probe.env())
    probe.drop()
    rows, slices = [], []
    for db in dbs:
        for f in formats:
            print(f"\n{db}, {f}: {corpora[f]}", flush=True)
            if args.mode in ("single", "both"):
                rows.append(import_whole(tree, db, f, corpora[f], options, args.keep))
            if args.mode in ("slices", "both"):
                rows.append(import_corpus(tree, db, f, corpora[f], options, slices, args.keep))
        if sample is not None:
            print(f"\n{db}, sample of {args.baseline_articles:,}: {sample}", flush=True)
            rows += sample_runs(tree, db, sample / "slice-1", options, args.keep)
            rows.append(baseline_run(db, sample / "slice-1", args.keep))
    when = dt.datetime.now().strftime("%Y-%m-%d %H:%M")
    head = (
        f"Import benchmark, {when}, {os.cpu_count()} cores, code: {describe(tree)}; "
        f"{args.articles:,} articles in {args.slices} slices; "
        + ("" if sample is None else f"sample {args.baseline_articles:,}; ")
        + f"import_archive options: {' '.join(options) or 'none'}"
    )
    report = "\n\n".join(
        [
            head,
            markdown(HEADERS, [r.cells() for r in rows]),
            *(
                [
                    "Rate per slice as the archive grows (each slice one `import_archive <folder>`"
                    ", each with its own index catch-up):",
                    markdown(SLICE_HEADERS, slices),
                ]
                if slices
                else []
            ),
            NOTES,
        ]
    )
    print("\n" + report)
    out = args.report or cache_dir("importing").parent / "importing.md"
    out.write_text(report + "\n", encoding="utf-8")
    print(f"\nwritten to {out}")
