"""The happening a lead reports: what, when, where, who chaired and who attended.

Works on the lead (本报讯 …) and the article's person mentions; no names or places are known
in advance, only the shapes the paper writes ("X主持召开Y", "Y在Z举行", "市领导A、B出席").
"""

from __future__ import annotations

import re

from .types import EventDraft, LeadDate, PersonMention

# Longest first: the kind of an event is the keyword its name ends with.
EVENT_KINDS = (
    "常委会会议",
    "常务会议",
    "全体会议",
    "扩大会议",
    "专题会议",
    "工作会议",
    "视频会议",
    "电视电话会议",
    "调度会",
    "推进会",
    "座谈会",
    "研讨会",
    "调研会",
    "交办会",
    "部署会",
    "动员会",
    "培训会",
    "发布会",
    "见面会",
    "对接会",
    "推介会",
    "观摩会",
    "表彰大会",
    "大会",
    "揭牌仪式",
    "签约仪式",
    "开工仪式",
    "启动仪式",
    "颁奖仪式",
    "仪式",
    "典礼",
    "论坛",
    "峰会",
    "集体学习",
    "专题讲座",
    "讲座",
    "活动周",
    "博览会",
    "展览会",
    "运动会",
    "比赛",
    "竞赛",
    "培训班",
    "会议",
)
KIND_RE = "|".join(EVENT_KINDS)
CLAUSE = r"[^，,。；;！？!?：:]"
CONVENE_RE = re.compile(
    rf"(?:主持召开|召开|主持|举办|举行|组织召开)(?P<what>{CLAUSE}{{2,40}}?(?:{KIND_RE}))"
)
HELD_RE = re.compile(
    rf"(?P<what>{CLAUSE}{{2,40}}?(?:{KIND_RE}))(?:在(?P<place>{CLAUSE}{{2,20}}?))?"
    r"(?:隆重)?(?:举行|召开|开幕|启动|举办|开班|落幕|闭幕)"
)
ATTEND_RE = re.compile(rf"出席(?P<what>{CLAUSE}{{0,30}}?(?:{KIND_RE}))")
INSPECT_RE = re.compile(
    rf"(?:深入|来到|前往|赴|到)(?P<place>{CLAUSE}{{2,24}}?)(?P<what>调研|督导检查|督导|检查|考察|走访|视察)"
)
PLACE_RE = re.compile(rf"在(?P<place>{CLAUSE}{{2,20}}?)(?:举行|召开|开幕|启动|举办)")
# "深入" is also an adverb (深入贯彻…): a visited place must end like a place.
VISIT_RE = re.compile(
    rf"(?:深入|来到|前往|赴)(?P<place>{CLAUSE}{{1,22}}?(?:现场|一线|县|区|镇|乡|村|园|厂|公司|企业|项目|工地|基地|学校|社区))"
)
LEAD_PREFIX_RE = re.compile(r"^(本报讯|本报消息)\s*")
DATE_PREFIX_RE = re.compile(
    r"^(\d{4}年)?(\d{1,2}月\d{1,2}日(、\d{1,2}日)?|昨日|昨天|今天|今日|近日|日前)"
    r"(凌晨|早上|上午|中午|下午|晚上|晚)?[，,]?"
)
# Who did what at it: the verb right after a name or a list of names.
PART_WORDS = (
    "主持",
    "出席",
    "参加",
    "讲话",
    "致辞",
    "发言",
    "作报告",
    "作专题讲座",
    "调研",
    "见证",
)
PART_RE = re.compile(r"(?:等|也|分别|一同|共同|应邀)?(?P<part>" + "|".join(PART_WORDS) + ")")
SPEECH_IN_RE = re.compile(r"在(?P<part>致辞|讲话|发言)中")
LIST_SEP = "、和及与"


def _kind_of(what: str) -> str:
    for kind in EVENT_KINDS:
        if what.endswith(kind):
            return kind
    return what[-2:] if what else ""


def _strip_lead(lead: str) -> str:
    text = LEAD_PREFIX_RE.sub("", lead.strip())
    return DATE_PREFIX_RE.sub("", text)


def _clean_what(what: str, persons: list[PersonMention], text: str) -> str:
    what = what.strip()
    # "市委书记张三主持召开…" never reaches here, but a name may open a HELD match.
    for mention in persons:
        if mention.name in what and what.startswith(mention.role + mention.name):
            what = what[len(mention.role + mention.name) :]
    return what.lstrip("了的在")


# The verbs each pattern needs: a source without any of them is not searched (HELD_RE tries
# 40 lengths at every position, a good part of extraction's time).
_NEEDS = {
    CONVENE_RE: ("召开", "主持", "举办", "举行"),
    HELD_RE: ("举行", "召开", "开幕", "启动", "举办", "开班", "落幕", "闭幕"),
    ATTEND_RE: ("出席",),
    INSPECT_RE: ("调研", "督导", "检查", "考察", "走访", "视察"),
}


def _search(pattern: re.Pattern[str], source: str) -> re.Match[str] | None:
    if not any(word in source for word in _NEEDS[pattern]):
        return None
    return pattern.search(source)


def find_what(lead: str, title: str = "", deck: str = "") -> tuple[str, str, str]:
    """(what, kind, place) of the happening a lead reports, or ('', '', '')."""
    sentences = [s for s in re.split(r"[。！？]", _strip_lead(lead)) if s][:2]
    opening = "。".join(sentences)
    for source in (*sentences, deck, title):
        if not source:
            continue
        for pattern in (CONVENE_RE, HELD_RE, ATTEND_RE):
            match = _search(pattern, source)
            if match:
                what = match.group("what")
                place = match.groupdict().get("place") or ""
                if not place:
                    place_match = PLACE_RE.search(opening) or VISIT_RE.search(opening)
                    place = place_match.group("place") if place_match else ""
                return what, _kind_of(what), place
        match = _search(INSPECT_RE, source)
        if match:
            place = match.group("place")
            return f"{match.group('what')}{place}", match.group("what"), place
    return "", "", ""


def find_participants(text: str, persons: list[PersonMention]) -> list[tuple[str, str]]:
    """(name, part) pairs: "X主持", "A、B、C出席", "X在致辞中指出"."""
    ordered = sorted(persons, key=lambda m: m.start)
    found: list[tuple[str, str]] = []
    index = 0
    while index < len(ordered):
        group = [ordered[index]]
        # A list: names joined by 、 (or 和/及/与), each perhaps with its own title in front.
        while index + 1 < len(ordered):
            following = ordered[index + 1]
            gap = text[group[-1].end : following.start]
            # "A、B" or "A、副市长B": a separator, perhaps followed by the next name's own title.
            if gap and gap[0] in LIST_SEP and gap[1:] in ("", following.role):
                index += 1
                group.append(ordered[index])
            else:
                break
        after = text[group[-1].end : group[-1].end + 12]
        match = PART_RE.match(after) or SPEECH_IN_RE.match(after)
        if match:
            for mention in group:
                pair = (mention.name, match.group("part"))
                if pair not in found:
                    found.append(pair)
        index += 1
    return found


def find_event(
    *,
    title: str,
    deck: str,
    lead: str,
    text: str,
    persons: list[PersonMention],
    lead_date: LeadDate | None,
) -> EventDraft | None:
    """The event an article reports, or None when its lead reports no happening."""
    what, kind, place = find_what(lead, title, deck)
    if not what:
        return None
    what = _clean_what(what, persons, text)
    return EventDraft(
        title=what,
        kind=kind,
        lead_date=lead_date,
        place=place,
        participants=tuple(find_participants(text, persons)),
        summary=_strip_lead(lead)[:200],
    )
