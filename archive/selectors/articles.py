"""Article lists and reading one article: its issue neighbours and related articles."""

from __future__ import annotations

import datetime as dt

from django.db.models import BooleanField, F, Func, Subquery

from archive.models import Article, Event, Mention
from archive.models.events import OLDEST_FIRST
from archive.models.people import MentionKind
from archive.periods import period_span
from archive.selectors.counts import calendar_counts
from archive.selectors.issues import days_between
from archive.selectors.people import NewestFirst

# --- articles ------------------------------------------------------------------------------


def article_for_reading(pk: int) -> Article:
    """One article with its source page, the part it continues, visible mentions and events
    (3 queries)."""
    from django.db.models import Prefetch

    return (
        Article.objects.visible()
        .select_related("source_page", "previous_part")
        .prefetch_related(
            Prefetch(
                "mentions",
                queryset=Mention.objects.visible().select_related("person").order_by("id"),
            ),
            Prefetch("events", queryset=Event.objects.visible().order_by(*OLDEST_FIRST)),
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


class _AmongIds(Func):
    """field IN (subquery of ids). On PostgreSQL field = ANY(ARRAY(subquery)): an IN is planned
    as a join that walks every mention of a much-named person (462,000 for one article's four
    persons at a million articles, 31–72 ms) instead of probing the window's few thousand
    articles one by one (8 ms)."""

    output_field = BooleanField()
    conditional = True
    template = "%(expressions)s"
    arg_joiner = " IN "

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(
            compiler, connection, template="%(expressions)s))", arg_joiner=" = ANY(ARRAY(", **extra
        )


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
        for article_id in Mention.objects.filter(
            _AmongIds(F("article_id"), Subquery(near)),
            kind=MentionKind.TEXT,
            person_id__in=person_ids,
        ).values_list("article_id", flat=True):
            shared[article_id] = shared.get(article_id, 0) + 1
        for article_id, n in shared.items():
            scores[article_id] = (scores.get(article_id, (0, 0))[0], n)
    scores.pop(article.pk, None)
    if not scores:
        return []
    best = sorted(scores, key=lambda pk: scores[pk], reverse=True)[: limit * 3]
    found = (
        Article.objects.visible()
        .filter(pk__in=best)
        .only("id", "title", "published", "page", "title_is_derived")
    )
    return sorted(found, key=lambda a: (scores[a.pk], a.published or dt.date.min), reverse=True)[
        :limit
    ]


def article_list(
    year: int | None = None, month: int | None = None, day: int | None = None, names: bool = True
):
    """All published articles, or those of a year, month or day, newest first (names=False:
    without the names in each, which a feed does not show)."""
    cal = calendar_counts()
    first, last = dt.date.min, dt.date.max
    if year:
        try:
            first, last = period_span(year, month, day)
        except ValueError:  # 30 February: nothing
            first, last = dt.date.max, dt.date.min
    spans = [(d, d, n) for d, n in reversed(days_between(first, last).items())]
    listed = Article.objects.visible()
    listed = listed.for_listing() if names else listed
    return NewestFirst(
        spans,
        0 if year else cal.undated,
        lambda lo, hi: listed.filter(published__range=(lo, hi)),
        lambda: listed.filter(published__isnull=True),
    )


def next_part(article: Article) -> Article | None:
    """The part printed on the page a （下转第X版） points to, when it is in the archive."""
    if not article.continued_on:
        return None
    return article.next_parts.visible().order_by("id").first()
