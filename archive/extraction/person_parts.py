"""Names with no family name: a Tibetan name is mostly two listed parts written together
(扎西次仁, 顿珠多吉, 达瓦央宗). The scorer, which looks for a surname, never sees them; two
parts side by side are rare enough in other text to be taken as a name wherever they stand."""

from __future__ import annotations

import re
from functools import cache

from .person_spans import Span
from .person_words import tibetan_parts

PART = 2  # characters of a name part
PARTS_P = 0.85  # as sure as a listed name: no review needed


def part_names(text: str, taken: list[Span], hidden: list[bool]) -> list[Span]:
    """Runs of two parts (or four: two names of a 名单 whose space was lost); a run of three
    could be cut either way and is left alone."""
    used = {k for s in taken for k in range(s.start, s.end)}
    found: list[Span] = []
    for match in _runs().finditer(text):
        start, end = match.span()
        if (end - start) % (2 * PART) or hidden[start]:
            continue
        for at in range(start, end, 2 * PART):
            if not any(k in used for k in range(at, at + 2 * PART)):
                found.append(Span(at, at + 2 * PART, PARTS_P, "score", True, 0, 0))
    return found


@cache
def _runs() -> re.Pattern[str]:
    parts = "|".join(sorted(tibetan_parts()))
    return re.compile(f"(?:{parts}){{2,}}")
