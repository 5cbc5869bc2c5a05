"""What went wrong on one page, in words a person can check against the written page."""

from __future__ import annotations

from .reading import PageReading
from .scoring import match
from .text import squeeze
from .truth import TruePage

SHOWN = 24  # characters of a key or text shown per note


def page_notes(page: TruePage, reading: PageReading) -> list[str]:
    """Missed and invented articles, wrong titles and bylines, a wrong or missing issue date."""
    pairs = match(page.articles, reading.articles)
    read_of = {t: r for r, t in pairs.items()}
    notes = []
    for index, true in enumerate(page.articles):
        forms = ",".join(true.forms)
        if index not in read_of:
            notes.append(f"missed [{forms}] {true.title or '(untitled)'} | {true.key[:SHOWN]}")
            continue
        read = reading.articles[read_of[index]]
        if true.title is not None and squeeze(true.title) != read.title:
            notes.append(f"title [{forms}] want {true.title!r} got {read.title!r}")
        if set(true.bylines) != set(read.bylines):
            notes.append(f"bylines [{forms}] want {true.bylines} got {read.bylines}")
    for r, read in enumerate(reading.articles):
        if r not in pairs:
            notes.append(f"invented: title {read.title!r} | {read.text[:SHOWN]}")
    if reading.issue_date != page.issue_date:
        got = reading.issue_date.isoformat() if reading.issue_date else "None"
        notes.append(f"date [{','.join(page.forms)}] want {page.issue_date} got {got}")
    return notes
