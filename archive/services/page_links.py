"""What a page says beyond its articles: its staff, and articles continued across pages."""

from __future__ import annotations

from archive.extraction.types import NameLexicon
from archive.models import Article, SourcePage, StaffCredit
from archive.reading.furniture import StaffName
from archive.services.people import get_or_create_person


def write_staff(source_page: SourcePage, staff: list[StaffName], lexicon: NameLexicon) -> None:
    """责任编辑 / 版式 / 校对 … named in the page's footer: persons with that role on the page."""
    for credit in staff:
        person = get_or_create_person(credit.name, lexicon)
        if person is not None:
            StaffCredit.objects.get_or_create(
                source_page=source_page, person=person, role=credit.role[:20]
            )


def link_continued_parts(articles: list[Article]) -> int:
    """Join （下转第X版） and （上接第Y版） parts of one article printed on two pages of one issue.

    Each new part is matched with the other part already in the archive: same issue date, the
    page each names, and each naming the other's page. Returns how many links were made.
    """
    linked = 0
    for article in articles:
        if article.published is None or article.page is None:
            continue
        same_issue = Article.objects.filter(published=article.published).exclude(pk=article.pk)
        if article.continued_from_page and article.previous_part_id is None:
            earlier = same_issue.filter(
                page=article.continued_from_page, continued_on=article.page
            ).first()
            if earlier is not None:
                article.previous_part = earlier
                article.save(update_fields=["previous_part"])
                linked += 1
        if article.continued_on:
            later = same_issue.filter(
                page=article.continued_on,
                continued_from_page=article.page,
                previous_part__isnull=True,
            ).first()
            if later is not None:
                later.previous_part = article
                later.save(update_fields=["previous_part"])
                linked += 1
    return linked
