"""What a search asks and what it returns; shared by the search page, the API and feeds."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class SearchQuery:
    q: str = ""
    person: str = ""  # a person's name; narrows to articles mentioning them
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    sort: str = "relevance"  # "relevance" | "newest" | "oldest"
    page: int = 1
    page_size: int = 20


@dataclass(frozen=True)
class Hit:
    id: int
    url: str
    title: str
    published: dt.date | None
    persons: list[str]
    snippet_html: str  # escaped text with <mark> around matches; safe to render
    page: int | None = None
    kicker: str = ""
    deck: str = ""


@dataclass(frozen=True)
class FacetValue:
    value: str  # "2021", "2021-04", "2021-04-17" or a person's name
    label: str
    count: int


@dataclass
class SearchPage:
    query: SearchQuery
    count: int
    hits: list[Hit]
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)  # year, month, day, person
    error: str = ""  # a message for the reader when the query could not be taken as written

    @property
    def num_pages(self) -> int:
        size = max(1, self.query.page_size)
        return max(1, (self.count + size - 1) // size)
