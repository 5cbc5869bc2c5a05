"""Names with a two-character family name (欧阳, 司马; Japanese: 安倍, 上川) or a rare one
(阴, 信, 怀: person_surnames_rare.txt) right after a title. The scorer learned few of them (a
Japanese given name, 晋三 or 阳子, looks like no Chinese one) and never starts a candidate at a
rare family name, so after a title such a family name and one or two characters are taken
when a name can end there (日本前首相安倍晋三遇袭, 外相上川阳子会见, 部长阴和俊、)."""

from __future__ import annotations

from .person_context import ends_clean
from .person_features import is_han
from .person_scorer import TITLED
from .person_spans import Span, cuts_word, given_is_verb
from .person_words import given_may_end, longest_ending_at, surnames_rare, titles


def compound_after_titles(text: str, taken: list[Span], spans: list[Span]) -> list[Span]:
    """``spans`` (score_all) holds every two-character family name after a title, however
    low its score: where to look."""
    used = {k for s in taken for k in range(s.start, s.end)}
    found: list[Span] = []
    for start in sorted({s.start for s in spans if s.sur == 2 and s.titled}):
        if start in used or not longest_ending_at(text, start, titles()):
            continue
        # The longer reading first: Japanese given names mostly have two characters; three
        # (由纪夫) and one need a sure end: no Chinese character after (鸠山由纪夫、, 石破茂19日,
        # not 池田大|作坚定).
        for end in (start + 5, start + 4, start + 3):
            name = text[start:end]
            sure = end == start + 4 or not is_han(text[end : end + 1] or "。")
            if (
                end > len(text)
                or not all(is_han(c) for c in name)
                or _reads_as_words(text, start, end)
            ):
                continue
            if sure and ends_clean(text, end):
                if not any(k in used for k in range(start, end)):
                    found.append(Span(start, end, 0.5, "title", True, 2, TITLED))
                    used.update(range(start, end))
                break
    return found


def _reads_as_words(text: str, start: int, end: int) -> bool:
    """A common word runs across one of the span's edges or between its family and given
    name (工人前|田野|调查), or the given part is a verb (村民田中|劳作): it reads as ordinary
    words. (A given name may be a noun of its own: 阳子, 早苗.)"""
    crossed = cuts_word(text, start + 1) or cuts_word(text, end - 1)
    return crossed or given_is_verb(text, start + 2, end)


def rare_after_titles(
    text: str, taken: list[Span], hidden: list[bool], ends: list[int]
) -> list[Span]:
    """A rare family name where a title ends (``ends``), with a two- or one-character given
    name that ends where a name can (the longer first), reading as no common word (部长|展开,
    部长|信任)."""
    used = {k for s in taken for k in range(s.start, s.end)}
    found: list[Span] = []
    for start in ends:
        if text[start : start + 1] not in surnames_rare() or start in used or hidden[start]:
            continue
        if cuts_word(text, start):
            continue
        for end in (start + 3, start + 2):
            name = text[start:end]
            if end > len(text) or not all(is_han(c) for c in name) or not given_may_end(name[1:]):
                continue
            if cuts_word(text, end - 1) or given_is_verb(text, start + 1, end):
                continue
            if ends_clean(text, end) or text[end : end + 1] == "、":
                if not any(k in used for k in range(start, end)):
                    found.append(Span(start, end, 0.5, "title", True, 1, TITLED))
                    used.update(range(start, end))
                break
    return found
