"""Whole-article extraction speed: lead date + persons + event, as the importer runs it.

Compared in the same run with jieba's part-of-speech tagging (the `nr` person tags), the
usual baseline. One core, no database. `python -m bench extraction [--items N] [--corpus P]`.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "xwlb_items.jsonl"


def load_items(path: Path, limit: int) -> list[dict]:
    items = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            obj = json.loads(line)
            items.append({"title": obj["title"], "paragraphs": obj["paragraphs"]})
            if len(items) >= limit:
                break
    return items


def extract_all(items: list[dict]) -> int:
    from archive.extraction.dates import find_lead_date
    from archive.extraction.events import find_event
    from archive.extraction.persons import find_persons

    found = 0
    for item in items:
        text = item["title"] + "\n" + "\n".join(item["paragraphs"])
        lead = item["paragraphs"][0] if item["paragraphs"] else ""
        persons = find_persons(text)
        lead_date = find_lead_date(lead)
        event = find_event(
            title=item["title"], deck="", lead=lead, text=text, persons=persons, lead_date=lead_date
        )
        found += len(persons) + (event is not None)
    return found


def jieba_baseline(items: list[dict]) -> int:
    import jieba.posseg as pseg

    found = 0
    for item in items:
        text = item["title"] + "\n" + "\n".join(item["paragraphs"])
        found += sum(1 for pair in pseg.cut(text) if pair.flag == "nr")
    return found


def timed(function, items) -> float:
    start = time.process_time()  # CPU time of this process: one core, less noise from others
    function(items)
    return time.process_time() - start


def run(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="bench extraction")
    parser.add_argument("--items", type=int, default=2000)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        raise SystemExit(f"corpus not found: {args.corpus}")
    items = load_items(args.corpus, args.items)
    chars = sum(len(i["title"]) + sum(map(len, i["paragraphs"])) for i in items)
    extract_all(items[:50])  # warm up: load weights and jieba's dictionary outside the timing
    jieba_baseline(items[:50])
    ours = timed(extract_all, items)
    base = timed(jieba_baseline, items)
    print(f"{len(items)} articles, {chars / len(items):.0f} characters each on average (CPU time)")
    print(f"{'':34} {'articles/s':>11} {'chars/s':>11}")
    print(f"{'newsroom extraction (all)':34} {len(items) / ours:11.0f} {chars / ours:11.0f}")
    print(f"{'jieba.posseg nr (baseline)':34} {len(items) / base:11.0f} {chars / base:11.0f}")
    print(f"ratio newsroom / jieba: {base / ours:.2f}x   target: >= 1,000 articles/s")


if __name__ == "__main__":
    import sys

    run(sys.argv[1:])
