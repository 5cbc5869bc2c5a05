"""Every page runs a fixed number of queries, whatever the size of the archive.

Each page is fetched at two data sizes and must run exactly the same number of queries both
times; EXPECTED pins that number so a new N+1 shows up as a failing test, not a slow site.
"""

import datetime as dt

import pytest

from archive.models.people import MentionKind
from archive.selectors import forget_counts
from tests.factories import ArticleFactory, EventFactory, MentionFactory, PersonFactory

START = dt.date(2021, 4, 1)


def grow(n_days: int):
    """n_days issues of 3 articles, each naming people; one event a day with participants."""
    people = [PersonFactory(name=f"人物{i:02d}", pinyin=f"renwu{i:02d}") for i in range(n_days + 3)]
    for d in range(n_days):
        day = START + dt.timedelta(days=d)
        event = EventFactory(title=f"会议{d}", date=day)
        for pos in range(3):
            article = ArticleFactory(published=day, page=pos + 1, position=pos)
            MentionFactory(article=article, person=people[0], role="市委书记")
            MentionFactory(article=article, person=people[d + pos % 3], role="副市长")
            MentionFactory(
                article=article, person=people[-1], kind=MentionKind.REPORTER, role="本报记者"
            )
            event.articles.add(article)
        event.participants.create(person=people[0], part="主持")
        event.participants.create(person=people[d + 1], part="出席")
    return people


def pages(people):
    from archive.models import Article, Event

    first = Article.objects.order_by("published", "id").first()
    return {
        "home": "/",
        "year": "/2021/",
        "month": "/2021/04/",
        "day": "/2021/04/02/",
        "article_list": "/articles/",
        "article_list_faceted": "/articles/?year=2021&month=4",
        "article": f"/articles/{first.pk}/",
        "person_list": "/people/",
        "person_search": "/people/?q=renwu",
        "person": f"/people/{people[0].pk}/",
        "event_list": "/events/",
        "event_list_person": f"/events/?person={people[0].pk}",
        "event": f"/events/{Event.objects.order_by('id').first().pk}/",
        "feed_latest": "/feeds/latest/",
        "person_feed": f"/people/{people[0].pk}/feed/",
    }


EXPECTED = {
    "home": 4,
    "year": 1,
    "month": 1,
    "day": 3,
    "article_list": 3,
    "article_list_faceted": 3,
    "article": 7,
    "person_list": 4,
    "person_search": 4,
    "person": 11,  # cold caches: article dates, counts, profile, events, companions, credits…
    "event_list": 3,
    "event_list_person": 4,
    "event": 4,
    "feed_latest": 2,
    "person_feed": 4,
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_query_count_does_not_grow_with_the_data(client, db, django_assert_num_queries, name):
    # Cached counts are forgotten before each request, so the cold (worst) case is counted.
    url = pages(grow(3))[name]
    forget_counts()
    with django_assert_num_queries(EXPECTED[name]):
        assert client.get(url).status_code == 200
    url = pages(grow(25))[name]  # the same days again plus 22 more: every list is longer
    forget_counts()
    with django_assert_num_queries(EXPECTED[name]):
        assert client.get(url).status_code == 200


def test_search_query_count_does_not_grow_with_the_data(client, db, django_assert_num_queries):
    pytest.importorskip("archive.search.service")
    from django.core.management import call_command

    for days in (3, 25):
        grow(days)
        call_command("build_index", verbosity=0)
        # Names matching the query (1), the hits' articles (1), their people (1) and the
        # article dates the trend chart's totals come from (1, then cached per process).
        with django_assert_num_queries(4):
            response = client.get("/search/", {"q": "会议", "sort": "newest"})
        assert response.status_code == 200 and "找到" in response.content.decode()
