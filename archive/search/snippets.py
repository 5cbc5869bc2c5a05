"""Snippets: escaped text around the first match, <mark> around every matched string.

Matching happens on the normalised text (so a simplified query marks traditional text) and
is mapped back onto the original characters; everything that reaches the page is escaped.
"""

from __future__ import annotations

from html import escape

from archive.search.text import normalize_with_map

WIDTH = 120
LEAD = 30


def _spans(norm: str, needles: list[str]) -> list[tuple[int, int]]:
    found = []
    for needle in needles:
        start = norm.find(needle)
        while start != -1:
            found.append((start, start + len(needle)))
            start = norm.find(needle, start + 1)
    found.sort()
    merged: list[tuple[int, int]] = []
    for s, e in found:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


def make_snippet(text: str, needles: list[str], width: int = WIDTH) -> str:
    """HTML: up to `width` characters of text, starting a little before the first match."""
    text = " ".join(text.split())
    if not text:
        return ""
    norm, back = normalize_with_map(text)
    spans = [(back[s], back[e - 1] + 1) for s, e in _spans(norm, needles)] if norm else []
    start = max(0, spans[0][0] - LEAD) if spans else 0
    end = min(len(text), start + width)
    out = ["…" if start else ""]
    cursor = start
    for s, e in spans:
        if e <= start or s >= end:
            continue
        s, e = max(s, start), min(e, end)
        if s < cursor:
            s = cursor
        if s >= e:
            continue
        out.append(escape(text[cursor:s]))
        out.append(f"<mark>{escape(text[s:e])}</mark>")
        cursor = e
    out.append(escape(text[cursor:end]))
    if end < len(text):
        out.append("…")
    return "".join(out)
