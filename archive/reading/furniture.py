"""Page furniture: header and footer lines that describe the page, never an article.

"2 要闻 2021年4月17日 星期六", "第2版", "衡阳日报", "责任编辑：张三 版式：李四 校对：王五",
or all of these on one line. A line counts only when every token on it is furniture, so a
sentence that mentions a date or a page ("见第2版") stays text. The printed date line is the
best evidence of the issue date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from .text import CJK

CN_NUMERALS = "〇零一二三四五六七八九十"
# A header line is read as a run of these tokens; separators (spaces, ：, |) may be missing.
PAGE_LABEL_RE = re.compile(rf"第?([A-Za-z]?\d{{1,3}}|[{CN_NUMERALS}]{{1,3}})版")
PAGE_NUMBER_RE = re.compile(r"[A-Za-z]?(\d{1,3})")
DATE_RE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
WEEKDAY_RE = re.compile(r"(星期|周|礼拜)[一二三四五六日天]")
LUNAR_RE = re.compile(r"农历[\u4e00-\u9fff]{2,10}?(?=星期|周[一二三四五六日天]|$)")
PAPER_RE = re.compile(rf"[{CJK}]{{2,8}}?(日报|晚报|时报|商报|早报)社?")
SERIAL_RE = re.compile(r"(CN|ISSN|国内统一连续出版物号|邮发代号)[:：]?[\w\-]*", re.IGNORECASE)
# The departments a daily prints in its page header.
SECTIONS = [
    "要闻",
    "国内",
    "国际",
    "经济",
    "综合",
    "社会",
    "文化",
    "体育",
    "时政",
    "评论",
    "理论",
    "副刊",
    "专版",
    "专题",
    "县域",
    "城事",
    "民生",
    "法治",
    "教育",
    "科技",
    "健康",
    "旅游",
    "财经",
    "视点",
    "特别报道",
    "本地新闻",
    "时事",
    "文体",
    "广告",
    "农业",
    "政务",
    "党建",
    "新闻",
    "热点",
    "天下",
    "观察",
    "深度",
    "读书",
    "文艺",
    "地方",
    "综合新闻",
    "本地",
    "今日关注",
]
# The named kind first: 时政新闻 is one section, not 时政 then 新闻.
SECTION_RE = re.compile(
    rf"[{CJK}]{{2,4}}?(新闻|要闻|视点|观察|周刊|专版|副刊|专刊)|"
    + "|".join(sorted(SECTIONS, key=len, reverse=True))
)
SEPARATORS_RE = re.compile(r"[\s|｜/·:：《》（）()【】\[\]－—-]+")
BRACKETS = set("《》（）()【】[]")  # on a header only around the paper's name, date and page
# "第 01 版" as an e-paper prints it, closed up before the line is cut into tokens.
SPACED_PAGE_RE = re.compile(r"第\s+([A-Za-z]?\d{1,3})\s*版|第([A-Za-z]?\d{1,3})\s+版")
SITE_RE = re.compile(rf"[{CJK}]{{2,4}}?网")  # 人民网－人民日报: the site that carries the paper
STAFF_ROLES = (
    "责任编辑",
    "值班编辑",
    "责编",
    "编辑",
    "版式设计",
    "版式",
    "美编",
    "美术编辑",
    "校对",
    "审读",
    "组版",
    "排版",
    "制图",
    "终审",
    "主编",
    "编审",
)
_ROLE = "|".join(STAFF_ROLES)
STAFF_RE = re.compile(
    rf"(?:本版)?({_ROLE})(?:\s*[:：]\s*|\s+)((?:(?!(?:{_ROLE})(?:\s|[:：]))[{CJK}·]{{2,8}}[\s、,，]*)+)"
)
STAFF_NAME_RE = re.compile(rf"[{CJK}·]{{2,8}}")


@dataclass(frozen=True)
class StaffName:
    name: str
    role: str  # 责任编辑, 版式, 校对 … as printed


@dataclass
class Masthead:
    """What the page's header and footer say about it."""

    page_number: int | None = None
    section: str = ""
    printed_date: dt.date | None = None
    staff: list[StaffName] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)  # the furniture lines, as printed


def page_number_of(text: str) -> int | None:
    """ "3", "A3", "三", "十二" → the page number."""
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0}
    if text.isdigit():
        return int(text)
    if text[:1].isalpha() and text[1:].isdigit():  # "A3"
        return int(text[1:])
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (digits.get(tens, 1) if tens else 1) * 10 + (digits.get(ones, 0) if ones else 0)
    return digits.get(text) if len(text) == 1 else None


def _date(year: str, month: str, day: str) -> dt.date | None:
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        return None


def _staff(line: str) -> tuple[list[StaffName], str]:
    """The "role：names" pairs on the line and what is left of it when they are taken out
    (a header's page, section and date printed beside them)."""
    staff = [
        StaffName(name=name, role=match.group(1))
        for match in STAFF_RE.finditer(line)
        for name in STAFF_NAME_RE.findall(match.group(2))
    ]
    return staff, STAFF_RE.sub(" ", line).strip(" 、,，|｜/") if staff else line


class _Reading:
    """One header/footer line read as tokens; it is furniture only if every part is one."""

    def __init__(self) -> None:
        self.page_number: int | None = None
        self.section = ""
        self.date: dt.date | None = None
        self.strong = False  # a page label, a full date, a paper name: never running text
        self.named = False  # a page label or the paper's name, not a date alone

    def chunk(self, chunk: str) -> bool:
        if m := PAGE_NUMBER_RE.fullmatch(chunk):  # "2", "A3": alone, or it would eat years
            self.page_number = int(m.group(1))
            return True
        pos = 0
        while pos < len(chunk):
            end = self._token(chunk, pos)
            if end is None:
                return False
            pos = end
        return True

    def _token(self, chunk: str, pos: int) -> int | None:
        if m := PAGE_LABEL_RE.match(chunk, pos):
            self.page_number, self.strong = page_number_of(m.group(1)), True
            self.named = True
        elif m := DATE_RE.match(chunk, pos):
            self.date, self.strong = _date(*m.groups()), True
        elif m := PAPER_RE.match(chunk, pos):
            self.strong = self.named = True
        elif m := SECTION_RE.match(chunk, pos):
            self.section = self.section or m.group(0)
        elif m := SITE_RE.match(chunk, pos):
            pass
        elif not (m := WEEKDAY_RE.match(chunk, pos) or LUNAR_RE.match(chunk, pos)) and not (
            m := SERIAL_RE.match(chunk, pos)
        ):
            return None
        return m.end()


# "（本版图片均由X提供）": a credit for the whole page, no story's caption.
PAGE_CREDIT_RE = re.compile(r"[（(]?本版(?:图片|照片|摄影)[^（）()]{0,30}[）)]?")


def read_furniture(line: str, masthead: Masthead, *, edge: bool) -> bool:
    """Record ``line`` on the masthead if it is page furniture; False when it is text.

    ``edge``: the line is among the first or last lines of the page, where a bare section
    name ("要闻") or page number ("2") is a header, not a word of the text.
    """
    if PAGE_CREDIT_RE.fullmatch(line):
        masthead.lines.append(line)
        return True
    staff, rest = _staff(line)
    rest = SPACED_PAGE_RE.sub(lambda m: f"第{m.group(1) or m.group(2)}版", rest)
    chunks = [c for c in SEPARATORS_RE.split(rest) if c]
    reading = _Reading()
    if chunks and not all(reading.chunk(c) for c in chunks):
        return False
    if BRACKETS.intersection(rest) and not reading.named:
        return False  # "（2023年6月8日）" under a speech dates the speech, not the page
    if not staff and (not chunks or not reading.strong and not edge):
        return False
    masthead.staff.extend(staff)
    if reading.date and not masthead.printed_date:
        masthead.printed_date = reading.date
    if reading.page_number is not None and masthead.page_number is None:
        masthead.page_number = reading.page_number
    if reading.section and not masthead.section:
        masthead.section = reading.section
    masthead.lines.append(line)
    return True
