"""Reads the pages need, composed from the models' QuerySet methods.

Every function here runs a fixed number of queries whatever the size of the archive, so the
pages that call them do too (tests/web/test_query_counts.py holds them to it).
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import time
from collections import OrderedDict
from dataclasses import dataclass

from django.db.models import Count, Max
from django.db.models.signals import m2m_changed, post_delete, post_save

from archive import freshness
from archive.models import Article, Event, EventParticipant, Mention, Person
from archive.models.people import MentionKind

# The order in which an event's participants are listed; other parts follow by name.
PART_ORDER = ["主持", "讲话", "致辞", "出席", "参加"]


# --- cached counts ---------------------------------------------------------------------------
#
# The calendar (articles per day), every person's article count, and a person's roles, months,
# events and companions change only when the archive is edited, yet reading them means counting
# up to 100,000 rows (SQLite: 50-300 ms). They are kept in this process until the archive
# changes: a save or delete in this process forgets them at once, and a change made by another
# process (an import, another gunicorn worker's admin edit) moves archive.freshness's stamp,
# checked with one stat() per lookup. CACHE_SECONDS bounds the age of anything missed.

CACHE_SECONDS = 120
MEMO_SIZE = 2000
_memo: dict[str, tuple[float, object]] = {}
_seen_stamp = [0]


def forget_counts(**kwargs) -> None:
    _memo.clear()


def _cached(name: str, compute):
    current = freshness.stamp()
    if current != _seen_stamp[0]:
        _memo.clear()
        _seen_stamp[0] = current
    now = time.monotonic()
    hit = _memo.get(name)
    if hit is not None and hit[0] > now:
        return hit[1]
    value = compute()
    if len(_memo) >= MEMO_SIZE:  # per-person entries: keep memory bounded, crudely
        _memo.clear()
    _memo[name] = (now + CACHE_SECONDS, value)
    return value


def cached_for(person: Person, name: str, compute):
    """compute(person), kept like the counts: a mayor's page reads tens of thousands of rows."""
    return _cached(f"{name}:{person.pk}", lambda: compute(person))


def _connect_invalidation() -> None:
    for model in (Article, Mention, Person, Event, EventParticipant):
        post_save.connect(forget_counts, sender=model, dispatch_uid=f"forget-{model.__name__}")
        post_delete.connect(forget_counts, sender=model, dispatch_uid=f"del-{model.__name__}")
    m2m_changed.connect(forget_counts, sender=Event.articles.through, dispatch_uid="forget-m2m")


_connect_invalidation()


@dataclass(frozen=True)
class Calendar:
    days: dict[dt.date, int]  # every issue date → its article count
    ordered: list[dt.date]
    years: dict[int, int]
    months: dict[tuple[int, int], int]
    undated: int

    @property
    def total(self) -> int:
        return sum(self.years.values()) + self.undated


def calendar_counts() -> Calendar:
    def compute():
        days = {row["published"]: row["n"] for row in Article.objects.issue_days()}
        years: dict[int, int] = {}
        months: dict[tuple[int, int], int] = {}
        for d, n in days.items():
            years[d.year] = years.get(d.year, 0) + n
            months[(d.year, d.month)] = months.get((d.year, d.month), 0) + n
        undated = Article.objects.published().filter(published__isnull=True).count()
        return Calendar(days, sorted(days), years, months, undated)

    return _cached("calendar", compute)


# --- issues and the calendar -------------------------------------------------------------


def latest_issue_date() -> dt.date | None:
    ordered = calendar_counts().ordered
    return ordered[-1] if ordered else None


def issue_pages(day: dt.date) -> list[tuple[int | None, list[Article]]]:
    """The articles of one issue grouped by page, pages in order (unknown pages last).

    When the page number is unknown the articles cut from one OCR page still stay together.
    """
    articles = Article.objects.on_day(day).for_listing().order_by("page", "position", "id")
    pages: OrderedDict[tuple, list[Article]] = OrderedDict()
    ordered = sorted(articles, key=lambda a: (a.page is None, a.page or 0, a.source_page_id or 0))
    for article in ordered:
        key = (article.page, None if article.page else article.source_page_id)
        pages.setdefault(key, []).append(article)
    return [(page, rows) for (page, _), rows in pages.items()]


def _neighbours(before: dt.date, after: dt.date) -> tuple[dt.date | None, dt.date | None]:
    """The latest issue date before `before` and the earliest after `after`."""
    ordered = calendar_counts().ordered
    i = bisect.bisect_left(ordered, before)
    j = bisect.bisect_right(ordered, after)
    return (ordered[i - 1] if i > 0 else None), (ordered[j] if j < len(ordered) else None)


def adjacent_issues(day: dt.date) -> tuple[dt.date | None, dt.date | None]:
    return _neighbours(day, day)


def adjacent_months(year: int, month: int) -> tuple[dt.date | None, dt.date | None]:
    """The nearest earlier and later issue dates outside this month."""
    last = calendar.monthrange(year, month)[1]
    return _neighbours(dt.date(year, month, 1), dt.date(year, month, last))


def on_this_day(day: dt.date) -> list[dict]:
    """Issues printed on the same month and day in other years, newest first."""
    cal = calendar_counts()
    found = []
    for year in sorted(cal.years, reverse=True):
        try:
            other = day.replace(year=year)
        except ValueError:  # 29 February in a common year
            continue
        if other != day and other in cal.days:
            found.append({"published": other, "n": cal.days[other]})
    return found


def year_counts() -> list[dict]:
    return [{"year": y, "n": n} for y, n in sorted(calendar_counts().years.items())]


def month_counts(year: int) -> list[dict]:
    months = calendar_counts().months
    return [{"month": m, "n": months[(year, m)]} for m in range(1, 13) if (year, m) in months]


def _days_between(first: dt.date, last: dt.date) -> dict[dt.date, int]:
    cal = calendar_counts()
    i, j = bisect.bisect_left(cal.ordered, first), bisect.bisect_right(cal.ordered, last)
    return {d: cal.days[d] for d in cal.ordered[i:j]}


def day_counts_in_year(year: int) -> dict[dt.date, int]:
    return _days_between(dt.date(year, 1, 1), dt.date(year, 12, 31))


def day_counts_in_month(year: int, month: int) -> dict[dt.date, int]:
    last = calendar.monthrange(year, month)[1]
    return _days_between(dt.date(year, month, 1), dt.date(year, month, last))


def day_counts(year: int, month: int) -> list[dict]:
    return [{"day": d.day, "n": n} for d, n in day_counts_in_month(year, month).items()]


# --- home ----------------------------------------------------------------------------------


def people_in_the_news(until: dt.date | None, days: int = 30, limit: int = 12) -> list[dict]:
    """People named in the most articles in the `days` before the latest issue (not bylines)."""
    if until is None:
        return []
    since = until - dt.timedelta(days=days)
    return list(
        Mention.objects.visible()
        .filter(kind=MentionKind.TEXT, article__published__gt=since, article__published__lte=until)
        .values("person_id", "person__name")
        .annotate(n=Count("article_id", distinct=True))
        .order_by("-n", "person__name")[:limit]
    )


# --- articles ------------------------------------------------------------------------------


def article_for_reading(pk: int) -> Article:
    """One article with its source page, visible mentions and events (3 queries)."""
    from django.db.models import Prefetch

    return (
        Article.objects.published()
        .select_related("source_page")
        .prefetch_related(
            Prefetch(
                "mentions",
                queryset=Mention.objects.visible().select_related("person").order_by("id"),
            ),
            Prefetch("events", queryset=Event.objects.visible().order_by("date", "id")),
        )
        .get(pk=pk)
    )


def issue_neighbours(article: Article) -> tuple[dict | None, dict | None]:
    """The articles before and after this one in its issue, in page order."""
    if article.published is None:
        return None, None
    rows = list(
        Article.objects.on_day(article.published)
        .order_by("page", "position", "id")
        .values("id", "title", "page")
    )
    rows.sort(key=lambda r: (r["page"] is None, r["page"] or 0))
    ids = [r["id"] for r in rows]
    if article.pk not in ids:
        return None, None
    i = ids.index(article.pk)
    prev = rows[i - 1] if i > 0 else None
    nxt = rows[i + 1] if i + 1 < len(rows) else None
    return prev, nxt


RELATED_WINDOW_DAYS = 60


def related_articles(article: Article, limit: int = 6) -> list[Article]:
    """Articles about the same events first, then those naming the most of the same people.

    People are matched within RELATED_WINDOW_DAYS of this article: a mayor is named in tens of
    thousands of articles, and the reader wants the news of the same weeks, at a bounded cost.
    """
    event_ids = [e.id for e in article.events.all()]
    person_ids = {m.person_id for m in article.mentions.all() if not m.is_byline}
    scores: dict[int, tuple[int, int]] = {}
    if event_ids:
        for article_id in Event.articles.through.objects.filter(event_id__in=event_ids).values_list(
            "article_id", flat=True
        ):
            scores[article_id] = (1, 0)
    if person_ids and article.published:
        window = dt.timedelta(days=RELATED_WINDOW_DAYS)
        near = Article.objects.filter(
            published__range=(article.published - window, article.published + window)
        ).values("id")
        shared: dict[int, int] = {}
        for article_id, person_id in Mention.objects.filter(
            article_id__in=near, kind=MentionKind.TEXT
        ).values_list("article_id", "person_id"):
            if person_id in person_ids:
                shared[article_id] = shared.get(article_id, 0) + 1
        for article_id, n in shared.items():
            scores[article_id] = (scores.get(article_id, (0, 0))[0], n)
    scores.pop(article.pk, None)
    if not scores:
        return []
    best = sorted(scores, key=lambda pk: scores[pk], reverse=True)[: limit * 3]
    found = (
        Article.objects.published()
        .filter(pk__in=best)
        .only("id", "title", "published", "page", "title_is_derived")
    )
    return sorted(found, key=lambda a: (scores[a.pk], a.published or dt.date.min), reverse=True)[
        :limit
    ]


# --- people --------------------------------------------------------------------------------


def person_counts() -> dict[int, tuple[int, dt.date | None]]:
    """person id → (articles naming them, latest of those dates), for every person at once."""

    def compute():
        rows = (
            Mention.objects.visible()
            .values("person_id")
            .annotate(n=Count("article_id", distinct=True), last=Max("article__published"))
        )
        return {r["person_id"]: (r["n"], r["last"]) for r in rows}

    return _cached("person_counts", compute)


@dataclass(frozen=True)
class PersonRow:
    pk: int
    name: str
    pinyin: str
    article_count: int
    last_seen: dt.date | None


def person_index(text: str = "", order: str = "count") -> list[PersonRow]:
    """Visible people with their article counts, matched by name, alias or pinyin (1 query)."""
    qs = Person.objects.visible().matching(text) if text else Person.objects.visible()
    counts = person_counts()
    rows = [
        PersonRow(pk, name, pinyin, *counts.get(pk, (0, None)))
        for pk, name, pinyin in qs.values_list("id", "name", "pinyin")
    ]
    if order == "name":
        rows.sort(key=lambda r: (r.pinyin or r.name, r.name))
    else:
        rows.sort(key=lambda r: (-r.article_count, r.pinyin or r.name, r.name))
    return rows


def visible_person(pk: int) -> Person:
    return Person.objects.visible().get(pk=pk)


def person_roles(person: Person) -> list[dict]:
    """Every title written next to this person, with how often and the first and last date."""
    return _person_profile(person)[0]


def person_months(person: Person) -> list[tuple[int, int, int]]:
    """(year, month, article count) for each month this person appears in, oldest first."""
    return _person_profile(person)[1]


def _person_profile(person: Person) -> tuple[list[dict], list[tuple[int, int, int]]]:
    """Roles and months from one pass over the person's mentions (cached like the counts).

    For a mayor named in 30,000 articles this is the slowest read of the site: one query for
    both, and grouping here (SQLite extracts months with a Python function per row anyway).
    """

    def compute():
        rows = (
            Mention.objects.filter(person=person, article__is_hidden=False)
            .values_list("kind", "role", "article_id", "article__published")
            .order_by()
        )
        roles: dict[tuple[str, str], dict] = {}
        dates: dict[int, dt.date | None] = {}
        for kind, role, article_id, published in rows:
            dates[article_id] = published
            entry = roles.setdefault(
                (kind, role),
                {"kind": kind, "role": role, "ids": set(), "first": None, "last": None},
            )
            entry["ids"].add(article_id)
            if published:
                entry["first"] = min(entry["first"] or published, published)
                entry["last"] = max(entry["last"] or published, published)
        months: dict[tuple[int, int], int] = {}
        for published in dates.values():
            if published:
                key = (published.year, published.month)
                months[key] = months.get(key, 0) + 1
        role_list = [
            {k: v for k, v in r.items() if k != "ids"} | {"n": len(r["ids"])}
            for r in roles.values()
        ]
        role_list.sort(key=lambda r: (r["first"] or dt.date.max, r["role"]))
        return role_list, [(y, m, n) for (y, m), n in sorted(months.items())]

    return _cached(f"profile:{person.pk}", compute)


def _month_span(y: int, m: int) -> tuple[dt.date, dt.date]:
    return dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1])


WINDOW_LIMIT = 5000


def articles_of_in(person: Person, first: dt.date, last: dt.date):
    """A subquery: ids of the articles naming this person between two dates, read cheaply.

    When few articles were printed in the span, the (person, article) index is probed once per
    article of the span; otherwise the person's mentions are read. Either way the rows read are
    bounded, where the database left alone reads all 30,000 articles of a mayor.
    """
    mentions = Mention.objects.filter(person=person)
    if sum(_days_between(first, last).values()) <= WINDOW_LIMIT:
        near = Article.objects.filter(published__range=(first, last)).values("id")
        mentions = mentions.filter(article_id__in=near)
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


def person_articles(person: Person, months: list[tuple[int, int, int]]) -> NewestFirst:
    """The articles naming a person, newest first, for Paginator and feeds."""
    spans = [(*_month_span(y, m), n) for y, m, n in reversed(months)]
    listed = Article.objects.published().for_listing()

    def between(lo, hi):
        return listed.filter(id__in=articles_of_in(person, lo, hi), published__range=(lo, hi))

    def undated_rows():
        ids = Mention.objects.filter(person=person).values("article_id")
        return listed.filter(published__isnull=True, id__in=ids)

    return NewestFirst(spans, undated_count(person), between, undated_rows)


def article_list(year: int | None = None, month: int | None = None, day: int | None = None):
    """All published articles, or those of a year, month or day, newest first."""
    cal = calendar_counts()
    first, last = dt.date.min, dt.date.max
    if year:
        try:
            first = dt.date(year, month or 1, day or 1)
            last = (
                first
                if day
                else dt.date(year, month, calendar.monthrange(year, month)[1])
                if month
                else dt.date(year, 12, 31)
            )
        except ValueError:  # 30 February: nothing
            first, last = dt.date.max, dt.date.min
    spans = [(d, d, n) for d, n in reversed(_days_between(first, last).items())]
    listed = Article.objects.published().for_listing()
    return NewestFirst(
        spans,
        0 if year else cal.undated,
        lambda lo, hi: listed.filter(published__range=(lo, hi)),
        lambda: listed.filter(published__isnull=True),
    )


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
        until, since, seen = _month_span(*months[-1][:2])[1], None, 0
        for y, m, n in reversed(months):
            first = _month_span(y, m)[0]
            if since and sum(_days_between(first, until).values()) > WINDOW_LIMIT:
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
        .order_by("-event__date")
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
    latest = list(events.order_by("-date", "title", "id")[:limit])
    parts: dict[int, list[str]] = {}
    for event_id, part in EventParticipant.objects.filter(
        person=person, event_id__in=[e.id for e in latest]
    ).values_list("event_id", "part"):
        parts.setdefault(event_id, []).append(part)
    return [{"event": e, "parts": parts.get(e.id, [])} for e in latest], events.count()


def undated_count(person: Person) -> int:
    """How many undated articles name this person (no query when the archive has none)."""
    if not calendar_counts().undated:
        return 0
    undated = Article.objects.published().filter(published__isnull=True).values("id")
    return (
        Mention.objects.filter(person=person, article_id__in=undated)
        .values("article_id")
        .distinct()
        .count()
    )


# --- events --------------------------------------------------------------------------------


def event_index(person: Person | None = None):
    """Visible events newest first; ?person narrows to theirs. Counts are added per page."""
    events = Event.objects.visible()
    if person is not None:
        events = events.filter(
            id__in=EventParticipant.objects.filter(person=person).values("event_id")
        )
    return events.order_by("-date", "time_of_day", "title", "id")


def with_article_counts(events: list[Event]) -> list[Event]:
    """Set article_count on a page of events (1 query, not a count over every event)."""
    counts = dict(
        Event.articles.through.objects.filter(event_id__in=[e.id for e in events])
        .values("event_id")
        .annotate(n=Count("article_id"))
        .values_list("event_id", "n")
    )
    for event in events:
        event.article_count = counts.get(event.id, 0)
    return events


def event_for_reading(pk: int) -> Event:
    return Event.objects.visible().get(pk=pk)


def event_participants(event: Event) -> list[tuple[str, list[Person]]]:
    """Participants grouped by part: chairs first, then speakers, attendees, the rest."""
    rows = (
        EventParticipant.objects.filter(event=event)
        .exclude(person__status="rejected")
        .select_related("person")
        .order_by("id")
    )
    groups: dict[str, list[Person]] = {}
    for row in rows:
        groups.setdefault(row.part, []).append(row.person)

    def rank(part: str) -> tuple[int, str]:
        return (PART_ORDER.index(part) if part in PART_ORDER else len(PART_ORDER), part)

    return [(part, groups[part]) for part in sorted(groups, key=rank)]


def event_articles(event: Event) -> list[Article]:
    return list(
        event.articles.published().for_listing().order_by("published", "page", "position", "id")
    )


# --- source pages --------------------------------------------------------------------------


def source_articles(source_page) -> list[Article]:
    return list(
        Article.objects.published()
        .filter(source_page=source_page)
        .order_by("position", "id")
        .only("id", "title", "kicker", "published", "page", "position", "title_is_derived")
    )
