"""Plain data passed between the pure extractors and the importer."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class NameLexicon:
    """What admins have decided, passed in as data so extraction stays pure.

    confirmed: names that are always found where they occur in the text.
    rejected: strings that are never reported as persons.
    aliases: another spelling → the canonical name (kept when two persons are merged).
    """

    confirmed: frozenset[str] = frozenset()
    rejected: frozenset[str] = frozenset()
    aliases: dict[str, str] = field(default_factory=dict)

    def canonical(self, name: str) -> str:
        return self.aliases.get(name, name)


EMPTY_LEXICON = NameLexicon()


@dataclass(frozen=True)
class PersonMention:
    """One occurrence of a person's name in a text.

    role: the title written next to the name in this text (市委书记, 市长, 院士…), '' if none.
    evidence: why we believe it is a person: 'title', 'list', 'verb', 'known', 'repeat'.
    confidence: 0..1; below 0.8 the importer flags the person for review.
    """

    name: str
    start: int
    end: int
    role: str = ""
    evidence: str = ""
    confidence: float = 1.0


@dataclass(frozen=True)
class BylineName:
    name: str
    kind: str  # "reporter" | "correspondent" | "photographer"
    role: str  # as printed: 本报记者, 通讯员, 摄影, 作者


@dataclass(frozen=True)
class LeadDate:
    """A date as a lead writes it, before the year is known."""

    month: int | None = None
    day: int | None = None
    year: int | None = None
    end_day: int | None = None  # "5月26日、27日": the happening spans to this day
    time_of_day: str = ""  # 上午, 下午, 晚上 …
    relative: str = ""  # 昨日, 今天, 日前 … when the lead uses a relative word
    text: str = ""


@dataclass(frozen=True)
class YearGuess:
    year: int | None
    evidence: tuple[str, ...] = ()
    weight: float = 0.0  # below 2 the year is a weak guess and is flagged for review


@dataclass(frozen=True)
class EventDraft:
    title: str
    kind: str
    lead_date: LeadDate | None
    place: str = ""
    participants: tuple[tuple[str, str], ...] = ()  # (name, part)
    summary: str = ""
