"""Golden files: the reader's whole output for each seed page.

UPDATE_GOLDEN=1 rewrites them after a deliberate change (review the diff); a missing golden
file fails the test instead of writing itself.
"""

import dataclasses
import json
import os
from pathlib import Path

import pytest

from archive.reading import parse_page

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests/fixtures/golden"
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def _as_json(page) -> str:
    data = {
        "banners": page.banners,
        "warnings": page.warnings,
        "masthead": dataclasses.asdict(page.masthead),
        "articles": [dataclasses.asdict(a) for a in page.articles],
    }
    return json.dumps(data, ensure_ascii=False, indent=1, default=str) + "\n"


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name)
def test_page_matches_golden_file(seed):
    got = _as_json(parse_page(seed.read_text(encoding="utf-8")))
    golden = GOLDEN / (seed.stem + ".json")
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(got, encoding="utf-8")
    assert golden.exists(), f"no golden file {golden.name}: run with UPDATE_GOLDEN=1 and review it"
    assert got == golden.read_text(encoding="utf-8")
