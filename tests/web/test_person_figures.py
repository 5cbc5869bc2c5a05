"""A person's page sums over all their articles once for every web worker, and never shows
figures from before a change."""

import datetime as dt
import json
from pathlib import Path

from django.core.management import call_command

from archive import selectors
from archive.models import Person
from archive.selectors import counts
from tests.factories import ArticleFactory, MentionFactory, PersonFactory


def _new_worker() -> None:
    """What a gunicorn worker started after the others has: nothing in its own memory."""
    counts._memo.clear()


def _mayor() -> Person:
    mayor = PersonFactory(name="林一")
    articles = [ArticleFactory(published=dt.date(2021, 1 + i % 3, 5)) for i in range(6)]
    for article in articles:
        MentionFactory(article=article, person=mayor)
    MentionFactory(article=articles[0], person=PersonFactory(name="许二"), role="副市长")
    return mayor


def test_a_worker_finds_the_figures_another_computed(db, django_assert_num_queries):
    mayor = _mayor()
    first = selectors.person_figures(mayor)
    assert first.months == [(2021, 1, 2), (2021, 2, 2), (2021, 3, 2)]
    assert [c.name for c in first.companions] == ["许二"]
    _new_worker()
    with django_assert_num_queries(0):
        again = selectors.person_figures(mayor)
    assert again == first


def test_figures_follow_an_edit_in_every_worker(db):
    mayor = _mayor()
    selectors.person_figures(mayor)
    MentionFactory(
        article=ArticleFactory(published=dt.date(2022, 6, 1)), person=mayor, role="市委书记"
    )
    _new_worker()
    after = selectors.person_figures(mayor)
    assert (2022, 6, 1) in after.months
    assert "市委书记" in {row["role"] for row in after.roles}


def test_an_import_leaves_the_most_named_persons_figures_computed(
    db, tmp_path, django_assert_num_queries
):
    rows = [
        {
            "title": f"第{i}次全市项目建设推进会召开",
            "body": f"本报讯 5月{i + 1}日，市长欧阳文明主持召开会议，部署第{i}批项目建设。",
            "published": f"2021-05-{i + 1:02d}",
        }
        for i in range(8)
    ]
    path = tmp_path / "items.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    call_command("import_archive", str(path), verbosity=0)
    mayor = Person.objects.get(name="欧阳文明")
    _new_worker()
    with django_assert_num_queries(0):
        figures = selectors.person_figures(mayor)
    assert figures.months == [(2021, 5, 8)]


def test_a_damaged_or_unwritable_cache_costs_a_recomputation_not_the_page(
    client, db, settings, monkeypatch
):
    from django.core.cache import caches

    mayor = _mayor()
    selectors.person_figures(mayor)
    for path in Path(settings.CACHES["figures"]["LOCATION"]).glob("*.djcache"):
        path.write_bytes(b"not a pickle")  # a disk error, a half-restored backup
    _new_worker()
    page = client.get(f"/people/{mayor.pk}/")
    assert page.status_code == 200 and "许二" in page.content.decode()

    def refuse(*args, **kwargs):
        raise PermissionError("read-only file system")

    monkeypatch.setattr(caches["figures"], "set", refuse)
    counts.forget_counts()  # as an edit does: nothing cached is valid any more
    page = client.get(f"/people/{mayor.pk}/")
    assert page.status_code == 200 and "许二" in page.content.decode()
