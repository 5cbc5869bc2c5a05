"""What the machine was unsure of about an article, in plain words for its readers.

Read from fields the reading view loads anyway (the article and its source page): no query.
"""

from __future__ import annotations

from archive.models import Article
from archive.models.pages import DateStatus

INFERRED_DATE = "出版日期是根据版面内容推断的（版面上没有印出日期），可能有出入。"
UNKNOWN_DATE = "出版日期不明。"
PAGE_WARNING = "这一版的版面识别有疑问（{}），文中个别段落可能属于相邻文章，可对照版面原文。"
CHECKING = "待编辑核对：{}。"


def unsure_notes(article: Article) -> list[str]:
    notes: list[str] = []
    if article.published is None:
        notes.append(UNKNOWN_DATE)
    elif article.date_status == DateStatus.INFERRED:
        notes.append(INFERRED_DATE)
    page = article.source_page
    # A page's own reading warnings (text above the first headline, a column read out of
    # place) concern every article on it; its date reasons are the article's, below.
    page_warnings = [w for w in (page.warnings if page else []) if w not in article.review_reasons]
    if page_warnings:
        notes.append(PAGE_WARNING.format("；".join(page_warnings)))
    # Once an admin has checked the article (needs_review off), its reasons are settled.
    if article.needs_review and article.review_reasons:
        reasons = "；".join(r.rstrip("。") for r in article.review_reasons)
        notes.append(CHECKING.format(reasons))
    return notes
