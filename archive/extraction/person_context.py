"""Text-level rules around the scorer: bylines to skip, lists, repeated names."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from .person_dict import char_tags, word_codes
from .person_features import _PUNCT, is_han
from .person_scorer import LISTED, TITLED
from .person_spans import BARE, Span, inside_word, nounish, opens_clause
from .person_words import (
    foreign_places,
    inside_listed,
    longest_ending_at,
    longest_starting_at,
    titles,
    titles_after,
    translit_chars,
    translit_dotted_chars,
    verbs,
)

# Byline lines (■本报记者 X, 通讯员 X) are parsed elsewhere; names there are not running text.
_BYLINE = re.compile(r"^[ \t]*(?:■|□|◆|本报记者|记者|通讯员|摄影|摄)[^\n]*$", re.MULTILINE)
_LIST_END = set("，。；：！？,.;:!?）)\n")
LIST_ANCHOR = 0.9  # a name taken on its score alone anchors a 、 list only when this likely
LIST_HEAD = 0.3  # a verb-closed list needs one member this likely on its own
LIST_FLOOR = 0.02  # probability enough for a member of a 、 list (see _member_ok)
_SPACES = set(" \u3000")  # the names of a 名单 are often set apart by spaces only


def hidden_mask(text: str) -> list[bool]:
    mask = [False] * (len(text) + 1)
    for match in _BYLINE.finditer(text):
        if len(match.group()) <= 40:
            mask[match.start() : match.end()] = [True] * (match.end() - match.start())
    return mask


def list_members(text: str, taken: list[Span], spans: list[Span]) -> list[Span]:
    """Spans joined by 、 to a safely taken name (市领导A、B、C) are names too, when they score
    at least LIST_FLOOR themselves (places and words listed next to a name do not)."""
    if "、" not in text and not _SPACES.intersection(text):
        return []
    queue = [s for s in taken if s.how != "score" or s.p >= LIST_ANCHOR or _vouched(text, s)]
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
    or place: a name that is also a word (A、<word>出席)."""
    if span.p >= LIST_FLOOR:
        return True
    if inside_word(text, span.start, span.end):
        return False
    return span.p >= 0.0005 and nounish(text[span.start : span.end])


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
        return None
    options = [s for s in by_start.get(at, ()) if s.p >= LIST_FLOOR]
    options = [s for s in options if _fits_right(text, s.end)]
    if options:
        return max(options, key=lambda s: s.p)
    end = at
    while end < len(text) and is_han(text[end]) and text[end] not in "、等":
        end += 1
    between = _named(by_start.get(_next_member(text, end), ()))
    if not (between or (text[at - 1] == "、" and _strong(span))):
        return None
    return _bare(text, at, end) if _fits_right(text, end) else None


def _strong(span: Span) -> bool:
    """A name sure enough to vouch alone for a list member no candidate covers (睦邻、安邻、
    富邻: 安邻, taken on a middling score, vouches for nothing)."""
    return span.p >= LIST_ANCHOR or span.titled or span.how in ("title", "chain", "known")


def _named(spans: Iterable[Span]) -> bool:
    return any(s.p >= LIST_FLOOR for s in spans)


def _left_member(text: str, span: Span, by_end: dict[int, list[Span]]) -> Span | None:
    at = _previous_member(text, span.start)
    if at < 0:
        return None
    options = [s for s in by_end.get(at, ()) if s.p >= LIST_FLOOR]
    options = [s for s in options if _fits_left(text, s.start)]
    if options:
        return max(options, key=lambda s: s.p)
    start = at
    while start > 0 and is_han(text[start - 1]) and text[start - 1] != "、":
        start -= 1
    between = _named(by_end.get(_previous_member(text, start), ()))
    if not (between or (text[at] == "、" and _strong(span))):
        return None  # a member no candidate covers needs a name beyond it, or a sure one here
    if between or (start and text[start - 1] in _LIST_END | {"、"}):
        return _bare(text, start, at)
    return None


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


def consistent(text: str, taken: list[Span], spans: list[Span], threshold: float) -> list[Span]:
    """Drop a string taken on its score alone when, over all its occurrences in the text, it
    scores below the threshold on average (X矿区 … X矿区 once after a verb is still a place)."""
    support = {text[s.start : s.end] for s in taken if s.how != "score" or _vouched(text, s)}
    doubtful = {text[s.start : s.end] for s in taken if s.how == "score"} - support
    if not doubtful:
        return list(taken)
    scores: dict[str, list[float]] = {}
    for span in spans:
        name = text[span.start : span.end]
        if name in doubtful:
            scores.setdefault(name, []).append(span.p)
    keep = []
    for span in taken:
        name = text[span.start : span.end]
        seen = scores.get(name, [span.p])
        weak = span.how == "score" and name not in support and len(seen) >= 2
        if not (weak and sum(seen) / len(seen) < max(threshold, BARE)):
            keep.append(span)
    return keep


def _vouched(text: str, span: Span) -> bool:
    """A title or a list mark is written right next to the span."""
    if "、" in (text[span.start - 1 : span.start], text[span.end : span.end + 1]):
        return True
    return bool(
        longest_ending_at(text, span.start, titles())
        or longest_starting_at(text, span.end, titles_after())
    )


def repeats(text: str, names: set[str], taken: list[Span], hidden: list[bool]) -> list[Span]:
    """Other occurrences of ``names`` (established in this text) not taken yet."""
    used = {k for s in taken for k in range(s.start, s.end)}
    found: list[Span] = []
    for name in sorted(names, key=len, reverse=True):
        start = text.find(name)
        while start >= 0:
            end = start + len(name)
            if not hidden[start] and not any(k in used for k in range(start, end)):
                found.append(Span(start, end, 0.9, "repeat"))
                used.update(range(start, end))
            start = text.find(name, end)
    return found


_DAY = re.compile(r"\d{1,2}日")
_COUNTRY_CHARS = set("中美英法德日俄意韩朝印澳加")  # 美国防部长 is 美|国防部长, no name
_JOINERS = set("·•.-—－")


def short_foreign(text: str, taken: list[Span], hidden: list[bool]) -> list[Span]:
    """Two transliteration characters on their own (拜登, 盖茨) are too short to be scored as
    a foreign name; they are one when a title stands right before or after them, jieba knows
    them as no other word, and a name can end there (punctuation, a title, a verb)."""
    used = {k for s in taken for k in range(s.start, s.end)}
    places = foreign_places()
    found: list[Span] = []
    for match in _short_runs().finditer(text):
        start, end = match.span()
        if hidden[start] or used & {start, end - 1}:
            continue
        if text[start - 1 : start] in _COUNTRY_CHARS or text[end : end + 1] in _JOINERS:
            continue
        if word_codes().get(text[start:end], "r")[0] not in "rt":
            continue
        after = longest_starting_at(text, end, titles_after())
        before = longest_ending_at(text, start, titles())
        if not before and (not after or is_han(text[start - 1 : start] or "^")):
            continue  # 陈|德基团队: led by a title, or standing alone before one
        if not (after or ends_clean(text, end)) or inside_listed(text, start, end, places):
            continue
        found.append(Span(start, end, 0.5, "title", True, 0, TITLED))
    return found


def ends_clean(text: str, end: int) -> bool:
    """A name can end here: punctuation, a verb, or a day of the month (19日说) follows."""
    if end >= len(text) or text[end] in _PUNCT or _DAY.match(text, end):
        return True
    if longest_starting_at(text, end, verbs()):
        return True
    return word_codes().get(text[end : end + 2], "-")[0] == "v"  # one character may go on


@cache
def _short_runs() -> re.Pattern[str]:
    chars = re.escape(translit_chars())
    wide = re.escape(translit_chars() + translit_dotted_chars())
    return re.compile(f"(?<![{wide}·•])[{chars}]{{2}}(?![{wide}])")


# A list that ends "等地", "等多地", "等地区", "等方向", "等城市" … names places, whatever its members
# look like (尼古拉耶夫、克里沃罗格等地; 华北、黄淮等地); "等国家领导人" names persons.
_PLACE_LIST_END = re.compile(
    r"(?:[、和及与][^、，,。；;：:\s]{1,12})*等(?:\d+个|[多几十]+个|多)?"
    r"(?:地区|地(?!区)|方向|城市|省份|省(?!份)|国家|国(?!家)|州|县|市|港口|港(?!口)|口岸)"
    r"(?!领导|元首|政要|代表|人|总统|总理|外长)"
)


def in_place_list(text: str, span: Span) -> bool:
    """The span is a member of a list of places: it, any members after it, then 等地 …"""
    return bool(_PLACE_LIST_END.match(text, span.end))
