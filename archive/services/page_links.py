"""Articles continued across pages: the two parts of one article joined."""

from __future__ import annotations

from archive.models import Article


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
