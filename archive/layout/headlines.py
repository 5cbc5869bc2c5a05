"""Headline blocks: title alone, kicker / title / deck stacks, split titles, slogans.

Kickers and decks are cut from the item's own lead, so they read like the story they head.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

from . import forms
from .text import clauses

DECK_MIN, DECK_MAX = 6, 22  # CJK characters of a kicker or deck line
SLOGAN_PART_MAX = 12  # each half of a slogan title ("集中交办 排查安全隐患")
SPLIT_MIN = 12  # titles shorter than this fit one line
# Clauses no desk would set as a kicker or deck: dates ("9月20日下午") and speech tags ("…指出").
NOT_A_LINE_RE = re.compile(r"\d|(?:称|说|指出|表示|强调|介绍|显示|认为)$")


@dataclass
class Headline:
    blocks: list[str]
    title: str
    kicker: str = ""
    deck: str = ""
    forms: list[str] = field(default_factory=list)


def is_slogan(title: str) -> bool:
    parts = title.split(" ")
    return len(parts) == 2 and all(2 <= len(p) <= SLOGAN_PART_MAX for p in parts)


def _line(rng: random.Random, lead: str, avoid: str) -> str:
    usable = [c.strip() for c in clauses(lead) if DECK_MIN <= len(c.strip()) <= DECK_MAX]
    usable = [c for c in usable if c not in avoid and not NOT_A_LINE_RE.search(c)]
    return rng.choice(usable) if usable else ""


def _stack(rng: random.Random, lines: list[str]) -> list[str]:
    """Headline lines as separate blocks (most OCR) or one block of lines."""
    return lines if rng.random() < 0.6 else ["\n".join(lines)]


def plain(title: str) -> Headline:
    return Headline(blocks=[title], title=title)


def stacked(rng: random.Random, title: str, lead: str) -> Headline:
    """Kicker / title / deck in one of the orders papers use; an em dash joins some of them."""
    if "——" in title:  # a broadcast title that already carries its deck
        main, rest = title.split("——", 1)
        if main and rest:
            deck = "——" + rest
            return Headline(_stack(rng, [main, deck]), main, deck=deck, forms=[forms.STACK])
    kicker = _line(rng, lead, title)
    deck = _line(rng, lead, title + kicker)
    shape = rng.choice(("kicker", "deck", "both", "both"))
    if shape in ("deck", "both") and deck:
        deck = ("——" + deck) if rng.random() < 0.3 else deck
    else:
        deck = ""
    if shape not in ("kicker", "both"):
        kicker = ""
    if kicker and rng.random() < 0.3:
        kicker += "——"
    if not kicker and not deck:
        return plain(title)
    lines = [line for line in (kicker, title, deck) if line]
    return Headline(_stack(rng, lines), title, kicker=kicker, deck=deck, forms=[forms.STACK])


def split_title(rng: random.Random, title: str) -> Headline:
    """A long title broken over two lines of one block, at its space if it has one."""
    if len(title) < SPLIT_MIN:
        return plain(title)
    if " " in title:
        left, right = title.split(" ", 1)
    else:
        cut = rng.randint(len(title) // 2 - 2, len(title) // 2 + 2)
        left, right = title[:cut], title[cut:]
    return Headline([f"{left}\n{right}"], title, forms=[forms.SPLIT_TITLE])


def slogan(rng: random.Random, title: str, lead: str) -> Headline:
    """A factual line from the lead over a parallel slogan: the slogan is the title."""
    factual = _line(rng, lead, title)
    if not factual or not is_slogan(title):
        return plain(title)
    return Headline(_stack(rng, [factual, title]), title, kicker=factual, forms=[forms.SLOGAN])


def headline(rng: random.Random, title: str, lead: str) -> Headline:
    if is_slogan(title) and rng.random() < 0.5:
        return slogan(rng, title, lead)
    roll = rng.random()
    if roll < 0.45:
        return plain(title)
    if roll < 0.8:
        return stacked(rng, title, lead)
    return split_title(rng, title)
