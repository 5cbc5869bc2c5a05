"""Haystack's own API, as a Django developer would use it, gives the exact answers."""

import datetime as dt
import io

import pytest
from django.core.management import call_command
from haystack.exceptions import SearchBackendError
from haystack.inputs import Exact
from haystack.query import SQ, SearchQuerySet

from archive.models import Article
from tests.factories import ArticleFactory, MentionFactory, PersonFactory

pytestmark = pytest.mark.usefixtures("search_index")

BODIES = [
    ("2020-05-01", "脱贫攻坚战取得全面胜利。"),
    ("2020-06-02", "攻坚克难，脱贫致富。"),  # both words, not the string 脱贫攻坚
    ("2021-04-16", "全面推进乡村振兴，巩固脱贫攻坚成果。"),
    ("2021-04-17", "鄉村振興：傳統寫法。"),
    ("2021-05-20", "乡村建设，振兴产业。"),
    ("2022-01-03", "市场监管工作会议召开。"),
]


@pytest.fixture
def corpus(index_now):
    made = [ArticleFactory(body=b, published=dt.date.fromisoformat(d)) for d, b in BODIES]
    person = PersonFactory(name="邓群策")
    MentionFactory(article=made[2], person=person)
    index_now()
    return [a.pk for a in made]


def pks(sqs) -> set[int]:
    return {int(r.pk) for r in sqs[: sqs.count()]}


def test_filter_content_is_the_exact_string_not_its_words(corpus):
    sqs = SearchQuerySet().filter(content="脱贫攻坚")
    assert pks(sqs) == {corpus[0], corpus[2]}  # not corpus[1], which has both words apart
    assert sqs.count() == 2
    assert pks(SearchQuerySet().filter(content=Exact("乡村振兴"))) == {corpus[2], corpus[3]}


def test_auto_query_speaks_the_reader_query_language(corpus):
    assert pks(SearchQuerySet().auto_query("乡村 振兴")) == {corpus[2], corpus[3], corpus[4]}
    assert pks(SearchQuerySet().auto_query("乡村振兴 -脱贫")) == {corpus[3]}
    assert pks(SearchQuerySet().auto_query("脱贫攻坚 OR 市场监管")) == {
        corpus[0],
        corpus[2],
        corpus[5],
    }


def test_or_exclude_dates_and_persons(corpus):
    either = SearchQuerySet().filter(SQ(content="市场监管") | SQ(content="鄉村振興"))
    assert pks(either) == {corpus[2], corpus[3], corpus[5]}
    assert pks(SearchQuerySet().filter(content="脱贫").exclude(content="攻坚战")) == {
        corpus[1],
        corpus[2],
    }
    in_2021 = SearchQuerySet().filter(
        published__gte=dt.date(2021, 1, 1), published__lt="2022-01-01"
    )
    assert pks(in_2021) == {corpus[2], corpus[3], corpus[4]}
    assert pks(SearchQuerySet().filter(persons="邓群策")) == {corpus[2]}
    assert pks(SearchQuerySet().narrow('persons:"邓群策"')) == {corpus[2]}
    assert pks(SearchQuerySet().narrow("published:2021-04")) == {corpus[2], corpus[3]}


def test_order_by_published_and_paging(corpus):
    newest = [int(r.pk) for r in SearchQuerySet().order_by("-published")[:3]]
    assert newest == [corpus[5], corpus[4], corpus[3]]
    oldest = SearchQuerySet().order_by("published")
    assert [int(r.pk) for r in oldest[1:3]] == [corpus[1], corpus[2]]
    assert oldest[0].published == dt.date(2020, 5, 1) and oldest[0].model is Article


def test_facets_and_date_facets(corpus):
    sqs = SearchQuerySet().auto_query("振兴").facet("persons").facet("year")
    sqs = sqs.date_facet("published", dt.date(2021, 1, 1), dt.date(2022, 1, 1), "month")
    counts = sqs.facet_counts()
    assert dict(counts["fields"]["year"]) == {"2021": 3}
    assert dict(counts["fields"]["persons"]) == {"邓群策": 1}
    assert dict(counts["dates"]["published"]) == {dt.date(2021, 4, 1): 2, dt.date(2021, 5, 1): 1}


def test_highlight_marks_the_string_in_the_text(corpus):
    result = SearchQuerySet().filter(content="脱贫攻坚").order_by("published").highlight()[0]
    assert "<mark>脱贫攻坚</mark>" in result.highlighted["text"][0]


def test_what_it_cannot_answer_it_refuses_by_name(corpus):
    with pytest.raises(SearchBackendError, match="page"):
        SearchQuerySet().filter(page=3).count()
    with pytest.raises(SearchBackendError, match="OR"):
        SearchQuerySet().filter(SQ(content="a") | SQ(persons="邓群策")).count()


def test_update_index_and_clear_index_use_the_bulk_indexer(ids):
    farm = [ArticleFactory(body=f"春耕备耕第{i}号。") for i in range(12)]
    call_command("clear_index", interactive=False, stdout=io.StringIO())
    assert ids("春耕") == set()
    call_command("update_index", batchsize=5, stdout=io.StringIO(), verbosity=0)
    assert ids("春耕") == {a.pk for a in farm}
    assert ids("第11号") == {farm[11].pk}
    Article.objects.filter(pk=farm[0].pk).update(is_hidden=True)
    call_command("update_index", remove=True, stdout=io.StringIO(), verbosity=0)
    assert farm[0].pk not in ids("春耕")
