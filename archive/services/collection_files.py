"""Collection files: a collection exported as JSON or CSV, and such a file imported back.

A file (README "Collections (export and import)") carries each item's article id, permanent
URL, title, date and note, so it can be imported into this archive or another copy of it: an
item is matched to an article by id (when the article with that id has the same title: another
copy may have given that id to another article), then by title and date; an item matching
nothing is kept with its title, date and note, without an article.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Q

from archive.models import Article, Collection, CollectionItem
from archive.services.collections import MAX_ITEMS, MAX_NOTE_CHARS, NAME_MAX_CHARS, TITLE_MAX_CHARS

MAX_UPLOAD_BYTES = 2 * 1024 * 1024
FILE_FORMAT = "newsroom-collection"
FILE_VERSION = 1
# CSV: one row an item; the collection's name and description repeat on every row.
CSV_COLUMNS = ("collection", "description", "article_id", "url", "title", "published", "note")
CSV_REQUIRED = ("article_id", "title", "published", "note")
DATE_FORMAT = "%Y-%m-%d"
MATCH_FIELDS = ("id", "title", "published")  # all an import reads of an article
IMPORTED_NAME = "导入的收藏夹"  # when neither the file nor the reader names it
TOO_BIG = f"文件太大（最大 {MAX_UPLOAD_BYTES // (1024 * 1024)} MB）。"


class CollectionFileError(ValueError):
    """A file that cannot be imported; the message says why, for the reader."""


@dataclass(frozen=True)
class ItemRecord:
    title: str
    published: dt.date | None
    note: str = ""
    article_id: int | None = None


@dataclass(frozen=True)
class CollectionFile:
    name: str
    description: str
    items: tuple[ItemRecord, ...]


@dataclass
class ImportReport:
    collection: Collection
    by_id: int = 0
    by_title_date: int = 0
    unmatched: list[ItemRecord] = field(default_factory=list)


# --- export -----------------------------------------------------------------------------------


def item_records(items: Iterable[CollectionItem], base_url: str) -> list[dict]:
    """Each item as exported: the article's current title and date when it is still there,
    else the ones saved with the item."""
    rows = []
    for item in items:
        article = item.article
        title = article.title if article else item.title
        published = article.published if article else item.published
        rows.append(
            {
                "article_id": article.pk if article else None,
                "url": (base_url.rstrip("/") + article.get_absolute_url()) if article else "",
                "title": title,
                "published": published.isoformat() if published else None,
                "note": item.note,
            }
        )
    return rows


def export_json(collection: Collection, items: Iterable[CollectionItem], base_url: str) -> str:
    document = {
        "format": FILE_FORMAT,
        "version": FILE_VERSION,
        "name": collection.name,
        "description": collection.description,
        "items": item_records(items, base_url),
    }
    return json.dumps(document, ensure_ascii=False, indent=2)


def export_csv(collection: Collection, items: Iterable[CollectionItem], base_url: str) -> str:
    out = io.StringIO()
    # A byte-order mark: spreadsheet programs then read the file as UTF-8, not the locale's.
    out.write("\ufeff")
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for record in item_records(items, base_url):
        published = record["published"] or ""
        article_id = record["article_id"] or ""
        writer.writerow(
            {
                **record,
                "collection": collection.name,
                "description": collection.description,
                "article_id": article_id,
                "published": published,
            }
        )
    return out.getvalue()


# --- import -----------------------------------------------------------------------------------


def read_collection_file(data: bytes, file_name: str) -> CollectionFile:
    """The collection in an uploaded file, or CollectionFileError saying what is wrong."""
    if len(data) > MAX_UPLOAD_BYTES:
        raise CollectionFileError(TOO_BIG)
    suffix = file_name.lower().rsplit(".", 1)[-1] if "." in file_name else ""
    if suffix not in ("json", "csv"):
        raise CollectionFileError("只能导入 JSON 或 CSV 文件（扩展名 .json 或 .csv）。")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CollectionFileError("文件不是 UTF-8 编码的文本。") from None
    parsed = _read_json(text) if suffix == "json" else _read_csv(text)
    if len(parsed.items) > MAX_ITEMS:
        raise CollectionFileError(
            f"文件中有 {len(parsed.items)} 篇，一个收藏夹最多 {MAX_ITEMS} 篇。"
        )
    return parsed


def _read_json(text: str) -> CollectionFile:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CollectionFileError(f"不是有效的 JSON（第 {exc.lineno} 行）。") from None
    if not isinstance(document, dict) or not isinstance(document.get("items"), list):
        raise CollectionFileError("JSON 文件应是一个对象，其中 items 为文章列表。")
    if document.get("format", FILE_FORMAT) != FILE_FORMAT:
        raise CollectionFileError(f"不是收藏夹文件（format 应为 {FILE_FORMAT}）。")
    items = []
    for number, entry in enumerate(document["items"], start=1):
        where = f"第 {number} 项"
        if not isinstance(entry, dict):
            raise CollectionFileError(f"{where}不是对象。")
        article_id = entry.get("article_id")
        if article_id is not None and (type(article_id) is not int or article_id < 1):
            raise CollectionFileError(f"{where}：article_id 应为正整数或 null。")
        items.append(
            _item(
                where,
                title=_text(entry.get("title"), f"{where}的 title"),
                published=entry.get("published"),
                note=_text(entry.get("note"), f"{where}的 note"),
                article_id=article_id,
            )
        )
    return CollectionFile(
        name=_text(document.get("name"), "name"),
        description=_text(document.get("description"), "description"),
        items=tuple(items),
    )


def _read_csv(text: str) -> CollectionFile:
    try:
        reader = csv.DictReader(io.StringIO(text))
        columns = reader.fieldnames or []
        missing = [c for c in CSV_REQUIRED if c not in columns]
        if missing:
            raise CollectionFileError(
                f"CSV 缺少列：{'、'.join(missing)}（应有 {', '.join(CSV_COLUMNS)}）。"
            )
        rows = list(reader)
    except csv.Error as exc:
        raise CollectionFileError(f"不是有效的 CSV：{exc}") from None
    items = []
    for number, row in enumerate(rows, start=1):
        where = f"第 {number} 行"
        raw_id = (row["article_id"] or "").strip()
        if raw_id and not (raw_id.isdigit() and int(raw_id) > 0):
            raise CollectionFileError(f"{where}：article_id“{raw_id[:20]}”不是正整数。")
        items.append(
            _item(
                where,
                title=row["title"] or "",
                published=(row["published"] or "").strip() or None,
                note=row["note"] or "",
                article_id=int(raw_id) if raw_id else None,
            )
        )
    first = rows[0] if rows else {}
    return CollectionFile(
        name=(first.get("collection") or "").strip(),
        description=(first.get("description") or "").strip(),
        items=tuple(items),
    )


def _text(value: object, label: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise CollectionFileError(f"{label} 应为文字。")
    return value.strip()


def _item(
    where: str, *, title: str, published: object, note: str, article_id: int | None
) -> ItemRecord:
    title = title.strip()
    if not title:
        raise CollectionFileError(f"{where}没有标题（title）。")
    if len(title) > TITLE_MAX_CHARS:
        raise CollectionFileError(f"{where}的标题超过 {TITLE_MAX_CHARS} 字。")
    if len(note) > MAX_NOTE_CHARS:
        raise CollectionFileError(f"{where}的笔记超过 {MAX_NOTE_CHARS} 字。")
    day = None
    if published is not None:
        try:
            day = dt.datetime.strptime(str(published), DATE_FORMAT).date()
        except ValueError:
            raise CollectionFileError(
                f"{where}：日期“{str(published)[:20]}”无效（格式：2021-04-17）。"
            ) from None
    return ItemRecord(title=title, published=day, note=note.strip(), article_id=article_id)


@transaction.atomic
def import_collection(
    *, owner: AbstractBaseUser, data: CollectionFile, name: str = ""
) -> ImportReport:
    """A new collection of the owner's with the file's items, in one transaction."""
    collection = Collection.objects.create(
        owner=owner,
        name=free_name(owner, name or data.name or IMPORTED_NAME),
        description=data.description,
    )
    report = ImportReport(collection=collection)
    by_id = (
        Article.objects.visible()
        .only(*MATCH_FIELDS)
        .in_bulk([r.article_id for r in data.items if r.article_id])
    )
    candidates = _by_title_and_date(data.items)
    rows: list[CollectionItem] = []
    placed: dict[int, CollectionItem] = {}  # article id → its item, for a second match
    for record in data.items:
        article = by_id.get(record.article_id)
        if article is not None and article.title == record.title:
            report.by_id += 1
        else:
            article = _first_free(candidates.get((record.title, record.published), []), placed)
            if article is None:
                report.unmatched.append(record)
            else:
                report.by_title_date += 1
        if article is not None and article.pk in placed:
            # Two items found the same article: one item keeps both notes.
            first = placed[article.pk]
            first.note = "\n\n".join(n for n in (first.note, record.note) if n)
            continue
        item = CollectionItem(
            collection=collection,
            article=article,
            title=article.title if article else record.title,
            published=article.published if article else record.published,
            note=record.note,
            position=len(rows),
        )
        rows.append(item)
        if article is not None:
            placed[article.pk] = item
    CollectionItem.objects.bulk_create(rows)
    return report


def _by_title_and_date(records: Iterable[ItemRecord]) -> dict[tuple, list[Article]]:
    """Visible articles with a title of the file's, by (title, date), lowest id first."""
    titles = {r.title for r in records}
    dates = {r.published for r in records}
    # Narrowed by date first (an index), never by title alone (a scan of the whole table).
    on_dates = Q(published__in=dates - {None})
    if None in dates:
        on_dates |= Q(published__isnull=True)
    found: dict[tuple, list[Article]] = {}
    matching = Article.objects.visible().filter(on_dates, title__in=titles).only(*MATCH_FIELDS)
    for article in matching.order_by("id"):
        found.setdefault((article.title, article.published), []).append(article)
    return found


def _first_free(articles: list[Article], placed: dict[int, CollectionItem]) -> Article | None:
    """Several articles of one title on one day (简讯…): each item takes the next one."""
    free = [a for a in articles if a.pk not in placed]
    return (free or articles or [None])[0]


def free_name(owner: AbstractBaseUser, wanted: str) -> str:
    """`wanted`, or `wanted（2）`, `（3）`… when the owner already has a collection so named."""
    wanted = wanted[:NAME_MAX_CHARS]
    taken = set(Collection.objects.filter(owner=owner).values_list("name", flat=True))
    name, number = wanted, 1
    while name in taken:
        number += 1
        suffix = f"（{number}）"
        name = wanted[: NAME_MAX_CHARS - len(suffix)] + suffix
    return name
