"""Leads and datelines: where an article starts, who sent it from where, and who wrote it.

本报讯（记者X 通讯员Y）…, 本报长沙4月16日电 记者X报道 …, 新华社北京4月16日电（记者X）…,
据新华社电 …, 中新社上海4月16日电 …, 本报专电 …. Reporters also sign at the end of the text:
（记者 X）, （X）, （X 摄）; and an article continues on another page: （下转第2版）.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from archive.extraction.types import BylineName

from .bylines import BYLINE_MARKS, name_shaped, parse_byline
from .furniture import page_number_of
from .text import CJK

AGENCIES = (
    "新华社",
    "中新社",
    "中国新闻社",
    "人民日报",
    "经济日报",
    "光明日报",
    "央视新闻",
    "央广网",
)
_AGENCY = "|".join(AGENCIES)
_DATE = r"(?:\d{1,2}月\d{1,2}日)"
_PLACE = rf"[{CJK}]{{2,8}}?"
DATELINE_RE = re.compile(
    rf"^(?P<whole>据?"
    rf"(?:(?P<paper>本报)(?:讯|消息|专电|(?P<pplace>{_PLACE})?{_DATE}?(?:专?电|讯))"
    rf"|(?P<agency>{_AGENCY})(?:记者)?(?P<aplace>{_PLACE})?{_DATE}?(?:电|专电)"
    # Any other paper, site or station names itself: "工人日报北京4月16日电" (date required).
    rf"|(?P<other>[{CJK}]{{2,6}}?(?:日报|晚报|报|网|社|电视台))(?P<oplace>{_PLACE})?{_DATE}专?电))"
)
REPORTER_PAREN_RE = re.compile(r"\s*[（(](?P<names>[^（）()]{2,40})[）)]")
REPORTER_SAID_RE = re.compile(
    rf"\s*(?P<names>(?:本报|{_AGENCY})?(?:记者|通讯员)[^，,。；;：:]{{2,30}}?)报道[:：,，]?"
)
END_BYLINE_RE = re.compile(r"[（(](?P<names>[^（）()]{2,40})[）)]$")
PHOTO_END_RE = re.compile(rf"(?P<names>[{CJK}·][{CJK}·/\s]{{1,30}}?)\s*/?摄影?$")
SIGNATURE_WINDOW = 48  # characters at a paragraph's end where a photo credit can stand
CONTINUED_RE = re.compile(
    rf"[（(]\s*(?P<dir>下转|转|上接|接)(?:第)?\s*(?P<page>[A-Za-z]?\d{{1,3}}|[{CJK}]{{1,3}})\s*版"
    r"\s*[）)]"
)
NOT_NAMES = frozenset(
    [
        "完",
        "待续",
        "续",
        "上",
        "下",
        "中",
        "图",
        "附图",
        "组图",
        "资料图",
        "全文",
        "摘要",
        "节选",
        "略",
    ]
)
ROLE_PREFIX_RE = re.compile(
    r"^(本报|新华社|中新社|人民日报)?(特约|见习|实习|融媒体|全媒体|摄影)?(记者|通讯员)"
)


@dataclass(frozen=True)
class Dateline:
    agency: str  # 本报, 新华社 … ('' when the lead is a plain 本报讯)
    place: str
    end: int  # where the article's own text starts, after the dateline and its reporters
    bylines: tuple[BylineName, ...] = ()


def _agency(match: re.Match[str]) -> str:
    return match.group("paper") or match.group("agency") or match.group("other") or ""


def _names(text: str, *, bare_ok: bool) -> list[BylineName]:
    """Reporters in a dateline's or an ending's parentheses; nothing when it is not names."""
    text = re.sub(r"\s*(报道|摄影?)$", "", text.strip())
    if not text or any(ch in text for ch in "，,。；;：:") or text in NOT_NAMES:
        return []
    has_role = bool(ROLE_PREFIX_RE.match(text)) or "通讯员" in text or "记者" in text
    if not has_role and not bare_ok:
        return []
    names = parse_byline(text)
    tokens = [t for t in re.split(r"[\s、,，/]+", ROLE_PREFIX_RE.sub("", text)) if t]
    if not names or any(len(t) > 12 for t in tokens):
        return []
    if not has_role and not all(name_shaped(n.name) for n in names):
        return []  # "（新华社）", "（草案）": a remark in brackets, not a signature
    return names


def read_dateline(paragraph: str) -> Dateline | None:
    """The dateline at the start of a lead paragraph, or None when it has none."""
    match = DATELINE_RE.match(paragraph)
    if not match:
        return _reporters_lead(paragraph)
    place = match.group("pplace") or match.group("aplace") or match.group("oplace") or ""
    end = match.end("whole")
    bylines: list[BylineName] = []
    for pattern in (REPORTER_PAREN_RE, REPORTER_SAID_RE):
        said = pattern.match(paragraph, end)
        if said:
            found = _names(said.group("names"), bare_ok=pattern is REPORTER_PAREN_RE)
            if found:
                bylines.extend(found)
                end = said.end()
    return Dateline(agency=_agency(match), place=place, end=end, bylines=tuple(bylines))


def _reporters_lead(paragraph: str) -> Dateline | None:
    """ "本报记者X 通讯员Y报道：…": a lead that names its reporters instead of a dateline."""
    said = REPORTER_SAID_RE.match(paragraph)
    names = _names(said.group("names"), bare_ok=False) if said else []
    if not names:
        return None
    agency = next((a for a in ("本报", *AGENCIES) if paragraph.startswith(a)), "")
    return Dateline(agency=agency, place="", end=said.end(), bylines=tuple(names))


def is_lead(paragraph: str) -> bool:
    return read_dateline(paragraph) is not None


def end_byline(paragraph: str) -> tuple[str, list[BylineName]]:
    """Names signed at the end of a paragraph: （记者 X）, （X）, （X 摄）, "X 摄".

    Returns the paragraph without the signature, and the names (empty when there is none).
    """
    text = paragraph.rstrip()
    match = END_BYLINE_RE.search(text)
    if match:
        inner = match.group("names").strip()
        photo = bool(re.search(r"摄影?$", inner))
        names = _names(inner, bare_ok=True)
        if names:
            if photo:
                names = [BylineName(b.name, "photographer", _photo_role(b.role)) for b in names]
            return text[: match.start()].rstrip(), names
        return paragraph, []
    cut = max(0, len(text) - SIGNATURE_WINDOW)
    match = PHOTO_END_RE.search(text, cut)
    if not match:
        return paragraph, []
    group, base = match.group("names"), match.start("names")
    # "图说文字 程某某 摄": the credit starts at the first space after which all is names.
    for offset in [0] + [i + 1 for i, ch in enumerate(group) if ch.isspace()]:
        start = base + offset
        if start and text[start - 1] not in "。！？!?” 　" + BYLINE_MARKS:
            continue
        names = _names(group[offset:], bare_ok=True)
        if names and _all_names(group[offset:], names):
            photo = [BylineName(b.name, "photographer", _photo_role(b.role)) for b in names]
            return text[:start].rstrip().rstrip(BYLINE_MARKS).rstrip(), photo
    return paragraph, []


def _all_names(text: str, names: list[BylineName]) -> bool:
    """Every character of a bare credit is part of a name (no caption words before them)."""
    if ROLE_PREFIX_RE.match(text.strip()):
        return True
    return re.sub(r"[\s、,，/]", "", text) == "".join(n.name for n in names)


def _photo_role(role: str) -> str:
    return "摄影" if role in ("作者", "摄影") else f"{role}（摄影）"


def continued(text: str) -> tuple[str, int | None, int | None]:
    """Strip （下转第X版） / （上接第X版） marks: (text, continued_to, continued_from)."""
    to_page = from_page = None
    for match in CONTINUED_RE.finditer(text):
        page = page_number_of(match.group("page"))
        if match.group("dir") in ("下转", "转"):
            to_page = page
        else:
            from_page = page
    return CONTINUED_RE.sub("", text).strip(), to_page, from_page
