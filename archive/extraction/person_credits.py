"""Photo credits in running text: （刘宇摄）, （新华社记者 刘宇 摄）, "刘宇 摄" ending a caption.

The credited person is a name, but the 摄 after it is not part of it: scored alone, 刘宇摄 looks
like a three-character name. Credits are read first and win over the scorer at their place.
"""

from __future__ import annotations

import re

from .person_dict import word_codes
from .person_spans import TITLE_FLOOR, Span

# （…摄） anywhere, or …摄 ending a line; 摄影 and a space before 摄 are written too
_CREDIT = re.compile(
    r"[（(]([^（）()\n]{2,40}?)[ \t\u3000]*摄影?[ \t\u3000]*[）)]"
    r"|([^（）()\n。！？；：，]{2,40}?)[ \t\u3000]*摄影?[ \t\u3000]*$",
    re.MULTILINE,
)
# what stands before the names inside a credit (新华社记者 X 摄, 本报通讯员 X 摄)
_BEFORE_NAMES = re.compile(r".*(?:记者|通讯员|摄影|图/|图／|文/|文／)")
_SEPARATOR = re.compile(r"[ \t\u3000、/／]+")


def credits(text: str, spans: list[Span]) -> list[Span]:
    """The names credited in photo credits, each the best scored span at its place."""
    if "摄" not in text:
        return []
    by_end: dict[int, list[Span]] = {}
    for span in spans:
        by_end.setdefault(span.end, []).append(span)
    found: list[Span] = []
    for match in _CREDIT.finditer(text):
        group = 1 if match.group(1) is not None else 2
        start, end = match.start(group), match.end(group)
        head = _BEFORE_NAMES.match(text, start, end)
        pos = head.end() if head else start
        for token in _SEPARATOR.split(text[pos:end]):
            at = text.find(token, pos) if token else -1
            if at < 0:
                continue
            pos = at + len(token)
            span = _name_ending(text, by_end.get(pos, ()), at)
            if span:
                span.how = "credit"
                found.append(span)
    return found


def _name_ending(text: str, options: list[Span], token_start: int) -> Span | None:
    """The span that is the whole token, else (names written without a space before 摄, after
    other words) the likeliest span ending there, if it is likely enough after a title and
    the 摄 is not the end of a word (无人机拍摄)."""
    exact = [s for s in options if s.start == token_start]
    if exact:
        return max(exact, key=lambda s: s.p)
    if not options or text[options[0].end - 1 : options[0].end + 1] in word_codes():
        return None
    return max((s for s in options if s.p >= TITLE_FLOOR), key=lambda s: s.p, default=None)
