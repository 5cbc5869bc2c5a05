"""Names that books and papers carry: the subject at the head of a title (《张浩传奇》,
《钱钟书与中国文化精神》) and the author written after it (《纳兰性德著作考》（赵秀亭）).

The scorer reads the span with 《 or （ beside it, which says little; here a title's head
followed by a word that makes the title about a person, or the whole note after a title, is a
name when its string alone looks like one (ALONE).
"""

from __future__ import annotations

from .person_features import features, isolated
from .person_model import load_model, probability
from .person_spans import PLACE_CHECK, Span, plausible
from .person_words import longest_starting_at, works_about

ALONE = 0.5  # probability the span's string needs on its own (between commas)


def work_names(text: str, taken: list[Span], spans: list[Span]) -> list[Span]:
    if "《" not in text:
        return []
    used = {k for s in taken for k in range(s.start, s.end)}
    found: list[Span] = []
    weights = load_model()[0]
    for span in sorted(spans, key=lambda s: -s.p):
        if span.p < PLACE_CHECK or any(k in used for k in range(span.start, span.end)):
            continue
        if not (_heads_title(text, span) or _author(text, span)):
            continue
        alone, cand = isolated(text, (span.start, span.end, span.sur))
        if probability(weights, features(alone, cand)) < ALONE:
            continue
        if not plausible(text, span):
            continue
        found.append(Span(span.start, span.end, span.p, "title", True, span.sur))
        used.update(range(span.start, span.end))
    return found


def _heads_title(text: str, span: Span) -> bool:
    """《 right before, and a word that makes the work about a person right after."""
    if text[span.start - 1 : span.start] != "《":
        return False
    return bool(longest_starting_at(text, span.end, works_about()))


def _author(text: str, span: Span) -> bool:
    """The whole of a note in brackets right after a title (》（X）), unless it names a part
    or an edition (（程甲本）, （宋元篇）)."""
    if text[span.end - 1] in _PARTS:
        return False
    return text[span.start - 2 : span.start] == "》（" and text[span.end : span.end + 1] == "）"


_PARTS = set("本版卷篇稿集部册章")
