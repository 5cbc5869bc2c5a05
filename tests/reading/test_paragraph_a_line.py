"""A short page exported one paragraph a line, with no blank line anywhere."""

from archive.reading import parse_page

PAGE = """2023年7月30日 星期日
市委常委会召开会议
本报讯（记者 廖思远 通讯员 贺敏）7月29日，市委常委会召开会议，研究部署防汛救灾工作。
雁城社区举办纳凉晚会
本报讯（通讯员 许可欣）7月29日晚，雁城社区在中心广场举办纳凉晚会，三百余名居民观看演出。
石鼓书院暑期游客增多
本报讯（记者 欧阳珊）进入暑期，石鼓书院日均接待游客两千余人次。
"""


def test_each_line_is_a_paragraph_and_each_headline_starts_an_article():
    articles = parse_page(PAGE).articles
    assert [a.title for a in articles] == [
        "市委常委会召开会议",
        "雁城社区举办纳凉晚会",
        "石鼓书院暑期游客增多",
    ]
    assert [[b.name for b in a.bylines] for a in articles] == [
        ["廖思远", "贺敏"],
        ["许可欣"],
        ["欧阳珊"],
    ]
