"""A title for an article that printed none, from its lead's main clause (marked as derived)."""

from __future__ import annotations

import re

from .drafts import ArticleDraft
from .leads import read_dateline
from .text import cjk_len

DERIVED_TITLE_MAX = 36
TIME_PREFIX_RE = re.compile(
    r"^(\d{1,4}年)?(\d{1,2}月\d{1,2}日(、\d{1,2}日)?|昨日|昨天|今天|今日|近日|日前|前日)"
    r"(上午|下午|晚上|晚|早上|中午|凌晨)?"
)
SKIP_CLAUSE_RE = re.compile(r"^(为|据|今年|当天|随着|距离|截至)")


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


def _without_dateline(text: str) -> str:
    dateline = read_dateline(text)
    return text[dateline.end :] if dateline else text


def derive_title(article: ArticleDraft) -> str:
    """A title from the lead's main clause: skip datelines, dates, and purpose clauses (为…)."""
    source = article.lead or (article.captions[0] if article.captions else "")
    clauses = split_clauses(_without_dateline(source.strip()).strip())
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
