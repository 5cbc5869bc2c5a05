"""What jieba's dictionary says about a string: part of speech and how common it is.

jieba is already a project dependency, so its ``dict.txt`` is read from the installed package
(offline). Each 2–4 character word is reduced to a short code ``<tag group><frequency bucket>``
(e.g. ``n4`` a very common noun, ``r2`` a person name jieba has seen a few times); the scorer
uses these codes as features, never the words themselves.
"""

from __future__ import annotations

import math
from functools import cache
from pathlib import Path

import jieba

WORD_LONGEST = 4  # characters of the longest words read from the dictionary
_GROUPS = {"nr": "r", "nrfg": "r", "nrt": "t", "ns": "s", "nt": "o", "nz": "z", "n": "n", "v": "v"}


def _code(freq: int, tag: str) -> str:
    bucket = min(5, int(math.log10(freq + 1)))
    return _GROUPS.get(tag, "x") + str(bucket)


@cache
def word_codes() -> dict[str, str]:
    path = Path(jieba.__file__).resolve().parent / "dict.txt"
    codes: dict[str, str] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            word, freq, tag = line.split()
            if 2 <= len(word) <= WORD_LONGEST:
                codes[word] = _code(int(freq), tag)
    return codes


@cache
def char_tags() -> dict[str, str]:
    """Single character → jieba's part-of-speech tag for it used as a word (说 v, 及 c)."""
    path = Path(jieba.__file__).resolve().parent / "dict.txt"
    tags: dict[str, str] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            word, _, tag = line.split()
            if len(word) == 1:
                tags[word] = tag
    return tags


@cache
def verb_words() -> frozenset[str]:
    """The words of two to four characters jieba tags as verbs of any kind (v, vn, vd …)."""
    path = Path(jieba.__file__).resolve().parent / "dict.txt"
    with path.open(encoding="utf-8") as handle:
        rows = (line.split() for line in handle)
        return frozenset(
            word for word, _, tag in rows if tag[0] == "v" and 2 <= len(word) <= WORD_LONGEST
        )
