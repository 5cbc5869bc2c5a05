"""Page furniture: header and footer (第X版 + section), the date line, the editors' line.

None of it is an article; the date line is the issue date.
"""

from __future__ import annotations

import datetime as dt
import random

from .names import invent_names

SECTIONS = ("要闻", "国内", "国际", "经济", "综合", "社会", "文化", "体育", "时政", "民生")
WEEKDAYS = "一二三四五六日"
PAPER = "衡阳日报"


def date_line(date: dt.date) -> str:
    return f"{date.year}年{date.month}月{date.day}日 星期{WEEKDAYS[date.weekday()]}"


def page_label(rng: random.Random, number: int, section: str) -> str:
    return rng.choice(
        (
            f"第{number}版 {section}",
            f"{section} 第{number}版",
            f"{PAPER} 第{number}版 {section}",
            f"第{number}版：{section}",
        )
    )


def editors_block(rng: random.Random) -> str:
    editor, designer, proofreader = invent_names(rng, 3)
    return rng.choice(
        (
            f"责任编辑：{editor} 版式：{designer} 校对：{proofreader}",
            f"责任编辑 {editor}  版式 {designer}  校对 {proofreader}",
            f"责任编辑：{editor}\n版式：{designer}\n校对：{proofreader}",
            f"责任编辑：{editor} 校对：{proofreader}",
        )
    )


def furniture(rng: random.Random, issue: dt.date, with_date: bool) -> tuple[list[str], list[str]]:
    """Blocks above the articles and blocks below them; at least one carries 第X版."""
    number, section = rng.randint(1, 12), rng.choice(SECTIONS)
    top: list[str] = []
    bottom: list[str] = []
    where = rng.random()
    header = where < 0.8
    footer = where >= 0.5
    if header:
        label = page_label(rng, number, section)
        if with_date and rng.random() < 0.3:
            top.append(f"{label} {date_line(issue)}")  # one line carrying both
            with_date = False
        else:
            top.append(label)
    if with_date:
        top.insert(rng.randint(0, len(top)), date_line(issue))
    if rng.random() < 0.85:
        (top if rng.random() < 0.3 else bottom).append(editors_block(rng))
    if footer:
        bottom.append(page_label(rng, number, section))
    return top, bottom
