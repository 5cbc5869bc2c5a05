"""Bylines: ■本报记者 X, ■本报记者 X 通讯员 Y, ■通讯员 X Y, ■X, ■通讯员 X 摄."""

from __future__ import annotations

import re

from archive.extraction.person_words import (
    compound_surnames,
    surnames,
    translit_chars,
    translit_dotted_chars,
)
from archive.extraction.types import BylineName

from .text import CJK, is_terminated

BYLINE_MARKS = "■□▲◆●"

# Role words as printed, longest first, with the kind of byline they introduce.
ROLE_WORDS: tuple[tuple[str, str], ...] = (
    ("新华社特约记者", "reporter"),
    ("新华社记者", "reporter"),
    ("中新社记者", "reporter"),
    ("人民日报记者", "reporter"),
    ("本报评论员", "reporter"),
    ("特约评论员", "reporter"),
    ("评论员", "reporter"),
    ("本报特约记者", "reporter"),
    ("本报见习记者", "reporter"),
    ("本报实习记者", "reporter"),
    ("本报记者", "reporter"),
    ("见习记者", "reporter"),
    ("特约记者", "reporter"),
    ("融媒体记者", "reporter"),
    ("全媒体记者", "reporter"),
    ("记者", "reporter"),
    ("本报通讯员", "correspondent"),
    ("特约通讯员", "correspondent"),
    ("通讯员", "correspondent"),
    ("实习生", "correspondent"),
    ("摄影记者", "photographer"),
    ("摄影", "photographer"),
    ("文/图", "reporter"),
)
# "文/X 图/Y", "文｜X": who wrote, who took the pictures; the role as the archive prints it.
SLASH_ROLES = {
    "文/": "作者",
    "文｜": "作者",
    "文|": "作者",
    "图/": "摄影",
    "图｜": "摄影",
    "图|": "摄影",
}
ROLE_WORDS += tuple(
    (word, "photographer" if printed == "摄影" else "reporter")
    for word, printed in SLASH_ROLES.items()
)
ROLE_RE = re.compile("|".join(re.escape(word) for word, _ in ROLE_WORDS))
ROLE_KIND = dict(ROLE_WORDS)
# Chinese names have 1–4 characters (a split name comes in pieces); transliterations use ·.
NAME_TOKEN_RE = re.compile(f"^(?:[{CJK}]{{1,4}}|[{CJK}]{{1,8}}(?:·[{CJK}]{{1,8}}){{1,3}})$")
NOT_A_NAME = frozenset(
    ["报道", "整理", "编译", "采写", "摄影", "供图", "图文", "综合", "发自", "新华社", "中新社"]
)
SIGNED_WITH_DASH_RE = re.compile(r"^[—－-]{1,2}\s*")  # "——记者 X" closing a story
COMMENTATORS = frozenset(("本报评论员", "特约评论员", "评论员"))
# "本报记者 X 文/图": X wrote the text and took the pictures; an article, not picture news.
TEXT_AND_PHOTO_RE = re.compile(r"\s*(文\s*[/／]\s*图|图\s*[/／]\s*文|图文)$")
PHOTO_SUFFIX_RE = re.compile(r"\s*(摄影?|供图|图)$")


BYLINE_MAX = 40  # characters; a ■ before a longer text marks a brief, not a signature


# The paper's own name before a role word: 衡阳日报全媒体记者 X, 湖南日报记者 X.
PAPER_PREFIX_RE = re.compile(f"[{CJK}]{{2,6}}?(日报|晚报|时报|商报|早报)社?")


def _without_paper(text: str) -> str:
    match = PAPER_PREFIX_RE.match(text)
    return text[match.end() :] if match and ROLE_RE.match(text, match.end()) else text


def is_byline(block_text: str) -> bool:
    """■本报记者 X, or a signature line that opens with a role word (新华社记者 X, 本报评论员),
    maybe after the paper's name."""
    text = _without_paper(SIGNED_WITH_DASH_RE.sub("", block_text.strip()))
    if len(text) > BYLINE_MAX or is_terminated(text):
        return False
    if not text.startswith(tuple(BYLINE_MARKS)):
        return bool(ROLE_RE.match(text)) and bool(parse_byline(text) or text in COMMENTATORS)
    if ROLE_RE.search(text):
        return True
    # "■陈路华" signs; "■美丽中国" is a brief's title.
    names = parse_byline(text)
    return bool(names) and all(name_shaped(b.name) for b in names)


def name_shaped(name: str) -> bool:
    """A name with no role word beside it must start with a surname, or be a transliteration
    (each part joined by · starting with a transliteration character: not ■二十四节气·芒种)."""
    if "·" in name:
        wide = translit_chars() + translit_dotted_chars()
        return all(part and part[0] in wide for part in name.split("·"))
    return name[0] in surnames() or any(name.startswith(s) for s in compound_surnames())


def is_photo_byline(block_text: str) -> bool:
    text = block_text.strip()
    return (
        is_byline(text)
        and not TEXT_AND_PHOTO_RE.search(text)
        and bool(PHOTO_SUFFIX_RE.search(text))
    )


def _merge_split_names(tokens: list[str]) -> list[str]:
    """OCR puts spaces inside names ("陈 润"): a one-character token is never a name alone.
    A surname after a whole two-character name, followed by one character, starts the next
    name ("付 亮 王 琳")."""
    names: list[str] = []
    for index, token in enumerate(tokens):
        following = tokens[index + 1] if index + 1 < len(tokens) else ""
        # "王" then "琳": a surname with its one-character given name, not the end of "付亮王".
        after_whole = bool(names) and len(names[-1]) >= 2 and len(following) == 1
        after_whole = after_whole and token in surnames()
        if (
            names
            and (len(names[-1]) == 1 or len(token) == 1)
            and len(names[-1]) + len(token) <= 3
            and not after_whole
        ):
            names[-1] += token
        else:
            names.append(token)
    return names


def parse_byline(block_text: str) -> list[BylineName]:
    """Names in a byline block with their kind; unknown tokens are ignored, never guessed."""
    text = SIGNED_WITH_DASH_RE.sub("", block_text.strip().lstrip(BYLINE_MARKS).strip())
    text = TEXT_AND_PHOTO_RE.sub("", _without_paper(text))
    photo = bool(PHOTO_SUFFIX_RE.search(text))
    text = PHOTO_SUFFIX_RE.sub("", text)
    result: list[BylineName] = []
    # Split into (role, names…) segments; a bare name with no role word is the author.
    pos = 0
    segments: list[tuple[str, str]] = []
    current_role = ""
    for match in ROLE_RE.finditer(text):
        segments.append((current_role, text[pos : match.start()]))
        current_role = match.group(0)
        pos = match.end()
    segments.append((current_role, text[pos:]))
    pictures = False  # "图/本报记者 X": the role word after 图/ took the pictures
    for role, chunk in segments:
        tokens = [t for t in re.split(r"[\s、,，/]+", chunk) if t]
        tokens = [t for t in tokens if NAME_TOKEN_RE.match(t) and t not in NOT_A_NAME]
        names = [name for name in _merge_split_names(tokens) if len(name) >= 2]
        if role in SLASH_ROLES:
            pictures = ROLE_KIND[role] == "photographer"
            if not names:
                continue
        for name in names:
            kind = ROLE_KIND.get(role, "reporter")
            printed = SLASH_ROLES.get(role, role) or "作者"
            if kind != "photographer" and (photo or pictures):
                kind, printed = "photographer", f"{printed}（摄影）" if role else "摄影"
            result.append(BylineName(name=name, kind=kind, role=printed))
        pictures = pictures and not names
    return result
