"""Importing already-segmented articles from JSON Lines (the export format, or anyone's)."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from archive.extraction.dates import find_lead_date
from archive.extraction.types import BylineName
from archive.models.articles import Genre
from archive.models.pages import PAGE_NUMBER_MAX, DateStatus
from archive.reading import ArticleDraft
from archive.reading.derived import derive_title
from archive.reading.signatures import Signed, read_signatures
from archive.services.records import ArticleInput

MAX_ERRORS_SHOWN = 5
POSITION_MAX = 2**31 - 1  # Article.position: an integer column on every database
# The export's fields (archive/services/exporting.py) and the short forms people write.
KNOWN_FIELDS = frozenset(
    [
        "id",
        "url",
        "title",
        "kicker",
        "deck",
        "title_is_derived",
        "published",
        "genre",
        "section",
        "agency",
        "place",
        "continued_on",
        "continued_from_page",
        "source",
        "page",
        "position",
        "reporters",
        "bylines",
        "persons",
        "events",
        "body",
        "captions",
        "date",  # another name for published
        "paragraphs",  # the body as a list of paragraphs
    ]
)
BYLINE_KINDS = {"reporter", "correspondent", "photographer"}
_BYLINE_FIELDS = {"bylines", "reporters"}


def _str_list(value, field_name: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [v for v in re.split(r"[\s、,，]+", value) if v]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return [v.strip() for v in value if v.strip()]
    raise ValueError(f"“{field_name}”应为字符串列表")


def _bylines(obj: dict) -> list[BylineName]:
    detailed = obj.get("bylines")
    if isinstance(detailed, list) and detailed:
        result = []
        for entry in detailed:
            if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
                raise ValueError("“bylines”的每一项应为含 name 的对象")
            kind = entry.get("kind") if entry.get("kind") in BYLINE_KINDS else "reporter"
            result.append(BylineName(entry["name"], kind, str(entry.get("role") or "记者")))
        return result
    return [BylineName(n, "reporter", "记者") for n in _str_list(obj.get("reporters"), "reporters")]


def _whole(value, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def parse_line(obj, position: int) -> ArticleInput:
    """Validate one JSON object; raise ValueError naming the bad field."""
    if not isinstance(obj, dict):
        raise ValueError("每行应为一个 JSON 对象")
    title, body = obj.get("title") or "", obj.get("body") or ""
    if not isinstance(title, str) or not isinstance(body, str):
        raise ValueError("“title”和“body”应为字符串")
    paragraphs = obj.get("paragraphs")  # news-item corpora: the body as a list of paragraphs
    if not body and paragraphs is not None:
        if not isinstance(paragraphs, list) or not all(isinstance(p, str) for p in paragraphs):
            raise ValueError("“paragraphs”应为字符串列表")
        body = "\n".join(paragraphs)
    if not title.strip() and not body.strip():
        raise ValueError("既没有“title”（标题）也没有“body”（正文）")
    published = obj.get("published", obj.get("date"))  # "date": news-item corpora
    if published in (None, ""):
        published_date, status, reasons = None, DateStatus.UNKNOWN, ["没有出版日期，待核实"]
    elif isinstance(published, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", published):
        try:
            published_date = dt.date.fromisoformat(published)
        except ValueError as exc:
            raise ValueError(f"“published”不是有效日期：{published}") from exc
        status, reasons = DateStatus.GIVEN, []
    else:
        raise ValueError(f"“published”应为 YYYY-MM-DD：{published!r}")
    for name in ("page", "continued_on", "continued_from_page"):
        value = obj.get(name)
        if value is not None and not _whole(value, 1, PAGE_NUMBER_MAX):
            raise ValueError(f"“{name}”应为版次（1–{PAGE_NUMBER_MAX} 的整数）：{value!r}")
    given_position = obj.get("position")
    if given_position is not None and not _whole(given_position, 0, POSITION_MAX):
        raise ValueError(f"“position”应为 0–{POSITION_MAX} 的整数：{given_position!r}")
    page = obj.get("page")
    source = obj.get("source") or ""
    if not isinstance(source, str):
        raise ValueError("“source”应为字符串")
    genre = obj.get("genre") or ""
    if genre not in Genre.values:
        raise ValueError(f"“genre”应为 {'、'.join(v for v in Genre.values if v)} 之一：{genre!r}")
    paragraphs = [p.strip() for p in body.split("\n") if p.strip()]
    # Without a byline field the body's own signatures name its reporters, as on a page.
    signed = Signed(paragraphs) if _BYLINE_FIELDS & obj.keys() else read_signatures(paragraphs)
    paragraphs = signed.paragraphs
    derived = not title.strip()  # a brief with no headline: titled from its lead, as pages are
    if derived:
        title = derive_title(ArticleDraft(position=position, paragraphs=paragraphs))
    lead_date = next((d for d in map(find_lead_date, paragraphs[:2]) if d), None)
    captions = obj.get("captions") or ""
    return ArticleInput(
        title=title.strip(),
        paragraphs=paragraphs,
        published=published_date,
        date_status=status,
        kicker=str(obj.get("kicker") or ""),
        deck=str(obj.get("deck") or ""),
        title_is_derived=derived or bool(obj.get("title_is_derived", False)),
        captions=[c for c in str(captions).split("\n") if c.strip()],
        page=page,
        position=position if given_position is None else given_position,
        source=source,
        bylines=_bylines(obj) or signed.bylines,
        lead=paragraphs[0] if paragraphs else "",
        lead_date=lead_date,
        year=published_date.year if published_date else None,
        given_persons=_str_list(obj["persons"], "persons") if "persons" in obj else None,
        given_events=_str_list(obj["events"], "events") if "events" in obj else None,
        review_reasons=reasons,
        genre=genre,
        section=str(obj.get("section") or ""),
        agency=str(obj.get("agency") or signed.agency),
        place=str(obj.get("place") or signed.place),
        continued_on=obj.get("continued_on"),
        continued_from_page=obj.get("continued_from_page"),
    )


@dataclass
class Reject:
    line: int
    reason: str
    text: str


@dataclass
class CheckedLines:
    lines: int = 0  # non-empty lines read
    rejects: list[Reject] = field(default_factory=list)
    unknown_fields: set[str] = field(default_factory=set)


Line = tuple[int, str | None]  # (line number from 1, its text; None: not UTF-8)
NOT_UTF8 = "不是 UTF-8 编码（JSON Lines 文件必须是 UTF-8）"


def _parsed(number: int, text: str | None) -> tuple[ArticleInput, set[str]]:
    if text is None:
        raise ValueError(NOT_UTF8)
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"JSON 格式错误（{exc.msg}，第 {exc.colno} 列）") from exc
    return parse_line(obj, position=number), set(obj) - KNOWN_FIELDS


def check_lines(lines: list[Line]) -> CheckedLines:
    """Validate lines without keeping them: what is wrong, and which fields are unknown."""
    checked = CheckedLines(lines=len(lines))
    for number, text in lines:
        try:
            checked.unknown_fields |= _parsed(number, text)[1]
        except ValueError as exc:
            checked.rejects.append(Reject(number, str(exc), text or ""))
    return checked


def items_of(lines: list[Line], file_name: str) -> list[ArticleInput]:
    """The good lines as articles (bad ones were reported by check_lines and are left out)."""
    items = []
    for number, text in lines:
        try:
            item = _parsed(number, text)[0]
        except ValueError:
            continue
        item.source = item.source or file_name
        items.append(item)
    return items


def refusal(rejects: list[Reject]) -> str:
    """Why a file with bad lines was not imported, naming the first few lines."""
    errors = [f"第 {r.line} 行：{r.reason}" for r in rejects]
    shown = "；".join(errors[:MAX_ERRORS_SHOWN])
    more = (
        f"；另有 {len(errors) - MAX_ERRORS_SHOWN} 处错误" if len(errors) > MAX_ERRORS_SHOWN else ""
    )
    return f"{shown}{more}。整个文件未导入（--skip-invalid 只跳过这些行）。"


def write_rejects(path: Path, rejects: list[Reject]) -> Path:
    """The set-aside lines, each with its reason, beside the input: NAME.rejects.jsonl."""
    target = path.with_name(path.name + ".rejects.jsonl")
    part = target.with_name(target.name + ".part")
    with part.open("w", encoding="utf-8") as out:
        for reject in rejects:
            row = {"line": reject.line, "reason": reject.reason, "text": reject.text}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    part.replace(target)
    return target
