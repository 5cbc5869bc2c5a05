"""Set one article (or one 简讯 group) from a news item: blocks of page text plus its answer key."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from . import attribution, breaks, forms
from .attribution import Attribution
from .corpus import AnnotatedSentence, NewsItem
from .headlines import Headline, headline, plain
from .names import invent_names, spaced
from .text import sentences
from .truth import TrueArticle

KEY_LEN = 16  # opening characters of an article's own text that identify it on its page
CAPTION_MAX = 80
BRIEF_MAX = 120
CONTINUATION_CUT_BEFORE = 48  # a continued text resumes early in a paragraph: enough left to read
BRIEF_BANNERS = ("简讯", "本地简讯", "要闻简报", "新闻简讯")
COMMENTARY_BANNERS = ("短评", "言论", "时评")


@dataclass
class Material:
    """What one page draws from: its date's items first, then title-only items and sentences."""

    items: list[NewsItem]
    picture_titles: list[str]
    sentences: list[AnnotatedSentence]

    def item(self) -> NewsItem:
        return self.items.pop()

    def first_sentence(self, limit: int) -> str:
        text = self.item().paragraphs[0]
        first = sentences(text)[0]
        return first if len(first) <= limit else text[:limit] + "。"


@dataclass
class SetArticle:
    blocks: list[str]
    truth: TrueArticle


@dataclass
class _Credits:
    """Names an article credits and the printed text that holds them."""

    names: list[str] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)
    persons: list[str] = field(default_factory=list)

    def add(self, credit: Attribution) -> None:
        self.names += credit.names
        self.regions += credit.regions


def _article(
    head: Headline | None,
    blocks: list[str],
    key: str,
    credits: _Credits,
    tags: list[str],
) -> SetArticle:
    head = head or Headline(blocks=[], title="")
    all_blocks = head.blocks + [b for b in blocks if b]
    truth = TrueArticle(
        key=key,
        title=head.title or None,
        text="\n".join(all_blocks),
        kicker=head.kicker,
        deck=head.deck,
        bylines=list(dict.fromkeys(credits.names)),
        persons=list(dict.fromkeys(credits.names + credits.persons)),
        regions=credits.regions,
        forms=list(dict.fromkeys(head.forms + tags)),
    )
    return SetArticle(all_blocks, truth)


def _annotate(
    rng: random.Random, material: Material, paragraphs: list[str], credits: _Credits
) -> str:
    """Place an annotated sentence in the body, so person recall has known names to find."""
    if rng.random() >= 0.5 or not material.sentences:
        return ""
    sentence = material.sentences.pop()
    credits.persons += sentence.persons
    credits.regions.append(sentence.text)
    if rng.random() < 0.5:
        paragraphs.insert(min(1, len(paragraphs)), sentence.text)
    else:
        paragraphs[-1] += sentence.text
    return sentence.text


def _photo_credit(rng: random.Random, credits: _Credits) -> tuple[str, str]:
    """A photographer's name in one of the caption forms: (inline suffix, own block)."""
    name = invent_names(rng, 1)[0]
    shown = spaced(name) if rng.random() < 0.3 else name
    inline, block = rng.choice(
        (
            (f" {shown} 摄", ""),
            (f"（{shown} 摄）", ""),
            ("", f"■{shown} 摄"),
            ("", f"{shown} 摄"),
        )
    )
    credits.names.append(name)
    credits.regions.append(inline or block)
    return inline, block


def _attribution(rng: random.Random, issue: dt.date) -> list[Attribution]:
    roll = rng.random()
    if roll < 0.22:
        return []
    if roll < 0.40:
        block = attribution.byline_block(rng)
        return (
            [block, attribution.local_lead(rng, issue, credited=False)] if roll < 0.32 else [block]
        )
    if roll < 0.58:
        return [attribution.local_lead(rng, issue)]
    if roll < 0.74:
        return [attribution.wire_lead(rng, issue)]
    if roll < 0.88:
        return [attribution.dispatch_lead(rng, issue)]
    return [attribution.closing_byline(rng)]


def news(rng: random.Random, material: Material, issue: dt.date) -> SetArticle:
    """A report: headline block, maybe a byline block and a lead, body, maybe accidents."""
    item = material.item()
    paragraphs = list(item.paragraphs[: rng.randint(1, 3)])
    credits, tags = _Credits(), []
    continued = rng.random() < 0.1
    if continued and len(item.paragraphs) >= 2 and rng.random() < 0.5:
        # The second half of a story begun on another page: mid-sentence, no headline group.
        rest = item.paragraphs[1]
        shown = rest[breaks.cut_point(rng, rest, CONTINUATION_CUT_BEFORE) or 0 :]
        paragraphs = [breaks.continued_from(rng, shown), *item.paragraphs[2:3]]
        head, key, credit_list = plain(item.title), shown[:KEY_LEN], []
        tags.append(forms.CONTINUED)
        continued = False  # begun elsewhere; it does not also go on elsewhere
    else:
        head, key = headline(rng, item.title, paragraphs[0]), paragraphs[0][:KEY_LEN]
        credit_list = _attribution(rng, issue)
    annotated = _annotate(rng, material, paragraphs, credits)
    paragraphs = _column_break(rng, material, paragraphs, credits, tags, annotated)
    if continued and (cut := breaks.continued_to(rng, paragraphs, annotated)):
        paragraphs = cut
        tags.append(forms.CONTINUED)
        credit_list = [c for c in credit_list if not c.closing]
    block = ""
    for credit in credit_list:
        credits.add(credit)
        tags.append(credit.form)
        block = credit.block or block
        paragraphs[0] = credit.lead + paragraphs[0]
        paragraphs[-1] += credit.closing
    if not credit_list and forms.CONTINUED not in tags:
        tags.append(forms.BARE)
    return _article(head, [block, *paragraphs], key, credits, tags)


def _column_break(
    rng: random.Random,
    material: Material,
    paragraphs: list[str],
    credits: _Credits,
    tags: list[str],
    keep: str,
) -> list[str]:
    if rng.random() >= 0.2:
        return paragraphs
    caption_credits = _Credits()
    inline, block = _photo_credit(rng, caption_credits)
    caption = rng.choice(material.picture_titles) + inline + (f"\n{block}" if block else "")
    cut = breaks.column_break(rng, paragraphs, caption, keep)
    if cut is None:
        return paragraphs
    if caption in cut:
        credits.names += caption_credits.names
        credits.regions += caption_credits.regions
    tags.append(forms.COLUMN_BREAK)
    return cut


def commentary(rng: random.Random, material: Material) -> SetArticle:
    """本报评论员 / 特约评论员 / 言论 pieces, some under a column banner, some with an 编者按."""
    item = material.item()
    paragraphs = list(item.paragraphs[: rng.randint(2, 3)])
    credits = _Credits()
    key = paragraphs[0][:KEY_LEN]
    head = plain(item.title)
    if rng.random() < 0.35:
        head.blocks.insert(0, rng.choice(COMMENTARY_BANNERS))
    if rng.random() < 0.3:
        opening = "编者按：" + sentences(paragraphs[-1])[0]
    else:
        credit = attribution.commentary_byline(rng)
        credits.add(credit)
        opening = credit.block
    return _article(head, [opening, *paragraphs], key, credits, [forms.COMMENTARY])


def picture(rng: random.Random, material: Material) -> SetArticle:
    """Picture news: an optional title, a caption, the photographer (X 摄 / ■X 摄)."""
    caption = material.first_sentence(CAPTION_MAX)
    credits = _Credits()
    inline, block = _photo_credit(rng, credits)
    head = plain(rng.choice(material.picture_titles)) if rng.random() < 0.7 else None
    return _article(head, [caption + inline, block], caption[:KEY_LEN], credits, [forms.PICTURE])


def briefs(rng: random.Random, material: Material, issue: dt.date, count: int) -> list[SetArticle]:
    """A 简讯 banner over several short items, each its own article."""
    banner = rng.choice(BRIEF_BANNERS)
    group: list[SetArticle] = []
    for _ in range(count):
        body = material.first_sentence(BRIEF_MAX)
        credits = _Credits()
        lead = ""
        if rng.random() < 0.3:
            credit = attribution.local_lead(rng, issue)
            credits.add(credit)
            lead = credit.lead
        shape = rng.random()
        title = rng.choice(material.picture_titles)
        if shape < 0.35:
            head, blocks = None, ["■" + lead + body]
        elif shape < 0.7:
            head, blocks = Headline(["■" + title], title), [lead + body]
        else:
            head, blocks = plain(title), [lead + body]
        group.append(_article(head, blocks, body[:KEY_LEN], credits, [forms.BRIEF]))
    group[0].blocks.insert(0, banner)
    return group
