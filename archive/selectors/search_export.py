"""A search's whole result set for download, in the search page's order, a chunk at a time.

The results come through the search service's SearchQuerySet (the one the search page
pages through), CHUNK ids per query, each chunk's articles loaded with their names and
events in fixed queries, so memory stays flat up to EXPORT_LIMIT rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from django.db.models import Prefetch

from archive.models import Article, Event, Mention
from archive.search.service import article_search
from archive.search.types import SearchQuery
from archive.services.exporting import article_record

EXPORT_LIMIT = 10_000  # rows in one download
CHUNK = 500
# The export's columns: the article's identity, place in the paper, headline, names and text,
# named as in export_archive's JSON Lines (one vocabulary for both files).
FIELDS = (
    "id",
    "url",
    "published",
    "page",
    "title",
    "kicker",
    "deck",
    "reporters",
    "persons",
    "body",
)


@dataclass(frozen=True)
class ResultSet:
    query: SearchQuery
    exported_at: dt.datetime
    count: int  # articles matching
    limit: int  # rows the file holds at most

    @property
    def truncated(self) -> bool:
        return self.count > self.limit

    @property
    def note(self) -> str:
        if self.truncated:
            return f"共找到 {self.count} 篇，只导出了前 {self.limit} 篇（每次导出的上限）。"
        return f"共 {self.count} 篇，全部导出。"


def result_set(query: SearchQuery, now: dt.datetime) -> ResultSet:
    count = article_search(query).count()
    return ResultSet(query=query, exported_at=now, count=count, limit=EXPORT_LIMIT)


def result_records(found: ResultSet, base_url: str) -> Iterator[dict]:
    """Each result as a record of FIELDS, in the order the search page lists them.

    A hit whose article is hidden or gone (the index queue not yet applied) is left out, as on
    the search page.
    """
    listed = Article.objects.visible().prefetch_related(
        Prefetch(
            "mentions",
            queryset=Mention.objects.visible().select_related("person").order_by("id"),
        ),
        Prefetch("events", queryset=Event.objects.visible().order_by("id")),
    )
    end = min(found.count, found.limit)
    for start in range(0, end, CHUNK):
        # A new SearchQuerySet per chunk: one kept across chunks caches every result it read.
        chunk = article_search(found.query)[start : min(start + CHUNK, end)]
        ids = [int(r.pk) for r in chunk]
        articles = listed.in_bulk(ids)
        for pk in ids:
            if pk in articles:
                record = article_record(articles[pk], base_url)
                yield {name: record[name] for name in FIELDS}
