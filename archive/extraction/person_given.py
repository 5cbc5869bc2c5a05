"""A given name alone before 同志 (小平同志, 耀邦同志): how a party paper refers, with respect,
to a leader it has named in full before. The scorer looks for a family name and never sees
it; 同志 after a two-character string that is no word and cuts none is a name (which
persons._given_in_full files under the full name when the text gives it)."""

from __future__ import annotations

from .person_dict import char_tags, word_codes
from .person_features import is_han
from .person_spans import Span, cuts_word
from .person_words import given_may_end

COMRADE = "同志"
GIVEN = 2  # characters of a given name
_NO_NAME_TAGS = set("upcrmqfd")  # jieba tags of 的, 在, 和, 这, 一, 个, 上, 都 …
_LEADING_TAGS = set("vpcu")  # what may stand right before the given name


def given_names(text: str, taken: list[Span], hidden: list[bool]) -> list[Span]:
    found: list[Span] = []
    if COMRADE not in text:
        return found
    used = {k for s in taken for k in range(s.start, s.end)}
    at = text.find(COMRADE, GIVEN)
    while at >= 0:
        start = at - GIVEN
        if not any(hidden[k] or k in used for k in range(start, at)) and _given(text, start, at):
            found.append(Span(start, at, 0.5, "given", True, 0, 0))  # vouched: persons._evidence
        at = text.find(COMRADE, at + 1)
    return found


def _given(text: str, start: int, end: int) -> bool:
    """text[start:end] may be a given name: Chinese characters that may end a name, no word
    jieba knows (but a name), none of them a particle, preposition, pronoun or the like, not
    the tail of a word (老同志, 好同志); and before it no family name (周|铁农同志 is 周铁农's:
    a full name is the scorer's) but what may open a name (opens_name)."""
    given = text[start:end]
    if not all(is_han(c) for c in given) or not given_may_end(given):
        return False
    if word_codes().get(given, "r")[0] not in "rt" or given[-1] + COMRADE in word_codes():
        return False
    if any(char_tags().get(c, "x")[0] in _NO_NAME_TAGS for c in given):
        return False
    if not opens_name(text, start):
        return False
    return not cuts_word(text, start - 1) and not cuts_word(text, end - 1)


def opens_name(text: str, start: int) -> bool:
    """A name may start here: at the text's start, after punctuation, after a verb,
    preposition, conjunction or particle (落实|, 在|, 的|), or after a date (1974年|)."""
    before = text[start - 1] if start else ""
    if not before or not is_han(before) or char_tags().get(before, "x")[0] in _LEADING_TAGS:
        return True
    if before in "年月日" and start >= 2 and text[start - 2].isdigit():
        return True
    return word_codes().get(text[max(0, start - 2) : start], "-")[0] == "v"
