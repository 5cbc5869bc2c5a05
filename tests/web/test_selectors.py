"""Reads whose shortcuts must give the same answer as the plain query."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from archive import selectors
from archive.models import Article
from archive.selectors.counts import HIDDEN, UNDATED, article_dates
from tests.factories import ArticleFactory, MentionFactory, PersonFactory


def test_person_articles_slices_match_the_full_ordering(db):
    person = PersonFactory(name="周九")
    days = [dt.date(2020, 1, 5), dt.date(2020, 1, 20), dt.date(2020, 3, 2), dt.date(2021, 7, 9)]
    for i in range(17):
        article = ArticleFactory(published=days[i % 4] if i < 14 else None, page=i % 3 + 1)
        MentionFactory(article=article, person=person)
    MentionFactory(article=ArticleFactory(is_hidden=True), person=person)  # never listed
    MentionFactory(article=ArticleFactory(), person=PersonFactory(name="吴十"))  # not his

    expected = [
        a.pk
        for a in sorted(
            Article.objects.visible().filter(mentions__person=person),
            key=lambda a: (
                a.published is None,
                -(a.published or dt.date.min).toordinal(),
                a.page,
                a.position,
                a.pk,
            ),
        )
    ]
    months = selectors.person_months(person)
    rows = selectors.person_articles(person, months)
    assert len(rows) == len(expected) == 17
    for size in (1, 3, 5, 20):
        got = [a.pk for start in range(0, 17, size) for a in rows[start : start + size]]
        assert got == expected, size


def test_calendar_helpers(db):
    for day in ("2020-02-29", "2021-02-28", "2021-03-01", "2021-03-01"):
        ArticleFactory(published=day)
    ArticleFactory(published=None)
    assert len(selectors.article_list()) == 5
    assert len(selectors.article_list(2021, 3, 1)) == 2
    assert len(selectors.article_list(2021, 2, 30)) == 0
    assert [a.published.isoformat() for a in selectors.article_list(2021)[1:3]] == [
        "2021-03-01",
        "2021-02-28",
    ]
    assert selectors.adjacent_issues(dt.date(2021, 2, 28)) == (
        dt.date(2020, 2, 29),
        dt.date(2021, 3, 1),
    )
    assert selectors.on_this_day(dt.date(2020, 2, 29)) == []  # no 29 February in 2021
    assert selectors.year_counts() == [{"year": 2020, "n": 1}, {"year": 2021, "n": 3}]


def test_every_article_date_is_read_exactly_whatever_its_century(db):
    days = ["1949-10-01", "1969-12-31", "1970-01-01", "2000-02-29", "2026-12-31", "0001-01-01"]
    hidden = ArticleFactory(is_hidden=True)  # ids past the last visible one are not kept
    articles = [ArticleFactory(published=day) for day in days]
    undated = ArticleFactory(published=None)
    keys = article_dates()
    assert [keys[a.pk] for a in articles] == [int(day.replace("-", "")) for day in days]
    assert (keys[undated.pk], keys[hidden.pk]) == (UNDATED, HIDDEN)
    assert selectors.year_counts()[0] == {"year": 1, "n": 1}


def test_the_article_dates_are_read_from_an_index_alone_on_postgresql(db):
    """At a million articles a scan of the table took ~1.9 s of each first page after an edit."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite's indexes hold the row id: its scan reads the index alone anyway")
    ArticleFactory(published="2021-04-16")
    with CaptureQueriesContext(connection) as queries:
        article_dates()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_bitmapscan = off")
        cursor.execute("EXPLAIN " + queries.captured_queries[-1]["sql"])
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "Index Only Scan" in plan, plan


def test_person_roles_and_months_skip_hidden_articles_and_follow_edits(db):
    person = PersonFactory(name="郑十一")
    a = ArticleFactory(published=dt.date(2021, 4, 16))
    b = ArticleFactory(published=dt.date(2021, 5, 2))
    undated = ArticleFactory(published=None)
    hidden = ArticleFactory(published=dt.date(2019, 1, 1), is_hidden=True)
    for article in (a, b, undated, hidden):
        MentionFactory(article=article, person=person, role="市长")
    MentionFactory(article=a, person=person, role="市委副书记")

    roles = {r["role"]: r for r in selectors.person_roles(person)}
    assert roles["市长"]["n"] == 3  # the undated article counts, the hidden one does not
    assert (roles["市长"]["first"], roles["市长"]["last"]) == (a.published, b.published)
    assert roles["市委副书记"]["n"] == 1
    assert selectors.person_months(person) == [(2021, 4, 1), (2021, 5, 1)]

    b.is_hidden = True
    b.save()  # an admin hides an article: the cached profile follows
    assert selectors.person_months(person) == [(2021, 4, 1)]
    assert {r["role"]: r["n"] for r in selectors.person_roles(person)} == {
        "市长": 2,
        "市委副书记": 1,
    }


def test_person_counts_count_visible_articles_once_with_the_latest_date(db):
    from archive.models.people import MentionKind, PersonStatus

    mayor, reporter = PersonFactory(name="王十二"), PersonFactory(name="冯十三")
    rejected = PersonFactory(name="冬修水利", status=PersonStatus.REJECTED)
    a = ArticleFactory(published=dt.date(2021, 4, 16))
    b = ArticleFactory(published=dt.date(2021, 6, 1))
    MentionFactory(article=a, person=mayor)
    MentionFactory(article=a, person=mayor, kind=MentionKind.REPORTER, role="")  # same article
    MentionFactory(article=b, person=mayor)
    MentionFactory(article=ArticleFactory(published=None), person=mayor)
    MentionFactory(
        article=ArticleFactory(published=dt.date(2022, 1, 1), is_hidden=True), person=mayor
    )
    MentionFactory(article=ArticleFactory(published=None), person=reporter)
    MentionFactory(article=a, person=rejected)

    counts = selectors.person_counts()
    assert counts[mayor.pk] == (3, dt.date(2021, 6, 1))  # a, b and the undated one
    assert counts[reporter.pk] == (1, None)
    assert rejected.pk not in counts
