"""Load test: readers and admins at once against gunicorn on loopback, then 0 lost edits.

    python -m bench load                              # 60 s, 3 workers, 6 readers, 2 admins
    python -m bench load --seconds 10 --articles 300 --max-requests 400
    python -m bench load --keep                       # leave the run's archive in var/bench/load/

A scratch archive (the first --articles news items of ../shared/corpus/xwlb_items.jsonl,
imported with `manage.py import_archive`, plus an admin user) is built once under
var/bench/load/ and copied for each run, which serves it with gunicorn on 127.0.0.1 only.
For --seconds (or until --max-requests), reader threads browse and search (home, a day, an
article, a person, events, /search/, /api/search) while admin threads, each logged in through
the admin login form, edit article titles and correct OCR text (bodies) through the admin
change form and merge two persons with the person admin's merge action.

Reported: requests/s, p50/p95 per kind of request, server errors (5xx) and connection errors.
Then the queue is drained (`manage.py index_worker --once`) and every edit is checked: in the
database, and found by /api/search (each edit carries a unique marker; a merge is checked by
searching the merged person's article under the kept person's name). Any server error,
connection error or lost edit prints FAIL and exits with status 1.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import http.client
import itertools
import json
import os
import random
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.cookiejar import CookieJar
from pathlib import Path

from bench.common import CACHE, CORPUS, ROOT, percentile, table

ADMIN_USER = "loadadmin"
ADMIN_PASSWORD = "load-test-Passw0rd"
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
READER_KINDS = ["home", "day", "article", "person", "events", "search", "api"]
READER_WEIGHTS = [1, 2, 4, 2, 1, 3, 3]


class GunicornUnavailable(RuntimeError):
    """gunicorn could not be started here (tests skip on this, and only on this)."""


# ---------------------------------------------------------------------------------------------
# The scratch archive


def _python() -> str:
    return str(PYTHON if PYTHON.exists() else Path(sys.executable))


def site_env(data_dir: Path, **extra: str) -> dict:
    """Environment for manage.py and gunicorn serving the archive in data_dir (SQLite)."""
    env = dict(os.environ)
    for name in ("DJANGO_DEBUG", "NEWSROOM_JIEBA_INDEX_DIR"):
        env.pop(name, None)
    env.update(
        DJANGO_SETTINGS_MODULE="newsroom.settings",
        NEWSROOM_DATA_DIR=str(data_dir),
        DATABASE_URL=f"sqlite:///{data_dir / 'newsroom.sqlite3'}",
        NEWSROOM_INDEX_DIR=str(data_dir / "whoosh_index"),
        DJANGO_SECRET_KEY=os.environ.get("DJANGO_SECRET_KEY") or "bench-load-secret",
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        PYTHONUNBUFFERED="1",
    )
    env.update(extra)
    return env


def manage(data_dir: Path, *args: str, timeout: float = 600, **extra: str) -> str:
    done = subprocess.run(
        [_python(), "manage.py", *args],
        cwd=ROOT,
        env=site_env(data_dir, **extra),
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if done.returncode:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def scratch_archive(articles: int = 2000, corpus: Path = CORPUS, rebuild: bool = False) -> Path:
    """The cached archive of `articles` news items with an admin user (built once)."""
    base = CACHE / "load"
    base.mkdir(parents=True, exist_ok=True)
    target = base / f"archive-{articles}"
    with open(base / ".build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # two runs at once build it once
        if (target / "ready").exists() and not rebuild:
            return target
        building = base / f"archive-{articles}.building"
        shutil.rmtree(building, ignore_errors=True)
        shutil.rmtree(target, ignore_errors=True)
        building.mkdir()
        if corpus.exists():
            with open(corpus, encoding="utf-8") as src:
                lines = list(itertools.islice(src, articles))
        else:  # a machine without ../shared/corpus: made-up items of the same form
            lines = synthetic_items(articles)
        (building / "items.jsonl").write_text("".join(lines), encoding="utf-8")
        manage(building, "migrate", "--noinput", "-v0")
        manage(building, "import_archive", str(building / "items.jsonl"), "-v0")
        manage(
            building,
            "createsuperuser",
            "--noinput",
            DJANGO_SUPERUSER_USERNAME=ADMIN_USER,
            DJANGO_SUPERUSER_PASSWORD=ADMIN_PASSWORD,
            DJANGO_SUPERUSER_EMAIL="load@example.com",
        )
        _checkpoint(building / "newsroom.sqlite3")
        (building / "ready").write_text("ok\n")
        building.rename(target)
    return target


SURNAMES = "王李张刘陈杨黄赵周吴徐孙朱马胡郭林何高罗"
GIVEN = ["建国", "志强", "丽华", "海峰", "晓东", "国平", "红梅", "立新", "文军", "春生"]
PLACES = ["城东", "城西", "河东", "江北", "高新区", "开发区", "雁峰", "珠晖"]


def synthetic_items(count: int) -> list[str]:
    """News items in the corpus's form (id, date, title, paragraphs), naming persons."""
    rng = random.Random(7)
    lines = []
    for n in range(count):
        day = f"2023-{1 + n // 280 % 12:02d}-{1 + n // 10 % 28:02d}"
        place = PLACES[n % len(PLACES)]
        name = rng.choice(SURNAMES) + rng.choice(GIVEN)
        other = rng.choice(SURNAMES) + rng.choice(GIVEN)
        paragraphs = [
            f"{day[5:7]}月{day[8:]}日上午，市委书记{name}主持召开{place}第{n}次工作会议，"
            f"副市长{other}出席会议并讲话。",
            f"会议强调，{place}要扎实推进第{n}号重点项目建设，确保按期建成投用。",
        ]
        item = {
            "id": f"syn-{n}",
            "date": day,
            "title": f"{place}召开第{n}次工作会议",
            "paragraphs": paragraphs,
        }
        lines.append(json.dumps(item, ensure_ascii=False) + "\n")
    return lines


def _checkpoint(db: Path) -> None:
    with contextlib.closing(sqlite3.connect(db)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def copy_archive(template: Path, dest: Path) -> Path:
    """A fresh copy of the template archive to serve and change."""
    shutil.rmtree(dest, ignore_errors=True)
    shutil.copytree(template, dest, ignore=shutil.ignore_patterns("items.jsonl", "*.log"))
    return dest


def db_connect(data_dir: Path) -> sqlite3.Connection:
    """A read-only SQLite connection to the archive (for sampling and checking)."""
    uri = f"file:{data_dir / 'newsroom.sqlite3'}?mode=ro"
    conn = sqlite3.connect(uri, uri=True, timeout=30)
    conn.row_factory = sqlite3.Row
    return conn


# ---------------------------------------------------------------------------------------------
# gunicorn


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """gunicorn serving data_dir on 127.0.0.1, with its log in data_dir/gunicorn.log."""

    def __init__(self, data_dir: Path, workers: int = 3, **env: str):
        self.data_dir = Path(data_dir)
        self.workers = workers
        self.env = env
        self.port = 0
        self.proc: subprocess.Popen | None = None
        self.log_path = self.data_dir / "gunicorn.log"

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 90) -> Server:
        if not GUNICORN.exists():
            raise GunicornUnavailable(f"no gunicorn at {GUNICORN}")
        self.port = free_port()
        cmd = [
            str(GUNICORN),
            "newsroom.wsgi",
            "--config",
            "python:newsroom.gunicorn_conf",
            "--workers",
            str(self.workers),
            "--bind",
            f"127.0.0.1:{self.port}",
            "--graceful-timeout",
            "5",
            "--no-control-socket",  # several servers at once (tests) would share its path
        ]
        with open(self.log_path, "ab") as log:
            try:
                self.proc = subprocess.Popen(
                    cmd,
                    cwd=ROOT,
                    env=site_env(self.data_dir, **self.env),
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                )
            except OSError as exc:
                raise GunicornUnavailable(f"gunicorn did not start: {exc}") from exc
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise GunicornUnavailable(f"gunicorn exited at start:\n{self.log()[-3000:]}")
            if len(self.worker_pids()) == self.workers and self.ping():
                return self
            time.sleep(0.2)
        self.stop()
        raise GunicornUnavailable(f"gunicorn not answering in {timeout:.0f} s:\n{self.log()}")

    def ping(self) -> bool:
        try:
            with urllib.request.urlopen(self.base + "/robots.txt", timeout=10) as resp:
                return resp.status == 200
        except (OSError, http.client.HTTPException):
            return False

    def worker_pids(self) -> list[int]:
        """The master's children (its workers), from /proc."""
        if self.proc is None:
            return []
        found = []
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    stat = fh.read()
            except OSError:
                continue
            fields = stat.rsplit(")", 1)[-1].split()
            if int(fields[1]) == self.proc.pid and fields[0] != "Z":
                found.append(int(entry))
        return sorted(found)

    def log(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")
        except OSError:
            return ""

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=10)

    def __enter__(self) -> Server:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


# ---------------------------------------------------------------------------------------------
# Clients and their measurements


@dataclass
class Stats:
    """Latencies and outcomes per kind of request, shared by all client threads."""

    latencies: dict[str, list[float]] = field(default_factory=dict)
    statuses: dict[str, dict[int, int]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, kind: str, status: int, seconds: float, what: str = "") -> None:
        with self.lock:
            self.latencies.setdefault(kind, []).append(seconds)
            counts = self.statuses.setdefault(kind, {})
            counts[status] = counts.get(status, 0) + 1
            if (status >= 500 or status == 0) and len(self.problems) < 30:
                self.problems.append(f"{kind} {status} {what}")

    @property
    def total(self) -> int:
        return sum(len(v) for v in self.latencies.values())

    def count(self, test) -> int:
        return sum(n for c in self.statuses.values() for s, n in c.items() if test(s))

    @property
    def server_errors(self) -> int:
        return self.count(lambda s: s >= 500)

    @property
    def connection_errors(self) -> int:
        return self.count(lambda s: s == 0)

    @property
    def client_errors(self) -> int:
        return self.count(lambda s: 400 <= s < 500)

    def rows(self) -> list[list]:
        rows = []
        for kind in sorted(self.latencies):
            ms = [s * 1000 for s in self.latencies[kind]]
            counts = self.statuses[kind]
            bad = sum(n for s, n in counts.items() if s >= 500 or s == 0)
            four = sum(n for s, n in counts.items() if 400 <= s < 500)
            rows.append([kind, len(ms), percentile(ms, 50), percentile(ms, 95), bad, four])
        return rows


class Client:
    """One browser: its own cookies; every request timed into stats (status 0: no answer)."""

    def __init__(self, base: str, stats: Stats, timeout: float = 30):
        self.base = base
        self.stats = stats
        self.timeout = timeout
        self.cookies = CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))
        self.csrf = ""

    def request(self, kind: str, path: str, data: dict | list | None = None):
        """(status, text, final url); never raises for HTTP or connection errors."""
        body = None
        if data is not None:
            body = urllib.parse.urlencode(data, doseq=True).encode()
        req = urllib.request.Request(self.base + path, data=body)
        if body is not None:
            req.add_header("Referer", self.base + path)
        start = time.perf_counter()
        status, text, url = 0, "", ""
        try:
            with self.opener.open(req, timeout=self.timeout) as resp:
                status, url = resp.status, resp.geturl()
                text = resp.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as exc:
            status, url = exc.code, exc.geturl()
            with contextlib.suppress(Exception):
                text = exc.read().decode("utf-8", "replace")
        except (OSError, http.client.HTTPException) as exc:
            text = f"{type(exc).__name__}: {exc}"
        self.stats.add(kind, status, time.perf_counter() - start, f"{path} {text[:80]!r}")
        found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', text)
        if found:
            self.csrf = found.group(1)
        return status, text, url

    def login(self, username: str = ADMIN_USER, password: str = ADMIN_PASSWORD) -> bool:
        self.request("admin_login", "/admin/login/?next=/admin/")
        status, text, url = self.request(
            "admin_login",
            "/admin/login/?next=/admin/",
            {
                "csrfmiddlewaretoken": self.csrf,
                "username": username,
                "password": password,
                "next": "/admin/",
            },
        )
        return status == 200 and "/admin/login/" not in url


class _FormParser(HTMLParser):
    """What a browser would send for one form: (name, value) pairs in document order."""

    def __init__(self, form_id: str):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.pairs: list[tuple[str, str]] = []
        self._textarea: str | None = None
        self._text: list[str] = []
        self._select: str | None = None
        self._multiple = False
        self._options: list[tuple[str, bool]] = []
        self._option: list | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.inside = a.get("id") == self.form_id
            return
        if not self.inside or "disabled" in a:
            return
        name = a.get("name")
        if tag == "input" and name:
            kind = (a.get("type") or "text").lower()
            if kind in ("submit", "button", "file", "image", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            self.pairs.append((name, a.get("value") or ("on" if kind == "checkbox" else "")))
        elif tag == "textarea" and name:
            self._textarea, self._text = name, []
        elif tag == "select" and name:
            self._select, self._multiple, self._options = name, "multiple" in a, []
        elif tag == "option" and self._select is not None:
            self._option = [a.get("value"), "selected" in a, []]

    def handle_data(self, data):
        if self._textarea is not None:
            self._text.append(data)
        elif self._option is not None:
            self._option[2].append(data)

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea" and self._textarea is not None:
            text = "".join(self._text)
            if text.startswith("\r\n"):
                text = text[2:]
            elif text.startswith("\n"):  # a browser drops the newline after <textarea>
                text = text[1:]
            self.pairs.append((self._textarea, text))
            self._textarea = None
        elif tag == "option" and self._option is not None:
            value, selected, label = self._option
            self._options.append((value if value is not None else "".join(label), selected))
            self._option = None
        elif tag == "select" and self._select is not None:
            chosen = [v for v, sel in self._options if sel]
            if not chosen and not self._multiple and self._options:
                chosen = [self._options[0][0]]
            self.pairs.extend((self._select, v) for v in chosen)
            self._select = None


def form_fields(html: str, form_id: str) -> list[tuple[str, str]]:
    parser = _FormParser(form_id)
    parser.feed(html)
    return parser.pairs


def _set(pairs: list[tuple[str, str]], name: str, value: str) -> list[tuple[str, str]]:
    return [(k, value if k == name else v) for k, v in pairs]


def _get(pairs: list[tuple[str, str]], name: str) -> str:
    return next((v for k, v in pairs if k == name), "")


# ---------------------------------------------------------------------------------------------
# What the admins did, to be checked afterwards


@dataclass
class Edit:
    kind: str  # "title", "ocr" or "merge"
    article_id: int
    marker: str = ""
    title: str = ""  # expected title (title edits)
    body: str = ""  # expected body (OCR corrections)
    ocr_body: str = ""  # the OCR text that must be kept beside the correction
    kept_person: tuple[int, str] = (0, "")  # merges: the person kept
    merged_person: tuple[int, str] = (0, "")  # merges: the person folded into it


class AdminSession:
    """An admin correcting records through the admin's own forms."""

    def __init__(self, base: str, stats: Stats, tag: str):
        self.client = Client(base, stats)
        self.tag = tag
        self.n = 0
        self.edits: list[Edit] = []
        self.failures: list[str] = []  # edits the server refused or never answered

    def login(self) -> bool:
        return self.client.login()

    def marker(self) -> str:
        self.n += 1
        return f"ldm{self.tag}x{self.n}"

    def edit_article(self, pk: int, ocr: bool = False) -> Edit | None:
        """Change the title (or correct the body) through the change form; the Edit if saved."""
        path = f"/admin/archive/article/{pk}/change/"
        status, html, _ = self.client.request("admin_form", path)
        if status != 200:
            self.failures.append(f"GET {path}: {status}")
            return None
        pairs = form_fields(html, "article_form")
        marker = self.marker()
        title, body = _get(pairs, "title"), _get(pairs, "body")
        if ocr:
            edit = Edit("ocr", pk, marker, title=title, body=f"{body}（{marker}）", ocr_body=body)
            pairs = _set(pairs, "body", edit.body)
        else:
            edit = Edit("title", pk, marker, title=f"{title} {marker}", body=body)
            pairs = _set(pairs, "title", edit.title)
        pairs.append(("_save", "保存"))
        status, html, url = self.client.request("admin_save", path, pairs)
        if status == 200 and urllib.parse.urlparse(url).path == "/admin/archive/article/":
            self.edits.append(edit)
            return edit
        errors = re.findall(r'<ul class="errorlist[^"]*"[^>]*>(.*?)</ul>', html, re.S)
        self.failures.append(f"POST {path}: {status} {url} {errors[:3]} {html[:120]!r}")
        return None

    def merge(self, kept: tuple[int, str], merged: tuple[int, str], article_id: int):
        """The person admin's merge action: choose two, confirm, keep `kept`."""
        path = "/admin/archive/person/"
        chosen = [("_selected_action", str(kept[0])), ("_selected_action", str(merged[0]))]
        base = [("action", "merge"), ("index", "0"), ("select_across", "0"), *chosen]
        status, html, _ = self.client.request(
            "admin_merge", path, [("csrfmiddlewaretoken", self.client.csrf), *base]
        )
        if status != 200 or 'name="target"' not in html:
            self.failures.append(f"merge {kept}+{merged}: confirm page {status} {html[:120]!r}")
            return None
        form = [("csrfmiddlewaretoken", self.client.csrf), ("target", str(kept[0])), *base]
        status, html, url = self.client.request("admin_merge", path, form)
        if status == 200 and "已合并为" in html:
            edit = Edit("merge", article_id, kept_person=kept, merged_person=merged)
            self.edits.append(edit)
            return edit
        self.failures.append(f"merge {kept}+{merged}: {status} {url} {html[:120]!r}")
        return None


# ---------------------------------------------------------------------------------------------
# The run


@dataclass
class Plan:
    """URLs for readers and disjoint work for each admin, sampled from the archive."""

    days: list[str]
    articles: list[int]
    persons: list[int]
    events: list[int]
    queries: list[str]
    edit_pool: list[int]  # articles no merged person is named in
    merge_pairs: list[tuple[tuple[int, str], tuple[int, str], int]]


def make_plan(data_dir: Path, seed: int = 12) -> Plan:
    rng = random.Random(seed)
    with contextlib.closing(db_connect(data_dir)) as db:
        visible = "is_hidden = 0 AND published IS NOT NULL"
        articles = [r[0] for r in db.execute(f"SELECT id FROM archive_article WHERE {visible}")]
        days = [
            r[0]
            for r in db.execute(f"SELECT DISTINCT published FROM archive_article WHERE {visible}")
        ]
        titles = [r[0] for r in db.execute(f"SELECT title FROM archive_article WHERE {visible}")]
        events = [r[0] for r in db.execute("SELECT id FROM archive_event")]
        counts = db.execute(
            "SELECT p.id, p.name, COUNT(DISTINCT m.article_id) AS n, MIN(m.article_id) AS a"
            " FROM archive_person p JOIN archive_mention m ON m.person_id = p.id"
            " GROUP BY p.id ORDER BY p.id"
        ).fetchall()
        persons = [r["id"] for r in counts]
        # Merge rarely named persons, in pairs; their articles are left out of title edits
        # (an admin's open change form would name a person merged away meanwhile).
        rare = [r for r in counts if r["n"] <= 3]
        rng.shuffle(rare)
        rare = rare[: min(len(rare), 400, len(articles) // 4) // 2 * 2]
        pairs = [
            ((a["id"], a["name"]), (b["id"], b["name"]), b["a"])
            for a, b in zip(rare[0::2], rare[1::2], strict=True)
        ]
        merged_ids = [r["id"] for r in rare]
        # Readers visit persons that stay (a merged one's page is gone: 404).
        gone = {b["id"] for b in rare[1::2]}
        persons = [pk for pk in persons if pk not in gone]
        touched = set()
        for start in range(0, len(merged_ids), 500):
            chunk = merged_ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            touched.update(
                r[0]
                for r in db.execute(
                    f"SELECT article_id FROM archive_mention WHERE person_id IN ({marks})", chunk
                )
            )
    queries = []
    for title in rng.sample(titles, min(len(titles), 200)):
        runs = re.findall(r"[\u4e00-\u9fff]{2,}", title)
        if runs:
            run = rng.choice(runs)
            size = rng.randint(2, min(4, len(run)))
            at = rng.randrange(0, len(run) - size + 1)
            queries.append(run[at : at + size])
    pool = [a for a in articles if a not in touched]
    rng.shuffle(pool)
    return Plan(
        days=[f"/{d[:4]}/{d[5:7]}/{d[8:10]}/" for d in days],
        articles=articles,
        persons=persons,
        events=events,
        queries=queries or ["新闻"],
        edit_pool=pool,
        merge_pairs=pairs,
    )


def reader_path(kind: str, plan: Plan, rng: random.Random) -> str:
    if kind == "home":
        return "/"
    if kind == "day":
        return rng.choice(plan.days) if plan.days else "/"
    if kind == "article":
        return f"/articles/{rng.choice(plan.articles)}/"
    if kind == "person":
        return f"/people/{rng.choice(plan.persons)}/" if plan.persons else "/people/"
    if kind == "events":
        if plan.events and rng.random() < 0.5:
            return f"/events/{rng.choice(plan.events)}/"
        return "/events/"
    q = urllib.parse.quote(rng.choice(plan.queries))
    if kind == "search":
        return f"/search/?q={q}"
    return f"/api/search?q={q}"


@dataclass
class LoadResult:
    stats: Stats
    seconds: float
    sessions: list[AdminSession]
    lost: list[str] = field(default_factory=list)
    checked: int = 0
    pending_after: int = -1

    @property
    def edits(self) -> list[Edit]:
        return [e for s in self.sessions for e in s.edits]

    @property
    def failures(self) -> list[str]:
        return [f for s in self.sessions for f in s.failures]

    @property
    def ok(self) -> bool:
        stats = self.stats
        return not (stats.server_errors or stats.connection_errors or self.lost or self.failures)


def run_load(
    server: Server,
    plan: Plan,
    seconds: float = 60,
    readers: int = 6,
    admins: int = 2,
    max_requests: int = 0,
    admin_pause: float = 0.3,
    seed: int = 12,
) -> LoadResult:
    """Readers and admins for `seconds` (or until max_requests); returns what happened."""
    stats = Stats()
    stop = threading.Event()
    tag = f"{int(time.time()) % 100000}"
    sessions = [AdminSession(server.base, stats, f"{tag}a{i}") for i in range(admins)]

    def budget_left() -> bool:
        return not stop.is_set() and (not max_requests or stats.total < max_requests)

    def reader(i: int) -> None:
        rng = random.Random(seed * 1000 + i)
        client = Client(server.base, stats)
        while budget_left():
            kind = rng.choices(READER_KINDS, READER_WEIGHTS)[0]
            client.request(kind, reader_path(kind, plan, rng))

    def admin(i: int) -> None:
        session = sessions[i]
        if not session.login():
            session.failures.append("admin login failed")
            return
        my_articles = iter(plan.edit_pool[i::admins])
        my_pairs = iter(plan.merge_pairs[i::admins])
        for step in itertools.count():
            if not budget_left():
                return
            # A merge first, then an OCR correction: every kind of edit happens even when a
            # loaded machine allows each admin only a few steps.
            if step % 4 == 0:
                pair = next(my_pairs, None)
                if pair is not None:
                    session.merge(*pair)
            else:
                pk = next(my_articles, None)
                if pk is None:
                    return
                session.edit_article(pk, ocr=step % 4 == 1)
            stop.wait(admin_pause)

    threads = [threading.Thread(target=reader, args=(i,), daemon=True) for i in range(readers)]
    threads += [threading.Thread(target=admin, args=(i,), daemon=True) for i in range(admins)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    deadline = start + seconds
    while time.perf_counter() < deadline and budget_left():
        time.sleep(0.05)
    stop.set()
    for t in threads:
        t.join(timeout=60)
    return LoadResult(stats, time.perf_counter() - start, sessions)


def verify(server: Server, result: LoadResult) -> LoadResult:
    """Drain the queue, then every edit must be in the database and found by search."""
    manage(server.data_dir, "index_worker", "--once")
    checker = Client(server.base, Stats())

    def found(q: str, person: str = "") -> set[int]:
        params = {"q": q, "page_size": "100"}
        if person:
            params["person"] = person
        status, text, _ = checker.request("check", "/api/search?" + urllib.parse.urlencode(params))
        if status != 200:
            return set()
        return {hit["id"] for hit in json.loads(text)["results"]}

    lost = result.lost
    with contextlib.closing(db_connect(server.data_dir)) as db:
        for edit in result.edits:
            result.checked += 1
            row = db.execute(
                "SELECT title, body, ocr_body FROM archive_article WHERE id = ?", (edit.article_id,)
            ).fetchone()
            if edit.kind in ("title", "ocr"):
                if row is None or row["title"] != edit.title or row["body"] != edit.body:
                    lost.append(f"{edit.kind} {edit.marker}: not in the database")
                elif edit.kind == "ocr" and row["ocr_body"] != edit.ocr_body:
                    lost.append(f"ocr {edit.marker}: the OCR text was not kept")
                elif found(edit.marker) != {edit.article_id}:
                    lost.append(f"{edit.kind} {edit.marker}: not found by search")
                continue
            (kept, kept_name), (merged, _) = edit.kept_person, edit.merged_person
            gone = db.execute("SELECT 1 FROM archive_person WHERE id = ?", (merged,)).fetchone()
            linked = db.execute(
                "SELECT 1 FROM archive_mention WHERE article_id = ? AND person_id = ?",
                (edit.article_id, kept),
            ).fetchone()
            if gone is not None or linked is None:
                lost.append(f"merge {merged}→{kept}: not in the database")
            elif edit.article_id not in found("*", person=kept_name):
                lost.append(f"merge {merged}→{kept}: article {edit.article_id} not found by search")
        result.pending_after = db.execute(
            "SELECT COUNT(*) FROM archive_pendingindexupdate"
        ).fetchone()[0]
    return result


def report(result: LoadResult, workers: int, readers: int, admins: int) -> str:
    stats = result.stats
    kinds = {e.kind for e in result.edits}
    per = {k: sum(1 for e in result.edits if e.kind == k) for k in sorted(kinds)}
    lines = [
        table(["kind", "requests", "p50 ms", "p95 ms", "5xx/conn", "4xx"], stats.rows()),
        "",
        f"{stats.total:,} requests in {result.seconds:.1f} s = "
        f"{stats.total / max(result.seconds, 1e-9):.1f} requests/s "
        f"({workers} gunicorn workers, {readers} readers, {admins} admins, loopback)",
        f"server errors (5xx): {stats.server_errors}, connection errors: "
        f"{stats.connection_errors}, 4xx: {stats.client_errors}",
        f"edits: {len(result.edits)} ({', '.join(f'{k} {n}' for k, n in per.items()) or 'none'}),"
        f" refused or unanswered: {len(result.failures)}",
        f"checked after draining the queue: {result.checked}, lost: {len(result.lost)}, "
        f"queue rows left: {result.pending_after}",
    ]
    for problem in stats.problems[:10]:
        lines.append(f"  error: {problem}")
    for failure in result.failures[:10]:
        lines.append(f"  refused: {failure}")
    for lost in result.lost[:10]:
        lines.append(f"  LOST: {lost}")
    lines.append("PASS" if result.ok else "FAIL")
    return "\n".join(lines)


def parse_args(argv):
    p = argparse.ArgumentParser(prog="python -m bench load", description=__doc__.split("\n")[0])
    p.add_argument("--seconds", type=float, default=60.0, help="how long (default 60)")
    p.add_argument("--max-requests", type=int, default=0, help="stop after this many (0: none)")
    p.add_argument("--workers", type=int, default=3, help="gunicorn workers (default 3)")
    p.add_argument("--readers", type=int, default=6, help="reader threads (default 6)")
    p.add_argument("--admins", type=int, default=2, help="admin threads (default 2)")
    p.add_argument("--admin-pause", type=float, default=0.3, help="seconds between edits")
    p.add_argument("--articles", type=int, default=2000, help="archive size (default 2000)")
    p.add_argument("--corpus", type=Path, default=CORPUS, help="the news items (JSON Lines)")
    p.add_argument("--rebuild", action="store_true", help="build the scratch archive again")
    p.add_argument("--keep", action="store_true", help="keep the run's copy of the archive")
    return p.parse_args(argv)


def run(argv) -> None:
    args = parse_args(argv)
    print(f"scratch archive of {args.articles} news items (built once, in var/bench/load/) …")
    template = scratch_archive(args.articles, args.corpus, rebuild=args.rebuild)
    data_dir = copy_archive(template, CACHE / "load" / f"run-{args.articles}")
    plan = make_plan(data_dir)
    print(
        f"{len(plan.articles)} articles, {len(plan.persons)} persons named, "
        f"{len(plan.events)} events, {len(plan.merge_pairs)} person pairs to merge"
    )
    server = Server(data_dir, workers=args.workers)
    with server:
        print(
            f"gunicorn on {server.base}, workers {server.worker_pids()}; load for {args.seconds:g} s"
        )
        result = run_load(
            server,
            plan,
            seconds=args.seconds,
            readers=args.readers,
            admins=args.admins,
            max_requests=args.max_requests,
            admin_pause=args.admin_pause,
        )
        verify(server, result)
    tracebacks = server.log().count("Traceback")
    print(report(result, args.workers, args.readers, args.admins))
    if tracebacks:
        print(f"gunicorn log ({server.log_path}): {tracebacks} tracebacks")
    if not args.keep:
        shutil.rmtree(data_dir, ignore_errors=True)
    if not result.ok:
        raise SystemExit(1)
