"""A page imported again (OCR'd again, a fixed file) updates its articles in place.

The page is the one already in the archive with the same file name and nearly the same text
(another day's page of the same name is a new page). Each new draft is matched with the
article it is a version of, by text similarity; a matched article takes the new text except
for the fields an admin edited (Article.edited_fields), keeps its persons' decisions (merges,
rejections and confirmations are in the lexicon the drafts were made with) and gains the
persons found anew; a draft with no match is a new article; an article with no draft is
flagged for review, never deleted.
"""

from __future__ import annotations

from archive.models import Article, SourcePage
from archive.services.drafting import ArticlePlan, PagePlan
from archive.services.storing import (
    WriteCounts,
    add_articles,
    article_values,
    fitted,
    mention_row,
    persons_for,
    store_pages,
)

SAME_PAGE = 0.6  # share of character pairs two versions of one page have in common, at least
SAME_ARTICLE = 0.5  # … and two versions of one article
UPDATABLE = (
    "kicker",
    "title",
    "title_is_derived",
    "deck",
    "body",
    "captions",
    "genre",
    "section",
    "agency",
    "place",
    "continued_on",
    "continued_from_page",
    "page",
    "position",
)
GONE = "版面重新导入后找不到这篇文章"


def _pairs(text: str) -> set[str]:
    squeezed = "".join(text.split())
    return {squeezed[i : i + 2] for i in range(len(squeezed) - 1)}


def similarity(a: str, b: str) -> float:
    """Jaccard similarity of the character pairs of two texts (whitespace ignored)."""
    left, right = _pairs(a), _pairs(b)
    return len(left & right) / len(left | right) if left and right else float(a == b)


def store(pages: list[PagePlan]) -> list[WriteCounts]:
    """Write pages, one WriteCounts each, in order: a new version of a page already in the
    archive renews it, any other page is added."""
    renewed = {}
    for index, page in enumerate(pages):
        source = earlier_version(page)
        if source is not None:
            renewed[index] = renew_page(source, page)
    written = iter(store_pages([p for i, p in enumerate(pages) if i not in renewed]))
    return [renewed[i] if i in renewed else next(written) for i in range(len(pages))]


def earlier_version(page: PagePlan) -> SourcePage | None:
    """The page already in the archive that this one is a new version of, if any."""
    best, score = None, SAME_PAGE
    for source in SourcePage.objects.filter(file_name=page.file_name):
        dates = (source.issue_date, page.dates.issue_date)
        if all(dates) and dates[0] != dates[1]:
            continue
        found = similarity(source.text, page.text)
        if found >= score:
            best, score = source, found
    return best


def renew_page(source: SourcePage, page: PagePlan) -> WriteCounts:
    counts = WriteCounts()
    old = list(Article.objects.filter(source_page=source))
    matched, new_plans = _match(old, page.articles)
    persons = persons_for([p for _, p in matched], [0] * len(matched), [counts], {})
    updated = sum(_update(article, plan, persons) for article, plan in matched)
    gone = [a for a in old if a.pk not in {m.pk for m, _ in matched}]
    for article in gone:
        if GONE not in article.review_reasons:
            article.needs_review = True
            article.review_reasons = [*article.review_reasons, GONE]
            article.save(update_fields=["needs_review", "review_reasons"])
    for name, value in _page_values(page).items():
        setattr(source, name, value)
    fitted(source).save()
    for plan in new_plans:
        plan.item.source_page = source
    add_articles(new_plans, [0] * len(new_plans), [counts], {})
    counts.warnings.append(
        f"版面重新导入：{updated} 篇更新，{len(new_plans)} 篇新增，{len(gone)} 篇找不到（已标记待审核）"
    )
    return counts


def _match(old: list[Article], plans: list[ArticlePlan]):
    scored = sorted(
        (
            (
                similarity(_text(a.title, a.body), _text(p.item.title, p.item.body)),
                -abs(i - j),
                i,
                j,
            )
            for i, a in enumerate(old)
            for j, p in enumerate(plans)
        ),
        reverse=True,
    )
    taken_old, taken_new, matched = set(), set(), []
    for score, _, i, j in scored:
        if score < SAME_ARTICLE:
            break
        if i not in taken_old and j not in taken_new:
            taken_old.add(i)
            taken_new.add(j)
            matched.append((old[i], plans[j]))
    return matched, [p for j, p in enumerate(plans) if j not in taken_new]


def _text(title: str, body: str) -> str:
    return f"{title}\n{body}"


def _update(article: Article, plan: ArticlePlan, persons) -> bool:
    """Take the new version's text where no admin corrected it; add newly found persons."""
    new = fitted(article_values(plan))
    changed = [
        name
        for name in UPDATABLE
        if name not in article.edited_fields and getattr(article, name) != getattr(new, name)
    ]
    for name in changed:
        setattr(article, name, getattr(new, name))
    if changed:
        article.save()  # a history row and an index update, as an admin's save makes
    have = set(article.mentions.values_list("person_id", "kind", "role"))
    for draft in plan.mentions:
        person = persons.get(draft.name)
        row = mention_row(article, person, draft) if person else None
        if row is not None and (person.pk, row.kind, row.role) not in have:
            have.add((person.pk, row.kind, row.role))
            row.save()
    return bool(changed)


def _page_values(page: PagePlan) -> dict:
    return {
        "checksum": page.checksum,
        "encoding": page.encoding,
        "text": page.text,
        "page_number": page.page_number,
        "section": page.section,
        "warnings": page.warnings,
    }
