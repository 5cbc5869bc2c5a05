"""The answer key of a generated page: what a perfect reading would find."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field


@dataclass
class TrueArticle:
    key: str  # opening words of its own body, which no other article on the page contains
    title: str | None  # None for picture news and briefs printed without a headline
    text: str  # everything printed for it, so a misread fragment can be traced back to it
    kicker: str = ""
    deck: str = ""
    bylines: list[str] = field(default_factory=list)
    persons: list[str] = field(default_factory=list)  # byline names ∪ annotated names
    # Where the persons truth is complete: the byline lines and the inserted annotated sentences.
    regions: list[str] = field(default_factory=list)
    forms: list[str] = field(default_factory=list)


@dataclass
class TruePage:
    file_name: str
    issue_date: dt.date
    text: str
    articles: list[TrueArticle]
    forms: list[str] = field(default_factory=list)  # page-level: how the date is printed

    def answer_key(self) -> dict:
        """The JSON written next to the page for a person to check the reader by eye."""
        return {
            "file_name": self.file_name,
            "issue_date": self.issue_date.isoformat(),
            "forms": self.forms,
            "articles": [asdict(article) for article in self.articles],
        }
