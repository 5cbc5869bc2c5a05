"""The title or role written right next to a name (市委副书记、市长X; X院士)."""

from __future__ import annotations

from .person_dict import word_codes
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
    return chain[_cut(head) :].lstrip("、")


def _cut(head: str) -> int:
    """Where the role starts: after the last stop word in ``head``; a one-character stop
    inside a word is none (经 in 日本经济产业大臣, 由 in 自由党主席)."""
    cut = 0
    for word in role_stops():
        at = head.rfind(word)
        while at >= 0 and len(word) == 1 and _in_word(head, at):
            at = head.rfind(word, 0, at)
        if at >= 0:
            cut = max(cut, at + len(word))
    return cut


def _in_word(text: str, at: int) -> bool:
    codes = word_codes()
    return text[at : at + 2] in codes or (at > 0 and text[at - 1 : at + 1] in codes)


def role_after(text: str, end: int) -> str:
    title = longest_starting_at(text, end, titles_after())
    return "" if title in _NOT_ROLES or title.endswith("思想") else title
