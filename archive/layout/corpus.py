"""The raw material: news items (title + paragraphs, dated) and annotated sentences with persons.

Nothing here is copied into the repository; the files are read from ``../shared/corpus`` at run
time and tests build their items in code.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

# Broadcast transcripts open with the channel's own credit and tag titles with a column name; a
# newspaper prints neither, and leaving them would hand the reader an easy marker.
SOURCE_PREFIX_RE = re.compile(r"^\s*央视网消息（新闻联播）：\s*")
COLUMN_TAG_RE = re.compile(r"^【[^】]{1,12}】")
BUNDLE_MARK = "快讯"  # "国际联播快讯": unrelated items under one broadcast heading, not an article
TITLE_MAX = 30  # longer broadcast titles are summaries no paper would set as one headline
PARAGRAPHS_MAX = 4  # long items are trimmed to a few paragraphs, like a page-sized story
PARAGRAPH_MIN = 12  # shorter fragments are transcript debris ("主持人：")
SENTENCE_ENDS = ("。", "！", "？", "”", "…")  # unterminated lines are the transcript's sub-heads


@dataclass(frozen=True)
class NewsItem:
    id: str
    date: dt.date
    title: str
    paragraphs: tuple[str, ...]  # empty for title-only items (used as picture news and briefs)


@dataclass(frozen=True)
class AnnotatedSentence:
    text: str
    persons: tuple[str, ...]  # the PER entities, as annotated


def clean_item(raw: dict) -> NewsItem | None:
    """A corpus line as a news item, or None when it cannot be set as a headline."""
    title = COLUMN_TAG_RE.sub("", raw.get("title") or "").strip()
    if not title or len(title) > TITLE_MAX or BUNDLE_MARK in title:
        return None
    paragraphs = []
    for text in raw.get("paragraphs") or []:
        text = SOURCE_PREFIX_RE.sub("", text).strip()
        if len(text) >= PARAGRAPH_MIN and text.endswith(SENTENCE_ENDS):
            paragraphs.append(text)
    return NewsItem(
        id=str(raw["id"]),
        date=dt.date.fromisoformat(raw["date"]),
        title=title,
        paragraphs=tuple(paragraphs[:PARAGRAPHS_MAX]),
    )


def read_items(lines: Iterable[str]) -> list[NewsItem]:
    items = (clean_item(json.loads(line)) for line in lines if line.strip())
    return [item for item in items if item is not None]


def read_sentences(lines: Iterable[str]) -> list[AnnotatedSentence]:
    """Annotated sentences that name at least one person (MSRA ``PER``, CLUENER ``name``)."""
    sentences = []
    for line in lines:
        if not line.strip():
            continue
        raw = json.loads(line)
        persons = tuple(
            dict.fromkeys(
                e["entity"] for e in raw["entity_list"] if e["entity_type"] in ("PER", "name")
            )
        )
        if persons:
            sentences.append(AnnotatedSentence(text=raw["text"].strip(), persons=persons))
    return sentences


def load_items(path: Path) -> list[NewsItem]:
    with path.open(encoding="utf-8") as handle:
        return read_items(handle)


def load_sentences(path: Path) -> list[AnnotatedSentence]:
    with path.open(encoding="utf-8") as handle:
        return read_sentences(handle)
