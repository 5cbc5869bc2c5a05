"""A page of OCR text → article drafts, in reading order.

Header and footer lines (第X版, the date line, 责任编辑…) are read into the page's masthead
first. The rest is a sequence of blank-line separated blocks, each a byline (■…), a lead with
a dateline (本报讯, 新华社…电), a column label (简讯, 短评), a short unterminated block
(headline, deck, caption or a broken-off fragment) or body text; the assembler groups them
into articles.
"""

from __future__ import annotations

from .assembler import Assembler, Block
from .bylines import is_byline
from .columns import COMMENTARY, column_label
from .drafts import ArticleDraft, Page
from .furniture import Masthead, read_furniture
from .headlines import is_banner
from .leads import CONTINUED_RE, end_byline, is_lead
from .text import cjk_len, clean_line, is_terminated

__all__ = ["ArticleDraft", "Page", "parse_page", "split_blocks"]

SHORT_MAX = 64  # CJK characters; headlines and decks are shorter than this
EXCLAIMED_MAX = 16  # CJK characters of a headline that ends with ！ or ？
TITLE_MARKS = ("！", "？", "!", "?")
EDGE_LINES = 3  # a bare section name or page number counts as a header only this near an edge


def split_blocks(text: str, masthead: Masthead | None = None) -> list[Block]:
    """Blank-line separated blocks; furniture lines go to ``masthead`` and separate blocks."""
    raw_lines = [clean_line(raw) for raw in text.split("\n")]
    filled = [i for i, line in enumerate(raw_lines) if line]
    edges = set(filled[:EDGE_LINES] + filled[-EDGE_LINES:])
    blocks: list[Block] = []
    gap = 0
    lines: list[str] = []
    for index, line in enumerate(raw_lines + [""]):
        if line and masthead is not None and read_furniture(line, masthead, edge=index in edges):
            line = ""
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
    joined = "".join(lines)
    if _is_signature(joined):
        return "signature"
    if is_byline(first):
        return "byline"
    if is_lead(first) or CONTINUED_RE.match(first):
        return "lead"
    if len(lines) == 1 and column_label(first):
        return "label"
    if CONTINUED_RE.search(joined):
        return "body"  # "…（下转第2版）": the end of a story's text on this page
    if cjk_len(joined) <= SHORT_MAX and not is_terminated(end_byline(joined)[0]):
        return "short"
    if joined.endswith(TITLE_MARKS) and cjk_len(joined) <= EXCLAIMED_MAX and "。" not in joined:
        return "short"  # "奋楫再出发！": a headline may end with its own mark
    if joined.endswith((":", "：")) and cjk_len(joined) <= 20:
        return "short"  # "都司教育集团:" is the first half of a title, not a list intro
    if len(lines) > 1 and is_banner(lines):
        return "short"
    return "body"


def _is_signature(text: str) -> bool:
    """A block that is only "（记者 X）", "（X 摄）" or "X 摄": the ending of the article above."""
    rest, names = end_byline(text)
    return bool(names) and not rest.strip()


def parse_page(text: str) -> Page:
    """Split one page's OCR text into article drafts. Pure: no I/O, no database."""
    masthead = Masthead()
    assembler = Assembler()
    pending: list[Block] = []
    for block in split_blocks(text, masthead):
        if block.kind == "short":
            pending.append(block)
            continue
        handler = {
            "byline": assembler.on_byline,
            "lead": assembler.on_lead,
            "label": assembler.on_label,
            "signature": assembler.on_signature,
            "body": assembler.on_body,
        }[block.kind]
        assembler.settle(pending, block)
        handler(block, pending)
        pending = []
    assembler.finish(pending)
    if column_label(masthead.section) == (masthead.section, COMMENTARY):
        for article in assembler.articles:  # everything on a 评论 page is commentary
            article.genre = article.genre or COMMENTARY
    return Page(
        text=text,
        articles=assembler.articles,
        banners=assembler.banners,
        warnings=assembler.warnings,
        masthead=masthead,
    )
