"""An article as read from a page or a JSON line, before it is a row: the importers' common input."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

from archive.extraction.types import BylineName, LeadDate
from archive.models import SourcePage
from archive.reading.drafts import full_text


@dataclass
class ArticleInput:
    title: str
    paragraphs: list[str]
    published: dt.date | None
    date_status: str
    kicker: str = ""
    deck: str = ""
    title_is_derived: bool = False
    captions: list[str] = field(default_factory=list)
    page: int | None = None
    position: int = 0
    source: str = ""
    source_page: SourcePage | None = None
    bylines: list[BylineName] = field(default_factory=list)
    lead: str = ""
    lead_date: LeadDate | None = None
    year: int | None = None
    given_persons: list[str] | None = None  # JSONL: exactly these persons, as exported
    given_events: list[str] | None = None
    review_reasons: list[str] = field(default_factory=list)
    genre: str = ""
    section: str = ""
    agency: str = ""
    place: str = ""
    continued_on: int | None = None
    continued_from_page: int | None = None

    @property
    def body(self) -> str:
        return "\n".join(p.strip() for p in self.paragraphs if p.strip())

    @property
    def full_text(self) -> str:
        title = "" if self.title_is_derived else self.title
        return full_text(self.kicker, title, self.deck, self.paragraphs, self.captions)

    @property
    def fingerprint(self) -> str:
        key = f"{self.published or ''}\n{self.title.strip()}\n{self.body}"
        return hashlib.sha256(key.encode("utf-8")).hexdigest()
