"""Headline blocks: kicker (引题), title, deck (副题), and column banners that are not articles."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import CJK, cjk_len

KICKER_END = ("——", "—", "--", "－－")
# A deck often ends by naming who presided or attended: "张三主持", "X出席并致辞".
DECK_END_RE = re.compile(r"(主持|出席|参加|致辞|讲话|强调|指出|调研|出席并致辞|出席并讲话)$")
BANNER_LINE_RE = re.compile(f"^[{CJK}]{{2,8}}(?: [{CJK}]{{2,8}}){{0,3}}$")


@dataclass
class Headline:
    kicker: str = ""
    title: str = ""
    deck: str = ""
    banners: tuple[str, ...] = ()


def is_banner(lines: list[str]) -> bool:
    """Column banners and slogans: short parallel lines ("决胜全面小康/决战脱贫攻坚")."""
    if not all(BANNER_LINE_RE.match(line) for line in lines):
        return False
    parts = [p for line in lines for p in line.split(" ")]
    if len(parts) < 2:
        return False
    # Parallel phrases have the same length; a title broken over lines rarely does.
    return len({len(p) for p in parts}) == 1


def is_kicker(text: str) -> bool:
    return text.rstrip().endswith(KICKER_END)


def _title_continues(title: str, nxt: str) -> bool:
    """A title the layout split into two short blocks ("以最开放的姿态" / "推进…建设")."""
    if title.endswith((":", "：")):
        return True
    no_punct = not re.search(r"[，,。；;、]", title + nxt)
    return no_punct and cjk_len(title) <= 9 and cjk_len(nxt) <= 16 and not DECK_END_RE.search(nxt)


def split_headline(blocks: list[list[str]]) -> Headline:
    """Blocks (each a list of lines) above an article → kicker, title, deck, banners."""
    headline = Headline()
    banners: list[str] = []
    rest: list[str] = []
    for lines in blocks:
        if is_banner(lines):
            banners.append(" ".join(lines))
            continue
        text = "".join(lines) if len(lines) > 1 else lines[0]
        if not headline.title and not rest and is_kicker(text) and not headline.kicker:
            headline.kicker = text
            continue
        rest.append(text)
    if rest:
        title = rest.pop(0)
        while rest and _title_continues(title, rest[0]):
            title += rest.pop(0)
        headline.title = title
        headline.deck = "\n".join(rest)
    elif headline.kicker:
        # Only a kicker survived: it is the best title we have.
        headline.title, headline.kicker = headline.kicker, ""
    headline.banners = tuple(banners)
    return headline
