"""The title or role written right next to a name (市委副书记、市长X; X院士)."""

from __future__ import annotations

from .person_words import (
    longest_ending_at,
    longest_starting_at,
    role_stops,
    titles,
    titles_after,
)

_CHAIN_STOP = set('，。；：！？,.;:!?“”‘’"《》〈〉【】\n\t ■…—')
MAX_ROLE = 40
_NOT_ROLES = {"团队", "一行", "等人", "夫妇"}


def role_before(text: str, start: int) -> str:
    """Org + title chain ending at ``start``: walk left to punctuation, cut at a stop word."""
    title = longest_ending_at(text, start, titles())
    if not title:
        return ""
    left = start - len(title)
    floor = max(0, start - MAX_ROLE)
    while left > floor and text[left - 1] not in _CHAIN_STOP:
        left -= 1
    chain = text[left:start]
    head = chain[: len(chain) - len(title)]
    cut = max((head.rfind(w) + len(w) for w in role_stops() if w in head), default=0)
    return chain[cut:].lstrip("、")


def role_after(text: str, end: int) -> str:
    title = longest_starting_at(text, end, titles_after())
    return "" if title in _NOT_ROLES or title.endswith("思想") else title
