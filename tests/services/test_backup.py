"""A backup restored into an empty archive gives the same archive, decisions included."""

import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.core.management.color import no_style
from django.db import connection

from archive.models import Article, Event, Person, PersonAlias
from archive.models.people import PersonStatus
from archive.services.backup import MODELS, history_models
from archive.services.people import merge_persons, set_status
from tests.services.test_jsonl import export_lines


def everything():
    """The archive as a reader and an admin see it: articles (with persons and events) and
    every person's name, status, review flag and aliases."""
    persons = sorted(
        (p.name, p.status, p.needs_review, tuple(sorted(a.name for a in p.aliases.all())))
        for p in Person.objects.prefetch_related("aliases")
    )
    events = sorted((e.title, str(e.date), e.articles.count()) for e in Event.objects.all())
    return export_lines(), persons, events


def wipe():
    """An empty archive: no records, no history."""
    Article.objects.update(previous_part=None)
    for model in reversed(MODELS):
        model.objects.all().delete()
    for model in history_models():
        model.objects.all().delete()
    # As in a new database: primary key sequences start again from 1.
    sequences = connection.introspection.sequence_list()
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_by_name_sql(no_style(), sequences):
            cursor.execute(sql)


def test_backup_then_restore_gives_the_same_archive(imported, tmp_path, client):
    persons = list(Person.objects.order_by("name")[:4])
    merge_persons(persons[0], [persons[1]])  # an alias, a confirmation
    set_status([persons[2]], PersonStatus.REJECTED)
    article = Article.objects.order_by("pk").first()
    article.title = "改正后的标题"
    article.save()
    before = everything()
    highest = max(Person.objects.values_list("pk", flat=True))
    assert PersonAlias.objects.exists()

    path = tmp_path / "archive.backup.jsonl"
    call_command("backup_archive", "-o", str(path), "--history", stdout=io.StringIO())
    wipe()
    assert not Article.objects.exists() and not Person.objects.exists()
    out = io.StringIO()
    call_command("restore_archive", str(path), stdout=out, verbosity=0)
    assert "restored" in out.getvalue()
    assert everything() == before
    found = client.get("/api/search", {"q": "改正后的标题"}).json()
    assert [hit["id"] for hit in found["results"]] == [article.pk]
    new = Person.objects.create(name="新来的人")  # the sequences go on past the restored keys
    assert new.pk > highest


def test_restore_refuses_a_non_empty_archive_and_a_foreign_file(imported, tmp_path):
    path = tmp_path / "b.jsonl"
    call_command("backup_archive", "-o", str(path), stdout=io.StringIO())
    count = Article.objects.count()
    with pytest.raises(CommandError, match="空档案"):
        call_command("restore_archive", str(path), stdout=io.StringIO(), verbosity=0)
    other = tmp_path / "other.jsonl"
    other.write_text(json.dumps({"title": "x"}) + "\n", encoding="utf-8")
    with pytest.raises(CommandError, match="备份文件"):
        call_command("restore_archive", str(other), stdout=io.StringIO(), verbosity=0)
    assert Article.objects.count() == count


def test_a_torn_backup_restores_nothing(imported, tmp_path):
    path = tmp_path / "c.jsonl"
    call_command("backup_archive", "-o", str(path), stdout=io.StringIO())
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(lines[: len(lines) // 2]) + "\n{torn", encoding="utf-8")
    wipe()
    with pytest.raises(CommandError, match="无法读取"):
        call_command("restore_archive", str(path), stdout=io.StringIO(), verbosity=0)
    assert not Person.objects.exists() and not Article.objects.exists()
