"""Text-level rules around the scorer: bylines to hide, strings dropped when their other
occurrences disagree, repeats of established names, two-character foreign names next to a
title. Lists are person_lists'."""

from __future__ import annotations

import re
from functools import cache

from .person_dict import char_tags, word_codes
from .person_features import _PUNCT, FOREIGN_LONGEST, is_han
from .person_scorer import TITLED
from .person_spans import ADDRESSING, BARE, Span, cuts_word
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
# A short paragraph that opens with 记者 but is a sentence (记者见到X时，…) is running text.
_BYLINE = re.compile(r"^[ \t]*(?:■|□|◆|本报记者|记者|通讯员|摄影|摄)[^\n]*$", re.MULTILINE)
_SENTENCE_MARKS = re.compile("[，。！？；]")


def hidden_mask(text: str) -> list[bool]:
    mask = [False] * (len(text) + 1)
    for match in _BYLINE.finditer(text):
        if len(match.group()) <= 40 and not _SENTENCE_MARKS.search(match.group()):
            mask[match.start() : match.end()] = [True] * (match.end() - match.start())
    return mask


def consistent(text: str, taken: list[Span], spans: list[Span], threshold: float) -> list[Span]:
    """Drop a string taken on its score alone when, over all its occurrences in the text, it
    scores below the threshold on average (X矿区 … X矿区 once after a verb is still a place)."""
    support = {text[s.start : s.end] for s in taken if s.how != "score" or vouched(text, s)}
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


def vouched(text: str, span: Span) -> bool:
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
REGNAL = re.compile("[一二三四五六七八九十]{1,3}世")  # a reign's number after a name (费利佩六世)
# After a name a title or cue vouches for, the sentence may go on with these too (总统特朗普通过,
# 部长怀进鹏受…委托, 公主诗琳通并出席, 前总理拉法兰的专访, 领导人哈尼亚遭暗杀, 会见总统X时);
# not in the verb list, which the scorer weighs everywhere.
_GOES_ON = (
    *("并", "受", "通过", "亲自", "再次", "高度", "充分", "共同", "同时", "专程"),
    *("的", "夫人", "做", "通电话", "通话", "举行", "此前", "此后", "遭", "遇袭", "遇刺", "时"),
)
_COUNTRY_CHARS = set("中美英法德日俄意韩朝印澳加")  # 美国防部长 is 美|国防部长, no name
_JOINERS = set("·•.-—－")
RUN_SHORTEST = 3  # characters of a foreign name titled_foreign reads


def short_foreign(text: str, taken: list[Span], hidden: list[bool], ends: list[int]) -> list[Span]:
    """Two transliteration characters on their own (拜登, 盖茨) are too short to be scored as
    a foreign name; they are one when a title stands right before or after them, jieba knows
    them as no other word, and a name can end there (punctuation, a title, a verb). Two of
    the wider set are read only where a title ends (``ends``: 国家主席通伦)."""
    used = {k for s in taken for k in range(s.start, s.end)}
    places = foreign_places()
    found: list[Span] = []
    pairs = {m.span() for m in _narrow_pairs().finditer(text)}
    pairs.update(
        m.span()
        for at in ends
        if (m := _wide_pairs().match(text, at)) and not _function_word(text[at])
    )
    for start, end in sorted(pairs):
        if hidden[start] or used & {start, end - 1}:
            continue
        before = longest_ending_at(text, start, titles())
        if text[start - 1 : start] in _COUNTRY_CHARS or text[end : end + 1] in _JOINERS:
            continue
        after = longest_starting_at(text, end, titles_after())
        apart = bool(after) and _stands_apart(text, start)
        if not before and not apart:
            continue  # 陈|德基团队: led by a title, or standing apart before one (和普京总统)
        kind = word_codes().get(text[start:end], "r")[0]
        # jieba calls a few names places (总统普京): a title before outweighs it, or one after
        # with the name set off by a word that joins persons (对普京总统, not 桑给|巴尔总统)
        sided = before or text[start - 1 : start] in ADDRESSING
        if kind not in "rt" and not (kind in "sz" and sided and _proper_name(text, start, end)):
            continue
        # 总统普京贺信: after a title, a name jieba takes for a place may stand before a noun
        said = kind == "s" and before and _noun_at(text, end)
        if not (after or said or ends_clean(text, end)) or inside_listed(text, start, end, places):
            continue
        found.append(Span(start, end, 0.5, "title", True, 0, TITLED))
    return found


def _noun_at(text: str, at: int) -> bool:
    return word_codes().get(text[at : at + 2], "-")[0] in "nr"  # 贺信 is a name to jieba too


def _stands_apart(text: str, start: int) -> bool:
    """Nothing joins ``start`` to the word before: the text's start, no Chinese character, or
    a conjunction or preposition (和, 与, 同, 向)."""
    before = text[start - 1 : start]
    return not before or not is_han(before) or char_tags().get(before, "x")[0] in "cp"


def titled_foreign(text: str, taken: list[Span], hidden: list[bool], ends: list[int]) -> list[Span]:
    """``taken`` with a run of three or more transliteration characters right after a title,
    the wider set included (卢卡申科, whose 卢 starts no run in running text), taken as a
    foreign name when a name can end after it and it is neither a listed place nor a word
    jieba knows that is no name. It replaces shorter names read inside it (易卜|拉欣: 易 and 卜
    make a Chinese name too; 冯|德莱恩)."""
    places = foreign_places()
    kept = list(taken)
    for match in filter(None, (_wide_runs().match(text, at) for at in ends)):
        start, end = match.span()
        while end - start >= RUN_SHORTEST and _word_starts_at_end(text, end):
            end -= 1  # 洪森|特别, 泽连斯基|则, 普京|登上: the run went on into the next word
        if end - start < RUN_SHORTEST - 1:
            continue
        inside = [s for s in kept if s.start < end and start < s.end]
        if hidden[start] or any(
            s.start < start or s.end > end or s.end - s.start == end - start for s in inside
        ):
            continue
        if text[end : end + 1] in _JOINERS or _opens_with_verb(text, start):
            continue
        # two characters left of a longer run may be a name jieba calls a place (总统普京|登上)
        kind = word_codes().get(text[start:end], "r")[0]
        if kind not in "rt" and not (kind in "sz" and _proper_name(text, start, end)):
            continue
        if ends_clean(text, end) and not inside_listed(text, start, end, places):
            kept = [s for s in kept if s not in inside]
            kept.append(Span(start, end, 0.5, "title", True, 0, TITLED))
    return kept


def _opens_with_verb(text: str, start: int) -> bool:
    """The run starts with a common verb: the title's holder acts (总书记|考察内蒙古)."""
    code = word_codes().get(text[start : start + 2], "-0")
    return code[0] == "v" and code[1] >= "3"


def _word_starts_at_end(text: str, end: int) -> bool:
    """The run's last character starts the next word: an adverb, conjunction, preposition or
    particle (则, 不, 都), it starts a word of three characters (通电话), or it makes a common
    word with the one before (特别) or after it (登上) when what follows is no word of its own
    (拉卡列|举行)."""
    if char_tags().get(text[end - 1], "x")[0] in "dcpu":
        return True
    if word_codes().get(text[end - 1 : end + 2], "r")[0] not in "rt":
        return True  # 耶滕|通电话 (not 查尔|斯三世: jieba knows some names' pieces)
    return _word_across(text, end - 2) or _word_across(text, end - 1) and not cuts_word(text, end)


def _word_across(text: str, at: int) -> bool:
    """cuts_word, but a transliterated piece of a foreign place (尼亚, 利亚) is the run's own
    (哈尼亚|遭); a Chinese place is not (游客|来武汉打卡)."""
    piece = text[at : at + 2]
    foreign = word_codes().get(piece, "-")[0] == "s" and _narrow(piece)
    return cuts_word(text, at) and not foreign


def _proper_name(text: str, start: int, end: int) -> bool:
    """A name jieba calls a place or another proper noun that may be a person's after a
    title: of the narrow table (普京, 奥利), or one jieba has hardly seen (萨苏); not 专家|大都
    or 学者|扎根."""
    code = word_codes().get(text[start:end], "s0")
    return _narrow(text[start:end]) or code[1] == "0"


def _narrow(chars: str) -> bool:
    """Only characters of the narrow transliteration set (普京, not 大都 or 扎根)."""
    return all(c in translit_chars() for c in chars)


@cache
def _wide_runs() -> re.Pattern[str]:
    wide = re.escape(translit_chars() + translit_dotted_chars())
    return re.compile(f"(?<![{wide}·•])[{wide}]{{{RUN_SHORTEST},{FOREIGN_LONGEST}}}(?![{wide}])")


def ends_clean(text: str, end: int) -> bool:
    """A name can end here: punctuation, a verb, a day of the month (19日说) or the number of a
    reign (费利佩六世) follows."""
    if end >= len(text) or text[end] in _PUNCT or _DAY.match(text, end) or REGNAL.match(text, end):
        return True
    if longest_starting_at(text, end, verbs()) or text.startswith(_GOES_ON, end):
        return True
    return word_codes().get(text[end : end + 2], "-")[0] == "v"  # one character may go on


@cache
def _narrow_pairs() -> re.Pattern[str]:
    chars = re.escape(translit_chars())
    wide = re.escape(translit_chars() + translit_dotted_chars())
    return re.compile(f"(?<![{wide}·•])[{chars}]{{2}}(?![{wide}])")


def _function_word(char: str) -> bool:
    """An adverb, preposition, conjunction or particle of the wider set opens no name read
    after a title (农民|更富 in 农业更强、农村更美、农民更富); those of the narrow set may (莫迪)."""
    return char not in translit_chars() and char_tags().get(char, "x")[0] in "dpcu"


@cache
def _wide_pairs() -> re.Pattern[str]:
    wide = re.escape(translit_chars() + translit_dotted_chars())
    return re.compile(f"(?<![{wide}·•])[{wide}]{{2}}(?![{wide}])")
