"""A page of OCR text → article drafts, in reading order.

Header and footer lines (第X版, the date line, 责任编辑…) are read into the page's masthead
first. The rest is a sequence of blank-line separated blocks, each a byline (■…), a lead with
a dateline (本报讯, 新华社…电), a column label (简讯, 短评), a short unterminated block
(headline, deck, caption or a broken-off fragment) or body text; the assembler groups them
into articles.
"""

from __future__ import annotations

import re
from collections import Counter

from archive.extraction.person_dict import char_tags

from .assembler import Assembler, Block
from .bylines import is_byline
from .columns import COMMENTARY, column_label
from .drafts import ArticleDraft, Page
from .furniture import Masthead, read_furniture
from .headlines import PAIRS, continues_title, is_banner, looks_like_title, word_across
from .leads import CONTINUED_RE, end_byline, is_lead
from .text import cjk_len, clean_line, is_terminated

__all__ = ["ArticleDraft", "Page", "parse_page", "split_blocks"]

SHORT_MAX = 64  # CJK characters; headlines and decks are shorter than this
EXCLAIMED_MAX = 16  # CJK characters of a headline that ends with ！ or ？
TITLE_MARKS = ("！", "？", "!", "?")
_NO_TITLE_END = {"p", "c", "uj", "ul", "uz", "ug", "ud"}  # jieba's tags of 同, 和, 的, 了, 着 …
EDGE_LINES = 3  # a bare section name or page number counts as a header only this near an edge
# A page is read one paragraph a line when at least this share of its lines that run on to the
# next line end a sentence, and at least PER_LINE_MIN do (generated such pages: 0.2–0.57; a
# short page, or one its footer lines cut into short runs, may have only two such lines).
PER_LINE_SHARE = 0.15
PER_LINE_MIN = 2
COLUMN_LINES_MIN = 6  # lines ending no sentence at one width (±2 half-width cells): a column
# An interview's turns (记者：…？ 答：…) are text however short, never a headline.
SPEAKER_RE = re.compile(r"(记者|问|答|主持人|嘉宾|[QA])\s*[：:]")
# A line set into the story above: a box's label (【相关链接】, 延伸阅读), whose text stays the
# story's, where the story came from (（来源：X）, （据新华社）) or who its author is
# (（作者单位：X）, （作者系X）).
ASIDE_RE = re.compile(
    r"[【\[〔]?(相关|新闻|背景|知识)?(链接|背景|延伸阅读|小贴士)[】\]〕]?"
    r"|[（(]?(稿件|信息)?来源[：:][^（）()]{1,30}[）)]?|[（(]据[^（）()]{1,30}[）)]"
    r"|[（(]作者[^（）()]{1,40}[）)]"
)


def split_blocks(text: str, masthead: Masthead | None = None) -> list[Block]:
    """Blank-line separated blocks; furniture lines go to ``masthead`` and separate blocks.

    Text exported one paragraph a line, with no blank line between paragraphs or articles,
    is read one block a line; column lines with none are regrouped into paragraphs first."""
    raw_lines = [clean_line(raw) for raw in text.split("\n")]
    filled = [i for i, line in enumerate(raw_lines) if line]
    edges = set(filled[:EDGE_LINES] + filled[-EDGE_LINES:])
    groups: list[tuple[list[str], int]] = []  # lines, blank lines before them
    gap = 0
    lines: list[str] = []
    for index, line in enumerate(raw_lines + [""]):
        if line and masthead is not None and read_furniture(line, masthead, edge=index in edges):
            line = ""
        if line:
            lines.append(line)
            continue
        if lines:
            groups.append((lines, gap))
            lines, gap = [], 0
        gap += 1
    column = _column_width([lines for lines, _ in groups])
    per_line = column is None and _paragraph_a_line([lines for lines, _ in groups])
    blocks: list[Block] = []
    for lines, gap in groups:
        if per_line:
            pieces = _title_lines(lines)
        elif column:
            pieces = [p for cut in _cut_at_leads(lines) for p in _paragraphs(cut, column)]
        else:
            pieces = _cut_at_leads(lines)
        blocks += [
            Block(lines=piece, kind=_classify(piece), gap=gap if i == 0 else 1)
            for i, piece in enumerate(pieces)
        ]
    return blocks


def _paragraph_a_line(groups: list[list[str]]) -> bool:
    """Lines end sentences too often to be a column's lines: OCR breaks a paragraph wherever
    the column ends, so its lines seldom end on 。 (none in the seed pages), while a text with
    one paragraph a line ends most of its lines so (all but headlines, bylines, labels)."""
    inner = [line for lines in groups for line in lines[:-1]]
    ended = sum(is_terminated(line) for line in inner)
    return ended >= PER_LINE_MIN and ended >= PER_LINE_SHARE * len(inner)


def _column_width(groups: list[list[str]]) -> int | None:
    """The printed width most lines that end no sentence run to, when there is one: a
    column's lines run to its width, an exported paragraph's or a headline's do not."""
    inner = [line for lines in groups for line in lines[:-1]]
    widths = Counter(_width(line) for line in inner if not is_terminated(line))
    best, most = 0, 0
    for w in widths:
        n = sum(widths[w + d] for d in range(-2, 3))
        if n > most:
            best, most = w, n
    if most < COLUMN_LINES_MIN or 2 * most < sum(widths.values()):
        return None
    return best


def _paragraphs(lines: list[str], column: int) -> list[list[str]]:
    """Column lines regrouped into paragraphs: a line that stops short of the column's width
    (or ends a sentence) ends one; a headline, shorter than the column, is one of its own."""
    pieces: list[list[str]] = [[]]
    for line in lines:
        pieces[-1].append(line)
        if _width(line) < column - 2 or is_terminated(line):
            pieces.append([])
    return [p for p in pieces if p]


def _width(line: str) -> int:
    """Printed width in half-width cells: Chinese characters and full-width marks take two."""
    return sum(2 if ord(char) >= 0x2E80 else 1 for char in line)


def _title_lines(lines: list[str]) -> list[list[str]]:
    """One piece a line, except a headline the export broke inside a word (国际旅游文化 /
    节开幕), or into two lines that read as one (_title_goes_on) with no other headline line
    above or below them (three are kicker, title and deck): its two lines stay one piece, as
    on a page with blank lines."""
    pieces: list[list[str]] = []
    for at, line in enumerate(lines):
        last = pieces[-1] if pieces else None
        if (
            last
            and len(last) == 1
            and (
                _word_across(last[0], line)
                or (_title_goes_on(last[0], line) and _two_alone(pieces, lines, at))
            )
        ):
            last.append(line)
        else:
            pieces.append([line])
    return pieces


def _two_alone(pieces: list[list[str]], lines: list[str], at: int) -> bool:
    """No headline line stands above the last piece nor below the line at ``at``."""
    above = len(pieces) > 1 and _headline_line(pieces[-2])
    below = at + 1 < len(lines) and _headline_line([lines[at + 1]])
    return not (above or below)


def _headline_line(piece: list[str]) -> bool:
    return _classify(piece) == "short" and looks_like_title("".join(piece))


def _title_goes_on(first: str, second: str) -> bool:
    """Two headline lines, the second carrying on the first (headlines.continues_title); a
    byline, lead or label line is a line of its own."""
    return _headline_line([first]) and _headline_line([second]) and continues_title(first, second)


def _word_across(first: str, second: str) -> bool:
    """Two headline-like lines with a quotation or book title left open by the first, a number
    cut in two, a first line ending on a preposition, conjunction or particle, or a
    dictionary word running across the break (headlines.word_across)."""
    if is_terminated(first) or is_terminated(second) or cjk_len(first + second) > SHORT_MAX:
        return False
    if any(first.count(a) > first.count(b) for a, b in PAIRS):
        return True
    if first[-1].isdigit() and second[0].isdigit():
        return True  # 韩正会见第7 / 8届联合国大会主席: a number cut in two
    if char_tags().get(first[-1]) in _NO_TITLE_END:
        return True  # 市长同 / 来访客商举行座谈: no headline ends on 同, 和, 的, 在 …
    return word_across(first, second)


def _cut_at_leads(lines: list[str]) -> list[list[str]]:
    """A lead line (新华社…电, 本报讯) starts a block of its own wherever it stands."""
    cuts = [i for i in range(1, len(lines)) if is_lead(lines[i])]
    bounds = [0, *cuts, len(lines)]
    return [lines[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]


def _classify(lines: list[str]) -> str:
    first = lines[0]
    joined = "".join(lines)
    if _is_signature(joined):
        return "signature"
    if len(lines) == 1 and column_label(first):
        return "label"  # ■简讯 names a column, not a reporter (简 is a family name)
    if is_byline(first):
        return "byline"
    if is_lead(first) or CONTINUED_RE.match(first):
        return "lead"
    if len(lines) == 1 and ASIDE_RE.fullmatch(first):
        return "aside"
    if SPEAKER_RE.match(first):
        return "body"
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
            "aside": assembler.on_aside,
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
