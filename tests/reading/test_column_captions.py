"""A photo set inside a story's columns, its credit on the caption's last line."""

from archive.reading import parse_page

PAGE = """湘江风光带提质改造完工

本报讯（记者 龙晓岚）12月1日，湘江风光带提质改造工程全面完工，沿江新增步道八公里、观景平台

江畔新景
聂 红 摄

十二处，市民可沿江步行至石鼓书院。
"""


def test_a_credit_on_the_captions_last_line_names_the_photographer():
    (article,) = parse_page(PAGE).articles
    assert [(b.name.replace(" ", ""), b.kind) for b in article.bylines] == [
        ("龙晓岚", "reporter"),
        ("聂红", "photographer"),
    ]
    assert article.captions == ["江畔新景"]
    assert "观景平台十二处" in "".join(article.paragraphs)
