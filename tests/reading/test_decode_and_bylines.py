import pytest

from archive.reading import PageDecodeError, decode_page
from archive.reading.bylines import is_byline, parse_byline


def test_utf8_bom_and_gb18030_are_read():
    text = "市委常委会召开会议\n\n本报讯 4月16日上午，会议召开。"
    assert decode_page(text.encode("utf-8"))[0] == text
    assert decode_page(b"\xef\xbb\xbf" + text.encode("utf-8")) == (text, "utf-8-sig")
    assert decode_page(text.encode("gb18030")) == (text, "gb18030")


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "空"),
        (b"   \n", "空"),
        (b"\x00\x01\x02abc", "二进制"),
        (bytes(range(128, 256)) * 8, "编码"),
    ],
)
def test_unreadable_input_says_why(data, reason):
    with pytest.raises(PageDecodeError, match=reason):
        decode_page(data)


@pytest.mark.parametrize(
    "line, expected",
    [
        ("■本报记者 陈 润", [("陈润", "reporter")]),
        ("■本报记者 雷昕\n通讯员 赵舒", [("雷昕", "reporter"), ("赵舒", "correspondent")]),
        ("■通讯员 赵诗 文雅婷", [("赵诗", "correspondent"), ("文雅婷", "correspondent")]),
        ("■通讯员 周亦至 摄", [("周亦至", "photographer")]),
        ("■陈路华", [("陈路华", "reporter")]),
        ("■本报记者 欧阳 明", [("欧阳明", "reporter")]),
        ("■通讯员 付 亮 王 琳", [("付亮", "correspondent"), ("王琳", "correspondent")]),
        ("■新华社记者 艾力·买买提", [("艾力·买买提", "reporter")]),
        # 文/图: the reporter wrote the text and took the pictures (文 is no part of the name)
        ("本报记者 李佳 文/图", [("李佳", "reporter")]),
        ("■记者 王强 图／文", [("王强", "reporter")]),
        # who wrote, who took the pictures; a signature after a dash; the paper's name first
        (
            "文/本报记者 张志远 图/本报记者 李卓然",
            [("张志远", "reporter"), ("李卓然", "photographer")],
        ),
        ("文｜陈晓", [("陈晓", "reporter")]),
        ("——记者 张志远", [("张志远", "reporter")]),
        ("衡阳日报全媒体记者 张志远", [("张志远", "reporter")]),
    ],
)
def test_bylines(line, expected):
    assert [(b.name, b.kind) for b in parse_byline(line)] == expected


def test_a_mark_before_a_name_signs_but_before_a_phrase_titles_a_brief():
    assert is_byline("文/张三 图/李四") and is_byline("——记者 张志远")
    assert not is_byline("图/新华社") and not is_byline("——沙伊双方在北京签署联合声明")
    assert is_byline("■陈路华") and is_byline("■通讯员 赵诗 文雅婷") and is_byline("本报评论员")
    assert not is_byline("■美丽中国")
    assert is_byline("■阿依古丽·买买提") and not is_byline("■二十四节气·芒种")  # · alone: no name
    assert not is_byline("■市图书馆开展读书月活动，吸引市民参加。")


def test_a_reporter_who_also_took_the_pictures_signs_an_article_not_picture_news():
    from archive.reading import parse_page

    page = parse_page(
        "市民健身中心项目主体完工\n\n本报记者 李佳 文/图\n\n"
        "近日，市民健身中心项目主体工程完工，预计年底投入使用。\n\n"
        "项目负责人介绍，目前正在进行内部装修和设备安装。"
    )
    (article,) = page.articles
    assert (article.title, article.is_photo) == ("市民健身中心项目主体完工", False)
    assert [(b.name, b.kind) for b in article.bylines] == [("李佳", "reporter")]
