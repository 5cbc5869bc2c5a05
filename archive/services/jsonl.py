"""Importing already-segmented articles from JSON Lines (the export format, or anyone's)."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from archive.extraction.dates import find_lead_date
from archive.extraction.types import BylineName, NameLexicon
from archive.models.articles import Genre
from archive.models.pages import DateStatus
from archive.reading import ArticleDraft
from archive.reading.derived import derive_title
from archive.services.importing import FileResult, ImportFailed
from archive.services.records import ArticleInput, WriteCounts, write_article

MAX_ERRORS_SHOWN = 5
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
    ]
)
BYLINE_KINDS = {"reporter", "correspondent", "photographer"}


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


def parse_line(obj, position: int) -> ArticleInput:
    """Validate one JSON object; raise ValueError naming the bad field."""
    if not isinstance(obj, dict):
        raise ValueError("每行应为一个 JSON 对象")
    title, body = obj.get("title") or "", obj.get("body") or ""
    if not isinstance(title, str) or not isinstance(body, str):
        raise ValueError("“title”和“body”应为字符串")
    if not title.strip() and not body.strip():
        raise ValueError("既没有“title”（标题）也没有“body”（正文）")
    published = obj.get("published")
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
    page = obj.get("page")
    if page is not None and (not isinstance(page, int) or isinstance(page, bool) or page < 1):
        raise ValueError(f"“page”应为正整数：{page!r}")
    source = obj.get("source") or ""
    if not isinstance(source, str):
        raise ValueError("“source”应为字符串")
    genre = obj.get("genre") or ""
    if genre not in Genre.values:
        raise ValueError(f"“genre”应为 {'、'.join(v for v in Genre.values if v)} 之一：{genre!r}")
    for name in ("continued_on", "continued_from_page"):
        value = obj.get(name)
        if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
            raise ValueError(f"“{name}”应为版次（正整数）：{value!r}")
    paragraphs = [p.strip() for p in body.split("\n") if p.strip()]
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
        position=int(obj["position"]) if isinstance(obj.get("position"), int) else position,
        source=source[:255],
        bylines=_bylines(obj),
        lead=paragraphs[0] if paragraphs else "",
        lead_date=lead_date,
        year=published_date.year if published_date else None,
        given_persons=_str_list(obj["persons"], "persons") if "persons" in obj else None,
        given_events=_str_list(obj["events"], "events") if "events" in obj else None,
        review_reasons=reasons,
        genre=genre,
        section=str(obj.get("section") or ""),
        agency=str(obj.get("agency") or ""),
        place=str(obj.get("place") or ""),
        continued_on=obj.get("continued_on"),
        continued_from_page=obj.get("continued_from_page"),
    )


@dataclass
class Reject:
    line: int
    reason: str
    text: str


@dataclass
class JsonlFile:
    items: list[ArticleInput] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)
    unknown_fields: set[str] = field(default_factory=set)


def read_jsonl(data: bytes, file_name: str, *, skip_invalid: bool = False) -> JsonlFile:
    """Every line validated before anything is written; errors name the line. A bad line fails
    the whole file, or with ``skip_invalid`` is set aside with its reason."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportFailed(f"JSON Lines 文件必须是 UTF-8 编码（第 {exc.start} 字节出错）") from exc
    if not text.strip():
        raise ImportFailed("文件为空 (empty file)")
    read = JsonlFile()
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            read.items.append(parse_line(obj, position=len(read.items) + 1))
            read.unknown_fields |= set(obj) - KNOWN_FIELDS
        except json.JSONDecodeError as exc:
            reason = f"JSON 格式错误（{exc.msg}，第 {exc.colno} 列）"
            read.rejects.append(Reject(number, reason, line))
        except ValueError as exc:
            read.rejects.append(Reject(number, str(exc), line))
    if read.rejects and not skip_invalid:
        errors = [f"第 {r.line} 行：{r.reason}" for r in read.rejects]
        shown = "；".join(errors[:MAX_ERRORS_SHOWN])
        more = (
            f"；另有 {len(errors) - MAX_ERRORS_SHOWN} 处错误"
            if len(errors) > MAX_ERRORS_SHOWN
            else ""
        )
        raise ImportFailed(f"{shown}{more}。整个文件未导入（--skip-invalid 只跳过这些行）。")
    return read


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


def import_jsonl(
    data: bytes, file_name: str, lexicon: NameLexicon, *, skip_invalid: bool = False
) -> tuple[FileResult, list[Reject]]:
    read = read_jsonl(data, file_name, skip_invalid=skip_invalid)
    counts = WriteCounts()
    if read.unknown_fields:
        counts.warnings.append(f"未知字段已忽略：{'、'.join(sorted(read.unknown_fields))}")
    with transaction.atomic():
        for item in read.items:
            if not item.source:
                item.source = file_name
            write_article(item, lexicon, counts)
    result = FileResult(path=file_name, articles=counts.articles, duplicates=counts.duplicates)
    result.persons, result.events, result.warnings = counts.persons, counts.events, counts.warnings
    if counts.articles == 0 and counts.duplicates:
        result.status = "skipped"
    return result, read.rejects


def import_jsonl_file(
    path: Path, lexicon: NameLexicon, *, skip_invalid: bool = False, dry_run: bool = False
) -> FileResult:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFailed(f"无法读取文件：{exc.strerror or exc}") from exc
    result, rejects = import_jsonl(data, path.name, lexicon, skip_invalid=skip_invalid)
    if rejects:
        where = "（试运行，未写出）" if dry_run else f"，见 {write_rejects(path, rejects)}"
        result.warnings.append(f"{len(rejects)} 行无效，已跳过{where}")
    return result
