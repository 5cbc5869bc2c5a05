"""Names in lists: members joined by 、 (or, in a 名单, by spaces) to a sure name, lists closed
by a verb (A、B出席), and lists that name places whatever their members look like (X、Y等地)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from .person_context import vouched
from .person_dict import WORD_LONGEST, char_tags, word_codes
from .person_features import is_han
from .person_scorer import LISTED
from .person_spans import Span, inside_word, nounish, opens_clause
from .person_words import longest_ending_at, longest_starting_at, titles, titles_after, verbs

_LIST_END = set("，。；：！？,.;:!?）)\n")
LIST_ANCHOR = 0.9  # a name taken on its score alone anchors a 、 list only when this likely
LIST_HEAD = 0.3  # a verb-closed list needs one member this likely on its own
LIST_FLOOR = 0.02  # probability enough for a member of a 、 list (see _member_ok)
JOINED_FLOOR = 0.01  # … for its last member joined by 和 / 以及 (A、B和C), or one before 以及
_SPACES = set(" \u3000")  # the names of a 名单 are often set apart by spaces only


def list_members(text: str, taken: list[Span], spans: list[Span]) -> list[Span]:
    """Spans joined by 、 (or, in a 名单, by spaces) to a safely taken name (市领导A、B、C) are
    names too, when they score at least LIST_FLOOR themselves (places and words listed next to
    a name do not); a member no candidate covers (a surname the lists lack: 刀, 回) is taken
    between two names, or beside a sure one, unless jieba knows it as a common word."""
    if "、" not in text and not _SPACES.intersection(text):
        return []
    queue = [s for s in taken if s.how != "score" or s.p >= LIST_ANCHOR or vouched(text, s)]
    by_start: dict[int, list[Span]] = {}
    by_end: dict[int, list[Span]] = {}
    for span in spans:
        by_start.setdefault(span.start, []).append(span)
        by_end.setdefault(span.end, []).append(span)
    used = {k for s in taken for k in range(s.start, s.end)}
    held = {(s.start, s.end): s for s in taken}  # a list goes on through names taken already
    walked = {(s.start, s.end) for s in queue}
    added: list[Span] = []
    while queue:
        span = queue.pop()
        for member in (_right_member(text, span, by_start), _left_member(text, span, by_end)):
            if not member:
                continue
            key = (member.start, member.end)
            if key in held and key not in walked:
                walked.add(key)
                queue.append(held[key])
            elif not any(k in used for k in range(member.start, member.end)):
                member.how = "list"
                added.append(member)
                used.update(range(member.start, member.end))
                queue.append(member)
    return added


def verb_lists(text: str, taken: list[Span], spans: list[Span]) -> list[Span]:
    """A、B(、C)出席: a 、 list closed by a verb or title is a list of persons when one member
    looks like a name on its own (LIST_HEAD) and none is hopeless."""
    if "、" not in text:
        return []
    by_start: dict[int, list[Span]] = {}
    for span in spans:
        if _list_end(text, span):
            by_start.setdefault(span.start, []).append(span)
    used = {k for s in taken for k in range(s.start, s.end)}
    added: list[Span] = []
    pos = 0
    for start in sorted(by_start):
        if start < pos or not _fits_left(text, start):
            continue
        members = _walk_list(text, start, by_start)
        if len(members) < 2 or not _strong_end(text, members[-1].end):
            continue
        if max(m.p for m in members) < LIST_HEAD or not all(_member_ok(text, m) for m in members):
            continue
        pos = members[-1].end
        for member in members:
            if not any(k in used for k in range(member.start, member.end)):
                member.how = "list"
                added.append(member)
                used.update(range(member.start, member.end))
    return added


def _list_end(text: str, span: Span) -> bool:
    if not span.clean or span.end >= len(text):
        return False
    return text[span.end] == "、" or _strong_end(text, span.end)


def _walk_list(text: str, start: int, by_start: dict[int, list[Span]]) -> list[Span]:
    members: list[Span] = []
    while start in by_start:
        member = max(by_start[start], key=lambda s: s.p)
        members.append(member)
        if text[member.end] != "、":
            break
        start = member.end + 1
    return members


def _strong_end(text: str, end: int) -> bool:
    """A verb of two or more characters, or a title, follows."""
    verb = longest_starting_at(text, end, verbs())
    return len(verb) > 1 or bool(longest_starting_at(text, end, titles_after()))


def _fits_right(text: str, end: int) -> bool:
    if end >= len(text):
        return True
    return (
        text[end] in _LIST_END
        or text[end] == "、"
        or text[end] in _SPACES
        or text[end] == "等"
        or bool(longest_starting_at(text, end, verbs()))
        or opens_clause(text, end)
    )


def _member_ok(text: str, span: Span) -> bool:
    """In a verb-closed list a member may score almost nothing when jieba knows it as a noun
    or place: a name that is also a word (A、<word>出席); but a place before a title is the
    next member's country (A、蒙古国总统夫人B)."""
    name = text[span.start : span.end]
    if word_codes().get(name, "-")[0] == "s" and longest_starting_at(
        text, span.end, titles_after()
    ):
        return False
    if span.p >= LIST_FLOOR:
        return True
    if inside_word(text, span.start, span.end):
        return False
    return span.p >= 0.0005 and nounish(name)


def _fits_left(text: str, start: int) -> bool:
    if start == 0 or text[start - 1] in _LIST_END or text[start - 1] in "、：:（(“ \u3000":
        return True
    return bool(longest_ending_at(text, start, titles())) or _after_verb(text, start)


def _after_verb(text: str, start: int) -> bool:
    """A verb, preposition or conjunction ends right before ``start`` (还有A、B, 由A、B)."""
    if start >= 2 and word_codes().get(text[start - 2 : start], "-")[0] == "v":
        return True
    return char_tags().get(text[start - 1], "x") in ("v", "p", "c")


def _right_member(text: str, span: Span, by_start: dict[int, list[Span]]) -> Span | None:
    at = _next_member(text, span.end)
    if at < 0:
        joiner = _joiner_at(text, span.end)
        if joiner and text[span.start - 1 : span.start] == "、":  # A、B和|C: the list's last
            after = span.end + len(joiner)
            return _likeliest(
                by_start.get(after, ()), lambda s: _fits_right(text, s.end), JOINED_FLOOR
            )
        return None
    best = _likeliest(by_start.get(at, ()), lambda s: _fits_right(text, s.end))
    if best:
        return best
    end = at
    while end < len(text) and is_han(text[end]) and text[end] not in "、等":
        end += 1
    between = _named(by_start.get(_next_member(text, end), ()))
    if not (between or (text[at - 1] == "、" and _strong(span))):
        return None
    return _bare(text, at, end) if _fits_right(text, end) else None


def _likeliest(
    spans: Iterable[Span], fits: Callable[[Span], bool], floor: float = LIST_FLOOR
) -> Span | None:
    return max((s for s in spans if s.p >= floor and fits(s)), key=lambda s: s.p, default=None)


def _strong(span: Span) -> bool:
    """A name sure enough to vouch alone for a list member no candidate covers (睦邻、安邻、
    富邻: 安邻, taken on a middling score, vouches for nothing)."""
    return span.p >= LIST_ANCHOR or span.titled or span.how in ("title", "chain", "known")


def _named(spans: Iterable[Span]) -> bool:
    return any(s.p >= LIST_FLOOR for s in spans)


def _left_member(text: str, span: Span, by_end: dict[int, list[Span]]) -> Span | None:
    at = _previous_member(text, span.start)
    if at < 0:
        joiner = _joiner_before(text, span.start)
        if joiner and text[span.end : span.end + 1] == "、":  # A以及|B、C: the list goes on
            before = span.start - len(joiner)
            return _likeliest(
                by_end.get(before, ()), lambda s: _fits_left(text, s.start), JOINED_FLOOR
            )
        return None
    best = _likeliest(by_end.get(at, ()), lambda s: _fits_left(text, s.start))
    if best:
        return best
    start = at
    while start > 0 and is_han(text[start - 1]) and text[start - 1] != "、":
        start -= 1
    between = _named(by_end.get(_previous_member(text, start), ()))
    if not (between or (text[at] == "、" and _strong(span))):
        return None  # a member no candidate covers needs a name beyond it, or a sure one here
    if between or (start and text[start - 1] in _LIST_END | {"、"}):
        return _bare(text, start, at)
    return None


_LAST_JOINERS = ("以及", "和", "及", "与")  # join the last member of a 、 list (A、B和C)


def _joiner_at(text: str, at: int) -> str:
    return next((j for j in _LAST_JOINERS if text.startswith(j, at)), "")


def _joiner_before(text: str, at: int) -> str:
    return next((j for j in _LAST_JOINERS if text.endswith(j, 0, at)), "")


def _next_member(text: str, end: int) -> int:
    """Where the next member of a list starts after a name ending at ``end``: after a 、, or
    after the spaces that separate the names of a 名单; -1 when no list goes on there."""
    if text[end : end + 1] == "、":
        return end + 1
    at = end
    while at < len(text) and text[at] in _SPACES:
        at += 1
    return at if end < at < len(text) and is_han(text[at]) else -1


def _previous_member(text: str, start: int) -> int:
    """Where the member before a name starting at ``start`` ends (-1 when none)."""
    if text[start - 1 : start] == "、":
        return start - 1
    at = start
    while at > 0 and text[at - 1] in _SPACES:
        at -= 1
    return at if 0 < at < start and is_han(text[at - 1]) else -1


def _bare(text: str, start: int, end: int) -> Span | None:
    """A member of two or three characters the candidates do not cover (a surname the lists
    lack: 刀, 回), standing between a name and a 、: a name unless jieba knows it as a word
    of some use (its rarest words are mostly names)."""
    if end - start > 2 and char_tags().get(text[start]) in ("p", "c"):
        start += 1  # 由|A、B: the list starts after the preposition
    code = word_codes().get(text[start:end], "r")
    if not 2 <= end - start <= 3 or (code[0] not in "rt" and code[1] != "0"):
        return None
    return Span(start, end, LIST_FLOOR, "list", True, 1, LISTED)


# A list that ends "等地", "等多地", "等部分地区", "等方向", "等城市" … names places, whatever its
# members look like (尼古拉耶夫、克里沃罗格等地; 华北、黄淮等地); "等国家领导人" names persons.
# One ending "等品牌", "等企业", "等汽车" … names things of that kind (劳斯莱斯、雪佛莱、丰田等汽车).
_PLACE_LIST_END = re.compile(
    r"(?:[、和及与][^、，,。；;：:\s]{1,12})*等(?:\d+个|[多几十]+个|多|部分)?"
    r"(?:地区|地(?!区)|方向|城市|省份|省(?!份)|国家|国(?!家)|州|县|市|港口|港(?!口)|口岸"
    r"|品牌|汽车|车型|企业|公司|集团|产品|媒体|机构|银行|高校|医院)"
    r"(?!领导|元首|政要|代表|人|总统|总理|外长|负责人|董事长|总裁|高管|创始人)"
)


def in_place_list(text: str, span: Span) -> bool:
    """The span is a member of a list of places or things: it, any members after it, then
    等地, 等企业 …"""
    return bool(_PLACE_LIST_END.match(text, span.end))


# A list item ends at these, and at anything but a Chinese character; an item of a list of
# words is one dictionary word (西北、黄淮、内蒙古等).
_ITEM_ENDS = set("、等和及与")
# jieba's common nouns, places and other proper nouns (person_dict groups), from this frequency
# bucket on: 陆游 and 马列主义 (n2) stand in lists of persons too, 执导 (v) joins two clauses.
_THINGS = ("n", "s", "z")
COMMON_FROM = "3"


def in_word_list(text: str, span: Span, taken: list[Span]) -> bool:
    """The span is an item of a 、 list in which another item, left for no name, is a common
    noun or place of the dictionary (西北、黄淮、内蒙古; 水利、林草、应急), and no item is a
    sure name: a list of places or things, not of persons (a list of persons may hold a name
    that is also a word: 明明、贺佳)."""
    items = list(_neighbour_items(text, span))
    if not items:
        return False
    codes, common = word_codes(), False
    for start, end in items:
        covering = [s for s in taken if s.start < end and start < s.end]
        if any(
            (s.start, s.end) == (start, end) and (s.p >= LIST_ANCHOR or s.titled) for s in covering
        ):
            return False
        item, code = text[start:end], codes.get(text[start:end], "")
        if code[:1] in _THINGS and code[1:] >= COMMON_FROM and item not in titles():
            common = common or not covering
    return common


def _neighbour_items(text: str, span: Span) -> Iterable[tuple[int, int]]:
    """(start, end) of the other items of the 、 list the span is an item of."""
    at = span.start
    while at > 0 and text[at - 1] == "、":
        end = start = at - 1
        while start > 0 and _inside_item(text[start - 1]) and end - start <= WORD_LONGEST:
            start -= 1
        if start and _inside_item(text[start - 1]):
            # the list's first item, run on from the clause before it (涵盖水利、): its last word
            yield end - len(_word_ending_at(text, end)), end
            return
        yield start, end
        at = start
    at = span.end
    while at < len(text) and text[at] == "、":
        start = end = at + 1
        while end < len(text) and _inside_item(text[end]) and end - start <= WORD_LONGEST:
            end += 1
        yield start, end
        at = end


def _inside_item(char: str) -> bool:
    return is_han(char) and char not in _ITEM_ENDS


def _word_ending_at(text: str, end: int) -> str:
    codes = word_codes()
    sizes = range(WORD_LONGEST, 1, -1)
    return next((text[end - n : end] for n in sizes if text[end - n : end] in codes), "")
