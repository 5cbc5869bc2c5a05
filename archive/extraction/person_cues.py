"""Names that words around them announce: 名叫X的, 一位叫X的 (a name must follow), N岁的X (an
age, then a person's name, perhaps after a word for the person: 75岁的老人X), who one meets or
calls (同X举行会谈, 与X通电话), and whom a reporter cites (据X介绍). Feature stories introduce
ordinary people so, and news a visitor met, with no title beside them; the scorer alone rates
many of their names, foreign ones above all (瓦里, 伯恩丝, 洪森), too low."""

from __future__ import annotations

import re
from functools import cache

from .person_context import ends_clean
from .person_dict import word_codes
from .person_features import is_han
from .person_scorer import TITLED
from .person_spans import Span
from .person_words import (
    compound_surnames,
    foreign_places,
    given_may_end,
    inside_listed,
    longest_starting_at,
    surnames,
    translit_chars,
    translit_dotted_chars,
)

# 一个名叫 / 他名叫 / 一位叫 …: what follows is a person's name, up to 的 or a pause (not 村子|名叫,
# 公司|名叫: after a thing the name is a thing's).
_NAMED = re.compile(
    r"(?:^|(?<=[一个位他她我你有，,。；;\s]))(?:名叫|名字叫|叫做)|(?<=[个位他她])叫"
)
# N岁的 and an optional word for the person; then the name must end where a clause goes on.
_AGED = re.compile(
    r"[0-9０-９一二三四五六七八九十]{1,3}岁的(?:老人|老妪|老汉|老太太|老太|老大爷|老奶奶|男孩|女孩"
    r"|小男孩|小女孩|姑娘|小伙子|小伙|少年|少女|青年|村民|农民|母亲|父亲|儿子|女儿|老伴)?"
)
NAMED_END = set("的，,。、；;")  # 名叫X的 …, 名叫X，…
# 有个叫X的贫困村: what 的 leads to is a place, so X is a place's name.
_PLACE_AFTER = re.compile(
    r"的[^，,。；;\s]{0,3}?(?:村|镇|乡|县|市|区|省|国|岛|河|山|湖|街|路|地方|公司|企业|学校|小区)"
)
LONGEST = 8  # characters of a transliterated name after a cue
# 同X举行会谈, 与X通电话: who one meets or calls is a person (or a country or side: 同美方,
# 与越南, which jieba and the place list know).
_MET = re.compile(r"(?:举行(?:会谈|会晤|视频会晤)|通电话|通话)")
_PARTNER = set("同与和")
_VISITED = re.compile(f"陪同([^，。、；：\\s]{{2,{LONGEST}}}?)(?:访华|来华|访问|出访)")
_SIDES = set("方国党府部队团委会")  # 同美方, 同该国: a side, not a person
# 据X介绍, 据X回忆: whom a reporter cites (据市局介绍, 据美方介绍: no name, _partner_name).
_CITED = re.compile(f"据([^，。、；：\\s]{{2,{LONGEST}}}?)(?:介绍|透露|回忆|讲述)")
CHINESE = (2, 3)  # a family name and a one- or two-character given name
CUED = 0.85  # confidence: the cue vouches, as a title does


def cued_names(text: str, taken: list[Span], hidden: list[bool]) -> list[Span]:
    used = {k for s in taken for k in range(s.start, s.end)}
    found: list[Span] = []
    for pattern, named, mark in ((_NAMED, True, "叫"), (_AGED, False, "岁的")):
        if mark not in text:
            continue  # most texts have neither cue: skip the scan
        for match in pattern.finditer(text):
            start = match.end()
            end = _name_end(text, start, named)
            if end is None or any(hidden[k] or k in used for k in range(start, end)):
                continue
            found.append(Span(start, end, CUED, "title", True, _surname(text, start), TITLED))
            used.update(range(start, end))
    for start, end in _partners(text):
        if not any(hidden[k] or k in used for k in range(start, end)):
            found.append(Span(start, end, CUED, "title", True, _surname(text, start), TITLED))
            used.update(range(start, end))
    return found


def _partners(text: str) -> list[tuple[int, int]]:
    """Who 同/与/和 joins to a meeting or a call (李强同洪森举行会谈, 与耶滕通电话), whom one
    accompanies on a visit (陪同塞西访华的有) and whom a reporter cites (据X介绍): a name of two
    to LONGEST characters that is no word, side or place."""
    found = []
    for match in _MET.finditer(text) if "同" in text or "与" in text else ():
        end = match.start()
        start = next(
            (a for a in range(end - 2, max(end - LONGEST, 1) - 1, -1) if text[a - 1] in _PARTNER),
            None,
        )
        if start is not None and _partner_name(text, start, end):
            found.append((start, end))
    for match in _VISITED.finditer(text) if "陪同" in text else ():
        if _partner_name(text, *match.span(1)):
            found.append(match.span(1))
    for match in _CITED.finditer(text) if "据" in text else ():
        if _partner_name(text, *match.span(1)):
            found.append(match.span(1))
    return found


def _partner_name(text: str, start: int, end: int) -> bool:
    name = text[start:end]
    if text[end - 1] in _SIDES or not given_may_end(name):
        return False
    if not all(is_han(c) or c == "·" for c in name):
        return False
    places = foreign_places()
    if word_codes().get(name, "r")[0] not in "rt" or inside_listed(text, start, end, places):
        return False
    if longest_starting_at(text, start, places):
        return False  # 阿曼苏丹海赛姆: a country and a title before the name
    chinese = _surname(text, start) and len(name) <= max(CHINESE)
    return bool(chinese) or all(c in _translit() or c == "·" for c in name)


def _name_end(text: str, start: int, named: bool) -> int | None:
    """Where the name after a cue ends: a Chinese name (a family name and one or two
    characters) or a run of transliteration characters; after 名叫 followed by 的 or a pause,
    after an age by what may follow a name (punctuation, a verb)."""
    sur = _surname(text, start)
    if sur:
        ends = [start + sur + given for given in (0, 1, 2) if sur + given in CHINESE]
    else:
        run = start
        while run < len(text) and run - start < LONGEST and text[run] in _translit():
            run += 1
        ends = list(range(start + 2, run + 1))
    for end in ends:
        name = text[start:end]
        if end > len(text) or not all(is_han(c) for c in name) or not given_may_end(name):
            continue
        if _common_word(name) or word_codes().get(name, "r")[0] not in "rt":
            continue  # a word jieba knows that is no name (村子名叫石门)
        if named and end < len(text) and text[end] in NAMED_END:
            return None if _PLACE_AFTER.match(text, end) else end
        # after an age a number may end the name too (村民于长生5天前)
        clean = ends_clean(text, end) or text[end : end + 1].isdigit()
        if not named and clean and not _common_word(text[end - 1 : end + 1]):
            return end
    return None


def _surname(text: str, start: int) -> int:
    if text[start : start + 2] in compound_surnames():
        return 2
    return 1 if text[start : start + 1] in surnames() else 0


def _common_word(chars: str) -> bool:
    """A common word jieba knows that is no name (年轻, 一个, 不久)."""
    code = word_codes().get(chars[:2], "r0")
    return code[0] not in "rt" and code[1] >= "3"


@cache
def _translit() -> frozenset[str]:
    return frozenset(translit_chars() + translit_dotted_chars())
