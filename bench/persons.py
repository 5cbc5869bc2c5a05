"""Speed of the person finder against the jieba.posseg ``nr`` baseline, on one core.

    python -m bench.persons                   # 2,000 CCTV 新闻联播 items
    python -m bench.persons --limit 5000 --items ../shared/corpus/xwlb_items.jsonl

Each item is its title and paragraphs joined by "\\n" (as the importer passes an article).
Both finders get one warm-up call first (loading dictionaries and weights is timed apart);
the timed pass is the best of --rounds. articles/s is wall-clock; (cpu) counts only this
process's CPU time, which is what "one core" means on a busy machine.
Target: ≥ 1,000 articles per second for ours.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ITEMS = ROOT.parent / "shared" / "corpus" / "xwlb_items.jsonl"
TARGET = 1000.0  # articles per second


def parse_args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m bench.persons", description=__doc__.split("\n")[0])
    p.add_argument("--items", type=Path, default=ITEMS, help="xwlb_items.jsonl")
    p.add_argument("--limit", type=int, default=2000, help="number of items (default 2000)")
    p.add_argument("--rounds", type=int, default=2, help="timed passes, best kept (default 2)")
    return p.parse_args(argv)


def load_items(path: Path, limit: int) -> list[str]:
    if not path.is_file():
        raise SystemExit(f"corpus not found: {path} (pass --items PATH)")
    texts: list[str] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            texts.append("\n".join([row.get("title", ""), *row.get("paragraphs", [])]))
            if len(texts) >= limit:
                break
    return texts


def ours() -> Callable[[str], int]:
    from archive.extraction.persons import find_persons

    return lambda text: len(find_persons(text))


def jieba_nr() -> Callable[[str], int]:
    import jieba
    import jieba.posseg

    jieba.setLogLevel(60)
    return lambda text: sum(1 for pair in jieba.posseg.cut(text) if pair.flag == "nr")


def measure(finder: Callable[[str], int], texts: list[str], rounds: int) -> dict:
    start = time.perf_counter()
    finder(texts[0])  # loads dictionaries / weights
    warmup = time.perf_counter() - start
    best, cpu, found = float("inf"), float("inf"), 0
    for _ in range(max(1, rounds)):
        start, start_cpu = time.perf_counter(), time.process_time()
        found = sum(finder(text) for text in texts)
        best = min(best, time.perf_counter() - start)
        cpu = min(cpu, time.process_time() - start_cpu)
    chars = sum(map(len, texts))
    return {
        "seconds": best,
        "per_s": len(texts) / best,
        "cpu_per_s": len(texts) / max(cpu, 1e-9),
        "chars_s": chars / best,
        "found": found,
        "warmup": warmup,
    }


def render(rows: list[tuple[str, dict]], count: int) -> str:
    base = dict(rows)["jieba.posseg nr"]["per_s"]
    header = (
        f"{'finder':<18}{'articles':>9}{'seconds':>9}{'articles/s':>12}{'(cpu)':>9}"
        f"{'chars/s':>12}{'x jieba':>9}{'names':>8}{'load s':>8}"
    )
    lines = [header, "-" * len(header)]
    for label, r in rows:
        lines.append(
            f"{label:<18}{count:>9,}{r['seconds']:>9.2f}{r['per_s']:>12,.0f}{r['cpu_per_s']:>9,.0f}"
            f"{r['chars_s']:>12,.0f}"
            f"{r['per_s'] / base:>9.2f}{r['found']:>8,}{r['warmup']:>8.2f}"
        )
    return "\n".join(lines)


def run(argv: list[str]) -> None:
    args = parse_args(argv)
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    texts = load_items(args.items, args.limit)
    rows = [
        ("find_persons", measure(ours(), texts, args.rounds)),
        ("jieba.posseg nr", measure(jieba_nr(), texts, args.rounds)),
    ]
    print(
        f"{len(texts):,} items from {args.items.name}, {sum(map(len, texts)):,} characters, one core"
    )
    print(render(rows, len(texts)))
    speed, cpu = rows[0][1]["per_s"], rows[0][1]["cpu_per_s"]
    verdict = "OK" if speed >= TARGET else "BELOW TARGET"
    print(
        f"find_persons: {speed:,.0f} articles/s wall, {cpu:,.0f} by CPU time "
        f"(target ≥ {TARGET:,.0f}): {verdict}"
    )


if __name__ == "__main__":
    run(sys.argv[1:])
