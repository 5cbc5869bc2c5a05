"""Generate pages, read each as the importer does, score it; optionally write pages and keys."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .notes import page_notes
from .pages import PageMaker
from .reading import read_page
from .scoring import Tally, score_page


@dataclass
class Evaluation:
    tallies: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    pages: int = 0
    interrupted: bool = False  # stopped early (Ctrl-C): the tallies cover the pages read so far


def evaluate(
    maker: PageMaker,
    count: int,
    out: Path | None = None,
    note: Callable[[str], None] | None = None,
) -> Evaluation:
    """Score ``count`` pages; ``note`` (if given) hears what went wrong on each page.

    An interrupt keeps the pages already scored: a slow reader can still be measured in part.
    """
    result = Evaluation()
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
    try:
        _score_pages(maker, count, out, note, result)
    except KeyboardInterrupt:
        result.interrupted = True
    return result


def _score_pages(
    maker: PageMaker,
    count: int,
    out: Path | None,
    note: Callable[[str], None] | None,
    result: Evaluation,
) -> None:
    for page in maker.pages(count):
        if out is not None:  # written before reading, so a page the reader chokes on is there
            (out / page.file_name).write_text(page.text, encoding="utf-8")
            key = json.dumps(page.answer_key(), ensure_ascii=False, indent=1)
            (out / page.file_name).with_suffix(".json").write_text(key, encoding="utf-8")
        reading = read_page(page.text, page.file_name)
        scores = score_page(page, reading)
        if note is not None:
            for line in page_notes(page, reading):
                note(f"{page.file_name}: {line}")
        added = {form: result.tallies[form] + tally for form, tally in scores.items()}
        result.tallies.update(added)
        result.pages += 1
