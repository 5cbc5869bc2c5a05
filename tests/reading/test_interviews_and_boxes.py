"""An interview's turns, a box set into a story and a column's word over a title."""

from archive.reading import parse_page

STORY = (
    "乡村振兴的“雁峰样本”\n\n本报记者 周建平\n\n"
    "初夏时节，走进雁峰区岳屏镇，一幅产业兴旺、生态宜居的画卷徐徐展开。\n\n"
)


def test_an_interviews_short_questions_are_its_text_not_headlines():
    page = parse_page(
        "对话\n\n“让群众过上好日子是我们的心愿”\n\n"
        "记者：岳屏镇在产业发展上有哪些举措？\n\n答：我们因地制宜，发展了蔬菜、水果等特色产业。\n\n"
        "记者：下一步有什么打算？\n\n答：继续扩大规模，打造品牌。"
    )
    (article,) = page.articles
    assert (article.kicker, article.title, article.deck) == (
        "对话",
        "“让群众过上好日子是我们的心愿”",
        "",
    )
    assert article.paragraphs[2] == "记者：下一步有什么打算？"
    assert len(article.paragraphs) == 4


def test_a_related_link_box_stays_in_its_story_as_a_paragraph_of_its_own():
    page = parse_page(STORY + "【相关链接】\n\n岳屏镇位于雁峰区东部，总面积32平方公里，辖8个村。")
    (article,) = page.articles
    assert article.title == "乡村振兴的“雁峰样本”"
    assert article.paragraphs[-2:] == [
        "【相关链接】",
        "岳屏镇位于雁峰区东部，总面积32平方公里，辖8个村。",
    ]
