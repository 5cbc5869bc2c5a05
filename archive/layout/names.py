"""Invented person names for bylines and page furniture, drawn from character lists.

Invented rather than taken from the corpus so the truth is known exactly and no real journalist's
name lands in a generated page. Two-character, three-character and compound-surname names all
occur, because the reader has to split each kind out of byline runs.
"""

from __future__ import annotations

import random

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方邹熊孟秦邱江尹薛闫段雷侯龙史黎贺顾毛郝龚邵"
)
COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "公孙", "慕容", "令狐", "尉迟")
GIVEN_CHARS = (
    "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华玉兰萍鹏辉建文斌宇浩凯健俊帆帅旭宁琳"
    "晨晓欣怡婷雪倩颖慧思源博睿泽瑞嘉子轩梓涵雨雯佳欢乐彬亮锋峰海波润达志群策湘蓉翔昊"
)


def invent_name(rng: random.Random) -> str:
    """One name: about half two-character, most of the rest three, a few compound surnames."""
    roll = rng.random()
    if roll < 0.08:
        return rng.choice(COMPOUND_SURNAMES) + "".join(rng.sample(GIVEN_CHARS, rng.randint(1, 2)))
    size = 1 if roll < 0.5 else 2
    return rng.choice(SURNAMES) + "".join(rng.sample(GIVEN_CHARS, size))


def invent_names(rng: random.Random, count: int) -> list[str]:
    """``count`` distinct names, so one article never credits the same person twice."""
    names: list[str] = []
    while len(names) < count:
        name = invent_name(rng)
        if name not in names:
            names.append(name)
    return names


def spaced(name: str) -> str:
    """Two-character names are often typeset with a space between the characters (陈 润)."""
    return f"{name[0]} {name[1]}" if len(name) == 2 else name
