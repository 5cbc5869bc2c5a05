import datetime as dt

import pytest

from tests.factories import ArticleFactory, MentionFactory, PersonFactory

pytestmark = pytest.mark.usefixtures("search_index")


@pytest.fixture
def article(index_now):
    a = ArticleFactory(
        title="防汛会议", body="部署防汛<工作>。", published=dt.date(2021, 4, 17), page=2
    )
    MentionFactory(article=a, person=PersonFactory(name="张三丰"))
    index_now()
    return a


def test_json_shape(client, article):
    r = client.get("/api/search", {"q": "防汛", "page_size": 5})
    assert r.status_code == 200
    data = r.json()
    assert set(data) == {"count", "page", "page_size", "num_pages", "results", "facets"}
    assert (data["count"], data["page"], data["page_size"], data["num_pages"]) == (1, 1, 5, 1)
    hit = data["results"][0]
    assert set(hit) == {"id", "url", "title", "published", "persons", "snippet"}
    assert hit["id"] == article.pk and hit["url"] == article.get_absolute_url()
    assert hit["published"] == "2021-04-17" and hit["persons"] == ["张三丰"]
    assert "<mark>防汛</mark>" in hit["snippet"] and "&lt;工作&gt;" in hit["snippet"]
    assert data["facets"]["year"] == [{"value": "2021", "count": 1}]
    assert set(data["facets"]) == {"year", "month", "day", "person"}


def test_filters_and_sort(client, article):
    r = client.get(
        "/api/search/",
        {"person": "张三丰", "date_from": "2021-04-01", "date_to": "2021-04-30", "sort": "oldest"},
    )
    assert r.status_code == 200 and r.json()["count"] == 1


@pytest.mark.parametrize(
    ("params", "param"),
    [
        ({"page": "abc"}, "page"),
        ({"page": "0"}, "page"),
        ({"page_size": "0"}, "page_size"),
        ({"page_size": "x"}, "page_size"),
        ({"date_from": "2021-13-45"}, "date_from"),
        ({"date_to": "yesterday"}, "date_to"),
        ({"date_from": "2021-05-01", "date_to": "2021-04-01"}, "date_to"),
        ({"sort": "best"}, "sort"),
    ],
)
def test_bad_values_are_400(client, params, param):
    r = client.get("/api/search", params)
    assert r.status_code == 400
    body = r.json()
    assert body["param"] == param and param in body["error"]


def test_page_size_is_clamped(client, article):
    data = client.get("/api/search", {"page_size": 1000}).json()
    assert data["page_size"] == 100


def test_query_message_is_passed_on(client, article):
    data = client.get("/api/search", {"q": "!!!"}).json()
    assert data["count"] == 0 and data["error"]


def test_post_is_refused(client):
    assert client.post("/api/search").status_code == 405
