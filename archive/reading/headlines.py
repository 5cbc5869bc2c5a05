"""Headline blocks: kicker (引题), title, deck (副题), and column banners that are not articles."""

from __future__ import annotations

import re
from dataclasses import dataclass

from archive.extraction.person_dict import WORD_LONGEST, char_tags, verb_words, word_codes

from .text import CJK, cjk_len, words

KICKER_END = ("——", "—", "--", "－－")
# A deck often ends by naming who presided or attended: "张三主持", "X出席并致辞", "X主持会议".
DECK_END_RE = re.compile(
    r"(主持|出席|参加|致辞|讲话|强调|指出|调研|出席并致辞|出席并讲话)(会议|仪式|活动|座谈会)?$"
)
BANNER_LINE_RE = re.compile(f"^[{CJK}]{{2,8}}(?: [{CJK}]{{2,8}}){{0,3}}$")
DECK_START = ("——", "—", "--")
MARKS = "■□▲◆●★☆ "  # set before a brief's title: not part of it
PHRASE_MIN, PHRASE_MAX = 4, 16  # CJK characters of each phrase of a paired title
CONTEXT_START_RE = re.compile(
    r"^(应|在|为了|为|随着|据|记者|截至|值此|围绕|聚焦|面对|针对|按照|根据|历经|经过|通过)"
)
CONTEXT_END_RE = re.compile(r"(之际|期间|以来|前夕|邀请|了解到|获悉|背景下|之下)$")
# Two headline lines sharing this many words (text.words), and this share of the shorter
# line's, are two lines of a stack, one restating the other; a title broken over two lines
# does not repeat itself much (…三次会议主席团 / 常务主席第三次会议举行 share four words of
# ten; parallel halves, 国内十大新闻 / 国际十大新闻, three).
RESTATED_MIN = 4
RESTATED_SHARE = 0.5
CONDENSED_SHARE = 0.8  # of a line's words found in a longer line: it is that line condensed
# A line of this many characters with no verb names what the next line tells of.
SUBJECT_MIN = 6
# jieba's tags of the words no headline line opens on (和, 并, 的, 了, 等 …) and the prepositions
# that take a companion (同, 与): a line opening on one carries on the line above.
_NO_OPENING_TAGS = {"c", "u", "uj", "ul", "uz", "ug", "ud"}
_COMPANIONS = set("同与跟")


@dataclass
class Headline:
    kicker: str = ""
    title: str = ""
    deck: str = ""
    banners: tuple[str, ...] = ()


def is_banner(lines: list[str]) -> bool:
    """Column banners and slogans: short parallel lines ("决胜全面小康/决战脱贫攻坚")."""
    if not all(BANNER_LINE_RE.match(line) for line in lines):
        return False
    parts = [p for line in lines for p in line.split(" ")]
    if len(parts) < 2:
        return False
    # Parallel phrases have the same length; a title broken over lines rarely does.
    return len({len(p) for p in parts}) == 1


def is_kicker(text: str) -> bool:
    return text.rstrip().endswith(KICKER_END)


def _title_continues(title: str, nxt: str, deck_below: bool) -> bool:
    """A title the layout split into two short blocks ("以最开放的姿态" / "推进…建设")."""
    if title.endswith((":", "：")):
        return True
    if not deck_below:
        return False
    no_punct = not re.search(r"[，,。；;、]", title + nxt)
    return no_punct and cjk_len(title) <= 9 and cjk_len(nxt) <= 16 and not DECK_END_RE.search(nxt)


def is_paired_title(text: str) -> bool:
    """Two or three phrases set apart by spaces ("集中交办 排查安全隐患"): a main title's shape."""
    phrases = text.split(" ")
    if not 2 <= len(phrases) <= 3 or re.search(r"[，,。；;！？!?]", text):
        return False
    return all(PHRASE_MIN <= cjk_len(p) <= PHRASE_MAX for p in phrases)


def _paired(text: str) -> bool:
    """A paired title, or parallel phrases that would be a banner above a headline."""
    return is_paired_title(text) or is_banner([text])


def opens_deck(above: str, line: str) -> bool:
    """The line opens a deck (——…), unless its one dash carries on a name the line above
    broke off (第22届中国 / —东盟博览会)."""
    inside_name = line.startswith("—") and not line.startswith("——") and above[-1:].isalnum()
    return line.startswith(DECK_START) and not inside_name


def restates(first: str, second: str) -> bool:
    """国家副主席韩正在北京会见英国财政大臣里夫斯 / 韩正会见英国财政大臣: kicker and title."""
    said = [words(first), words(second)]
    shared = len(said[0] & said[1])
    return shared >= RESTATED_MIN and shared >= RESTATED_SHARE * min(map(len, said))


def _condensed(short: str, long: str) -> bool:
    """``short`` says in fewer words what ``long`` says (李明远会见德国汉堡经贸代表团 under
    市长李明远在市政府会见德国汉堡经贸代表团一行): a headline is the short form, the long one
    its kicker or deck."""
    said = words(short)
    return cjk_len(short) < cjk_len(long) and len(said & words(long)) >= CONDENSED_SHARE * len(said)


def word_across(first: str, second: str, *, strict: bool = False) -> bool:
    """A dictionary word runs across the break between two pieces of text: one of three or
    four characters (我市第十届国际旅游文化 / 节开幕), or one of two where neither piece's edge
    makes a common word of its own (北河村的乡 / 村振兴之路; 察看小区改造和便 / 民服务情况: 便民;
    中国 / 人民 meet by chance: 国人 is a word, but so is 中国). ``strict``: one of three or
    four characters counts only when neither piece is a word itself, for a line over running
    text, where a headline's last word and the text's first character meet by chance (…论坛主席
    / 国务院总理: 主席国)."""
    if len(first) < 2 or len(second) < 2:
        return False
    words = word_codes()
    edges_rare = words.get(first[-2:], "x0")[1] == "0" and words.get(second[:2], "x0")[1] == "0"
    if first[-1] + second[0] in words and edges_rare:
        return True
    return any(
        first[-k:] + second[: size - k] in words
        and not (strict and (first[-k:] in words or second[: size - k] in words))
        for size in range(3, WORD_LONGEST + 1)
        for k in range(1, size)
        if k <= len(first) and size - k <= len(second)
    )


def continues_title(first: str, second: str) -> bool:
    """Two headline lines set with no blank line between them are one title when the second
    opens on a word no headline opens on (也门政府欢迎沙特 / 同胡塞武装举行和谈, 中国 / —东盟),
    or the first names a subject and no verb (杭州亚运会开幕式 / 完成第一次正式彩排)."""
    if restates(first, second) or opens_deck(first, second):
        return False
    head = second[0]
    if head == "—":
        return True  # a dash inside a name (中国—东盟)
    if _opening_word(second) is None and (
        char_tags().get(head) in _NO_OPENING_TAGS or head in _COMPANIONS
    ):
        return True
    return cjk_len(first) >= SUBJECT_MIN and not _has_verb(first)


def _opening_word(text: str) -> str | None:
    """The dictionary word of two to four characters ``text`` opens on (和平, 同心), if any."""
    codes = word_codes()
    return next((text[:n] for n in range(WORD_LONGEST, 1, -1) if text[:n] in codes), None)


def _has_verb(text: str) -> bool:
    """A verb among the words of ``text`` read longest first from the left (杭州|亚运会|开幕式
    has none: 开幕 is not one of its words), or opening a set phrase of four, which jieba
    lists as words of their own (举行|会谈)."""
    verbs, tags, at = verb_words(), char_tags(), 0
    while at < len(text):
        word = _opening_word(text[at:])
        if word is None:
            if tags.get(text[at], "")[:1] == "v":
                return True  # 是, 出
            at += 1
        elif word in verbs or len(word) == WORD_LONGEST and word[:2] in verbs:
            return True
        else:
            at += len(word)
    return False


def is_context(text: str) -> bool:
    """A kicker that sets the scene ("应…邀请", "在…之际", "记者从…获悉") rather than tells news."""
    return bool(CONTEXT_START_RE.match(text) or CONTEXT_END_RE.search(text))


def _entries(blocks: list[list[str]]) -> tuple[list[str], list[str]]:
    """Headline lines to weigh, and column banners. A block's lines form one line unless a
    dash, a paired title, a scene-setting ending ("…之际", "…了解到") or a line restating the
    one above marks where a kicker ends or a deck begins. One line of parallel phrases below a headline line is its paired
    title ("以国家战略需求为导向" / "装备制造不断突破 筑牢实体经济根基"); a block of several
    such lines is a column banner wherever it stands ("学党史 悟思想" / "办实事 开新局")."""
    entries: list[str] = []
    banners: list[str] = []
    for lines in blocks:
        if is_banner(lines) and (len(lines) > 1 or not entries):
            banners.append(" ".join(lines))
            continue
        lines = [line.lstrip(MARKS) for line in lines]
        if len(lines) >= 3 and all(looks_like_title(line) for line in lines):
            entries.extend(lines)  # kicker, title and deck set without blank lines between
            continue
        current = lines[0]
        for line in lines[1:]:
            cut = is_kicker(current) or opens_deck(current, line)
            cut = cut or bool(CONTEXT_END_RE.search(current))
            cut = cut or is_paired_title(line) != is_paired_title(current)
            cut = cut or restates(current, line)
            if cut and cjk_len(current) >= PHRASE_MIN:
                entries.append(current)
                current = line
            else:
                current += line
        entries.append(current)
    return entries, banners


def split_headline(blocks: list[list[str]]) -> Headline:
    """Blocks (each a list of lines) above an article → kicker, title, deck, banners.

    The title is the paired phrase ("A B") when one line has that shape, the line after a
    kicker that ends with —— or sets the scene, the middle one of three lines (kicker, title,
    deck), otherwise the first line; a line starting with —— or naming who presided (X主持)
    is deck.
    """
    entries, banners = _entries(blocks)
    if banners and all(e.startswith(DECK_START) for e in entries):
        # Only parallel phrases above the text or a deck: the nearest is the title
        # ("知行合一 务求实效", "薪火相传 秦腔不老" / "——焕发新生的…").
        title = banners.pop()
        return Headline(title=title, deck="\n".join(entries), banners=tuple(banners))
    headline = Headline(banners=tuple(banners))
    if not entries:
        return headline
    decks = [e for e in entries[1:] if e.startswith(DECK_START)]
    dashed = bool(decks)
    rest = [e for e in entries if e not in decks]
    deck_tail = False
    # "X主持" closes a deck, never starts a title; but the line a kicker's dash points to is
    # the title whatever it ends with (…出席座谈会—— / …座谈会在京举行 X出席).
    while len(rest) > 1 and DECK_END_RE.search(rest[-1]) and not is_kicker(rest[-2]):
        decks.insert(0, rest.pop())
        deck_tail = True
    # Above a deck that names who presided, the lines below the first are deck too.
    paired = not deck_tail and len(rest) > 1 and _paired(rest[1])
    if len(rest) > 1 and (
        is_kicker(rest[0])
        or cjk_len(rest[0]) < TITLE_MIN  # 对话, 聚焦: a column's word over the title
        or (paired and not _paired(rest[0]))
        or (is_context(rest[0]) and not is_context(rest[1]))
        or _condensed(rest[1], rest[0])
        # who presided, over the line that says what they presided over
        or (bool(DECK_END_RE.search(rest[0])) and not DECK_END_RE.search(rest[1]))
        # three lines of a stack, the last maybe a "——" deck: kicker, title, deck
        or (len(rest) + dashed >= 3 and not deck_tail)
    ):
        headline.kicker = rest.pop(0)
    if rest:
        title = rest.pop(0)
        # Two short lines are one title set over two blocks only above a deck that is sure
        # ("——…", "X主持"); alone they are kicker and title.
        while rest and _title_continues(title, rest[0], bool(decks)):
            title += rest.pop(0)
        headline.title = title
        decks = rest + decks
    elif headline.kicker:
        # Only a kicker survived: it is the best title we have.
        headline.title, headline.kicker = headline.kicker, ""
    headline.deck = "\n".join(decks)
    return headline


# A line broken off by the column ends on a word that cannot end a headline, or starts on one
# that cannot start it; a headline is a whole phrase.
CUT_ENDINGS = tuple(
    "的地得和与及在是对把将为被从向以并而或让使给于之所其这那各每更都也还又就，,、；;"
)
# 地 after a word that counts places is the noun "places", not the particle (影响南方多地, 全国各地).
PLACES_WORD_RE = re.compile(r"[多各两本外异当全此该几]地$")
# Only punctuation (and 的) is sure to start inside a sentence: 地处, 和平, 其中 start sentences.
CUT_STARTS = tuple("，,。、；;：:）)」』”的")
_POINTER = r"^(图为|上图|下图|左图|右图|▲|△|图：|图:)"  # a caption pointing at its picture
POINTS_AT_PICTURE_RE = re.compile(_POINTER)
# A headline's note that a photo goes with the story: （图）, （附图片1张）; no words of the title.
PICTURE_NOTE_RE = re.compile(
    r"\s*[（(](?:图|附图|组图|附图片\s*[\d０-９一二三四五六七八九十]*\s*张?)[）)]$"
)
# "图①：…", "图2：…": one of a story's numbered photos, a caption even as a full sentence.
NUMBERED_PICTURE_RE = re.compile(r"图\s*[①-⑳\d一二三四五六七八九十]{1,2}\s*[：:]")
CAPTION_RE = re.compile(r"(摄影?|供图|图片)[）)]?$|(（图）|\(图\))$|" + _POINTER)
SUBHEAD_RE = re.compile(
    r"^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．]|第[一二三四五六七八九十]+[，,、])"
)
TITLE_MIN, TITLE_MAX = 4, 40  # CJK characters
# Longer than this, a short block with clause punctuation is a paragraph the column cut, not a
# headline of two phrases ("稳就业，保民生"); the same length bounds an unpunctuated caption.
CAPTION_MAX = 24
PAIRS = ("“”", "《》", "（）", "「」")


def is_caption(text: str) -> bool:
    return bool(CAPTION_RE.search(text.strip()))


def is_subhead(text: str) -> bool:
    """ "一、…", "（二）…": a heading inside an article, never a new article."""
    return bool(SUBHEAD_RE.match(text.strip()))


def _ends_on_verb(text: str) -> bool:
    """The last character ends a verb that needs no object (积极应对, 广泛参与, 坚决反对),
    not a preposition or conjunction left hanging; verbs in 为 (认为, 成为) take one."""
    return text[-1] != "为" and word_codes().get(text[-2:], "x")[0] == "v"


def looks_like_title(text: str) -> bool:
    """A whole headline phrase, not the broken-off piece of a paragraph."""
    text = text.strip()
    if not TITLE_MIN <= cjk_len(text) <= TITLE_MAX or is_caption(text) or is_subhead(text):
        return False
    ends_whole = _ends_on_verb(text) or bool(PLACES_WORD_RE.search(text))
    if text.startswith(CUT_STARTS) or (text.endswith(CUT_ENDINGS) and not ends_whole):
        return False
    if re.search(r"[。；;]", text):
        return False  # a sentence ended inside it: running text the column cut
    if any(text.count(a) != text.count(b) for a, b in PAIRS):
        return False  # a quotation the column cut in half
    # A title may pair two phrases with a comma; a fragment's clauses are cut anywhere. A 、
    # lists words within a clause (访问葡萄牙、西班牙、希腊): each a word of two or more.
    clauses = [c for c in re.split(r"[，,；;]", text) if c.strip()]
    if re.search(r"[，,、；;]", text) and cjk_len(text) > CAPTION_MAX:
        return False
    items = [i for c in clauses for i in c.split("、")]
    return (
        all(cjk_len(c) >= 3 for c in clauses)
        and len(clauses) <= 3
        and min(map(cjk_len, items)) >= 2
    )


def continues_sentence(text: str) -> bool:
    """The block starts inside a sentence: the rest of a paragraph cut by the column."""
    return text.lstrip().startswith(CUT_STARTS)
