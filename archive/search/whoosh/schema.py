"""The Whoosh schema of the document fields.py describes.

Dates are a sortable NUMERIC column, so date facets, filters and sorting read one cached
array instead of Whoosh's per-query faceting.
"""

from __future__ import annotations

from whoosh import fields

from archive.search.fields import (
    CONTENT,
    DJANGO_CT,
    DJANGO_ID,
    ID,
    PAGE,
    PERSONS,
    PUBLISHED,
    TITLE,
    TITLE_BOOST,
)
from archive.search.whoosh.analysis import ExactAnalyzer, UnitPositions


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
