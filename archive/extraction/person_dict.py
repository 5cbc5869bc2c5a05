"""What jieba's dictionary says about a string: part of speech and how common it is.

jieba is already a project dependency, so its ``dict.txt`` is read from the installed package
(offline). Each 2–4 character word is reduced to a short code ``<tag group><frequency bucket>``
(e.g. ``n4`` a very common noun, ``r2`` a person name jieba has seen a few times); the scorer
uses these codes as features, never the words themselves. Words jieba tags as names but
that are common words (data/person_common_words.txt: 贺词, 乌龟) get their own group ``c``.
"""

from __future__ import annotations

import math
from functools import cache
from pathlib import Path

import jieba

from .person_words import common_words

COMMON = "common"  # the tag given to a common word that jieba's dictionary calls a name
_GROUPS = {
    **{"nr": "r", "nrfg": "r", "nrt": "t", "ns": "s", "nt": "o", "nz": "z", "n": "n", "v": "v"},
    COMMON: "c",
}
COMMON_GROUP = _GROUPS[COMMON]


def _code(freq: int, tag: str) -> str:
    bucket = min(5, int(math.log10(freq + 1)))
    return _GROUPS.get(tag, "x") + str(bucket)


@cache
def word_codes() -> dict[str, str]:
    path = Path(jieba.__file__).resolve().parent / "dict.txt"
    codes: dict[str, str] = {}
    common = common_words()
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            word, freq, tag = line.split()
            if 2 <= len(word) <= 4:
                codes[word] = _code(int(freq), COMMON if word in common else tag)
    return codes
