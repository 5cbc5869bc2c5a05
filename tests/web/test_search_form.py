"""One definition of the search parameters (archive.forms.SearchForm) for the page, feed and API."""

import datetime as dt

import pytest
from django.core.management import call_command

from archive.forms import MAX_PAGE, MAX_PAGE_SIZE, SearchForm
from archive.search.parser import MAX_QUERY_CHARS
from archive.search.types import SearchPage, SearchQuery
from tests.web.test_search import html, install_service


def form(**params) -> SearchForm:
    return SearchForm(params)


def test_nothing_asked_is_the_default_query():
    f = form()
    assert f.is_valid() and f.problems() == []
    assert f.to_query() == SearchQuery()


def test_every_parameter_reaches_the_query():
    f = form(
        q=" 会议 ",
        person="朱健",
        date_from="2021-04-01",
        date_to="2021-04-30",
        page="3",
        page_size="50",
        sort="oldest",
    )
    assert f.is_valid(), f.errors
    assert f.to_query() == SearchQuery(
        q="会议",
        person="朱健",
        date_from=dt.date(2021, 4, 1),
        date_to=dt.date(2021, 4, 30),
        sort="oldest",
        page=3,
        page_size=50,
    )


def test_sorts_are_the_search_services():
    from archive.search.service import SORTS

    assert [key for key, _ in SearchForm.base_fields["sort"].choices] == list(SORTS)
    for key in SORTS:
        assert form(sort=key).is_valid()


@pytest.mark.parametrize(
    ("params", "param"),
    [
        ({"page": "abc"}, "page"),
        ({"page": "0"}, "page"),
        ({"page": str(MAX_PAGE + 1)}, "page"),
        ({"page_size": "0"}, "page_size"),
        ({"page_size": "x"}, "page_size"),
        ({"date_from": "2021-13-45"}, "date_from"),
        ({"date_from": "17.04.2021"}, "date_from"),
        ({"date_to": "yesterday"}, "date_to"),
        ({"date_from": "2021-05-01", "date_to": "2021-04-01"}, "date_to"),
        ({"sort": "best"}, "sort"),
        ({"person": "张" * 33}, "person"),
    ],
)
def test_unreadable_values_are_problems_and_left_at_their_default(params, param):
    f = form(**params)
    assert not f.is_valid()
    assert [name for name, _, _ in f.problems()] == [param]
    query = f.to_query()
    if param == "date_to" and "date_from" in params:  # the wrong way round: swapped
        assert (query.date_from, query.date_to) == (dt.date(2021, 4, 1), dt.date(2021, 5, 1))
    else:
        assert getattr(query, param) == getattr(SearchQuery(), param)


def test_limits():
    assert MAX_PAGE == 100_000 and MAX_PAGE_SIZE == 100
    assert form(page="100000").to_query().page == 100_000
    assert not form(page="100001").is_valid()
    assert form(page_size="1").to_query().page_size == 1
    assert form(page_size=str(MAX_PAGE_SIZE + 1)).to_query().page_size == MAX_PAGE_SIZE
    f = form(page_size="1000")
    assert f.is_valid() and f.to_query().page_size == MAX_PAGE_SIZE  # clamped, not refused


def test_a_long_query_is_not_refused_the_parser_cuts_it():
    q = "会" * (MAX_QUERY_CHARS + 50)
    f = form(q=q)
    assert f.is_valid()
    assert f.to_query().q == q  # whole: the parser cuts it and says so


def test_messages_quote_the_value():
    messages = [m for _, _, m in form(page="-3", date_to="昨天", sort="random").problems()]
    assert any("结束日期“昨天”不是有效日期" in m for m in messages)
    assert any("页码“-3”无效" in m for m in messages)
    assert any("不认识的排序方式“random”" in m and "relevance" in m for m in messages)
    long = form(page="9" * 200).problems()[0][2]
    assert "9" * 50 + "”" in long and "9" * 51 not in long  # a long value is cut in the message


# --- the search page -------------------------------------------------------------------------


@pytest.fixture
def queries(monkeypatch):
    calls = []

    def search_articles(query, facets=True):
        calls.append(query)
        return SearchPage(query=query, count=0, hits=[])

    install_service(monkeypatch, search_articles)
    return calls


def test_page_takes_the_forms_limits(client, db, queries):
    html(client.get("/search/", {"q": "会议", "page": str(MAX_PAGE), "page_size": "5"}))
    assert (queries[-1].page, queries[-1].page_size) == (MAX_PAGE, 5)
    page = html(client.get("/search/", {"q": "会议", "page": str(MAX_PAGE + 1)}))
    assert f"页码“{MAX_PAGE + 1}”无效" in page and "已显示第 1 页" in page
    assert queries[-1].page == 1


def test_page_shows_a_message_for_each_value_it_cannot_read(client, db, queries):
    page = html(
        client.get(
            "/search/",
            {"q": "会议", "page_size": "abc", "sort": "best", "date_from": "2021/04/01"},
        )
    )
    assert "每页条数“abc”无效" in page
    assert "不认识的排序方式“best”" in page and "已按相关度排序" in page
    assert "起始日期“2021/04/01”不是有效日期" in page and "已忽略" in page
    query = queries[-1]
    assert (query.q, query.page_size, query.sort, query.date_from) == (
        "会议",
        20,
        "relevance",
        None,
    )


def test_page_swaps_dates_given_the_wrong_way_round(client, db, queries):
    page = html(
        client.get("/search/", {"q": "会议", "date_from": "2021-05-01", "date_to": "2021-04-01"})
    )
    assert "起始日期晚于结束日期，已对调。" in page
    assert (queries[-1].date_from, queries[-1].date_to) == (
        dt.date(2021, 4, 1),
        dt.date(2021, 5, 1),
    )


def test_page_keeps_its_sort_labels(client, db, queries):
    page = html(client.get("/search/", {"q": "会议", "sort": "oldest"}))
    assert '<option value="relevance">相关度</option>' in page
    assert '<option value="oldest" selected>最早</option>' in page


def test_search_feed_reads_the_same_parameters(client, db, queries):
    response = client.get(
        "/search/feed/", {"q": "会议", "person": "朱健", "page": "abc", "sort": "best"}
    )
    assert response.status_code == 200
    query = queries[-1]
    assert (query.q, query.person, query.sort, query.page, query.page_size) == (
        "会议",
        "朱健",
        "newest",
        1,
        50,
    )


# --- the API ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "param"),
    [
        ({"page": str(MAX_PAGE + 1)}, "page"),
        ({"person": "张" * 33}, "person"),
        ({"date_from": "2021-04-31"}, "date_from"),
    ],
)
def test_api_refuses_what_the_form_refuses(client, db, params, param):
    response = client.get("/api/search", params)
    assert response.status_code == 400
    body = response.json()
    assert body["param"] == param and body["error"].startswith(f"{param}: ")


def test_api_error_quotes_the_value(client, db):
    body = client.get("/api/search", {"sort": "best"}).json()
    assert body == {
        "error": "sort: 不认识的排序方式“best”（可选：relevance、newest、oldest）",
        "param": "sort",
    }


# --- a long query, on the real engine ---------------------------------------------------------


@pytest.fixture
def indexed(archive_data):
    pytest.importorskip("archive.search.service")
    call_command("build_index", verbosity=0)
    return archive_data


def test_long_query_is_searched_by_its_start_and_says_so(client, indexed):
    q = "政法队伍" + "。" * MAX_QUERY_CHARS
    page = html(client.get("/search/", {"q": q}))
    assert "找到 1 篇" in page and "检索词过长" in page
    data = client.get("/api/search", {"q": q}).json()
    assert data["count"] == 1 and "检索词过长" in data["error"]
