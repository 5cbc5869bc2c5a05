"""Read NER gold sets (JSON lines: text + entity_list) for training and evaluation."""

from __future__ import annotations

import json
from pathlib import Path

# entity_type that means "person" in each corpus
PERSON_TYPES = {"msra": "PER", "cluener": "name"}

Gold = tuple[str, set[tuple[int, int]]]


def person_type(path: Path) -> str:
    for prefix, kind in PERSON_TYPES.items():
        if path.name.startswith(prefix):
            return kind
    return "PER"


def read_gold(path: Path) -> list[Gold]:
    kind = person_type(path)
    rows: list[Gold] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            row = json.loads(line)
            spans = {
                (e["entity_index"]["begin"], e["entity_index"]["end"])
                for e in row.get("entity_list", [])
                if e["entity_type"] == kind
            }
            rows.append((row["text"], spans))
    return rows
