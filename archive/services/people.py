"""Write logic for persons: find-or-create by name, merge, reject, confirm."""

from __future__ import annotations

from django.db import transaction
from pypinyin import Style, lazy_pinyin

from archive.extraction.types import NameLexicon
from archive.models import EventParticipant, Mention, Person, PersonAlias, StaffCredit
from archive.models.people import PersonStatus


def pinyin_keys(name: str) -> tuple[str, str]:
    """('zhangsanfeng', 'zsf') for 张三丰: what the people search matches."""
    syllables = lazy_pinyin(name, style=Style.NORMAL, errors="ignore")
    return "".join(syllables).lower(), "".join(s[0] for s in syllables if s).lower()


def load_lexicon() -> NameLexicon:
    """What admins decided, as data for the next extraction run."""
    confirmed = frozenset(
        Person.objects.filter(status=PersonStatus.CONFIRMED).values_list("name", flat=True)
    )
    rejected = frozenset(
        Person.objects.filter(status=PersonStatus.REJECTED).values_list("name", flat=True)
    )
    aliases = dict(PersonAlias.objects.values_list("name", "person__name"))
    return NameLexicon(confirmed=confirmed, rejected=rejected, aliases=aliases)


@transaction.atomic
def merge_persons(target: Person, others: list[Person]) -> Person:
    """Fold `others` into `target`: mentions, event parts and page credits move, old names
    become aliases."""
    for other in others:
        if other.pk == target.pk:
            continue
        for mention in Mention.objects.filter(person=other):
            existing = Mention.objects.filter(
                article=mention.article, person=target, kind=mention.kind, role=mention.role
            ).first()
            if existing:
                existing.count += mention.count
                existing.save(update_fields=["count"])
                mention.delete()
            else:
                mention.person = target
                mention.save(update_fields=["person"])
        _move_rows(EventParticipant, other, target, ("event", "part"))
        _move_rows(StaffCredit, other, target, ("source_page", "role"))
        PersonAlias.objects.filter(person=other).update(person=target)
        PersonAlias.objects.update_or_create(name=other.name, defaults={"person": target})
        other.delete()
    if target.status == PersonStatus.AUTO:
        target.status = PersonStatus.CONFIRMED
        target.needs_review = False
        target.save(update_fields=["status", "needs_review"])
    return target


def _move_rows(model, other: Person, target: Person, keys: tuple[str, ...]) -> None:
    """Give ``other``'s rows to ``target``; a row ``target`` already has (same keys) goes."""
    for row in model.objects.filter(person=other):
        columns = [model._meta.get_field(key).attname for key in keys]
        same = {column: getattr(row, column) for column in columns}
        if model.objects.filter(person=target, **same).exists():
            row.delete()
        else:
            row.person = target
            row.save(update_fields=["person"])


def set_status(persons, status: str) -> int:
    """Confirm or reject; saving one by one keeps history and reaches the search index."""
    changed = 0
    for person in persons:
        person.status = status
        person.needs_review = False
        person.save(update_fields=["status", "needs_review"])
        changed += 1
    return changed
