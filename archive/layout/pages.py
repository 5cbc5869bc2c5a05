"""Compose whole pages: furniture around 3–6 articles of one day, in mixed forms."""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from collections.abc import Iterator

from . import articles, forms
from .corpus import AnnotatedSentence, NewsItem
from .furniture import furniture
from .text import squeeze
from .truth import TruePage

ARTICLES_MIN, ARTICLES_MAX = 3, 6
ITEMS_PER_PAGE = 20  # body items a page may draw (its date's first, then others)
SENTENCE_MAX = 90  # annotated sentences longer than this swamp a short article
# Annotated sentences that open like a lead or a byline would start an article of their own.
SENTENCE_SKIP = ("电", "记者", "本报", "摄", "■")
WIDE_GAP = 0.2  # share of article boundaries set with two blank lines instead of one
NO_BLANK_SHARE = 0.2  # share of pages exported one paragraph a line, with no blank lines
TITLE_AFTER_SHARE = 0.2  # share of pages where OCR reads one story's title after its text
_LEAD_FORMS = {forms.LOCAL_LEAD, forms.WIRE, forms.DISPATCH}  # a lead starts the story anyway


def usable_sentences(sentences: list[AnnotatedSentence]) -> list[AnnotatedSentence]:
    return [
        s
        for s in sentences
        if len(s.text) <= SENTENCE_MAX and not any(mark in s.text for mark in SENTENCE_SKIP)
    ]


def unique_key(key: str, own_text: str, page_text: str, title: str = "") -> str:
    """The key grown, within its own article, until nothing else on the page prints it; it is
    looked for past the title, which may print the same words (蔡奇出席《…》座谈会 over 《…》
    座谈会17日在京召开)."""
    own, page = squeeze(own_text), squeeze(page_text)
    head = own.find(squeeze(title)) if title else -1
    start = own.find(squeeze(key), head + len(squeeze(title)) if head >= 0 else 0)
    if start < 0:
        start = own.find(squeeze(key))
    end = start + len(squeeze(key))
    while page.count(own[start:end]) > 1 and end < len(own):
        end += 1
    return own[start:end]


def _title_after(placed: list[articles.SetArticle]) -> None:
    """The first story opened by a lead under a one-line title, with a titled story after it,
    gets its title after its text: columns read out of order."""
    for story, following in zip(placed, placed[1:], strict=False):
        truth = story.truth
        one_line = story.blocks[0] == truth.title and not truth.kicker and not truth.deck
        plain_next = not {forms.BRIEF, forms.PICTURE} & set(following.truth.forms)
        if one_line and _LEAD_FORMS & set(truth.forms) and following.truth.title and plain_next:
            story.blocks = [*story.blocks[1:], story.blocks[0]]
            truth.text = "\n".join(story.blocks)
            truth.forms.append(forms.TITLE_AFTER)
            return


def file_name(number: int) -> str:
    """No date in the name: the reader must find the issue date on the page."""
    return f"page_{number:04d}.txt"


class PageMaker:
    """Deterministic for a seed: every choice comes from one random.Random."""

    def __init__(
        self, items: list[NewsItem], sentences: list[AnnotatedSentence], seed: int
    ) -> None:
        self.seed = seed
        self.rng = random.Random(seed)
        self.bodies = [i for i in items if i.paragraphs]
        self.picture_titles = [i.title for i in items if not i.paragraphs]
        self.sentences = usable_sentences(sentences)
        by_date: dict[dt.date, list[NewsItem]] = defaultdict(list)
        for item in self.bodies:
            by_date[item.date].append(item)
        self.by_date = {d: group for d, group in sorted(by_date.items()) if len(group) >= 4}
        if not self.by_date or not self.picture_titles or not self.sentences:
            raise ValueError(
                "the corpus needs dated items with bodies, title-only items and sentences"
            )

    def material(self, issue: dt.date) -> articles.Material:
        own = self.by_date[issue][:]
        self.rng.shuffle(own)
        # Other days' items (never the page's own twice) for captions, briefs and spares.
        spare = [item for item in self.bodies if item.date != issue]
        others = self.rng.sample(spare, min(ITEMS_PER_PAGE, len(spare)))
        sentences = self.rng.sample(self.sentences, min(ARTICLES_MAX, len(self.sentences)))
        # Items are popped from the end: the page's own date comes first.
        return articles.Material(others + own, self.picture_titles, sentences)

    def page(self, number: int) -> TruePage:
        rng = self.rng
        issue = rng.choice(list(self.by_date))
        material = self.material(issue)
        target = rng.randint(ARTICLES_MIN, ARTICLES_MAX)
        placed: list[articles.SetArticle] = []
        while len(placed) < target:
            roll, room = rng.random(), target - len(placed)
            if roll < 0.1 and room >= 2:
                placed += articles.briefs(rng, material, issue, rng.randint(2, min(4, room)))
            elif roll < 0.22:
                placed.append(articles.picture(rng, material))
            elif roll < 0.32:
                placed.append(articles.commentary(rng, material))
            else:
                placed.append(articles.news(rng, material, issue))
        # Drawn apart from the page's own choices, so the other pages of a seed stay as they were.
        if random.Random(f"{self.seed}:{number}:title").random() < TITLE_AFTER_SHARE:
            _title_after(placed)
        with_date = rng.random() < 0.75
        top, bottom = furniture(rng, issue, with_date)
        parts = ["\n\n".join(top)] if top else []
        for article in placed:
            gap = "\n" if parts and rng.random() < WIDE_GAP else ""
            parts.append(gap + "\n\n".join(article.blocks))
        parts += bottom
        text = "\n\n".join(parts) + "\n"
        page_forms = [forms.DATE_LINE if with_date else forms.NO_DATE_LINE]
        if random.Random(f"{self.seed}:{number}").random() < NO_BLANK_SHARE:
            text = "\n".join(line for line in text.split("\n") if line.strip()) + "\n"
            page_forms.append(forms.NO_BLANK_LINES)
            for article in placed:
                article.truth.forms.append(forms.NO_BLANK_LINES)
        for article in placed:
            truth = article.truth
            truth.key = unique_key(truth.key, truth.text, text, truth.title or "")
        return TruePage(
            file_name=file_name(number),
            issue_date=issue,
            text=text,
            articles=[a.truth for a in placed],
            forms=page_forms,
        )

    def pages(self, count: int) -> Iterator[TruePage]:
        for number in range(1, count + 1):
            yield self.page(number)
