"""The import's rows written in bulk (archive/services/rows.py): history, keys, all or nothing."""

import pytest
from django.core.management import call_command
from django.db import DatabaseError

from archive.models import (
    Article,
    Event,
    EventParticipant,
    Mention,
    PendingIndexUpdate,
    Person,
)
from archive.services import storing
from tests.services.test_import_run import lines, write_jsonl

WRITTEN = (Article, Person, Mention, Event, EventParticipant)


def tracked(model, row) -> dict:
    return {f.attname: getattr(row, f.attname) for f in model.history.model.tracked_fields}


def test_every_written_row_has_its_history_row_with_the_same_values(db, tmp_path):
    call_command("import_archive", str(write_jsonl(tmp_path / "a.jsonl", lines(30))), verbosity=0)
    for model in WRITTEN:
        rows = {r.pk: tracked(model, r) for r in model.objects.all()}
        history = model.history.all()
        assert rows, model
        assert {h.history_type for h in history} == {"+"}
        assert {h.id: tracked(model, h) for h in history} == rows, model
        assert history.count() == len(rows), model
    article = Article.objects.first()
    assert article.created_at is not None and article.updated_at is not None


def test_each_article_gets_the_persons_of_its_own_text(db, tmp_path):
    """Keys come back in the order the rows went in: mentions land on the right article."""
    call_command("import_archive", str(write_jsonl(tmp_path / "a.jsonl", lines(40))), verbosity=0)
    mentions = Mention.objects.select_related("article", "person")
    assert mentions.count() == 40
    assert all(m.person.name in m.article.body for m in mentions)


def test_rows_added_after_an_import_get_new_keys(db, tmp_path):
    """The import takes its keys where the database's own inserts do (PostgreSQL: the
    sequence), so an admin's later save never collides with an imported row."""
    call_command("import_archive", str(write_jsonl(tmp_path / "a.jsonl", lines(5))), verbosity=0)
    person = Person.objects.create(name="李新来")
    assert person.pk > max(Person.objects.exclude(pk=person.pk).values_list("pk", flat=True))
    assert person.history.count() == 1


def test_a_batch_that_fails_half_way_leaves_nothing(db, tmp_path, monkeypatch):
    def failing(*args):
        raise DatabaseError("disk I/O error")  # after the articles, mentions and their history

    monkeypatch.setattr(storing, "_store_events", failing)
    with pytest.raises(DatabaseError):
        call_command("import_archive", str(write_jsonl(tmp_path / "a.jsonl", lines(6))))
    for model in WRITTEN:
        assert not model.objects.exists() and not model.history.exists(), model
    assert not PendingIndexUpdate.objects.exists()


def test_articles_edited_by_an_admin_and_imported_back_are_not_doubled(db, tmp_path):
    rows = lines(6)
    call_command("import_archive", str(write_jsonl(tmp_path / "a.jsonl", rows)), verbosity=0)
    for article in Article.objects.all():  # the fingerprints stay those of the first import
        article.title = f"改：{article.title}"
        article.save()
    edited = [{**r, "title": f"改：{r['title']}"} for r in rows]
    # Same titles on other days, and the edited articles of every day, in one batch.
    other_days = [{**r, "published": "2022-01-01"} for r in edited[:2]]
    path = write_jsonl(tmp_path / "b.jsonl", edited + other_days)
    call_command("import_archive", str(path), verbosity=0)
    assert Article.objects.count() == 8
