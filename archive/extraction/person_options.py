"""Names among numbered options: （1）A（2）B（3）C or ①A②B③C (a quiz, a ballot, candidates).

The options of one numbered run are things of one kind: when the rules read one of them as a
person, the others are persons too, unless one of them is a word, a place or an
organisation jieba knows (then the run lists something else).
"""

from __future__ import annotations

import re

from .person_dict import word_codes
from .person_scorer import LISTED
from .person_spans import Span

_MARK = re.compile(r"[（(]([0-9０-９]{1,2})[）)]|([①-⑳])")
_ITEM = re.compile(r"[\u4e00-\u9fff·•‧]{2,12}")
OPTIONS_MIN = 3  # numbered options needed before they count as a run


def option_names(text: str, taken: list[Span], hidden: list[bool]) -> list[Span]:
    """The options of a numbered run of which the rules took one as a name."""
    marks = list(_MARK.finditer(text))
    if len(marks) < OPTIONS_MIN:
        return []
    found = {(s.start, s.end) for s in taken}
    used = {k for s in taken for k in range(s.start, s.end)}
    added: list[Span] = []
    for run in _runs(text, marks):
        items = [i for i in run if i]
        if not found.intersection(items) or not all(_name_like(text, i) for i in items):
            continue
        for start, end in items:
            if (start, end) in found or any(hidden[k] or k in used for k in range(start, end)):
                continue
            added.append(Span(start, end, 0.5, "list", True, 1, LISTED))
            used.update(range(start, end))
    return added


Option = tuple[int, int] | None  # None: where the last option ends is not clear


def _runs(text: str, marks: list[re.Match[str]]) -> list[list[Option]]:
    """Runs of at least OPTIONS_MIN options numbered 1, 2, 3 … each option filling the space
    up to the next mark; the last one ends where a character no name holds follows, and is
    no longer than the longest of the others and a character (③葛菲|参赛须知)."""
    runs: list[list[Option]] = []
    run: list[Option] = []
    for i, mark in enumerate(marks):
        if _number(mark) != len(run) + 1:  # the numbering starts again, or is broken
            runs.append(run)
            run = []
            if _number(mark) != 1:
                continue
        item = _ITEM.match(text, mark.end())
        nxt = marks[i + 1].start() if i + 1 < len(marks) else -1
        if item and item.end() == nxt:
            run.append((item.start(), item.end()))
            continue
        longest = max((b - a for a, b in filter(None, run)), default=0)
        last = item and _closed(text, item.end()) and item.end() - item.start() <= longest + 1
        run.append((item.start(), item.end()) if last else None)
        runs.append(run)
        run = []
    runs.append(run)
    return [r for r in runs if len(r) >= OPTIONS_MIN]


def _number(mark: re.Match[str]) -> int:
    if mark.group(2):
        return ord(mark.group(2)) - ord("①") + 1
    return int(mark.group(1).translate(_FULL_DIGITS))


_FULL_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def _closed(text: str, end: int) -> bool:
    """The last option ends here: the text ends, or a character no name holds follows."""
    return end >= len(text) or not ("\u4e00" <= text[end] <= "\u9fff")


def _name_like(text: str, item: tuple[int, int]) -> bool:
    code = word_codes().get(text[item[0] : item[1]], "r0")
    return code[0] in "rt" or (code[0] not in "so" and code[1] < "2")
