"""Names with no family name: a Tibetan name is mostly two listed parts written together
(扎西次仁, 顿珠多吉, 达瓦央宗). The scorer, which looks for a surname, never sees them; two
parts side by side are rare enough in other text to be taken as a name wherever they stand."""

from __future__ import annotations

import re
from functools import cache

from .person_features import DOTS
from .person_spans import Span
from .person_words import tibetan_parts

PART = 2  # characters of a name part
PARTS_P = 0.85  # as sure as a listed name: no review needed


def part_names(text: str, taken: list[Span], hidden: list[bool]) -> list[Span]:
    """Runs of two parts (or four: two names of a 名单 whose space was lost); a run of three
    could be cut either way and is left alone."""
    used = {k for s in taken for k in range(s.start, s.end)}
    parts = tibetan_parts()
    found: list[Span] = []
    for match in _part_chars().finditer(text):  # a cheap first look: runs of their characters
        at, stop = match.span()
        while at + 2 * PART <= stop:
            end = at
            while end + PART <= stop and text[end : end + PART] in parts:
                end += PART
            if end - at < 2 * PART:
                at += 1
                continue
            joined = text[at - 1 : at] in DOTS or text[end : end + 1] in DOTS  # 帕巴拉·格列朗杰
            if (end - at) % (2 * PART) == 0 and not hidden[at] and not joined:
                for start in range(at, end, 2 * PART):
                    if not any(k in used for k in range(start, start + 2 * PART)):
                        found.append(Span(start, start + 2 * PART, PARTS_P, "score", True, 0, 0))
            at = end
    return found


@cache
def _part_chars() -> re.Pattern[str]:
    chars = "".join(sorted({char for part in tibetan_parts() for char in part}))
    return re.compile(f"[{re.escape(chars)}]{{{2 * PART},}}")
