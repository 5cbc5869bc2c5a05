"""Events and source pages."""

from __future__ import annotations

from django.db.models import Count, Min

from archive.models import Article, Event, EventParticipant, Person
from archive.models.events import NEWEST_FIRST

# The order in which an event's participants are listed; other parts follow by name.
PART_ORDER = ["主持", "讲话", "致辞", "出席", "参加"]

# --- events --------------------------------------------------------------------------------


def event_index(person: Person | None = None):
    """Visible events newest first; ?person narrows to theirs. Counts are added per page."""
    events = Event.objects.visible()
    if person is not None:
        events = events.filter(
            id__in=EventParticipant.objects.filter(person=person).values("event_id")
        )
    return events.order_by(*NEWEST_FIRST)


def with_article_counts(events: list[Event]) -> list[Event]:
    """Set article_count and reported_on (the first issue with a report of it: an event is
    often printed the day after) on a page of events, in one query."""
    rows = (
        Event.articles.through.objects.filter(event_id__in=[e.id for e in events])
        .values("event_id")
        .annotate(n=Count("article_id"), first=Min("article__published"))
        .values_list("event_id", "n", "first")
    )
    found = {event_id: (n, first) for event_id, n, first in rows}
    for event in events:
        event.article_count, event.reported_on = found.get(event.id, (0, None))
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
        event.articles.visible().for_listing().order_by("published", "page", "position", "id")
    )


# --- source pages --------------------------------------------------------------------------


def source_articles(source_page) -> list[Article]:
    return list(
        Article.objects.visible()
        .filter(source_page=source_page)
        .order_by("position", "id")
        .only("id", "title", "kicker", "published", "page", "position", "title_is_derived")
    )
