"""The one writer of imports: a batch of drafts becomes rows in a few bulk queries.

Callers hold the transaction (one per batch). Every row written here gets its history row, and
every new article a row in the index queue, as a save would; queries per batch do not grow with
the archive (names, fingerprints and events are looked up by index, a chunk at a time).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache

from django.db import transaction
from django.db.models import CharField

from archive import freshness
from archive.models import (
    Article,
    Event,
    EventParticipant,
    Mention,
    Person,
    PersonAlias,
    SourcePage,
    StaffCredit,
)
from archive.models.people import PersonStatus
from archive.search import queue
from archive.services.drafting import ArticlePlan, EventPlan, MentionDraft, PagePlan
from archive.services.page_links import link_continued_parts
from archive.services.people import pinyin_keys
from archive.services.records import ArticleInput
from archive.services.rows import create_with_history

CHUNK = 500  # values per IN (...) list: under every database's parameter limit
DOUBTFUL_PERSON = "仅出现一次且无职务，可能不是人名"
DERIVED_TITLE = "标题由系统生成"


@dataclass
class WriteCounts:
    articles: int = 0
    duplicates: int = 0
    persons: int = 0
    events: int = 0
    warnings: list[str] = field(default_factory=list)


def fitted(row):
    """The row with each text cut to its column's length (the model is the one definition)."""
    for attname, length in _lengths(type(row)):
        value = getattr(row, attname)
        if isinstance(value, str) and len(value) > length:
            setattr(row, attname, value[:length])
    return row


@cache
def _lengths(model) -> tuple[tuple[str, int], ...]:
    """(attname, max_length) of model's text columns: looked up once, cut in every row."""
    return tuple(
        (f.attname, f.max_length)
        for f in model._meta.concrete_fields
        if isinstance(f, CharField) and f.max_length
    )


def _chunks(values: Iterable, size: int = CHUNK) -> Iterator[list]:
    values = list(values)
    for start in range(0, len(values), size):
        yield values[start : start + size]


def store_pages(pages: list[PagePlan]) -> list[WriteCounts]:
    """Write new pages with their articles; one WriteCounts per page, in order."""
    if not pages:
        return []
    seen_names = set()
    for names in _chunks({p.file_name for p in pages}):
        seen_names |= set(
            SourcePage.objects.filter(file_name__in=names).values_list("file_name", flat=True)
        )
    rows = SourcePage.objects.bulk_create(
        [
            fitted(
                SourcePage(
                    file_name=p.file_name,
                    checksum=p.checksum,
                    encoding=p.encoding,
                    text=p.text,
                    page_number=p.page_number,
                    issue_date=p.dates.issue_date,
                    date_status=p.dates.status,
                    year_evidence=p.dates.evidence,
                    section=p.section,
                    warnings=p.warnings,
                )
            )
            for p in pages
        ]
    )
    owners: list[int] = []
    plans: list[ArticlePlan] = []
    for index, (page, row) in enumerate(zip(pages, rows, strict=True)):
        for plan in page.articles:
            plan.item.source_page = row
            owners.append(index)
            plans.append(plan)
    counts = [WriteCounts() for _ in pages]
    for page, count in zip(pages, counts, strict=True):
        if page.file_name in seen_names:
            count.warnings.append("同名文件以前导入过，内容不同：作为新版本导入")
    staff = {s.name: index for index, page in enumerate(pages) for s in page.staff}
    persons = add_articles(plans, owners, counts, staff)
    _store_staff(pages, rows, persons)
    return counts


def store_articles(plans: list[ArticlePlan]) -> WriteCounts:
    """Write articles that come without a page (JSON Lines)."""
    counts = WriteCounts()
    add_articles(plans, [0] * len(plans), [counts], {})
    return counts


def add_articles(
    plans: list[ArticlePlan], owners: list[int], counts: list[WriteCounts], staff: dict[str, int]
) -> dict[str, Person]:
    """``owners[i]`` is the index in ``counts`` that plans[i] is counted in; ``staff`` names the
    page staff (name → owner) to look up with the articles' persons."""
    fresh, fresh_owners = _new_only(plans, owners, counts)
    articles = create_with_history([article_values(p) for p in fresh], Article)
    persons = persons_for(fresh, fresh_owners, counts, staff)
    mentions: dict[tuple, Mention] = {}  # one per (article, person, kind, role) as cut
    for plan, article in zip(fresh, articles, strict=True):
        for draft in plan.mentions:
            person = persons.get(draft.name)
            if person is not None:
                row = mention_row(article, person, draft)
                mentions.setdefault((article.pk, person.pk, row.kind, row.role), row)
    create_with_history(list(mentions.values()), Mention)
    _store_events(fresh, fresh_owners, articles, persons, counts)
    link_continued_parts([a for a in articles if a.continued_on or a.continued_from_page])
    queue.enqueue(queue.ARTICLE, [a.pk for a in articles])
    # Rows written in bulk send no signals: other processes' cached counts learn of them from
    # the stamp, once they are committed.
    transaction.on_commit(freshness.touch)
    for owner in fresh_owners:
        counts[owner].articles += 1
    return persons


def _new_only(
    plans: list[ArticlePlan], owners: list[int], counts: list[WriteCounts]
) -> tuple[list[ArticlePlan], list[int]]:
    """Drop what the archive (or this batch) already holds: same fingerprint, or the same
    title, date and text (an article exported and imported back after an admin's edit)."""
    prints = [p.item.fingerprint for p in plans]  # a hash of the whole text: computed once
    known: set[str] = set()
    for chunk in _chunks(set(prints)):
        known |= set(
            Article.objects.filter(fingerprint__in=chunk).values_list("fingerprint", flat=True)
        )
    cut = Article._meta.get_field("title").max_length
    same_text = _same_text([p.item for p, f in zip(plans, prints, strict=True) if f not in known])
    fresh, fresh_owners = [], []
    for plan, owner, print_ in zip(plans, owners, prints, strict=True):
        item = plan.item
        if print_ in known or (
            same_text and (item.title[:cut], item.published, item.body) in same_text
        ):
            counts[owner].duplicates += 1
            continue
        known.add(print_)
        fresh.append(plan)
        fresh_owners.append(owner)
    return fresh, fresh_owners


def _same_text(items: list[ArticleInput]) -> set[tuple]:
    """(title, published, body) of the archive's articles with the title and date of an item.

    Looked up by date first (an index), never by title alone (a scan of the whole table); a
    chunk of dates with a chunk of titles per query, as a batch may span a thousand days;
    unordered, as the rows go into a set.
    """
    cut = Article._meta.get_field("title").max_length
    found: set[tuple] = set()
    columns = ("title", "published", "body")
    by_day: dict[dt.date | None, set[str]] = defaultdict(set)
    for item in items:
        by_day[item.published].add(item.title[:cut])
    undated = by_day.pop(None, set())
    for titles in _chunks(undated):
        found |= set(
            Article.objects.filter(published__isnull=True, title__in=titles)
            .order_by()
            .values_list(*columns)
        )
    for days in _chunks(by_day):
        for titles in _chunks(set().union(*(by_day[d] for d in days))):
            found |= set(
                Article.objects.filter(published__in=days, title__in=titles)
                .order_by()
                .values_list(*columns)
            )
    return found


def article_values(plan: ArticlePlan) -> Article:
    item = plan.item
    reasons = list(item.review_reasons) + ([DERIVED_TITLE] if item.title_is_derived else [])
    return fitted(
        Article(
            source_page=item.source_page,
            source=item.source,
            position=item.position,
            page=item.page,
            kicker=item.kicker,
            title=item.title,
            title_is_derived=item.title_is_derived,
            deck=item.deck,
            body=item.body,
            captions="\n".join(item.captions),
            published=item.published,
            date_status=item.date_status,
            genre=item.genre,
            section=item.section,
            agency=item.agency,
            place=item.place,
            continued_on=item.continued_on,
            continued_from_page=item.continued_from_page,
            fingerprint=item.fingerprint,
            needs_review=bool(reasons),
            review_reasons=reasons,
        )
    )


def mention_row(article: Article, person: Person, draft: MentionDraft) -> Mention:
    return fitted(
        Mention(
            article=article,
            person=person,
            kind=draft.kind,
            role=draft.role,
            count=draft.count,
            confidence=draft.confidence,
        )
    )


def persons_for(
    plans: list[ArticlePlan], owners: list[int], counts: list[WriteCounts], staff: dict[str, int]
) -> dict[str, Person]:
    """Name → Person for every name in the batch; a name an admin rejected maps to nothing."""
    first_owner: dict[str, int] = {}
    doubtful: dict[str, bool] = {}
    for plan, owner in zip(plans, owners, strict=True):
        for draft in plan.mentions:
            first_owner.setdefault(draft.name, owner)
            doubtful[draft.name] = doubtful.get(draft.name, True) and draft.doubtful
    for name, owner in staff.items():
        first_owner.setdefault(name, owner)
        doubtful[name] = False
    names = {n for n in first_owner if 0 < len(n) <= Person._meta.get_field("name").max_length}
    found: dict[str, Person] = {}
    for chunk in _chunks(names):
        found.update((p.name, p) for p in Person.objects.filter(name__in=chunk))
    for chunk in _chunks(names - set(found)):
        for alias in PersonAlias.objects.select_related("person").filter(name__in=chunk):
            found[alias.name] = alias.person
    new = [_person_row(n, doubtful[n]) for n in sorted(names - set(found))]
    for person in create_with_history(new, Person):
        found[person.name] = person
        counts[first_owner[person.name]].persons += 1
    return {n: p for n, p in found.items() if p.status != PersonStatus.REJECTED}


def _person_row(name: str, doubtful: bool) -> Person:
    full, initials = pinyin_keys(name)
    return fitted(
        Person(
            name=name,
            pinyin=full,
            pinyin_initials=initials,
            needs_review=doubtful,
            review_reasons=[DOUBTFUL_PERSON] if doubtful else [],
        )
    )


def _same_event(existing: Event, title: str) -> bool:
    return existing.title == title or existing.title in title or title in existing.title


def _store_events(
    plans: list[ArticlePlan],
    owners: list[int],
    articles: list[Article],
    persons: dict[str, Person],
    counts: list[WriteCounts],
) -> None:
    """Each article joins the event it reports: one already in the archive (same date, kind and
    a title containing the other) or a new one."""
    wanted = [(p.event, a, o) for p, a, o in zip(plans, articles, owners, strict=True) if p.event]
    if not wanted:
        return
    known: dict[tuple, list[Event]] = defaultdict(list)
    dates = {e.date for e, _, _ in wanted if e.date}
    for chunk in _chunks(dates):
        for event in Event.objects.filter(date__in=chunk, kind__in={e.kind for e, _, _ in wanted}):
            known[(event.date, event.kind)].append(event)
    new: list[Event] = []
    chosen: list[Event] = []
    for plan, _, owner in wanted:
        event = None
        if plan.date is not None:
            same_day = known[(plan.date, plan.kind)]
            event = next((e for e in same_day if _same_event(e, plan.title)), None)
        if event is None:
            event = _event_row(plan)
            new.append(event)
            counts[owner].events += 1
            if plan.date is not None:
                known[(plan.date, plan.kind)].append(event)
        chosen.append(event)
    create_with_history(new, Event)
    # The links go in as rows: the events' history records their creation, not each link
    # (a record per event per batch would cost as much as the rest of the batch).
    link = Event.articles.through
    link.objects.bulk_create(
        [link(event_id=e.pk, article_id=a.pk) for (_, a, _), e in zip(wanted, chosen, strict=True)]
    )
    parts: dict[tuple[int, int, str], EventParticipant] = {}
    for (plan, _, _), event in zip(wanted, chosen, strict=True):
        for name, part in plan.participants:
            person = persons.get(name)
            if person is not None:
                row = fitted(EventParticipant(event=event, person=person, part=part))
                parts.setdefault((event.pk, person.pk, row.part), row)
    had = set()
    for chunk in _chunks({k[0] for k in parts}):
        had |= set(
            EventParticipant.objects.filter(event_id__in=chunk).values_list(
                "event_id", "person_id", "part"
            )
        )
    create_with_history([r for k, r in parts.items() if k not in had], EventParticipant)


def _event_row(plan: EventPlan) -> Event:
    reasons = [] if plan.date else ["事件日期不明"]
    return fitted(
        Event(
            title=plan.title,
            kind=plan.kind,
            date=plan.date,
            time_of_day=plan.time_of_day,
            date_is_uncertain=plan.date is None,
            place=plan.place,
            summary=plan.summary,
            needs_review=bool(reasons),
            review_reasons=reasons,
        )
    )


def _store_staff(pages: list[PagePlan], rows: list[SourcePage], persons: dict[str, Person]) -> None:
    credits: dict[tuple[int, int, str], StaffCredit] = {}
    for page, row in zip(pages, rows, strict=True):
        for staff in page.staff:
            person = persons.get(staff.name)
            if person is not None:
                credit = fitted(StaffCredit(source_page=row, person=person, role=staff.role))
                credits.setdefault((row.pk, person.pk, credit.role), credit)
    StaffCredit.objects.bulk_create(list(credits.values()))
