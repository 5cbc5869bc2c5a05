"""Exporting the archive as JSON Lines: one article a line, re-importable as it is."""

from __future__ import annotations

import json
from collections.abc import Iterator

from django.db.models import Prefetch

from archive.models import Article, Event, Mention


def article_record(article: Article, base_url: str = "") -> dict:
    mentions = list(article.mentions.all())
    bylines = [m for m in mentions if m.is_byline]
    persons = []
    for mention in mentions:
        if not mention.is_byline and mention.person.name not in persons:
            persons.append(mention.person.name)
    return {
        "id": article.pk,
        "url": base_url.rstrip("/") + article.get_absolute_url(),
        "title": article.title,
        "kicker": article.kicker,
        "deck": article.deck,
        "title_is_derived": article.title_is_derived,
        "published": article.published.isoformat() if article.published else None,
        "source": article.source,
        "page": article.page,
        "position": article.position,
        "genre": article.genre,
        "section": article.section,
        "agency": article.agency,
        "place": article.place,
        "continued_on": article.continued_on,
        "continued_from_page": article.continued_from_page,
        "reporters": [m.person.name for m in bylines],
        "bylines": [{"name": m.person.name, "kind": m.kind, "role": m.role} for m in bylines],
        "persons": persons,
        "events": [e.title for e in article.events.all()],
        "body": article.body,
        "captions": article.captions,
    }


def export_articles(queryset=None, base_url: str = "") -> Iterator[str]:
    """JSON lines, oldest first, streamed in chunks so memory stays flat."""
    queryset = queryset if queryset is not None else Article.objects.visible()
    queryset = queryset.order_by("published", "source", "position", "id").prefetch_related(
        Prefetch(
            "mentions",
            queryset=Mention.objects.visible().select_related("person").order_by("id"),
        ),
        Prefetch("events", queryset=Event.objects.visible().order_by("id")),
    )
    for article in queryset.iterator(chunk_size=500):
        yield json.dumps(article_record(article, base_url), ensure_ascii=False)
