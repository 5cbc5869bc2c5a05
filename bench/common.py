"""Helpers shared by the benchmark modules: timing, percentiles, memory, cache paths, tables."""

from __future__ import annotations

import os
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / "var" / "bench"
CORPUS = ROOT / ".." / "shared" / "corpus" / "xwlb_items.jsonl"


def cache_dir(*parts: str) -> Path:
    path = CACHE.joinpath(*parts)
    path.mkdir(parents=True, exist_ok=True)
    return path


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def rss_mb() -> float:
    """Resident memory of this process, in MB (Linux)."""
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def rss_split_mb() -> tuple[float, float]:
    """(private memory, mapped file pages) of this process's RSS, in MB (Linux).

    Whoosh mmaps its index files: pages it reads count in RSS but are page cache the
    kernel can drop, so the two are reported apart.
    """
    found = {}
    with open("/proc/self/status") as fh:
        for line in fh:
            key, _, rest = line.partition(":")
            if key in ("RssAnon", "RssFile", "RssShmem"):
                found[key] = int(rest.split()[0]) / 1024
    return found.get("RssAnon", float("nan")), found.get("RssFile", 0.0) + found.get(
        "RssShmem", 0.0
    )


def memory_mb(pids: list[int]) -> tuple[float, float]:
    """Summed RSS and PSS of these processes, in MB (Linux; a process gone meanwhile counts 0).
    PSS counts memory the processes share (forked workers) once."""
    rss = pss = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/smaps_rollup") as fh:
                for line in fh:
                    key, _, rest = line.partition(":")
                    if key == "Rss":
                        rss += int(rest.split()[0])
                    elif key == "Pss":
                        pss += int(rest.split()[0])
        except OSError:
            continue
    return rss / 1024, pss / 1024


def dir_mb(path: str | Path) -> float:
    total = 0
    for root, _, files in os.walk(path):
        total += sum(os.path.getsize(os.path.join(root, f)) for f in files)
    return total / 1e6


@contextmanager
def stopwatch():
    """with stopwatch() as t: ...; t() → seconds so far (frozen at exit)."""
    start = time.perf_counter()
    end = None

    def elapsed() -> float:
        return (end or time.perf_counter()) - start

    yield elapsed
    end = time.perf_counter()


def table(headers: list[str], rows: list[list]) -> str:
    cells = [[str(h) for h in headers]] + [[fmt(c) for c in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    lines = [
        "  ".join(
            c.rjust(w) if i else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True))
        )
        for r in cells
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def fmt(value) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:,.1f}" if abs(value) >= 10 else f"{value:.2f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)
