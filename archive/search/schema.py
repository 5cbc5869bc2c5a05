"""The Whoosh schema and the document shape, shared by the backend, eval_search and bench.

Dates are stored as YYYYMMDD integers (0 = undated) in a column, so date facets, filters
and sorting read one cached array instead of Whoosh's per-query faceting.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from whoosh import fields

from archive.search.analyzer import ExactAnalyzer, UnitPositions

ID, DJANGO_CT, DJANGO_ID = "id", "django_ct", "django_id"
CONTENT, TITLE, PUBLISHED, PERSONS, PAGE = "text", "title", "published", "persons", "page"
ARTICLE_CT = "archive.article"
# Title hits rank first: a title term outweighs any body frequency BM25 gives.
TITLE_BOOST = 8.0


class ExactText(fields.TEXT):
    """TEXT with the exact analyzer, unit positions, and the fast indexing path."""

    def __init__(self, stored=False, field_boost=1.0):
        super().__init__(analyzer=ExactAnalyzer(), phrase=True, stored=stored)
        self.format = UnitPositions(field_boost=field_boost)

    def index(self, value, **kwargs):
        return self.format.index_items(value)


def build_schema() -> fields.Schema:
    return fields.Schema(
        **{
            ID: fields.ID(stored=True, unique=True),
            DJANGO_CT: fields.ID(stored=True),
            DJANGO_ID: fields.ID(stored=True),
            CONTENT: ExactText(),
            TITLE: ExactText(stored=True, field_boost=TITLE_BOOST),
            PUBLISHED: fields.NUMERIC(numtype=int, bits=32, stored=True, sortable=True),
            PERSONS: fields.KEYWORD(stored=True, commas=True, lowercase=False, scorable=False),
            PAGE: fields.NUMERIC(numtype=int, bits=32, stored=True, sortable=True),
        }
    )


def schema_signature(schema: fields.Schema) -> list[tuple[str, str, str]]:
    """Enough to tell whether an index on disk was built with this code's schema."""
    return [
        (name, type(f).__name__, type(f.format).__name__ if f.format else "")
        for name, f in sorted(schema.items())
    ]


def date_key(day: dt.date | None) -> int:
    return day.year * 10000 + day.month * 100 + day.day if day else 0


def key_date(key: int) -> dt.date | None:
    return dt.date(key // 10000, key // 100 % 100, key % 100) if key else None


def article_text(kicker: str, title: str, deck: str, body: str) -> str:
    # Newlines break runs, so no bigram joins the title to the body.
    return "\n".join(part for part in (kicker, title, deck, body) if part)


def make_document(
    pk: int,
    *,
    title: str,
    body: str,
    kicker: str = "",
    deck: str = "",
    published: dt.date | None = None,
    persons: Iterable[str] = (),
    page: int | None = None,
) -> dict:
    names = [n.replace(",", " ") for n in dict.fromkeys(persons) if n]
    return {
        ID: f"{ARTICLE_CT}.{pk}",
        DJANGO_CT: ARTICLE_CT,
        DJANGO_ID: str(pk),
        CONTENT: article_text(kicker, title, deck, body),
        TITLE: title or "",
        PUBLISHED: date_key(published),
        PERSONS: ",".join(names),
        PAGE: page or 0,
    }
