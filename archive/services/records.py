"""Writing one article with its persons and its event: shared by the page and JSONL importers."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from dataclasses import dataclass, field

from archive.extraction.dates import lead_date_on
from archive.extraction.events import find_event
from archive.extraction.persons import find_persons
from archive.extraction.types import BylineName, LeadDate, NameLexicon, PersonMention
from archive.models import Article, Event, EventParticipant, Mention, Person, SourcePage
from archive.models.people import MentionKind
from archive.services.people import get_or_create_person

REVIEW_CONFIDENCE = 0.8


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
        head = [self.kicker, "" if self.title_is_derived else self.title, self.deck]
        return "\n".join([h for h in head if h] + [self.body] + self.captions)

    @property
    def fingerprint(self) -> str:
        key = f"{self.published or ''}\n{self.title.strip()}\n{self.body}"
        return hashlib.sha256(key.encode("utf-8")).hexdigest()


@dataclass
class WriteCounts:
    articles: int = 0
    duplicates: int = 0
    persons: int = 0
    events: int = 0
    warnings: list[str] = field(default_factory=list)


def find_duplicate(item: ArticleInput) -> Article | None:
    return (
        Article.objects.filter(fingerprint=item.fingerprint).first()
        or Article.objects.filter(
            title=item.title, published=item.published, body=item.body
        ).first()
    )


def write_article(item: ArticleInput, lexicon: NameLexicon, counts: WriteCounts) -> Article | None:
    """Create the article, its mentions and its event; None if it is already in the archive."""
    if find_duplicate(item):
        counts.duplicates += 1
        return None
    reasons = list(item.review_reasons)
    if item.title_is_derived:
        reasons.append("标题由系统生成")
    article = Article.objects.create(
        source_page=item.source_page,
        source=item.source,
        position=item.position,
        page=item.page,
        kicker=item.kicker,
        title=item.title[:300],
        title_is_derived=item.title_is_derived,
        deck=item.deck[:500],
        body=item.body,
        captions="\n".join(item.captions),
        published=item.published,
        date_status=item.date_status,
        genre=item.genre,
        section=item.section[:40],
        agency=item.agency[:20],
        place=item.place[:40],
        continued_on=item.continued_on,
        continued_from_page=item.continued_from_page,
        fingerprint=item.fingerprint,
        needs_review=bool(reasons),
        review_reasons=reasons,
    )
    counts.articles += 1
    persons, mentions = _write_mentions(article, item, lexicon, counts)
    _write_event(article, item, persons, mentions, counts)
    return article


def _mentions_in_text(item: ArticleInput, lexicon: NameLexicon) -> list[PersonMention]:
    found = find_persons(item.full_text, lexicon)
    if item.given_persons is None:
        return found
    wanted = set(item.given_persons)
    kept = [m for m in found if m.name in wanted]
    missing = wanted - {m.name for m in kept}
    return kept + [PersonMention(name=n, start=0, end=0, evidence="given") for n in sorted(missing)]


def _write_mentions(
    article: Article, item: ArticleInput, lexicon: NameLexicon, counts: WriteCounts
) -> tuple[dict[str, Person], list[PersonMention]]:
    persons: dict[str, Person] = {}

    def person_for(name: str, confidence: float, evidence: str) -> Person | None:
        if name not in persons:
            before = Person.objects.count()
            person = get_or_create_person(name, lexicon)
            if person is None:
                return None
            if Person.objects.count() > before:
                counts.persons += 1
                if confidence < REVIEW_CONFIDENCE and evidence != "given":
                    person.needs_review = True
                    person.review_reasons = ["仅出现一次且无职务，可能不是人名"]
                    person.save(update_fields=["needs_review", "review_reasons"])
            persons[name] = person
        return persons[name]

    for byline in item.bylines:
        person = person_for(byline.name, 1.0, "byline")
        if person:
            Mention.objects.get_or_create(
                article=article, person=person, kind=byline.kind, role=byline.role
            )

    mentions = _mentions_in_text(item, lexicon)
    occurrences = Counter(m.name for m in mentions)
    roles: dict[str, list[str]] = {}
    confidence: dict[str, float] = {}
    evidence: dict[str, str] = {}
    for mention in mentions:
        roles.setdefault(mention.name, [])
        if mention.role and mention.role not in roles[mention.name]:
            roles[mention.name].append(mention.role)
        confidence[mention.name] = max(confidence.get(mention.name, 0.0), mention.confidence)
        evidence.setdefault(mention.name, mention.evidence)
    for name, name_roles in roles.items():
        person = person_for(name, confidence[name], evidence[name])
        if person is None:
            continue
        for index, role in enumerate(name_roles or [""]):
            Mention.objects.get_or_create(
                article=article,
                person=person,
                kind=MentionKind.TEXT,
                role=role[:64],
                defaults={
                    "count": occurrences[name] if index == 0 else 1,
                    "confidence": confidence[name],
                },
            )
    return persons, [m for m in mentions if m.name in persons and m.end > m.start]


def _same_event(existing: Event, title: str) -> bool:
    return existing.title == title or existing.title in title or title in existing.title


def _write_event(
    article: Article,
    item: ArticleInput,
    persons: dict[str, Person],
    mentions: list[PersonMention],
    counts: WriteCounts,
) -> None:
    draft = find_event(
        title=item.title if not item.title_is_derived else "",
        deck=item.deck,
        lead=item.lead or (item.paragraphs[0] if item.paragraphs else ""),
        text=item.full_text,
        persons=mentions,
        lead_date=item.lead_date,
    )
    if draft is None:
        return
    title = draft.title if draft.title != draft.kind else f"{item.title}{draft.kind}"
    if item.given_events is not None and title not in item.given_events:
        return
    date = None
    if draft.lead_date is not None:
        date = lead_date_on(draft.lead_date, item.published, item.year)
    event = None
    if date is not None:
        candidates = Event.objects.filter(date=date, kind=draft.kind)
        event = next((e for e in candidates if _same_event(e, title)), None)
    if event is None:
        reasons = [] if date else ["事件日期不明"]
        event = Event.objects.create(
            title=title[:200],
            kind=draft.kind,
            date=date,
            time_of_day=(draft.lead_date.time_of_day if draft.lead_date else "")[:8],
            date_is_uncertain=date is None,
            place=draft.place[:200],
            summary=draft.summary,
            needs_review=bool(reasons),
            review_reasons=reasons,
        )
        counts.events += 1
    event.articles.add(article)
    for name, part in draft.participants:
        person = persons.get(name)
        if person:
            EventParticipant.objects.get_or_create(event=event, person=person, part=part)
