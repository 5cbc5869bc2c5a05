"""Exact Chinese text units (no search engine here): every string of characters can be found, whatever a segmenter thinks.

Text is normalised (NFKC, lower case, traditional → simplified, one character at a time so the
normalised text maps back onto the original), then cut into *units*: each CJK character is a
unit, a run of other letters/digits ("5g", "2020", "up") is one unit. Punctuation and spaces
end a *run*. For every unit we emit its unigram and, at the SAME position, the bigram with the
next unit of its run. A query string of n units then becomes one term (n = 1), one bigram term
(n = 2) or a phrase of overlapping bigrams (n > 2): found exactly where the string occurs.

No Django and no Whoosh here: the query parser, snippets and the Whoosh analysis
(whoosh/analysis.py) all cut text the same way through this module.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections import defaultdict

# Ideographs (BMP, extension A, compatibility, extensions B–G), kana and hangul: one unit each.
CJK_CLASS = (
    "\u3005\u3007\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
    "\U00020000-\U0003134f"
)
# A run: letters, digits and CJK characters without a break (underscore is a break).
RUN_RE = re.compile(r"[^\W_]+")
# Units inside a run: one CJK character, or a maximal run of other letters/digits.
UNIT_RE = re.compile(rf"[{CJK_CLASS}]|[^\W_{CJK_CLASS}]+")
# The units that are not one CJK character ("2021", "5g"), and runs of CJK characters.
OTHER_UNIT_RE = re.compile(rf"[^\W_{CJK_CLASS}]+")
CJK_RUN_RE = re.compile(rf"[{CJK_CLASS}]+")

_opencc_lock = threading.Lock()
_opencc = None


def _t2s(text: str) -> str:
    global _opencc
    with _opencc_lock:
        if _opencc is None:
            import opencc

            _opencc = opencc.OpenCC("t2s")
        return _opencc.convert(text)


class _NormTable(dict):
    """str.translate table filled on first sight of each character (C speed afterwards)."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        value = unicodedata.normalize("NFKC", char).lower()
        if value and not value.isascii():
            value = _t2s(value)
        self[code] = value
        if len(value) != 1:
            _RESIZED.add(char)
        return value


_TABLE = _NormTable()
_RESIZED: set[str] = set()  # characters whose normal form is not one character


def normalize(text: str) -> str:
    """NFKC + lower case + t2s, character by character (so queries and texts agree exactly)."""
    return text.translate(_TABLE)


def normalize_with_map(text: str) -> tuple[str, list[int]]:
    """The normalised text and, for each of its characters, the index of the source character."""
    norm = text.translate(_TABLE)  # also fills the table (and _RESIZED) for every character
    if _RESIZED.isdisjoint(text):
        return norm, list(range(len(text)))
    pieces = [_TABLE[ord(c)] for c in text]
    out_map: list[int] = []
    for i, piece in enumerate(pieces):
        out_map.extend([i] * len(piece))
    return "".join(pieces), out_map


def runs(normalized: str) -> list[list[str]]:
    """Units grouped into runs, for normalised text."""
    out = []
    for run in RUN_RE.findall(normalized):
        out.append(list(run) if CJK_RUN_RE.fullmatch(run) else UNIT_RE.findall(run))
    return out


def text_units(text: str) -> list[list[str]]:
    return runs(normalize(text))


def index_terms(text: str) -> dict[str, list[int]]:
    """term → positions, the fast path used when indexing (same result as the tokenizer)."""
    poses: dict[str, list[int]] = defaultdict(list)
    pos = 0
    fullmatch = CJK_RUN_RE.fullmatch
    for run in RUN_RE.findall(normalize(text)):
        units = run if fullmatch(run) else UNIT_RE.findall(run)
        n = len(units)
        for i in range(n):
            poses[units[i]].append(pos + i)
        if n > 1:
            if isinstance(units, str):
                for i in range(n - 1):
                    poses[units[i : i + 2]].append(pos + i)
            else:
                for i in range(n - 1):
                    poses[units[i] + units[i + 1]].append(pos + i)
        pos += n
    return poses
