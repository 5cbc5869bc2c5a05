"""The title or role written right next to a name (市委副书记、市长X; X院士)."""

from __future__ import annotations

import re

from .person_dict import word_codes
from .person_spans import NAME_JOINERS
from .person_words import (
    longest_ending_at,
    longest_starting_at,
    role_stops,
    roles,
    titles_after,
)

_CHAIN_STOP = set('，。；：！？,.;:!?“”‘’"《》〈〉【】\n\t ■…—（(')
MAX_ROLE = 40
_NOT_ROLES = {"团队", "一行", "等人", "夫妇"}
_ROLE_ENDS = set("员人家者袖")  # last characters of words for a person's part, rarely of a name
# A bracket that closes a dateline's signature (新华社北京4月16日电（记者X）国务院总理李强)
# ends the chain; one inside an organisation's name (刚果（金）总统) does not.
_SIGNATURE = re.compile(r"记者|通讯员|摄|电$")
# A date or time of day before the title is when, not who (3月1日上午白俄罗斯总统X).
_WHEN = re.compile(r"(?:\d+|[一二三四五六七八九十]+)[日号](?:上午|下午|中午|晚上?|早上?|凌晨)?")


def role_before(text: str, start: int, floor: int = 0) -> str:
    """Org + title chain ending at ``start``: walk left to punctuation, the end of the name
    before (``floor``: 日本首相岸田文雄、韩国总统X) or a bracket's signature, then cut at a stop
    word or a date."""
    title = longest_ending_at(text, start, roles())
    if not title:
        return ""
    left = start - len(title)
    floor = max(floor, start - MAX_ROLE, 0)
    while left > floor and text[left - 1] not in _CHAIN_STOP:
        if text[left - 1] in "）)":
            opened = max(text.rfind("（", floor, left), text.rfind("(", floor, left))
            if opened < 0 or _SIGNATURE.search(text[opened + 1 : left - 1]):
                break
            left = opened
            continue
        left -= 1
    chain = _titled_run(text[left:start])
    head = chain[: len(chain) - len(title)]
    if head[-1:] in NAME_JOINERS:
        return title  # 王小平和|夫人X: the conjunction joins two persons (平和 is a word)
    return chain[_cut(head) :].lstrip("、了")  # 听取了|宪法法律委主任委员


def _titled_run(chain: str) -> str:
    """The 、-joined titles that end the chain (市委副书记、市长), not an earlier title and name
    the finder left out (纳米比亚总统根哥布、刚果（金）总统)."""
    parts = chain.split("、")
    keep = 1
    while keep < len(parts) and _ends_as_role(parts[-keep - 1]):
        keep += 1
    return "、".join(parts[-keep:])


def _ends_as_role(part: str) -> bool:
    """A listed title or a word for someone (成员, 领袖, 候选人, 科学家), not a name."""
    return bool(part) and (
        part[-1] in _ROLE_ENDS or bool(longest_ending_at(part, len(part), roles()))
    )


def _cut(head: str) -> int:
    """Where the role starts: after the last stop word or date in ``head``; a one-character
    stop inside a word is none (经 in 日本经济产业大臣, 由 in 自由党主席)."""
    cut = max((m.end() for m in _WHEN.finditer(head)), default=0)
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
