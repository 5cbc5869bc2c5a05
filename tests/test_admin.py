"""The admin change lists and forms an editor uses to correct the machine."""

import pytest

from archive.models import Article, Person, PersonAlias
from archive.models.people import PersonStatus
from tests.factories import ArticleFactory, EventFactory, MentionFactory, PersonFactory


@pytest.fixture
def data(db):
    article = ArticleFactory(title="市委常委会召开会议")
    MentionFactory(article=article, person=PersonFactory(name="张三丰"), role="市长")
    event = EventFactory()
    event.articles.add(article)
    return article


@pytest.mark.parametrize(
    "url",
    [
        "/admin/archive/article/",
        "/admin/archive/article/?needs_review__exact=1",
        "/admin/archive/person/",
        "/admin/archive/event/",
        "/admin/archive/sourcepage/",
        "/admin/archive/person/?q=zhang",
    ],
)
def test_change_lists_render(admin_client, data, url):
    assert admin_client.get(url).status_code == 200


def test_article_edit_is_kept_in_history_and_remembered(admin_client, data):
    url = f"/admin/archive/article/{data.pk}/change/"
    assert admin_client.get(url).status_code == 200
    form = {
        "kicker": "",
        "title": "市委常委会召开会议（更正）",
        "deck": "",
        "body": data.body,
        "captions": "",
        "published": "2021-04-17",
        "date_status": "given",
        "page": "1",
        "position": "0",
        "source": data.source,
        "review_reasons": "[]",
        "mentions-TOTAL_FORMS": "0",
        "mentions-INITIAL_FORMS": "0",
    }
    response = admin_client.post(url, form)
    assert response.status_code == 302, response.content.decode()[:2000]
    data.refresh_from_db()
    assert data.title == "市委常委会召开会议（更正）"
    assert "title" in data.edited_fields
    assert data.history.count() >= 2
    assert admin_client.get(f"/admin/archive/article/{data.pk}/history/").status_code == 200


def test_reject_action(admin_client, data):
    person = Person.objects.get(name="张三丰")
    admin_client.post(
        "/admin/archive/person/", {"action": "reject", "_selected_action": [person.pk]}
    )
    person.refresh_from_db()
    assert person.status == PersonStatus.REJECTED


def test_merge_action_asks_which_to_keep_then_merges(admin_client, data):
    a = Person.objects.get(name="张三丰")
    b = PersonFactory(name="张三峰")
    MentionFactory(article=ArticleFactory(), person=b)
    page = admin_client.post(
        "/admin/archive/person/", {"action": "merge", "_selected_action": [a.pk, b.pk]}
    )
    assert "选择保留的人物" in page.content.decode()
    admin_client.post(
        "/admin/archive/person/",
        {"action": "merge", "_selected_action": [a.pk, b.pk], "target": a.pk},
    )
    assert PersonAlias.objects.get(name="张三峰").person == a
    assert Article.objects.filter(mentions__person=a).count() == 2


def test_review_queue_lists_uncertain_results_in_one_place(admin_client, db):
    ArticleFactory(title="系统生成的标题", needs_review=True, review_reasons=["标题由系统生成"])
    PersonFactory(name="高山流", needs_review=True, review_reasons=["仅出现一次且无职务"])
    page = admin_client.get("/admin/review/").content.decode()
    assert "系统生成的标题" in page and "标题由系统生成" in page and "高山流" in page
    assert "待审核" in admin_client.get("/admin/").content.decode()
