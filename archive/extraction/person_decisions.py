"""Names in personnel decisions: 任命X为…, 免去X的…职务, 聘请X为… A local paper prints them
with every session of its congress; the scorer, which sees no title beside X, misses many.
The decision's own words say where the name ends (为, 的, 同志, 担任, 第, 、); a word jieba knows
there is what is decided on, not who (免去|关税|的商品)."""

from __future__ import annotations

import re

from .person_dict import word_codes
from .person_spans import Span

# A verb of appointing or removing, the name, then what the decision makes of the person.
_DECIDED = re.compile(
    r"(?:任命|免去|聘任|聘请|提名|推选|委任|撤销)(?=[\u4e00-\u9fff]{2,3}(?:同志)?(?:为|的|担任|第|、))"
)
# 免去X第十四届…委员资格; 免去X、Y的…: the list's other members are person_lists'
_AFTER = ("为", "的", "同志", "担任", "第", "、")


def decided_names(text: str, taken: list[Span], spans: list[Span]) -> list[Span]:
    starts = {m.end() for m in _DECIDED.finditer(text)}
    if not starts:
        return []
    used = {k for s in taken for k in range(s.start, s.end)}
    found: list[Span] = []
    for span in sorted(spans, key=lambda s: -s.p):
        if span.start not in starts or not span.sur:
            continue
        if not text.startswith(_AFTER, span.end) or any(
            k in used for k in range(span.start, span.end)
        ):
            continue
        if not _word(text[span.start : span.end]):
            found.append(Span(span.start, span.end, span.p, "title", True, span.sur))
            used.update(range(span.start, span.end))
    return found


def _word(string: str) -> bool:
    """A word jieba knows that is no name (免去|关税|的商品)."""
    code = word_codes().get(string, "r")
    return code[0] not in "rt"
