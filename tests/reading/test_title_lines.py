"""Two headline lines: one title broken over both, or two lines of a stack."""

import pytest

from archive.reading import parse_page

# Text exported one paragraph a line, no blank lines: every line is a block of its own.
SECOND_STORY = (
    "城南社区开展义诊活动\n"
    "本报讯 3月5日，城南社区联合市中心医院开展义诊活动，为居民免费测量血压血糖。\n"
    "活动吸引了三百余名居民参加，医生们耐心解答了居民的健康问题。\n"
)


def _one_line_a_paragraph(first: str, second: str) -> list:
    page = parse_page(
        f"{first}\n{second}\n"
        "本报讯 8月29日晚，开幕式在体育馆进行了第一次全要素彩排，演职人员三千余人参加。\n"
        "彩排检验了舞台、灯光、音响等各项保障，为正式演出打下基础。\n" + SECOND_STORY
    )
    return page.articles


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("全市运动会开幕式", "完成第一次正式彩排"),  # a subject, then what it did
        ("友好代表团欢迎邻国", "同本市企业举行洽谈"),  # the second line opens on 同
        ("市长出席第5届中国", "—东盟商品博览会开幕式"),  # a name's dash broken off
    ],
)
def test_a_title_broken_over_two_lines_is_one_title(first, second):
    articles = _one_line_a_paragraph(first, second)
    assert [a.title for a in articles] == [first + second, "城南社区开展义诊活动"]
    assert articles[0].deck == ""


def test_a_complete_title_over_a_line_that_tells_more_stays_title_and_deck():
    articles = _one_line_a_paragraph("市运动会开幕式举行彩排", "演职人员三千余人参加")
    assert (articles[0].title, articles[0].deck) == (
        "市运动会开幕式举行彩排",
        "演职人员三千余人参加",
    )


@pytest.mark.parametrize(
    ("head", "kicker", "title", "lead"),
    [
        # set as one block, the title says again, condensed, what the kicker said
        (
            "{kicker}\n{title}",
            "市长李明远在市政府会见德国汉堡经贸代表团一行",
            "李明远会见德国汉堡经贸代表团",
            "5月12日，市长李明远在市政府会见了德国汉堡经贸代表团一行，双方交换意见。",
        ),
        # who presided, over the line that says what they presided over
        (
            "{kicker}\n\n{title}",
            "市委书记张建国主持会议",
            "市委常委会召开第十二次会议",
            "3月9日，市委常委会召开第十二次会议，研究部署近期重点工作。",
        ),
        # the line a kicker's dash points to is the title even naming who attended
        (
            "{kicker}\n\n{title}",
            "市委书记出席纪念座谈会——",
            "纪念王明远同志诞辰100周年座谈会举行 市委书记出席",
            "3月8日，纪念王明远同志诞辰100周年座谈会在市委礼堂举行。",
        ),
    ],
)
def test_kicker_and_title_of_two_lines(head, kicker, title, lead):
    page = parse_page(head.format(kicker=kicker, title=title) + f"\n\n本报讯 {lead}")
    (article,) = page.articles
    assert (article.kicker, article.title) == (kicker, title)


@pytest.mark.parametrize(
    "lines",
    [
        (
            "市场监管部门开展节前专项检查",
            "节前食品抽检合格率达百分之九十八",
            "并对三家超市责令整改",
        ),
        ("全市运动会开幕式", "完成第一次正式彩排", "三千余名演职人员登台演出"),
    ],
)
def test_three_headline_lines_are_kicker_title_and_deck_whatever_they_open_with(lines):
    page = parse_page(
        "\n".join(lines) + "\n"
        "本报讯 1月20日，市市场监管局通报节前食品安全专项检查情况，抽检合格率达百分之九十八。\n"
        "检查中发现三家超市存在过期食品，已责令整改。\n" + SECOND_STORY
    )
    first = page.articles[0]
    assert (first.kicker, first.title, first.deck) == lines
