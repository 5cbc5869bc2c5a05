"""Column labels a daily sets above its articles: 短评, 言论, 简讯, 图片新闻 ….

A label is never a title: it names the column (the article's section) and its genre. A brief
label (简讯) opens a group in which every paragraph is an article of its own.
"""

from __future__ import annotations

import re

COMMENTARY, BRIEF, PHOTO, NOTICE = "commentary", "brief", "photo", "notice"
LABELS: dict[str, str] = {
    **dict.fromkeys(
        [
            "短评",
            "言论",
            "评论",
            "时评",
            "社论",
            "快评",
            "微评",
            "述评",
            "评论员文章",
            "一家言",
            "观点",
            "记者手记",
            "采访手记",
            "编后",
            "编后语",
            "编后记",
        ],
        COMMENTARY,
    ),
    **dict.fromkeys(
        [
            "简讯",
            "本地简讯",
            "要闻简报",
            "新闻简讯",
            "简报",
            "快讯",
            "新闻速递",
            "速递",
            "新闻快递",
            "一句话新闻",
            "短讯",
            "动态",
            "县域简讯",
            "信息快递",
            "综合简讯",
        ],
        BRIEF,
    ),
    **dict.fromkeys(["图片新闻", "图片报道", "图说", "看图", "新闻图片"], PHOTO),
    **dict.fromkeys(["分类广告", "广告", "公告栏", "声明公告", "信息公告"], NOTICE),
}
# A notice's own heading: 遗失声明, 注销公告, 寻人启事, 讣告, 关于…的公示.
NOTICE_TITLE_RE = re.compile(r"(声明|公告|启事|讣告|通告|公示)(（[^（）]{1,12}）)?$")
NOTICE_TITLE_MAX = 30  # characters; a longer headline that ends so is news about a notice
DECORATION_RE = re.compile(r"^[【\[〔■□▲◆●★☆\s]+|[】\]〕\s]+$")


def column_label(text: str) -> tuple[str, str] | None:
    """(label, genre) when the block is only a column's name, else None."""
    label = DECORATION_RE.sub("", text.strip())
    genre = LABELS.get(label)
    return (label, genre) if genre else None


def is_notice_title(title: str) -> bool:
    return len(title) <= NOTICE_TITLE_MAX and bool(NOTICE_TITLE_RE.search(title))


def is_editors_note(paragraph: str) -> bool:
    return DECORATION_RE.sub("", paragraph[:6]).startswith(("编者按", "编者的话"))
