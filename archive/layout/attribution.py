"""Who wrote it and where it came from: byline blocks, leads and datelines, closing bylines.

Lead dates are the issue date or the day before, as a daily's reports are.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from . import forms
from .furniture import PAPER
from .names import invent_names, spaced

TIMES_OF_DAY = ("", "", "上午", "下午", "晚")
WIRE_PLACES = (
    "北京",
    "上海",
    "长沙",
    "武汉",
    "广州",
    "成都",
    "日内瓦",
    "华盛顿",
    "莫斯科",
    "布鲁塞尔",
)
LOCAL_PLACES = ("长沙", "北京", "衡南", "湘潭", "祁东", "耒阳", "常宁", "衡山", "南岳")
DATED_XUN_SHARE = 0.2  # 本报讯 leads printed 本报X地X月X日讯
END_MARK_SHARE = 0.2  # wire stories ending in （完）
DASHED_SHARE = 0.25  # closing signatures set on a line of their own after a dash


@dataclass
class Attribution:
    form: str
    block: str = ""  # a byline block printed before the lead
    lead: str = ""  # prefixed to the first paragraph
    closing: str = ""  # appended to the last paragraph
    names: list[str] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)  # printed text holding every name above


def lead_day(rng: random.Random, issue: dt.date) -> str:
    day = issue - dt.timedelta(days=rng.choice((0, 1, 1)))
    return f"{day.month}月{day.day}日"


def _name(rng: random.Random, name: str) -> str:
    return spaced(name) if rng.random() < 0.4 else name


def byline_block(rng: random.Random) -> Attribution:
    reporter, other = invent_names(rng, 2)
    block = rng.choice(
        (
            (f"■本报记者 {_name(rng, reporter)}", [reporter]),
            (f"■本报记者 {_name(rng, reporter)} 通讯员 {_name(rng, other)}", [reporter, other]),
            (f"■通讯员 {_name(rng, reporter)} {_name(rng, other)}", [reporter, other]),
            (f"■本报记者 {_name(rng, reporter)} {_name(rng, other)}", [reporter, other]),
            # forms other dailies print: the paper's name first, who wrote and who shot
            (f"{PAPER}全媒体记者 {_name(rng, reporter)}", [reporter]),
            (f"文/本报记者 {reporter} 图/本报记者 {other}", [reporter, other]),
            (f"文｜{reporter}", [reporter]),
        )
    )
    text, names = block
    return Attribution(form=forms.BYLINE_BLOCK, block=text, names=names, regions=[text])


def local_lead(rng: random.Random, issue: dt.date, credited: bool = True) -> Attribution:
    """本报讯, with the reporters in brackets when no byline block above names them."""
    reporter, other = invent_names(rng, 2)
    when = lead_day(rng, issue) + rng.choice(TIMES_OF_DAY)
    credit, names = rng.choice(
        (
            ("", []),
            (f"（记者 {reporter} 通讯员 {other}）", [reporter, other]),
            (f"（记者{reporter} 通讯员{other}）", [reporter, other]),
            (f"（记者 {reporter}）", [reporter]),
            (f"（通讯员 {reporter}）", [reporter]),
        )
        if credited
        else (("", []),)
    )
    space = " " if not credit else ""
    if rng.random() < DATED_XUN_SHARE:  # 本报衡南6月7日讯: the place and date before 讯
        place, day = rng.choice(LOCAL_PLACES), lead_day(rng, issue)
        return _lead(forms.LOCAL_LEAD, f"本报{place}{day}讯{credit}{space}", credit, names)
    return _lead(forms.LOCAL_LEAD, f"本报讯{credit}{space}{when}，", credit, names)


def wire_lead(rng: random.Random, issue: dt.date) -> Attribution:
    reporter, other = invent_names(rng, 2)
    place, day = rng.choice(WIRE_PLACES), lead_day(rng, issue)
    lead, credit, names = rng.choice(
        (
            (f"新华社{place}{day}电（记者{reporter}）", f"（记者{reporter}）", [reporter]),
            (
                f"新华社{place}{day}电（记者{reporter}、{other}）",
                f"（记者{reporter}、{other}）",
                [reporter, other],
            ),
            (f"新华社{place}{day}电 ", "", []),
            (f"据新华社{place}{day}电 ", "", []),
            ("据新华社电 ", "", []),
            (f"中新社{place}{day}电（记者 {reporter}）", f"（记者 {reporter}）", [reporter]),
            (f"中新社{place}{day}电 ", "", []),
        )
    )
    wire = _lead(forms.WIRE, lead, credit, names)
    if rng.random() < END_MARK_SHARE:
        wire.closing = "（完）"  # the end of a wire story, as some papers keep it
    return wire


def dispatch_lead(rng: random.Random, issue: dt.date) -> Attribution:
    reporter, other = invent_names(rng, 2)
    place, day = rng.choice(LOCAL_PLACES), lead_day(rng, issue)
    lead, credit = rng.choice(
        (
            (f"本报{place}{day}电（记者{reporter}）", f"（记者{reporter}）"),
            (f"本报{place}{day}电 记者{reporter}报道：", f"记者{reporter}报道"),
            (f"本报{place}{day}专电（记者 {reporter}）", f"（记者 {reporter}）"),
            (f"本报专电（记者{reporter}）{day}，", f"（记者{reporter}）"),
            (
                f"本报记者{reporter} 通讯员{other}报道：",
                f"本报记者{reporter} 通讯员{other}报道",
            ),
        )
    )
    names = [reporter, other] if other in credit else [reporter]
    return _lead(forms.DISPATCH, lead, credit, names)


def _lead(form: str, lead: str, credit: str, names: list[str]) -> Attribution:
    return Attribution(form=form, lead=lead, names=names, regions=[credit] if credit else [])


def closing_byline(rng: random.Random) -> Attribution:
    name = invent_names(rng, 1)[0]
    closing = rng.choice((f"（记者 {name}）", f"（{name}）", f"（{name} 摄）", f"（记者{name}）"))
    if rng.random() < DASHED_SHARE:
        closing = f"\n\n——记者 {name}"  # a signature of its own after a dash
    return Attribution(
        form=forms.END_BYLINE, closing=closing, names=[name], regions=[closing.strip()]
    )


def commentary_byline(rng: random.Random) -> Attribution:
    """本报评论员 names nobody; 特约评论员 and 言论 authors are named."""
    name = _name(rng, invent_names(rng, 1)[0])
    block = rng.choice(("本报评论员", "■本报评论员", f"■特约评论员 {name}", f"□{name}"))
    named = [name.replace(" ", "")] if name in block else []
    return Attribution(
        form=forms.COMMENTARY, block=block, names=named, regions=[block] if named else []
    )
