"""Layout accidents: paragraphs cut mid-sentence by a column end, continuations to other pages."""

from __future__ import annotations

import random

PUNCTUATION = "，。！？；：、“”‘’（）《》——…"
BREAK_FROM = 24  # never cut before this: an article's key (its opening words) stays whole
BREAK_TAIL = 12  # leave at least this much for the next column


def cut_point(
    rng: random.Random, text: str, before: int | None = None, keep: str = ""
) -> int | None:
    """A position inside a sentence, between two non-punctuation characters, under ``before``
    and never inside ``keep`` (an annotated sentence must reach the page whole)."""
    end = len(text) - BREAK_TAIL if before is None else min(before, len(text) - BREAK_TAIL)
    kept_from = text.find(keep) if keep else -1
    kept_to = kept_from + len(keep)
    spots = [
        i
        for i in range(BREAK_FROM, end)
        if text[i - 1] not in PUNCTUATION
        and text[i] not in PUNCTUATION
        and not (kept_from >= 0 and kept_from < i < kept_to)
    ]
    return rng.choice(spots) if spots else None


def column_break(
    rng: random.Random, paragraphs: list[str], caption: str, keep: str = ""
) -> list[str] | None:
    """Cut one paragraph mid-sentence; put a caption between or a later paragraph before the rest.

    None when no paragraph is long enough to cut.
    """
    candidates = [i for i, p in enumerate(paragraphs) if cut_point(rng, p, keep=keep) is not None]
    if not candidates:
        return None
    index = rng.choice(candidates)
    text = paragraphs[index]
    cut = cut_point(rng, text, keep=keep)
    assert cut is not None
    left, right = text[:cut], text[cut:]
    after = paragraphs[index + 1 :]
    roll = rng.random()
    if roll < 0.3:
        middle = [caption]
    elif roll < 0.45 and after:
        middle, after = [after[0]], after[1:]  # the column's rest printed after the next one
    else:
        middle = []
    return paragraphs[:index] + [left, *middle, right, *after]


def continued_to(rng: random.Random, paragraphs: list[str], keep: str = "") -> list[str] | None:
    """The text stops mid-sentence with （下转第X版）; None if that would cut ``keep`` off."""
    last = paragraphs[-1]
    cut = cut_point(rng, last)
    if cut is None or (keep and keep in last):
        return None
    return paragraphs[:-1] + [f"{last[:cut]}（下转第{rng.randint(2, 8)}版）"]


def continued_from(rng: random.Random, text: str) -> str:
    return f"（上接第{rng.randint(1, 3)}版）{text}"
