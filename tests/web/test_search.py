"""The search page against the SearchPage contract (a stub service), then the real engine."""

import datetime as dt
import sys
import types

import pytest
from django.core.management import call_command

from archive.search.types import FacetValue, Hit, SearchPage


def html(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def install_service(monkeypatch, search_articles):
    """Put a stand-in for archive.search.service where the search page imports it from."""
    from django.urls import get_resolver

    get_resolver().resolve("/")  # import the URL map (and the API's own import) first
    module = types.ModuleType("archive.search.service")
    module.search_articles = search_articles
    monkeypatch.setitem(sys.modules, "archive.search.service", module)


@pytest.fixture
def stub_service(monkeypatch):
    """A search service answering from a fixed result, recording the queries it gets."""
    calls = []

    def search_articles(query, facets=True):
        calls.append(query)
        hits = [
            Hit(
                id=1,
                url="/articles/1/",
                title="市委常委会召开会议<i>",
                published=dt.date(2021, 4, 17),
                persons=["邓群策", "朱健"],
                snippet_html="本报讯 市委书记<mark>邓群策</mark>主持召开&lt;b&gt;会议",
                page=1,
                kicker="传达贯彻重要指示精神",
            )
        ]
        facets = {
            "year": [FacetValue("2021", "2021年", 41), FacetValue("2020", "2020年", 3)],
            "month": [FacetValue("2021-04", "2021年4月", 40)],
            "day": [FacetValue("2021-04-17", "2021年4月17日", 12)],
            "person": [FacetValue("朱健", "朱健", 7)],
        }
        return SearchPage(query=query, count=44, hits=hits, facets=facets)

    install_service(monkeypatch, search_articles)
    return calls


def test_empty_search_page_explains_what_to_do(client, db, stub_service):
    page = html(client.get("/search/"))
    assert "输入关键词或人名" in page
    assert stub_service == []  # nothing asked, nothing searched


def test_results_keep_the_query_count_snippets_and_facets(client, db, stub_service):
    page = html(client.get("/search/", {"q": "邓群策", "sort": "newest"}))
    assert 'value="邓群策"' in page  # the box keeps the query
    assert '<option value="newest" selected>' in page
    assert "找到 44 篇与“邓群策”相关的文章" in page
    assert "市委书记<mark>邓群策</mark>主持召开&lt;b&gt;会议" in page  # the snippet, as given
    assert "市委常委会召开会议&lt;i&gt;" in page  # titles are escaped
    # Facet links narrow the dates and keep q and sort.
    assert (
        'href="?q=%E9%82%93%E7%BE%A4%E7%AD%96&amp;sort=newest&amp;date_from=2021-01-01&amp;date_to=2021-12-31">2021年</a> <span class="count">41</span>'
        in page
    )
    assert "date_from=2021-04-01&amp;date_to=2021-04-30" in page
    assert "date_from=2021-04-17&amp;date_to=2021-04-17" in page
    assert "person=%E6%9C%B1%E5%81%A5" in page and '<span class="count">7</span>' in page
    # 44 results at 20 a page: 3 pages.
    assert 'rel="next" href="?q=%E9%82%93%E7%BE%A4%E7%AD%96&amp;sort=newest&amp;page=2"' in page


def test_facets_and_dates_reach_the_service(client, db, stub_service):
    page = html(
        client.get(
            "/search/",
            {
                "q": "会议",
                "date_from": "2021-04-01",
                "date_to": "2021-04-30",
                "person": "朱健",
                "page": "2",
            },
        )
    )
    query = stub_service[-1]
    assert (query.q, query.person, query.page) == ("会议", "朱健", 2)
    assert (query.date_from, query.date_to) == (dt.date(2021, 4, 1), dt.date(2021, 4, 30))
    assert '<strong aria-current="true">2021年4月</strong>' in page  # the facet in force
    assert 'value="2021-04-01"' in page and 'value="2021-04-30"' in page
    assert "人物：朱健" in page


@pytest.mark.parametrize(
    "params, message",
    [
        ({"q": "会议", "date_from": "2021-02-30"}, "起始日期“2021-02-30”不是有效日期"),
        ({"q": "会议", "date_to": "昨天"}, "结束日期“昨天”不是有效日期"),
        ({"q": "会议", "sort": "random"}, "不认识的排序方式“random”"),
        ({"q": "会议", "page": "-3"}, "页码“-3”无效"),
        ({"q": "会议", "page": "99999999999999999999"}, "页码“99999999999999999999”无效"),
        ({"q": "会议", "date_from": "2021-05-01", "date_to": "2021-04-01"}, "起始日期晚于结束日期"),
    ],
)
def test_bad_parameters_give_a_message_never_a_500(client, db, stub_service, params, message):
    assert message in html(client.get("/search/", params))


def test_query_is_escaped(client, db, stub_service):
    page = html(client.get("/search/", {"q": "<script>alert(1)</script>"}))
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_a_failing_service_gives_a_message(client, db, monkeypatch):
    def broken(query, facets=True):
        raise RuntimeError("index gone")

    install_service(monkeypatch, broken)
    page = html(client.get("/search/", {"q": "会议"}))
    assert "检索暂时出了问题" in page


def test_no_results_suggests_next_steps(client, db, monkeypatch):
    install_service(
        monkeypatch, lambda query, facets=True: SearchPage(query=query, count=0, hits=[])
    )
    page = html(client.get("/search/", {"q": "没有的词", "date_from": "2021-01-01"}))
    assert "没有找到与“没有的词”相关的文章" in page
    assert "去掉日期限制" in page and "人物索引" in page
    assert "检索暂时出了问题" not in page


# --- the real search service -----------------------------------------------------------------


@pytest.fixture
def indexed(archive_data):
    pytest.importorskip("archive.search.service")
    call_command("build_index", verbosity=0)
    return archive_data


def test_real_search_finds_highlights_and_narrows(client, indexed):
    page = html(client.get("/search/", {"q": "高质量发展"}))
    assert "找到 4 篇" in page and "<mark>高质量发展</mark>" in page
    page = html(client.get("/search/", {"q": "政法队伍"}))
    assert "找到 1 篇" in page
    assert f'href="/articles/{indexed.second.pk}/"' in page
    page = html(client.get("/search/", {"q": "文章"}))
    assert "2020年" in page  # a year facet
    page = html(
        client.get("/search/", {"q": "文章", "date_from": "2020-01-01", "date_to": "2020-12-31"})
    )
    assert "去年今日的文章" in page and "前一天的文章" not in page


def test_real_search_lists_matching_people(client, indexed):
    page = html(client.get("/search/", {"q": "邓群策"}))
    assert f'人物索引中有：<a href="/people/{indexed.secretary.pk}/">邓群策</a>' in page


def test_date_facets_drill_down_when_there_are_too_many_to_read(client, db, monkeypatch):
    def many(query, facets=True):
        months = [
            FacetValue(f"{y}-{m:02d}", f"{y}年{m}月", 1) for y in (2020, 2021) for m in range(1, 13)
        ]
        days = [FacetValue(f"2021-04-{d:02d}", f"2021年4月{d}日", 1) for d in range(1, 31)]
        facets = {
            "year": [FacetValue("2019", "2019年", 1), FacetValue("2020", "2020年", 12)],
            "month": [*months, FacetValue("2019-12", "2019年12月", 1)],  # 25 months: too many
            "day": days,  # 30 days: listed
            "person": [],
        }
        return SearchPage(query=query, count=25, hits=[], facets=facets)

    install_service(monkeypatch, many)
    page = html(client.get("/search/", {"q": "会议"}))
    assert "<h3>年份</h3>" in page and "<h3>月份</h3>" not in page
    assert "选定年份后按月列出" in page  # says where the months went
    assert "<h3>日期</h3>" in page and "2021年4月30日" in page
