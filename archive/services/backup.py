"""The whole archive as one JSON Lines file, and back: what admins decided included.

Every record of the archive app goes in (source pages, articles with their corrections, persons
with their status and aliases, mentions, events and their articles, participants, page staff,
import checkpoints, readers' error reports), in an order that restores without dangling keys,
each as Django's serializer writes it (primary keys kept, so links and URLs stay the same).
History is optional. Users are not in it: who edited a version or closed a report is left
empty on restore.
The search index is not in it: it is rebuilt from the records.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import IO

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core import serializers
from django.core.management.color import no_style
from django.db import connection, transaction

from archive.models import (
    Article,
    ErrorReport,
    Event,
    EventParticipant,
    ImportedFile,
    Mention,
    Person,
    PersonAlias,
    SourcePage,
    StaffCredit,
)

FORMAT = "newsroom-backup"
VERSION = 1
# Parents before children: a row's foreign keys point at rows already restored.
MODELS = [
    SourcePage,
    Person,
    PersonAlias,
    Article,
    Mention,
    Event,
    EventParticipant,
    StaffCredit,
    ImportedFile,
    ErrorReport,
]
BATCH = 1000


class RestoreError(Exception):
    """The file cannot be restored here; nothing was written."""


def history_models() -> list:
    return [m.history.model for m in MODELS if hasattr(m, "history")]


def write_backup(out: IO[str], *, history: bool = False) -> dict[str, int]:
    """Write every record; returns rows per model label."""
    models = MODELS + (history_models() if history else [])
    counts: dict[str, int] = {}
    header = {"format": FORMAT, "version": VERSION, "models": [m._meta.label for m in models]}
    out.write(json.dumps(header) + "\n")
    for model in models:
        label = model._meta.label
        counts[label] = 0

        def counted(rows, label=label):
            for row in rows:
                counts[label] += 1
                yield row

        rows = model._default_manager.order_by("pk").iterator(chunk_size=BATCH)
        serializers.serialize("jsonl", counted(rows), stream=out)
    return counts


def archive_is_empty() -> bool:
    """No record and no version of one (a restored history must not meet another)."""
    return not any(m._default_manager.exists() for m in MODELS + history_models())


def restore_backup(lines: Iterator[str], progress: Callable[[int], object] = lambda n: None):
    """Restore into an empty archive, in one transaction; returns rows per model label."""
    first = next(lines, "")
    try:
        header = json.loads(first)
    except json.JSONDecodeError as exc:
        raise RestoreError("不是备份文件（第 1 行不是 JSON）") from exc
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise RestoreError("不是 newsroom 备份文件 (not a newsroom backup)")
    if header.get("version") != VERSION:
        raise RestoreError(f"备份格式版本 {header.get('version')}，本程序读 {VERSION}")
    if not archive_is_empty():
        raise RestoreError("档案不是空的：只能恢复到空档案 (restore needs an empty archive)")
    counts: dict[str, int] = {}
    with transaction.atomic():
        pending: dict = {}
        links: list = []
        parts: list[tuple[int, int]] = []
        for number, line in enumerate(lines, start=2):
            if not line.strip():
                continue
            try:
                found = list(serializers.deserialize("jsonl", line, ignorenonexistent=True))
            except serializers.base.DeserializationError as exc:
                raise RestoreError(f"第 {number} 行无法读取：{exc}") from exc
            for item in found:
                obj = item.object
                model = type(obj)
                if model is Article and obj.previous_part_id:
                    parts.append((obj.pk, obj.previous_part_id))
                    obj.previous_part_id = None
                for name in _user_keys(model):
                    setattr(obj, name, None)  # users are not part of the archive
                for name, ids in (item.m2m_data or {}).items():
                    through = model._meta.get_field(name).remote_field.through
                    links += [through(event_id=obj.pk, article_id=pk) for pk in ids]
                pending.setdefault(model, []).append(obj)
                if len(pending[model]) >= BATCH:
                    _flush(model, pending, counts, progress)
        for model in list(pending):
            _flush(model, pending, counts, progress)
        if links:
            Event.articles.through.objects.bulk_create(links, batch_size=BATCH)
        for pk, previous in parts:
            Article.objects.filter(pk=pk).update(previous_part_id=previous)
        _reset_sequences([apps.get_model(label) for label in counts])
    return counts


@functools.cache
def _user_keys(model) -> list[str]:
    """The columns of a model pointing at a user (who edited a version, who closed a report)."""
    user = get_user_model()
    return [
        f.attname for f in model._meta.concrete_fields if f.is_relation and f.related_model is user
    ]


@contextmanager
def _times_as_stored(model) -> Iterator[None]:
    """bulk_create stamps auto_now(_add) fields with the present moment; a restore keeps the
    times in the backup (when a report was sent, when an article was imported)."""
    stamped = [
        (f, f.auto_now, f.auto_now_add)
        for f in model._meta.concrete_fields
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
    ]
    for f, _, _ in stamped:
        f.auto_now = f.auto_now_add = False
    try:
        yield
    finally:
        for f, auto_now, auto_now_add in stamped:
            f.auto_now, f.auto_now_add = auto_now, auto_now_add


def _flush(model, pending: dict, counts: dict, progress) -> None:
    rows = pending.pop(model, [])
    if rows:
        with _times_as_stored(model):
            model._default_manager.bulk_create(rows, batch_size=BATCH)
        counts[model._meta.label] = counts.get(model._meta.label, 0) + len(rows)
        progress(len(rows))


def _reset_sequences(models: list) -> None:
    """PostgreSQL: the next new row must not reuse a restored primary key."""
    sql = connection.ops.sequence_reset_sql(no_style(), models)
    if sql:
        with connection.cursor() as cursor:
            for statement in sql:
                cursor.execute(statement)
