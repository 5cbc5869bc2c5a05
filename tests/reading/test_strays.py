"""A story's headline the OCR read after its text goes back to that story."""

import pytest

from archive.reading import parse_page

DISPATCH = (
    "新华社北京6月7日电 （记者 王一鸣）国家统计局7日发布数据显示，5月份全国居民消费价格"
    "同比上涨0.2%。\n\n据介绍，5月份，食品价格同比下降1.0%。"
)
STORY = (
    "■ 本报记者 何平\n\n走进珠晖区某电商产业园，直播间里主播正在推介本地农产品。\n\n"
    "“通过直播，我们的产品卖到了全国各地。”负责人说。"
)


def test_a_title_read_after_its_story_goes_back_to_it():
    page = parse_page(f"{DISPATCH}\n\n5月份全国CPI同比上涨0.2%\n\n农产品电商助农增收\n\n{STORY}")
    assert [(a.kicker, a.title, a.deck, a.title_is_derived) for a in page.articles] == [
        ("", "5月份全国CPI同比上涨0.2%", "", False),
        ("", "农产品电商助农增收", "", False),
    ]


PRICES = "■ 本报记者 何平\n\n5月份，我市居民消费价格同比上涨0.5%，其中食品价格同比下降0.8%。"


@pytest.mark.parametrize(
    "top, title, story",
    [
        # about the story under it, not the one above
        ("直播带货让农产品走向全国", "农产品电商助农增收", STORY),
        # as near to the story under it as to the one above
        ("5月份居民消费价格同比上涨", "我市物价总体平稳", PRICES),
    ],
)
def test_a_kicker_that_may_be_the_lower_storys_stays_there(top, title, story):
    above, below = parse_page(f"{DISPATCH}\n\n{top}\n\n{title}\n\n{story}").articles
    assert above.title_is_derived
    assert {top, title} <= {below.kicker, below.title, below.deck}


def test_the_stack_left_under_a_title_sent_back_is_read_again():
    """Title sent back, the lines left are kicker (ending ——), title and deck."""
    page = parse_page(
        f"{DISPATCH}\n\n5月份全国CPI同比上涨0.2%\n\n带动更多农户增收——\n\n农产品电商助农增收\n\n"
        f"珠晖区电商产业园年销售额突破亿元\n\n{STORY}"
    )
    assert [(a.kicker, a.title, a.deck) for a in page.articles] == [
        ("", "5月份全国CPI同比上涨0.2%", ""),
        ("带动更多农户增收——", "农产品电商助农增收", "珠晖区电商产业园年销售额突破亿元"),
    ]
