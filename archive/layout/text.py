"""Small text helpers shared by the generator and the scorer."""

from __future__ import annotations

import re

WHITESPACE_RE = re.compile(r"\s+")
SENTENCE_END_RE = re.compile(r"(?<=[。！？])")


def squeeze(text: str) -> str:
    """Whitespace removed: OCR and typesetting put spaces anywhere, comparisons ignore them."""
    return WHITESPACE_RE.sub("", text)


def sentences(text: str) -> list[str]:
    return [s for s in SENTENCE_END_RE.split(text) if s]


def clauses(text: str) -> list[str]:
    """Comma- and sentence-separated pieces, without their punctuation."""
    return [c for c in re.split(r"[，。！？；：、“”]", text) if c]
