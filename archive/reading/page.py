"""A page of OCR text → article drafts, in reading order.

The page is a sequence of blank-line separated blocks. Each block is a byline (■…), a lead
(本报讯…), a short unterminated block (headline, deck, caption or a broken-off fragment) or body
text. Articles start at a headline group or at a byline/lead; everything else attaches to the
nearest article, so a misplaced column never invents an article of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from archive.extraction.types import BylineName

from .bylines import is_byline, is_photo_byline, parse_byline
from .headlines import Headline, is_banner, is_kicker, split_headline
from .text import cjk_len, clean_line, is_terminated, join_broken

LEAD_RE = re.compile(r"^(本报讯|本报消息|(?:新华社|中新社)[^，,。]{0,12}电)")
SHORT_MAX = 64  # CJK characters; headlines and decks are shorter than this
CAPTION_MAX = 24
DERIVED_TITLE_MAX = 36


@dataclass
class Block:
    lines: list[str]
    kind: str  # byline | lead | short | body
    gap: int = 1  # blank lines before it: wide gaps separate photos and columns

    @property
    def text(self) -> str:
        return "".join(self.lines) if self.kind != "byline" else "\n".join(self.lines)


@dataclass
class ArticleDraft:
    position: int
    kicker: str = ""
    title: str = ""
    title_is_derived: bool = False
    deck: str = ""
    bylines: list[BylineName] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    is_photo: bool = False
    warnings: list[str] = field(default_factory=list)

    @property
    def body(self) -> str:
        return "\n".join(self.paragraphs)

    @property
    def lead(self) -> str:
        for paragraph in self.paragraphs[:3]:
            if LEAD_RE.match(paragraph):
                return paragraph
        return self.paragraphs[0] if self.paragraphs else ""

    @property
    def full_text(self) -> str:
        """Everything a reader sees, for extraction: headline lines, then the body."""
        parts = [self.kicker, "" if self.title_is_derived else self.title, self.deck]
        return "\n".join([p for p in parts if p] + self.paragraphs + self.captions)


@dataclass
class Page:
    text: str
    articles: list[ArticleDraft]
    banners: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def split_blocks(text: str) -> list[Block]:
    blocks: list[Block] = []
    gap = 0
    lines: list[str] = []
    for raw in text.split("\n") + [""]:
        line = clean_line(raw)
        if line:
            lines.append(line)
            continue
        if lines:
            blocks.append(Block(lines=lines, kind=_classify(lines), gap=gap))
            lines, gap = [], 0
        gap += 1
    return blocks


def _classify(lines: list[str]) -> str:
    first = lines[0]
    if is_byline(first):
        return "byline"
    if LEAD_RE.match(first):
        return "lead"
    joined = "".join(lines)
    if cjk_len(joined) <= SHORT_MAX and not is_terminated(joined):
        return "short"
    if joined.endswith((":", "：")) and cjk_len(joined) <= 20:
        return "short"  # "都司教育集团:" is the first half of a title, not a list intro
    if len(lines) > 1 and is_banner(lines):
        return "short"
    return "body"


class _Assembler:
    def __init__(self) -> None:
        self.articles: list[ArticleDraft] = []
        self.current: ArticleDraft | None = None  # the text article body blocks attach to
        self.orphans: list[str] = []
        self.banners: list[str] = []
        self.warnings: list[str] = []
        self.open_paragraph = False  # last paragraph of current was cut by the OCR

    def new_article(self, headline: Headline | None) -> ArticleDraft:
        article = ArticleDraft(position=len(self.articles) + 1)
        if headline:
            article.kicker, article.title, article.deck = (
                headline.kicker,
                headline.title,
                headline.deck,
            )
            self.banners.extend(headline.banners)
        self.articles.append(article)
        self.current = article
        self.open_paragraph = False
        return article

    def add_text(self, text: str, *, new_paragraph: bool = False) -> None:
        if self.current is None:
            self.orphans.append(text)
            return
        paragraphs = self.current.paragraphs
        if paragraphs and self.open_paragraph and not new_paragraph:
            paragraphs[-1] = join_broken(paragraphs[-1], text)
        else:
            paragraphs.append(text)
        self.open_paragraph = not is_terminated(paragraphs[-1])

    def add_body_lines(self, lines: list[str], *, new_paragraph: bool = False) -> None:
        for index, line in enumerate(lines):
            self.add_text(line, new_paragraph=new_paragraph and index == 0)

    # -- the block kinds ------------------------------------------------------------------

    def on_byline(self, block: Block, pending: list[Block]) -> None:
        names = parse_byline(block.text)
        if is_photo_byline(block.text):
            self.on_photo_byline(names, pending)
            return
        current = self.current
        if pending or current is None or current.paragraphs:
            current = self.new_article(self._headline(pending))
        current.bylines.extend(names)

    def on_photo_byline(self, names: list[BylineName], pending: list[Block]) -> None:
        if pending:  # a photo with its own headline; the caption follows
            article = self.new_article(self._headline(pending))
        else:  # the caption stands just above the photographer's name
            text_article = self.current
            caption = ""
            if text_article and text_article.paragraphs:
                caption = text_article.paragraphs.pop()
            elif self.orphans:
                caption = self.orphans.pop()
            article = self.new_article(None)
            if caption:
                article.paragraphs.append(caption)
            if text_article and text_article.paragraphs:
                # Body text after a photo belongs to the article the photo interrupted.
                self.current = text_article
            else:
                self.current = article
        article.is_photo = True
        article.bylines.extend(names)

    def on_lead(self, block: Block, pending: list[Block]) -> None:
        current = self.current
        if pending or current is None or current.paragraphs:
            current = self.new_article(self._headline(pending))
        self.add_body_lines(block.lines, new_paragraph=True)

    def on_body(self, block: Block, pending: list[Block]) -> None:
        if pending:
            self._resolve_pending_before_body(pending)
        self.add_body_lines(block.lines)

    def _resolve_pending_before_body(self, pending: list[Block]) -> None:
        if self.current is not None and self.open_paragraph:
            # Short blocks inside a broken paragraph are captions of photos set in the column.
            self.current.captions.extend(b.text for b in pending)
            return
        headline_like = [b for b in pending if not is_banner(b.lines)]
        strong = (
            len(headline_like) >= 2
            or any(len(b.lines) > 1 for b in headline_like)
            or any(is_kicker(b.text) for b in headline_like)
        )
        if strong:
            self.new_article(self._headline(pending))
            return
        for b in headline_like:
            text = b.text
            if (
                re.search(r"[，,、；;]", text)
                or cjk_len(text) > CAPTION_MAX
                or self.current is None
            ):
                # A piece of a paragraph cut at the column's end: it continues below.
                self.add_text(text, new_paragraph=True)
            else:
                self.current.captions.append(text)
        self.banners.extend(b.text for b in pending if is_banner(b.lines))

    def _headline(self, pending: list[Block]) -> Headline | None:
        if not pending:
            return None
        return split_headline([b.lines for b in pending])

    def finish(self, trailing: list[Block]) -> None:
        if trailing:
            # Headline-like blocks at the very end with no text: keep them, flagged.
            for b in trailing:
                if is_banner(b.lines):
                    self.banners.append(b.text)
                elif self.current is not None:
                    self.current.captions.append(b.text)
                else:
                    self.orphans.append(b.text)
        if self.orphans:
            if not self.articles:
                self.new_article(None)
            target = self.articles[0]
            target.paragraphs.extend(self.orphans)
            target.warnings.append("版面开头有不属于任何标题的文字，已附在本文末尾")
            self.warnings.append(f"{len(self.orphans)} 段开头文字没有标题，已附在第一篇文章后")
        for article in self.articles:
            if not article.title:
                article.title = derive_title(article)
                article.title_is_derived = True
                article.warnings.append("标题由系统根据导语生成")


def split_clauses(text: str) -> list[str]:
    """Split at clause punctuation, but never inside “quotes” or 《titles》."""
    clauses, depth, start = [], 0, 0
    for index, ch in enumerate(text):
        if ch in "“《「『（(":
            depth += 1
        elif ch in "”》」』）)":
            depth = max(0, depth - 1)
        elif depth == 0 and ch in "，,。；;！？!?：:":
            clauses.append(text[start:index].strip())
            start = index + 1
    clauses.append(text[start:].strip())
    return [c for c in clauses if c]


TIME_PREFIX_RE = re.compile(
    r"^(\d{1,4}年)?(\d{1,2}月\d{1,2}日(、\d{1,2}日)?|昨日|昨天|今天|今日|近日|日前|前日)"
    r"(上午|下午|晚上|晚|早上|中午|凌晨)?"
)
SKIP_CLAUSE_RE = re.compile(r"^(为|据|今年|当天|随着|距离|截至)")


def derive_title(article: ArticleDraft) -> str:
    """A title from the lead's main clause: skip 本报讯, dates, and purpose clauses (为…)."""
    text = LEAD_RE.sub("", article.lead or (article.captions[0] if article.captions else ""))
    clauses = split_clauses(text.strip())
    if clauses and clauses[0].startswith("为"):
        # "为迎接…,进一步…,近日,X组织…": the main clause follows the time word.
        times = [i for i, c in enumerate(clauses) if TIME_PREFIX_RE.fullmatch(c)]
        clauses = clauses[times[-1] + 1 :] if times else clauses[-1:]
    for clause in clauses:
        clause = TIME_PREFIX_RE.sub("", clause).strip()
        if cjk_len(clause) < 6 or SKIP_CLAUSE_RE.match(clause):
            continue
        if len(clause) > DERIVED_TITLE_MAX:
            return clause[:DERIVED_TITLE_MAX] + "…"
        return clause
    return clauses[0][:DERIVED_TITLE_MAX] if clauses else "（无标题）"


def parse_page(text: str) -> Page:
    """Split one page's OCR text into article drafts. Pure: no I/O, no database."""
    assembler = _Assembler()
    pending: list[Block] = []
    for block in split_blocks(text):
        if block.kind == "short":
            pending.append(block)
            continue
        handler = {
            "byline": assembler.on_byline,
            "lead": assembler.on_lead,
            "body": assembler.on_body,
        }[block.kind]
        handler(block, pending)
        pending = []
    assembler.finish(pending)
    return Page(
        text=text,
        articles=assembler.articles,
        banners=assembler.banners,
        warnings=assembler.warnings,
    )
