"""What the reader produces: article drafts and the page they stand on (plain dataclasses)."""

from __future__ import annotations

from dataclasses import dataclass, field

from archive.extraction.types import BylineName

from .furniture import Masthead
from .leads import is_lead


def full_text(kicker: str, title: str, deck: str, paragraphs, captions=()) -> str:
    """An article's whole text, one line per part: headline lines, body, captions. The one
    definition for extraction and for the search index (a line break ends every search run,
    so no bigram joins a title to the body)."""
    parts = [kicker, title, deck, *paragraphs, *captions]
    return "\n".join(p for p in (part.strip() for part in parts) if p)


@dataclass
class ArticleDraft:
    position: int
    kicker: str = ""
    title: str = ""
    title_is_derived: bool = False
    deck: str = ""
    bylines: list[BylineName] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    is_photo: bool = False
    warnings: list[str] = field(default_factory=list)  # why a person should check it
    agency: str = ""  # the dateline's source: 本报, 新华社, 中新社 …
    place: str = ""  # the dateline's place: 北京, 长沙 …
    genre: str = ""  # '' for news; commentary | brief | photo | notice
    section: str = ""  # the column it is printed under (简讯, 短评 …)
    continued_to: int | None = None  # （下转第X版）
    continued_from: int | None = None  # （上接第X版）

    @property
    def body(self) -> str:
        return "\n".join(self.paragraphs)

    @property
    def lead(self) -> str:
        for paragraph in self.paragraphs[:3]:
            if is_lead(paragraph):
                return paragraph
        return self.paragraphs[0] if self.paragraphs else ""

    @property
    def full_text(self) -> str:
        """Everything a reader sees, for extraction: headline lines, then the body."""
        title = "" if self.title_is_derived else self.title
        return full_text(self.kicker, title, self.deck, self.paragraphs, self.captions)

    def add_bylines(self, names: list[BylineName]) -> None:
        known = {(b.name, b.kind) for b in self.bylines}
        self.bylines.extend(b for b in names if (b.name, b.kind) not in known)


@dataclass
class Page:
    text: str
    articles: list[ArticleDraft]
    banners: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    masthead: Masthead = field(default_factory=Masthead)
