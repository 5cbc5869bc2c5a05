"""Home, year, month and day pages: what a reader sees and where the links go."""

import pytest


def html(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def test_home_shows_latest_issue_by_page_people_and_calendar(client, archive_data):
    page = html(client.get("/"))
    assert '<html lang="zh-CN">' in page
    assert "最新一期" in page and "2021年4月17日" in page
    assert "第1版" in page and "第2版" in page
    assert page.index("市委常委会召开会议") < page.index("本报讯 市长朱健到衡东调研")
    assert 'name="q"' in page  # the search box
    assert "邓群策" in page and "近期见报较多的人物" in page
    # The calendar marks the days with articles and says how many.
    assert 'href="/2021/04/17/" title="2021年4月17日：3 篇"' in page
    assert 'href="/2021/04/16/" title="2021年4月16日：1 篇"' in page
    assert 'href="/2020/"' in page and 'href="/2021/"' in page
    assert "被隐藏的文章" not in page
    assert "/opensearch.xml" in page


def test_home_with_empty_archive(client, db):
    assert "还没有文章" in html(client.get("/"))


def test_year_page_has_month_calendars_with_day_counts(client, archive_data):
    page = html(client.get("/2021/"))
    assert "2021年" in page and "2 期，4 篇文章" in page
    assert 'href="/2021/04/17/" title="2021年4月17日：3 篇"' in page
    assert 'href="/2020/"' in page  # other years


def test_month_page_lists_issues_and_neighbouring_months(client, archive_data):
    page = html(client.get("/2021/04/"))
    assert "2021年4月" in page
    assert "3 篇" in page and 'href="/2021/04/16/"' in page
    assert 'rel="prev" href="/2020/04/"' in page


def test_day_page_lists_pages_in_order_with_prev_next_and_on_this_day(client, archive_data):
    page = html(client.get("/2021/04/17/"))
    assert page.index("第1版") < page.index("第2版")
    assert page.index("市委常委会召开会议") < page.index("全市政法队伍教育整顿推进会召开")
    assert "（标题为系统生成）" in page
    assert 'rel="prev" href="/2021/04/16/"' in page
    assert 'rel="next"' not in page  # the latest issue
    assert "历年今日" in page and 'href="/2020/04/17/"' in page
    assert f'href="/sources/{archive_data.page1.pk}/"' in page  # the OCR page of 第1版
    assert "市委书记邓群策" in page  # names with the role written in the article


@pytest.mark.parametrize(
    "url",
    [
        "/2019/",  # a year without articles
        "/2021/05/",  # a month without articles
        "/2021/02/30/",  # no such date
        "/2021/13/",
        "/2021/00/01/",
        "/0000/",
    ],
)
def test_dates_without_an_issue_are_404(client, archive_data, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "找不到这个页面" in response.content.decode()


def test_hidden_articles_do_not_make_an_issue(client, archive_data):
    from tests.factories import ArticleFactory

    ArticleFactory(published="2018-01-01", is_hidden=True)
    assert "没有这一天的报纸" in client.get("/2018/01/01/").content.decode()


def test_day_without_page_numbers_keeps_each_ocr_page_together(client, db):
    from tests.factories import ArticleFactory, SourcePageFactory

    first, second = SourcePageFactory(page_number=None), SourcePageFactory(page_number=None)
    ArticleFactory(published="2021-05-28", page=None, source_page=first, title="甲")
    ArticleFactory(published="2021-05-28", page=None, source_page=second, title="乙")
    ArticleFactory(published="2021-05-28", page=None, source_page=first, title="丙")
    page = html(client.get("/2021/05/28/"))
    assert page.count("版次不详") == 2  # one section per OCR page
    assert page.index("甲") < page.index("丙") < page.index("乙")
