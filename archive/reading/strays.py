"""A headline the OCR read after its article, on top of the next article's own.

Columns come out of order: a story's title may be printed beside or below its text, so the
reader meets it after that text and stacks it over the next story's title (as a kicker over a
title, or a title over a deck), while the story it belongs to is left with no title at all. The
words decide: a title shares words with its own story's text, seldom with a neighbour's.
"""

from __future__ import annotations

from .drafts import ArticleDraft
from .headlines import split_headline
from .text import words

# A line goes to the story above when at least this many of its words, and this share of them,
# are in that story's text, and LEADS_BY times as many as in the text of the story under it.
SHARED_MIN = 3
SHARE_MIN = 0.25
LEADS_BY = 3


def rehome_titles(articles: list[ArticleDraft]) -> None:
    """Give a story with no headline the top line of the stack under it when that line is
    about it and not about the story the stack heads (5月份全国CPI同比上涨0.2% over
    农产品电商助农增收, under a CPI dispatch with no title of its own)."""
    for above, below in zip(articles, articles[1:], strict=False):
        if above.title or above.kicker or above.deck or not above.paragraphs:
            continue
        top = below.kicker or (below.title if below.deck else "")
        if top and _belongs_above(words(top), words(above.body), words(below.body)):
            above.title = top
            # The lines left are the stack of the story below: read again which is its title
            # (将接入北斗卫星导航系统—— / 我国成功发射两颗北斗导航卫星 / 六十颗…: kicker, title, deck).
            left = [below.title] if below.kicker else []
            left += [line for line in below.deck.split("\n") if line]
            head = split_headline([[line] for line in left])
            below.kicker, below.title, below.deck = head.kicker, head.title, head.deck


def _belongs_above(line: set[str], text_above: set[str], text_below: set[str]) -> bool:
    shared = len(line & text_above)
    return (
        shared >= SHARED_MIN
        and shared >= SHARE_MIN * len(line)
        and shared >= LEADS_BY * len(line & text_below)
    )
