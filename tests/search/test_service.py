"""search_articles(): snippets, facets, filters, sorting, browsing, odd input."""

import datetime as dt

import pytest

from archive.search.service import UNAVAILABLE, search_articles
from archive.search.types import SearchQuery
from tests.factories import ArticleFactory, MentionFactory, PersonFactory

pytestmark = pytest.mark.usefixtures("search_index")


@pytest.fixture
def dated(index_now):
    zhang, li = PersonFactory(name="张三丰"), PersonFactory(name="李四光")
    a = ArticleFactory(title="防汛工作会议", body="部署防汛工作。", published=dt.date(2021, 4, 17))
    b = ArticleFactory(title="春耕", body="防汛与春耕两手抓。", published=dt.date(2021, 5, 2))
    c = ArticleFactory(title="旧闻", body="去年防汛总结。", published=dt.date(2020, 7, 1))
    d = ArticleFactory(title="无日期", body="防汛物资清点。", published=None)
    MentionFactory(article=a, person=zhang)
    MentionFactory(article=b, person=zhang)
    MentionFactory(article=b, person=li)
    index_now()
    return a, b, c, d


def test_snippet_marks_and_escapes(index_now):
    ArticleFactory(title="安全", body="<script>alert('x')</script> 正文说到防汛<b>要点</b>。")
    index_now()
    # The query's markup is only words to find ("script"); the text's markup stays text.
    page = search_articles(SearchQuery(q="防汛 <script>"))
    assert page.count == 1
    html = page.hits[0].snippet_html
    assert "<mark>防汛</mark>" in html
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;<mark>script</mark>&gt;" in html


def test_snippet_marks_traditional_text_for_simplified_query(index_now):
    ArticleFactory(title="繁体", body="傳統鄉村振興示範。")
    index_now()
    html = search_articles(SearchQuery(q="乡村振兴")).hits[0].snippet_html
    assert "<mark>鄉村振興</mark>" in html


def test_facets(dated):
    page = search_articles(SearchQuery(q="防汛"))
    assert page.count == 4
    facets = {k: {v.value: v.count for v in vs} for k, vs in page.facets.items()}
    assert facets["year"] == {"2020": 1, "2021": 2}
    assert facets["month"] == {"2020-07": 1, "2021-04": 1, "2021-05": 1}
    assert facets["day"] == {"2020-07-01": 1, "2021-04-17": 1, "2021-05-02": 1}
    assert facets["person"] == {"张三丰": 2, "李四光": 1}
    assert page.facets["person"][0].value == "张三丰"


def test_filters_combine_with_q(dated):
    a, b, c, d = dated
    ids = lambda **kw: [h.id for h in search_articles(SearchQuery(**kw)).hits]  # noqa: E731
    assert set(ids(q="防汛", date_from=dt.date(2021, 1, 1))) == {a.pk, b.pk}
    assert set(ids(q="防汛", date_to=dt.date(2020, 12, 31))) == {c.pk}
    assert set(ids(q="防汛", person="李四光")) == {b.pk}
    assert set(ids(q="春耕", person="张三丰")) == {b.pk}
    assert ids(q="防汛", person="没有这个人") == []
    assert ids(q="", person="张三丰", sort="oldest") == [a.pk, b.pk]


def test_sorting(dated):
    a, b, c, d = dated
    ids = lambda sort: [h.id for h in search_articles(SearchQuery(q="防汛", sort=sort)).hits]  # noqa: E731
    assert ids("newest")[:3] == [b.pk, a.pk, c.pk]
    oldest = ids("oldest")
    assert oldest.index(c.pk) < oldest.index(a.pk) < oldest.index(b.pk)
    # Relevance: the title match comes first.
    assert ids("relevance")[0] == a.pk


def test_empty_q_browses_newest_first(dated):
    a, b, c, d = dated
    page = search_articles(SearchQuery(q=""))
    assert page.count == 4 and page.error == ""
    assert [h.id for h in page.hits][:3] == [b.pk, a.pk, c.pk]


def test_star_browses_everything(dated):
    page = search_articles(SearchQuery(q="*"))
    assert page.count == 4 and page.error == ""


def test_paging(dated):
    first = search_articles(SearchQuery(q="防汛", sort="newest", page_size=3))
    second = search_articles(SearchQuery(q="防汛", sort="newest", page_size=3, page=2))
    assert first.num_pages == 2 and len(first.hits) == 3 and len(second.hits) == 1
    assert search_articles(SearchQuery(q="防汛", page=99)).hits == []


@pytest.mark.parametrize("q", ['"', "OR", "-", "\x00", "乡" * 10_000, "!!!", "((", "NOT"])
def test_weird_queries_never_raise(dated, q, ids):
    page = search_articles(SearchQuery(q=q))
    assert page.error != UNAVAILABLE  # answered, not swallowed
    assert page.count == len(ids(q)) == len(page.hits)


def test_unsearchable_query_explains(dated):
    page = search_articles(SearchQuery(q="!!!"))
    assert page.count == 0 and page.error


def test_relevance_is_bm25_title_first_then_how_often(search_index, index_now):
    once = ArticleFactory(
        title="工作动态", body="今年汛期将至，防汛准备有序推进，各项工作进展顺利。"
    )
    thrice = ArticleFactory(title="工作动态", body="防汛，防汛，再防汛。")
    titled = ArticleFactory(title="全面部署防汛工作", body="会议强调。")
    index_now()
    order = [h.id for h in search_articles(SearchQuery(q="防汛", sort="relevance")).hits]
    assert order == [titled.pk, thrice.pk, once.pk]
