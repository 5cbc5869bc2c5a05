"""Blocks in reading order → article drafts.

An article starts at a headline group, a byline, a lead with a dateline, an editor's note or a
brief in a 简讯 group. Body text attaches to the current article; a paragraph the column cut
continues in the next body block. A short block before body text is a headline when it reads
as a whole phrase and the previous paragraph was complete, and a caption or a piece of the
paragraph otherwise, so a misplaced column fragment never invents an article of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from archive.extraction.types import BylineName

from .bylines import COMMENTATORS, is_photo_byline, parse_byline
from .columns import (
    BRIEF,
    COMMENTARY,
    NOTICE,
    PHOTO,
    column_label,
    is_editors_note,
    is_notice_title,
)
from .derived import derive_title
from .drafts import ArticleDraft
from .headlines import (
    CAPTION_MAX,
    DECK_END_RE,
    NUMBERED_PICTURE_RE,
    PICTURE_NOTE_RE,
    POINTS_AT_PICTURE_RE,
    Headline,
    continues_sentence,
    is_banner,
    is_caption,
    is_kicker,
    is_subhead,
    looks_like_title,
    split_headline,
    word_across,
)
from .leads import continued, end_byline, read_dateline
from .strays import rehome_titles
from .text import cjk_len, is_terminated, join_broken

PHOTO_CAPTIONS_MAX = 2  # paragraphs under a picture; more is a story with a photo in it
BRIEF_MARK_RE = re.compile(r"^[■□▲◆●★☆]\s*")
# "■市图书馆开展读书月活动 本报讯 4月16日…": a brief's own title printed before its text.
INLINE_TITLE_RE = re.compile(r"^(?P<title>[^，,。；;：:！？!?\s]{4,30})\s+(?P<text>\S.*)$")


@dataclass
class Block:
    lines: list[str]
    kind: str  # byline | signature | lead | label | short | body
    gap: int = 1  # blank lines before it: wide gaps separate photos and columns

    @property
    def text(self) -> str:
        return "".join(self.lines) if self.kind != "byline" else "\n".join(self.lines)


class Assembler:
    def __init__(self) -> None:
        self.articles: list[ArticleDraft] = []
        self.current: ArticleDraft | None = None  # the text article body blocks attach to
        self.banners: list[str] = []
        self.warnings: list[str] = []
        self.open_paragraph = False  # last paragraph of current was cut by the OCR
        self.signed = False  # current ended with its reporters' names: it is complete
        self.signed_at: int | None = None  # current's paragraphs when it was last signed
        self.photo_above = False  # the last block closed a picture
        self.label: tuple[str, str] | None = None  # a column label waiting for its article
        self.brief_section = ""  # inside a 简讯 group: every paragraph is an article
        self.awaiting_headline: ArticleDraft | None = None  # opened by an editor's note
        self.loose_byline: tuple[list[BylineName], str] | None = None  # see settle()

    # -- articles and text ---------------------------------------------------------------

    def new_article(self, headline: Headline | None, *, genre: str = "") -> ArticleDraft:
        waiting = self.awaiting_headline
        self.awaiting_headline = None
        if waiting is not None and headline and waiting is self.current:
            # The editor's note stood above the headline of the article it introduces.
            self._set_headline(waiting, headline)
            return waiting
        article = ArticleDraft(position=len(self.articles) + 1, genre=genre)
        if self.label:
            article.section, label_genre = self.label
            article.genre = article.genre or label_genre
            self.label = None
        elif self.brief_section:
            article.section, article.genre = self.brief_section, article.genre or BRIEF
        if headline:
            self._set_headline(article, headline)
        self.articles.append(article)
        self.current = article
        self.open_paragraph = self.signed = False
        self.signed_at = None
        return article

    def _set_headline(self, article: ArticleDraft, headline: Headline) -> None:
        article.kicker, article.deck = headline.kicker, headline.deck
        article.title = PICTURE_NOTE_RE.sub("", headline.title) or headline.title
        if not article.genre and is_notice_title(article.title):
            article.genre = NOTICE
        self.banners.extend(headline.banners)

    def _headless(self) -> ArticleDraft:
        """Text above the page's first headline (a caption, a story continued from another
        page) is an article of its own, flagged: glued to the story below it, that story
        would carry a neighbour's text."""
        article = self.new_article(None)
        article.warnings.append("版面开头的文字没有标题，单独成篇，待核实")
        self.warnings.append("版面开头有没有标题的文字，已单独成篇")
        return article

    def add_text(self, text: str, *, new_paragraph: bool = False) -> None:
        self.photo_above = False
        text, to_page, from_page = continued(text)
        article = self.current or self._headless()
        article.continued_to = to_page or article.continued_to
        article.continued_from = from_page or article.continued_from
        if not text:
            return
        text, names = end_byline(text)
        if names:
            self._sign(article, names, captions=1 if text else 0)
        paragraphs = article.paragraphs
        if text and paragraphs and self.open_paragraph and not new_paragraph:
            paragraphs[-1] = join_broken(paragraphs[-1], text)
        elif text:
            paragraphs.append(text)
        # A paragraph cut by "（下转第X版）" goes on on another page, not in the next block.
        open_end = bool(paragraphs) and not is_terminated(paragraphs[-1])
        self.open_paragraph = open_end and not names and to_page is None
        self.signed = bool(names) or to_page is not None
        if names:
            self.signed_at = len(paragraphs)

    def add_body_lines(self, lines: list[str], *, new_paragraph: bool = False) -> None:
        for index, line in enumerate(lines):
            self.add_text(line, new_paragraph=new_paragraph and index == 0)

    # -- the block kinds ------------------------------------------------------------------

    def on_label(self, block: Block, pending: list[Block]) -> None:
        self._flush_pending_as_captions(pending)
        label = column_label(block.text)
        if label and label[1] == BRIEF:
            self.label, self.brief_section = None, label[0]
        else:
            self.label, self.brief_section = label, ""

    def on_signature(self, block: Block, pending: list[Block]) -> None:
        """ "（记者 X）" on a line of its own closes the article above."""
        names = end_byline(block.text)[1]
        credit = all(b.kind == "photographer" for b in names)
        inside = self.current is not None and self.open_paragraph
        if credit and pending and inside and not any(_is_running_text(b.text) for b in pending):
            # A photo set inside a paragraph the column cut: its caption, then its credit;
            # the paragraph goes on below.
            for b in pending:
                self._caption(self.current, b)
            self.current.add_bylines(names)
            return
        self._flush_pending_as_captions(pending)
        if credit:
            self._split_after_signature()
        current = self.current or self._headless()
        if credit and not self._is_photo_shaped(current):
            # "X 摄" under the last paragraph of a story: that paragraph is a photo's caption.
            self.on_photo_byline(names, [])
            return
        self._sign(current, names, captions=0)
        self.open_paragraph, self.signed = False, True
        self.signed_at = len(current.paragraphs)

    @staticmethod
    def _is_photo_shaped(article: ArticleDraft | None) -> bool:
        """A caption or two and no reporter: what a photographer's credit makes picture news.
        A story opened by a dateline (本报讯, 新华社…电) with more text is no caption."""
        if article is None or not article.paragraphs:
            return False
        reporters = any(b.kind != "photographer" for b in article.bylines)
        story = bool(article.agency) and len(article.paragraphs) > 1
        return not reporters and not story and len(article.paragraphs) <= PHOTO_CAPTIONS_MAX

    def _sign(self, article: ArticleDraft, names: list[BylineName], captions: int) -> None:
        """Names that close an article; a photographer's alone under a caption or two (with no
        reporter) make it picture news."""
        article.add_bylines(names)
        photo_only = all(b.kind == "photographer" for b in article.bylines)
        if photo_only and len(article.paragraphs) + captions <= PHOTO_CAPTIONS_MAX:
            article.is_photo, article.genre = True, article.genre or PHOTO

    def on_byline(self, block: Block, pending: list[Block]) -> None:
        names = parse_byline(block.text)
        if is_photo_byline(block.text):
            self.on_photo_byline(names, pending)
            return
        self.brief_section = ""
        first_word = block.text.strip().lstrip("■□▲◆●").split(" ")[0]
        roles = [first_word] + [b.role for b in names]
        commentator = next((r for r in roles if r in COMMENTATORS), "")
        current = self.current
        if not pending and current is not None and current.paragraphs:
            # Under a story with no headline of its own below: its signature, or the next
            # story's byline. What follows decides (settle).
            earlier, earlier_commentator = self.loose_byline or ([], "")
            self.loose_byline = (earlier + names, earlier_commentator or commentator)
            return
        if pending or current is None:
            current = self.new_article(self._headline(pending))
        self._byline_on(current, names, commentator)

    def _byline_on(self, article: ArticleDraft, names: list[BylineName], commentator: str) -> None:
        article.add_bylines(names)
        if commentator:
            article.genre = COMMENTARY
            if not names:  # "本报评论员" signs for the paper: the reader sees it as the column
                article.section = article.section or commentator

    def settle(self, pending: list[Block], following: Block | None) -> None:
        """A byline set between two stories starts the next one when text follows it directly,
        and signs the one above when a headline (or nothing) follows."""
        if self.loose_byline is None or self.current is None:
            return
        if following is not None and following.kind == "byline" and not pending:
            return  # the byline goes on over two blocks
        names, commentator = self.loose_byline
        self.loose_byline = None
        if pending or following is None or following.kind not in ("lead", "body"):
            self.current.add_bylines(names)
            self.open_paragraph, self.signed = False, True
            return
        self._byline_on(self.new_article(None), names, commentator)

    def on_photo_byline(self, names: list[BylineName], pending: list[Block]) -> None:
        if not pending:
            self._split_after_signature()
        if pending:  # a photo with its own headline; the caption follows
            interrupted = self.current if self.open_paragraph else None
            article = self.new_article(self._headline(pending), genre=PHOTO)
            if interrupted is not None:
                # Set inside a column the OCR cut: the text below continues the paragraph.
                self.current, self.open_paragraph = interrupted, True
        elif self._is_photo_shaped(self.current):  # its headline and caption stand above
            article = self.current
        else:  # the caption stands just above the photographer's name
            text_article = self.current
            caption = ""
            if text_article and text_article.paragraphs:
                caption = text_article.paragraphs.pop()
            article = self.new_article(None, genre=PHOTO)
            if caption:
                article.paragraphs.append(caption)
            if text_article and text_article.paragraphs:
                # Body text after a photo belongs to the article the photo interrupted.
                self.current = text_article
            else:
                self.current = article
        article.is_photo, article.genre = True, article.genre or PHOTO
        article.add_bylines(names)
        if article is self.current:
            self.signed_at = len(article.paragraphs)
        self.photo_above = True

    def _split_after_signature(self) -> None:
        """A photo credit under a caption or two set after an article that was already signed
        (by its reporters or its own photographer): those paragraphs are the next picture's."""
        article, at = self.current, self.signed_at
        if (
            article is None
            or at is None
            or not at < len(article.paragraphs) <= at + PHOTO_CAPTIONS_MAX
        ):
            return
        captions = article.paragraphs[at:]
        del article.paragraphs[at:]
        self.new_article(None, genre=PHOTO).paragraphs.extend(captions)

    def on_lead(self, block: Block, pending: list[Block]) -> None:
        if pending and all(_titled_photo(b.text) for b in pending):
            # "夏日荷塘 本报记者 X 摄" over a lead: pictures printed with title and credit on
            # one line, not the headline of the story below.
            for b in pending:
                title, names = end_byline(b.text)
                article = self.new_article(Headline(title=title), genre=PHOTO)
                article.is_photo = True
                article.add_bylines(names)
            pending = []
            self.current = None
        current = self.current
        waiting = self.awaiting_headline is not None and self.awaiting_headline is current
        if pending or current is None or (current.paragraphs and not waiting):
            if pending and self._is_strong(pending):
                self.brief_section = ""
            current = self.new_article(self._headline(pending))
        self.add_body_lines(block.lines, new_paragraph=True)
        self._read_dateline(current)

    @staticmethod
    def _read_dateline(article: ArticleDraft) -> None:
        """Agency, place and reporters from the dateline that opens the last paragraph."""
        dateline = read_dateline(article.paragraphs[-1]) if article.paragraphs else None
        if dateline:
            article.agency = article.agency or dateline.agency
            article.place = article.place or dateline.place
            article.add_bylines(list(dateline.bylines))

    def on_body(self, block: Block, pending: list[Block]) -> None:
        text = block.text
        if is_editors_note(text) and not self.open_paragraph:
            self.new_article(self._headline(pending))
            self.awaiting_headline = None if pending else self.current
            self.add_body_lines(block.lines, new_paragraph=True)
            return
        if pending:
            self._resolve_pending_before_body(pending, text)
        elif self.current and not self.open_paragraph and NUMBERED_PICTURE_RE.match(text):
            self._caption(self.current, block)
            return
        elif self._standalone_photo(text, wide_gap=block.gap > 1):
            self.new_article(None, genre=PHOTO).is_photo = True
        elif self.brief_section and not self.open_paragraph and not continues_sentence(text):
            if BRIEF_MARK_RE.match(text) or not self._titled_brief():
                self._new_brief(block)
                return
            # A second paragraph under a titled item: a story, and the 简讯 group has ended.
            self.brief_section = ""
            self.current.genre, self.current.section = "", ""
        self.add_body_lines(block.lines)

    def on_aside(self, block: Block, pending: list[Block]) -> None:
        """A line of its own set into the story above, closing a paragraph: a box's label
        (【相关链接】) or where the story came from (（来源：X）)."""
        self.on_body(block, pending)
        self.open_paragraph = False

    def _standalone_photo(self, text: str, wide_gap: bool) -> bool:
        """Picture news with no headline: a caption signed "X 摄" after a complete article."""
        if self.open_paragraph or self.current is None:
            return False
        if text.rstrip().endswith(("）", ")")) and not (
            self.signed or wide_gap or self.photo_above or self._reported_elsewhere(text)
        ):
            # "（X 摄）" signs the story it ends, unless that story was signed already, a
            # photo stands between them or the paragraph stands apart from it.
            return False
        _, names = end_byline(text)
        return bool(names) and all(n.kind == "photographer" for n in names)

    def _reported_elsewhere(self, text: str) -> bool:
        """The story named its reporters before its text (a byline, its dateline or lead), and
        this paragraph does not point at a picture of it (图为…): its photographer's credit is
        the next picture's."""
        article = self.current
        reporters = any(b.kind == "reporter" for b in article.bylines)
        return reporters and not POINTS_AT_PICTURE_RE.match(text)

    def _titled_brief(self) -> bool:
        article = self.current
        return article is not None and article.genre == BRIEF and bool(article.title)

    def _new_brief(self, block: Block) -> None:
        text = BRIEF_MARK_RE.sub("", block.text)
        match = INLINE_TITLE_RE.match(text)
        headline = None
        if match and looks_like_title(match.group("title")) and is_terminated(text):
            headline, text = Headline(title=match.group("title")), match.group("text")
        article = self.new_article(headline, genre=BRIEF)
        self.add_text(text, new_paragraph=True)
        self._read_dateline(article)  # "■本报讯（记者 X）…": a brief's own lead

    def _is_strong(self, pending: list[Block]) -> bool:
        headline_like = [b for b in pending if not is_banner(b.lines)]
        return (
            len(headline_like) >= 2
            or any(len(b.lines) > 1 for b in headline_like)
            or any(is_kicker(b.text) for b in headline_like)
        )

    def _awaits_text(self) -> bool:
        """The current article has its headline and its reporters, and no text yet."""
        article = self.current
        return (
            article is not None
            and bool(article.title)
            and not article.paragraphs
            and any(b.kind != "photographer" for b in article.bylines)
        )

    def _resolve_pending_before_body(self, pending: list[Block], following: str) -> None:
        headline_like = [b for b in pending if not is_banner(b.lines)]
        captions = [b for b in headline_like if is_caption(b.text)]
        if len(headline_like) == 1 and not captions and self._awaits_text():
            # Headline and byline printed, no text yet: a short block here is the text's first
            # line, cut off by the column (…23时44分发射神 / 舟二十一号…), not another headline.
            self.banners.extend(b.text for b in pending if b is not headline_like[0])
            self.add_text(headline_like[0].text, new_paragraph=True)
            return
        last = pending[-1]
        if word_across(last.text, following, strict=True) and not (
            is_banner(last.lines) or is_caption(last.text) or is_kicker(last.text)
        ):
            # The start of a paragraph the column cut inside a word (…察看小区改造和便 /
            # 民服务情况。): text the next block goes on with, not a headline.
            if len(pending) > 1:
                self._resolve_pending_before_body(pending[:-1], last.text)
            self.add_text(last.text, new_paragraph=True)
            return
        if self.current is not None and self.open_paragraph and not self._is_strong(pending):
            # Short blocks inside a broken paragraph are captions of photos set in the column.
            for b in pending:
                self._caption(self.current, b)
            return
        if not headline_like and not self.open_paragraph:
            # A paired slogan ("神州巨变 小康梦圆") right above text is that text's title.
            self.new_article(Headline(title=" ".join(pending[-1].lines)))
            self.banners.extend(b.text for b in pending[:-1])
            return
        heads, rest = self._headline_then_text(pending)
        if self._is_strong(pending) and not captions:
            # A headline group, maybe followed by the start of the text the column cut
            # (…至少9人死亡。以 / 军16日…): that is text, not a line of the headline; a deck
            # naming who presided may hold a sentence (…作专题讲座。张三出席).
            cut = bool(heads and rest) and not DECK_END_RE.search(rest[0].text)
            self.brief_section = ""
            self.new_article(self._headline(heads if cut else pending))
            self._flush_pending_as_captions(rest if cut else [])
            return
        title_over_text = (
            len(heads) == 1
            and looks_like_title(heads[0].text)
            and not self.open_paragraph
            and bool(rest)
            and _is_running_text(rest[0].text)
            and not continues_sentence(rest[0].text)
        )
        if heads and (self._is_strong(heads) or title_over_text):
            # A headline, then a photo's caption or the start of the text the column cut.
            self.brief_section = ""
            self.new_article(self._headline(heads))
            self._flush_pending_as_captions(rest)
            return
        if (
            len(headline_like) == 1
            and not captions
            and looks_like_title(headline_like[0].text)
            and not continues_sentence(following)
        ):
            self.new_article(self._headline(pending))  # a brief's own title inside a 简讯 group
            return
        self._flush_pending_as_captions(pending)

    @staticmethod
    def _headline_then_text(pending: list[Block]) -> tuple[list[Block], list[Block]]:
        """The blocks before the first caption or piece of running text, and the rest."""
        for index, b in enumerate(pending):
            if is_caption(b.text) or _is_running_text(b.text):
                return pending[:index], pending[index:]
        return pending, []

    def _flush_pending_as_captions(self, pending: list[Block]) -> None:
        for b in pending:
            text = b.text
            if is_banner(b.lines):
                self.banners.append(text)
            elif self.current is not None and (is_caption(text) or not _is_running_text(text)):
                self._caption(self.current, b)
            else:
                # A piece of a paragraph cut at the column's end: it continues below; a
                # subhead ("一、产业兴村") is a paragraph of its own, except as a brief's title.
                self.add_text(text, new_paragraph=True)
                if is_subhead(text) and not self.brief_section:
                    self.open_paragraph = False

    @staticmethod
    def _caption(article: ArticleDraft, block: Block) -> None:
        """A photo's caption inside a story; its credit ("（X 摄）", or "X 摄" on the caption's
        last line: 锦绣中国年 / 尹 强 摄) names a photographer."""
        text = block.text
        caption, names = end_byline(text)
        if not names and len(block.lines) > 1:
            rest, credit = end_byline(block.lines[-1])
            if credit and not rest:  # the credit on a line of its own
                caption, names = "".join(block.lines[:-1]), credit
        article.add_bylines([b for b in names if b.kind == "photographer"])
        article.captions.append(caption or text)

    def _headline(self, pending: list[Block]) -> Headline | None:
        if not pending:
            return None
        return split_headline([b.lines for b in pending])

    def finish(self, trailing: list[Block]) -> None:
        self.settle(trailing, None)
        for b in trailing:
            # Headline-like blocks at the very end with no text: keep them, flagged.
            if is_banner(b.lines):
                self.banners.append(b.text)
            elif self.current is not None:
                self._caption(self.current, b)
            else:
                self._headless().paragraphs.append(b.text)
        rehome_titles(self.articles)
        for article in self.articles:
            if not article.title:
                article.title = derive_title(article)
                article.title_is_derived = True


def _titled_photo(text: str) -> bool:
    """A short title with its photographer's credit on one line ("夏日荷塘 本报记者 X 摄")."""
    title, names = end_byline(text)
    photographers = bool(names) and all(b.kind == "photographer" for b in names)
    return photographers and looks_like_title(title)


def _is_running_text(text: str) -> bool:
    """A short block that reads as a piece of a paragraph: clause punctuation or too long for
    a caption, and not a whole headline phrase."""
    if looks_like_title(text) or is_kicker(text):
        return False
    return bool(re.search(r"[，,、；;]", text)) or cjk_len(text) > CAPTION_MAX
