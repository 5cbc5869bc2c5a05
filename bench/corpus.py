"""Import corpora for `bench importing`: N articles from the real news items, as JSON Lines
files and as OCR-like page texts, written in slices (folders imported one after another).

Article n is copy c = n // len(items) of item i = n % len(items): its date moved back
4 × (c % 10) years and c // 10 days (so 40 years are covered and every copy has its own date),
its title followed by "（c）" from the second copy on; no two articles share a fingerprint.
Generation streams (one page or one line at a time); only the 19,876 source items are held.
Corpora are cached under var/bench/importing/ and rebuilt when this file changes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import random
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from bench.common import CORPUS, cache_dir

JSONL_LINES = 50_000  # lines per JSON Lines file
PAGES_PER_FOLDER = 1_000  # page files per sub-folder (a million articles ≈ 200,000 pages)
SECTIONS = ["要闻", "综合", "国内", "国际", "经济", "社会", "文化", "体育"]
WEEKDAYS = "一二三四五六日"


@dataclass(frozen=True)
class Article:
    number: int  # 0-based position in the corpus
    title: str
    paragraphs: list[str]
    published: dt.date


def load_items(path: Path = CORPUS) -> list[tuple[str, list[str], dt.date]]:
    items = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            obj = json.loads(line)
            paragraphs = [p.strip() for p in obj.get("paragraphs") or [] if p.strip()]
            items.append((obj["title"].strip(), paragraphs, dt.date.fromisoformat(obj["date"])))
    return items


def shifted(day: dt.date, copy: int) -> dt.date:
    years = 4 * (copy % 10)
    try:
        moved = day.replace(year=day.year - years)
    except ValueError:  # 29 February of a year that is not a leap year
        moved = dt.date(day.year - years, 2, 28)
    return moved - dt.timedelta(days=copy // 10)


def articles(items, count: int) -> Iterator[Article]:
    for n in range(count):
        copy, i = divmod(n, len(items))
        title, paragraphs, day = items[i]
        yield Article(n, f"{title}（{copy}）" if copy else title, paragraphs, shifted(day, copy))


def slice_sizes(count: int, slices: int) -> list[int]:
    base, extra = divmod(count, slices)
    return [base + (1 if k < extra else 0) for k in range(slices) if base or k < extra]


# --- JSON Lines --------------------------------------------------------------------------------


def write_jsonl(stream: Iterator[Article], sizes: list[int], root: Path) -> None:
    for k, size in enumerate(sizes, start=1):
        folder = root / f"slice-{k}"
        folder.mkdir(parents=True)
        for part, start in enumerate(range(0, size, JSONL_LINES), start=1):
            with open(folder / f"part-{part:04d}.jsonl", "w", encoding="utf-8") as out:
                for _ in range(min(JSONL_LINES, size - start)):
                    a = next(stream)
                    row = {"title": a.title, "published": a.published.isoformat()}
                    if a.paragraphs:
                        row["body"] = "\n".join(a.paragraphs)
                    out.write(json.dumps(row, ensure_ascii=False) + "\n")


# --- pages -------------------------------------------------------------------------------------


def page_text(group: list[Article], page_number: int) -> str:
    day = group[0].published
    lines = [
        f"{day.year}年{day.month}月{day.day}日 星期{WEEKDAYS[day.weekday()]}",
        "",
        f"第{page_number}版：{SECTIONS[(page_number - 1) % len(SECTIONS)]}",
        "",
    ]
    for a in group:
        lines += [a.title, ""]
        for paragraph in a.paragraphs:
            lines += [paragraph, ""]
    return "\n".join(lines)


def pages(stream: Iterator[Article], sizes: list[int], rng: random.Random) -> Iterator:
    """(slice number, page text): 4–6 articles of one date a page, numbered 第1版, 第2版… a day.

    Title-only items (a video's headline) cannot stand alone on a page: they are left out,
    so a page corpus has a little fewer articles than asked (the table counts what was read).
    """
    day, page_number = None, 0
    for k, size in enumerate(sizes, start=1):
        group, wanted = [], rng.randint(4, 6)
        for _ in range(size):
            a = next(stream)
            if group and (a.published != group[0].published or len(group) == wanted):
                yield k, page_text(group, page_number)
                group, wanted = [], rng.randint(4, 6)
            if a.paragraphs:
                if not group:
                    page_number = page_number + 1 if a.published == day else 1
                    day = a.published
                group.append(a)
        if group:
            yield k, page_text(group, page_number)


def write_pages(stream: Iterator[Article], sizes: list[int], root: Path) -> None:
    for number, (k, text) in enumerate(pages(stream, sizes, random.Random(10))):
        folder = root / f"slice-{k}" / f"{number // PAGES_PER_FOLDER:04d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"page-{number:07d}.txt").write_text(text, encoding="utf-8")


# --- the cache ---------------------------------------------------------------------------------


def corpus_dir(fmt: str, count: int, slices: int, source: Path = CORPUS) -> Path:
    """The cached corpus (built on first use): slice-1/ … slice-K/ folders of files."""
    stamp = hashlib.sha1(Path(__file__).read_bytes())
    stamp.update(f"{source.resolve()} {source.stat().st_size} {source.stat().st_mtime}".encode())
    version = stamp.hexdigest()[:8]
    target = cache_dir("importing", "corpora") / f"{fmt}-{count}-{slices}-{version}"
    if target.exists():
        return target
    for stale in target.parent.glob(f"{fmt}-{count}-{slices}-*"):  # built by older code
        shutil.rmtree(stale)
    part = target.with_name(target.name + ".part")
    shutil.rmtree(part, ignore_errors=True)
    part.mkdir(parents=True)
    stream = articles(load_items(source), count)
    (write_jsonl if fmt == "jsonl" else write_pages)(stream, slice_sizes(count, slices), part)
    part.rename(target)
    return target
