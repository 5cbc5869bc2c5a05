"""People: the index, a person's roles, months, articles, companions and events."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
from django.db.models import Count, Exists, F, OuterRef

from archive.models import Article, Event, EventParticipant, Mention, Person, StaffCredit
from archive.models.events import NEWEST_FIRST
from archive.models.people import PersonStatus
from archive.periods import key_date, month_span
from archive.selectors.counts import (
    HIDDEN,
    UNDATED,
    IdList,
    article_dates,
    cached_for,
    calendar_counts,
    memoized,
)
from archive.selectors.issues import days_between

# --- people --------------------------------------------------------------------------------


_PERSON_SHIFT = 2**32  # article ids stay below it


def person_counts() -> dict[int, tuple[int, dt.date | None]]:
    """person id → (articles naming them, latest of those dates), for every person at once."""

    def compute():
        # Every mention as one number, person·2³² + article, in one string the database builds
        # from a scan without grouping (a GROUP BY of ~700,000 mentions spilled PostgreSQL's
        # hash to disk), dated from article_dates() and counted in NumPy.
        rejected = Person.objects.filter(status=PersonStatus.REJECTED).values("id")
        packed = F("person_id") * _PERSON_SHIFT + F("article_id")
        found = Mention.objects.exclude(person_id__in=rejected).aggregate(all=IdList(packed))["all"]
        keys = np.fromstring(found or "", dtype=np.int64, sep=",")
        if not len(keys):
            return {}
        article = keys % _PERSON_SHIFT
        dates = np.frombuffer(article_dates(), dtype=np.int32)
        day = np.where(article < len(dates), dates[np.minimum(article, len(dates) - 1)], HIDDEN)
        seen = day != HIDDEN
        # One row per (person, article), persons ascending.
        keys, first = np.unique(keys[seen], return_index=True)
        person, day = keys // _PERSON_SHIFT, day[seen][first]
        ids, starts, n = np.unique(person, return_index=True, return_counts=True)
        last = np.maximum.reduceat(day, starts) if len(day) else day
        return {
            pk: (count, key_date(latest) if latest > 0 else None)
            for pk, count, latest in zip(ids.tolist(), n.tolist(), last.tolist(), strict=True)
        }

    return memoized("person_counts", compute, shared=True)


@dataclass(frozen=True)
class PersonRow:
    pk: int
    name: str
    pinyin: str
    article_count: int
    last_seen: dt.date | None


def person_index(text: str = "", order: str = "count") -> PersonRows:
    """Visible people with their article counts, matched by name, alias or pinyin, most named
    first (or by pinyin): for Paginator, which reads one page of rows at a time."""
    if text:
        return PersonRows(_ordered_ids(Person.objects.visible().matching(text), order))
    everyone = Person.objects.visible()
    # Every page of the index is a slice of one ordering of all persons, kept like the counts:
    # sorting 200,000 persons for each page of 50 would cost a second.
    return PersonRows(memoized(f"person_order:{order}", lambda: _ordered_ids(everyone, order)))


def _ordered_ids(people, order: str) -> np.ndarray:
    counts = person_counts()
    rows = list(people.values_list("id", "name", "pinyin"))
    if order == "name":
        rows.sort(key=lambda r: (r[2] or r[1], r[1]))
    else:
        rows.sort(key=lambda r: (-counts.get(r[0], (0, None))[0], r[2] or r[1], r[1]))
    return np.array([r[0] for r in rows], dtype=np.int64)


class PersonRows:
    """Persons in a fixed order, as PersonRow, read from the database a slice at a time."""

    def __init__(self, ids: np.ndarray):
        self.ids = ids

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, window: slice) -> list[PersonRow]:
        wanted = self.ids[window].tolist()
        found = {
            pk: (name, pinyin)
            for pk, name, pinyin in Person.objects.filter(pk__in=wanted).values_list(
                "id", "name", "pinyin"
            )
        }
        counts = person_counts()
        return [
            PersonRow(pk, *found[pk], *counts.get(pk, (0, None))) for pk in wanted if pk in found
        ]


def visible_person(pk: int) -> Person:
    return Person.objects.visible().get(pk=pk)


def person_roles(person: Person) -> list[dict]:
    """Every title written next to this person, with how often and the first and last date."""
    return _person_profile(person)[0]


def person_months(person: Person) -> list[tuple[int, int, int]]:
    """(year, month, article count) for each month this person appears in, oldest first."""
    return _person_profile(person)[1]


def _person_profile(person: Person) -> tuple[list[dict], list[tuple[int, int, int]]]:
    """Roles and months from the person's mentions, one row per title (cached like the counts).

    For a mayor named in 30,000 articles this was the slowest read of the site when each
    mention row joined its article (SQLite reads a date stored after the article's text from
    overflow pages), and then when each mention came back as a row (300,000 of them: nearly a
    second). Each title's article ids come back as one string and are dated in NumPy from
    article_dates().
    """

    def compute():
        dates = np.frombuffer(article_dates(), dtype=np.int32)
        groups = (
            Mention.objects.filter(person=person)
            .values_list("kind", "role")
            .annotate(ids=IdList("article_id"))
            .order_by()
        )
        roles, seen = [], np.zeros(len(dates), dtype=bool)
        for kind, role, ids in groups:
            # Distinct within a title (unique_mention); an article may carry several titles.
            ids = np.fromstring(ids, dtype=np.int64, sep=",")
            ids = ids[ids < len(dates)]  # newer than the cached dates: not counted yet
            days = dates[ids]
            ids, days = ids[days != HIDDEN], days[days != HIDDEN]
            if not len(ids):
                continue
            seen[ids] = True
            dated = days[days != UNDATED]
            roles.append(
                {
                    "kind": kind,
                    "role": role,
                    "first": key_date(int(dated.min())) if len(dated) else None,
                    "last": key_date(int(dated.max())) if len(dated) else None,
                    "n": len(days),
                }
            )
        roles.sort(key=lambda r: (r["first"] or dt.date.max, r["role"]))
        days = dates[seen]
        keys, counts = np.unique(days[days != UNDATED] // 100, return_counts=True)
        months = [(int(k) // 100, int(k) % 100, int(n)) for k, n in zip(keys, counts, strict=True)]
        return roles, months

    return memoized(f"profile:{person.pk}", compute, shared=True)


WINDOW_LIMIT = 5000


def articles_of_in(person: Person, first: dt.date, last: dt.date):
    """A subquery: ids of the articles naming this person between two dates, read cheaply.

    When few articles were printed in the span, the (person, article) index is probed once per
    article of the span; otherwise the person's mentions are read. Either way the rows read are
    bounded, where the database left alone reads all 30,000 articles of a mayor.
    """
    mentions = Mention.objects.filter(person=person)
    if sum(days_between(first, last).values()) <= WINDOW_LIMIT:
        # EXISTS, not IN: PostgreSQL answered IN by reading all of a much-named person's
        # mentions (152,000 at 400,000 articles) into a hash; EXISTS probes the index.
        theirs = mentions.filter(article=OuterRef("pk"))
        near = Article.objects.filter(published__range=(first, last)).filter(Exists(theirs))
        return near.values("id")
    return mentions.values("article_id")


class NewestFirst:
    """Articles newest first (undated last) that Paginator slices without sorting them all.

    spans: (first date, last date, rows in it), newest first, covering every dated row. Known
    counts per span (days of the calendar, months of a person) tell which spans hold a slice,
    so a query reads only those: page 1 of 100,000 articles, or of a mayor's 30,000, reads a
    few dozen rows instead of sorting all of them.
    """

    def __init__(self, spans, undated: int, between, undated_rows):
        self.spans, self.undated = spans, undated
        self.between, self.undated_rows = between, undated_rows  # (lo, hi) → QuerySet; → QuerySet
        self.dated_total = sum(n for _, _, n in spans)

    def __len__(self) -> int:
        return self.dated_total + self.undated

    def __getitem__(self, window: slice) -> list[Article]:
        start, stop = window.start or 0, window.stop if window.stop is not None else len(self)
        rows: list[Article] = []
        if start < self.dated_total:
            newer, lo, hi, skip = 0, None, None, 0
            for first, last, n in self.spans:
                if newer + n <= start:
                    newer += n
                    continue
                if hi is None:
                    hi, skip = last, start - newer
                lo, newer = first, newer + n
                if newer >= stop:
                    break
            ordered = self.between(lo, hi).order_by("-published", "page", "position", "id")
            rows = list(ordered[skip : skip + stop - start])
        if stop > self.dated_total and self.undated:
            first = max(0, start - self.dated_total)
            need = stop - start - len(rows)
            undated = self.undated_rows().order_by("page", "position", "id")
            rows += list(undated[first : first + need])
        return rows


def person_articles(
    person: Person, months: list[tuple[int, int, int]], names: bool = True
) -> NewestFirst:
    """The articles naming a person, newest first, for Paginator and feeds (names=False:
    without the names in each, which a feed does not show)."""
    spans = [(*month_span(y, m), n) for y, m, n in reversed(months)]
    listed = Article.objects.visible()
    listed = listed.for_listing() if names else listed

    def between(lo, hi):
        return listed.filter(id__in=articles_of_in(person, lo, hi), published__range=(lo, hi))

    def undated_rows():
        ids = Mention.objects.filter(person=person).values("article_id")
        return listed.filter(published__isnull=True, id__in=ids)

    return NewestFirst(spans, undated_count(person), between, undated_rows)


@dataclass
class Companion:
    id: int
    name: str
    articles: int = 0
    events: int = 0

    @property
    def total(self) -> int:
        return self.articles + self.events


RECENT_FOR_COMPANIONS = 1000


def companions(
    person: Person, months: list[tuple[int, int, int]], limit: int = 10
) -> list[Companion]:
    """People most often in the same articles or events as this one (2 queries).

    Counted over the months holding the person's latest RECENT_FOR_COMPANIONS articles (and
    their latest events), so a mayor named in 30,000 articles costs no more than anyone else.
    """
    recent_articles = Mention.objects.filter(person=person).values("article_id")
    if sum(n for _, _, n in months) > RECENT_FOR_COMPANIONS:
        # Go back month by month until enough of theirs, or enough articles in all, are seen.
        until, since, seen = month_span(*months[-1][:2])[1], None, 0
        for y, m, n in reversed(months):
            first = month_span(y, m)[0]
            if since and sum(days_between(first, until).values()) > WINDOW_LIMIT:
                break
            since, seen = first, seen + n
            if seen >= RECENT_FOR_COMPANIONS:
                break
        recent_articles = articles_of_in(person, since, until)
    by_article = (
        Mention.objects.visible()
        .filter(article_id__in=recent_articles)
        .exclude(person=person)
        .values("person_id", "person__name")
        .annotate(n=Count("article_id", distinct=True))
        .order_by("-n", "person__name")[: limit * 2]
    )
    recent_events = (
        EventParticipant.objects.filter(person=person, event__is_hidden=False)
        .order_by(F("event__date").desc(nulls_last=True))
        .values("event_id")[:RECENT_FOR_COMPANIONS]
    )
    by_event = (
        EventParticipant.objects.filter(event_id__in=recent_events)
        .exclude(person=person)
        .exclude(person__status="rejected")
        .values("person_id", "person__name")
        .annotate(n=Count("event_id", distinct=True))
        .order_by("-n", "person__name")[: limit * 2]
    )
    found: dict[int, Companion] = {}
    for row in by_article:
        found[row["person_id"]] = Companion(
            row["person_id"], row["person__name"], articles=row["n"]
        )
    for row in by_event:
        c = found.setdefault(row["person_id"], Companion(row["person_id"], row["person__name"]))
        c.events = row["n"]
    return sorted(found.values(), key=lambda c: (-c.total, c.name))[:limit]


def person_events(person: Person, limit: int = 20) -> tuple[list[dict], int]:
    """The person's latest events with the parts they played, and how many there are in all."""
    theirs = EventParticipant.objects.filter(person=person).values("event_id")
    events = Event.objects.visible().filter(id__in=theirs)
    latest = list(events.order_by(*NEWEST_FIRST)[:limit])
    parts: dict[int, list[str]] = {}
    for event_id, part in EventParticipant.objects.filter(
        person=person, event_id__in=[e.id for e in latest]
    ).values_list("event_id", "part"):
        parts.setdefault(event_id, []).append(part)
    return [{"event": e, "parts": parts.get(e.id, [])} for e in latest], events.count()


@dataclass
class PersonFigures:
    """What a person's page sums over all their articles and events (cached: selectors.counts)."""

    roles: list[dict]
    months: list[tuple[int, int, int]]
    events: list[dict]
    event_count: int
    companions: list[Companion]


def person_figures(person: Person) -> PersonFigures:
    roles, months = _person_profile(person)
    events, event_count = cached_for(person, "events", person_events)
    near = cached_for(person, "companions", lambda p: companions(p, months))
    return PersonFigures(roles, months, events, event_count, near)


WARM_PEOPLE = 50


def warm_figures() -> int:
    """What every page and the most-named persons' pages need, computed into the shared
    caches: as an import ends, and in one web worker's background thread once edits that
    changed a count stop (newsroom.gunicorn_conf.tick), so that no reader pays for it.
    Returns the persons warmed."""
    article_dates()
    return warm_people()


def warm_people(limit: int = WARM_PEOPLE) -> int:
    """Compute the figures of the ``limit`` most-named persons into the shared cache, as an
    import ends: their pages cost the most to compute (a mayor's 30,000 articles) and are the
    ones readers open first. Returns how many were computed."""
    counts = person_counts()
    top = sorted(counts, key=lambda pk: -counts[pk][0])[:limit]
    people = list(Person.objects.visible().filter(pk__in=top))
    for person in people:
        person_figures(person)
    return len(people)


def person_credits(person: Person, limit: int = 20) -> list[StaffCredit]:
    """Pages whose footer names the person as staff (责任编辑, 校对 …), newest first."""
    return list(
        StaffCredit.objects.filter(person=person)
        .select_related("source_page")
        .order_by("-source_page__issue_date", "source_page__page_number", "id")[:limit]
    )


def undated_count(person: Person) -> int:
    """How many undated articles name this person (no query when the archive has none)."""
    if not calendar_counts().undated:
        return 0
    undated = Article.objects.visible().filter(published__isnull=True).values("id")
    return (
        Mention.objects.filter(person=person, article_id__in=undated)
        .values("article_id")
        .distinct()
        .count()
    )
