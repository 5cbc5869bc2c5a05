"""From a page or a JSON line to complete drafts: the article with its persons, roles and event.

No database here: this runs in the importer's worker processes. What admins decided reaches it
as the NameLexicon; the writer (storing.py) turns batches of drafts into rows.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from archive.extraction.dates import lead_date_on
from archive.extraction.events import find_event
from archive.extraction.page_dates import PageDates, article_lead_date, resolve_page_dates
from archive.extraction.persons import CREDIT_ROLE, REVIEW_BELOW, find_persons
from archive.extraction.types import NameLexicon, PersonMention
from archive.models.people import MentionKind
from archive.reading import ArticleDraft, PageDecodeError, decode_page, parse_page
from archive.reading.bylines import ROLE_RE
from archive.reading.furniture import StaffName
from archive.services.records import ArticleInput

MAX_MENTION_COUNT = 32767  # Mention.count is a small integer


class ImportFailed(Exception):
    """A file that cannot be imported; the message names the reason for the reader."""


@dataclass(frozen=True)
class PageOptions:
    issue_date: dt.date | None = None  # the paper's date, when the user knows it
    year: int | None = None  # the year, when only that is known
    page_number: int | None = None


@dataclass(frozen=True)
class MentionDraft:
    name: str  # canonical: aliases already followed
    kind: str  # MentionKind
    role: str = ""
    count: int = 1
    confidence: float = 1.0
    given: bool = False  # named by the input itself (JSONL "persons"), not found by us

    @property
    def doubtful(self) -> bool:
        return self.confidence < REVIEW_BELOW and not self.given


@dataclass(frozen=True)
class EventPlan:
    title: str
    kind: str
    date: dt.date | None
    time_of_day: str = ""
    place: str = ""
    summary: str = ""
    participants: tuple[tuple[str, str], ...] = ()  # (canonical name, part)


@dataclass
class ArticlePlan:
    item: ArticleInput
    mentions: list[MentionDraft] = field(default_factory=list)
    event: EventPlan | None = None


@dataclass
class PagePlan:
    file_name: str
    checksum: str
    encoding: str
    text: str
    page_number: int | None
    dates: PageDates
    section: str
    warnings: list[str]
    staff: list[StaffName]
    articles: list[ArticlePlan]


def plan_article(item: ArticleInput, lexicon: NameLexicon) -> ArticlePlan:
    """The article's persons (bylines first), their roles and counts, and its event."""
    plan = ArticlePlan(item=item)
    seen: set[tuple[str, str, str]] = set()
    for byline in item.bylines:
        name = lexicon.canonical(byline.name)
        key = (name, byline.kind, byline.role)
        if name not in lexicon.rejected and key not in seen:
            seen.add(key)
            plan.mentions.append(MentionDraft(name, byline.kind, byline.role))
    signers = {m.name for m in plan.mentions}
    found = [m for m in _mentions_in_text(item, lexicon) if not _signature(m, signers)]
    occurrences = Counter(m.name for m in found)
    roles: dict[str, list[str]] = {}
    confidence: dict[str, float] = {}
    given: dict[str, bool] = {}
    for mention in found:
        name_roles = roles.setdefault(mention.name, [])
        if mention.role and mention.role not in name_roles:
            name_roles.append(mention.role)
        confidence[mention.name] = max(confidence.get(mention.name, 0.0), mention.confidence)
        given.setdefault(mention.name, mention.evidence == "given")
    for name, name_roles in roles.items():
        for index, role in enumerate(name_roles or [""]):
            count = min(occurrences[name], MAX_MENTION_COUNT) if index == 0 else 1
            plan.mentions.append(
                MentionDraft(name, MentionKind.TEXT, role, count, confidence[name], given[name])
            )
    plan.event = _plan_event(item, [m for m in found if m.end > m.start])
    return plan


def _signature(mention: PersonMention, signers: set[str]) -> bool:
    """A byline's name read again in the text where it signs (本报讯（记者 X）, （X 摄）): the
    byline already files it, with its kind."""
    signing = not mention.role or mention.role == CREDIT_ROLE or ROLE_RE.fullmatch(mention.role)
    return mention.name in signers and bool(signing)


def _mentions_in_text(item: ArticleInput, lexicon: NameLexicon) -> list[PersonMention]:
    found = [
        m if m.name == lexicon.canonical(m.name) else _renamed(m, lexicon.canonical(m.name))
        for m in find_persons(item.full_text, lexicon)
    ]
    found = [m for m in found if m.name not in lexicon.rejected]
    if item.given_persons is None:
        return found
    wanted = {lexicon.canonical(n) for n in item.given_persons} - lexicon.rejected
    kept = [m for m in found if m.name in wanted]
    missing = wanted - {m.name for m in kept}
    return kept + [PersonMention(name=n, start=0, end=0, evidence="given") for n in sorted(missing)]


def _renamed(mention: PersonMention, name: str) -> PersonMention:
    return PersonMention(
        name, mention.start, mention.end, mention.role, mention.evidence, mention.confidence
    )


def _plan_event(item: ArticleInput, mentions: list[PersonMention]) -> EventPlan | None:
    draft = find_event(
        title=item.title if not item.title_is_derived else "",
        deck=item.deck,
        lead=item.lead or (item.paragraphs[0] if item.paragraphs else ""),
        text=item.full_text,
        persons=mentions,
        lead_date=item.lead_date,
    )
    if draft is None:
        return None
    title = draft.title if draft.title != draft.kind else f"{item.title}{draft.kind}"
    if item.given_events is not None and title not in item.given_events:
        return None
    date = None
    if draft.lead_date is not None:
        date = lead_date_on(draft.lead_date, item.published, item.year)
    return EventPlan(
        title=title,
        kind=draft.kind,
        date=date,
        time_of_day=draft.lead_date.time_of_day if draft.lead_date else "",
        place=draft.place,
        summary=draft.summary,
        participants=tuple(draft.participants),
    )


def plan_page(
    data: bytes, file_name: str, checksum: str, lexicon: NameLexicon, options: PageOptions
) -> PagePlan:
    """Read one page's bytes into drafts; raise ImportFailed with a clear reason."""
    try:
        text, encoding = decode_page(data)
    except PageDecodeError as exc:
        raise ImportFailed(str(exc)) from exc
    page = parse_page(text)
    if not page.articles:
        raise ImportFailed("没有找到任何文章 (no articles found)")
    masthead = page.masthead
    dates = resolve_page_dates(
        text,
        file_name,
        page.articles,
        issue_date=options.issue_date,
        year=options.year,
        printed_date=masthead.printed_date,
    )
    page_number = options.page_number or masthead.page_number
    articles = [
        plan_article(_article_input(draft, dates, file_name, page_number), lexicon)
        for draft in page.articles
    ]
    return PagePlan(
        file_name=file_name,
        checksum=checksum,
        encoding=encoding,
        text=text,
        page_number=page_number,
        dates=dates,
        section=masthead.section,
        warnings=page.warnings + dates.reasons,
        staff=[
            StaffName(name, s.role)
            for s in masthead.staff
            if (name := lexicon.canonical(s.name)) not in lexicon.rejected
        ],
        articles=articles,
    )


def _article_input(
    draft: ArticleDraft, dates: PageDates, file_name: str, page_number: int | None
) -> ArticleInput:
    """One drafted article of a page, dated and placed as the page is."""
    return ArticleInput(
        title=draft.title,
        paragraphs=draft.paragraphs,
        published=dates.issue_date,
        date_status=dates.status,
        kicker=draft.kicker,
        deck=draft.deck,
        title_is_derived=draft.title_is_derived,
        captions=draft.captions,
        page=page_number,
        position=draft.position,
        source=file_name,
        bylines=draft.bylines,
        lead=draft.lead,
        lead_date=article_lead_date(draft),
        year=dates.year,
        review_reasons=dates.reasons + draft.warnings,
        genre=draft.genre,
        section=draft.section,
        agency=draft.agency,
        place=draft.place,
        continued_on=draft.continued_to,
        continued_from_page=draft.continued_from,
    )
