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


def _form(article, **changes) -> dict:
    form = {
        "kicker": article.kicker,
        "title": article.title,
        "deck": article.deck,
        "body": article.body,
        "captions": article.captions,
        "published": str(article.published),
        "date_status": article.date_status,
        "page": str(article.page),
        "position": str(article.position),
        "source": article.source,
        "review_reasons": "[]",
        "mentions-TOTAL_FORMS": "0",
        "mentions-INITIAL_FORMS": "0",
    }
    return {**form, **changes}


def test_an_ocr_correction_keeps_the_original_and_both_are_found(admin_client, data, client):
    from archive.search import queue

    data.body = "本报讯 市委召开会议，部署防汎抗旱工作。"  # the OCR read 汛 as 汎
    data.save()
    url = f"/admin/archive/article/{data.pk}/change/"
    corrected = "本报讯 市委召开会议，部署防汛抗旱工作。"
    assert admin_client.post(url, _form(data, body=corrected)).status_code == 302
    data.refresh_from_db()
    assert data.body == corrected and data.ocr_body.endswith("防汎抗旱工作。")
    queue.drain(block=True)
    for word in ("防汛抗旱", "防汎抗旱"):  # the right word and the OCR's wrong one
        hits = client.get("/api/search", {"q": word}).json()["results"]
        assert [h["id"] for h in hits] == [data.pk], word
    page = client.get(f"/articles/{data.pk}/").content.decode()
    assert "防汛抗旱" in page and "本文文字经编辑校正" in page
    # A second correction keeps the first OCR text, not the first correction.
    assert admin_client.post(url, _form(data, body="本报讯 市委召开会议。")).status_code == 302
    data.refresh_from_db()
    assert "防汎" in data.ocr_body


def test_admins_compare_two_versions_and_restore_one(admin_client, data):
    url = f"/admin/archive/article/{data.pk}/change/"
    original = data.title
    assert (
        admin_client.post(url, _form(data, title="市委常委会召开会议（一改）")).status_code == 302
    )
    assert (
        admin_client.post(url, _form(data, title="市委常委会召开会议（二改）")).status_code == 302
    )
    history = admin_client.get(f"/admin/archive/article/{data.pk}/history/").content.decode()
    assert "比较任意两个版本" in history
    compare = admin_client.get(f"/admin/archive/article/{data.pk}/history/compare/")
    html = compare.content.decode()
    assert compare.status_code == 200 and "<del>一</del><ins>二</ins>" in html
    first = data.history.order_by("history_date").first()
    older = admin_client.get(
        f"/admin/archive/article/{data.pk}/history/compare/",
        {"a": first.history_id, "b": data.history.latest().history_id},
    ).content.decode()
    assert "<ins>（二改）</ins>" in older
    # Restore the first version from the history page (django-simple-history's revert form).
    revert = f"/admin/archive/article/{data.pk}/history/{first.history_id}/"
    form = admin_client.get(revert).content.decode()
    assert f'value="{original}"' in form  # the form holds the old version's values
    data.refresh_from_db()
    assert admin_client.post(revert, _form(data, title=original)).status_code == 302
    data.refresh_from_db()
    assert data.title == original


def test_a_title_only_item_can_be_corrected(admin_client, db):
    # A video item or a headline brief is imported with no body (found by the load test:
    # its title could not be corrected without inventing one).
    article = ArticleFactory(title="新闻联播片头", body="")
    url = f"/admin/archive/article/{article.pk}/change/"
    response = admin_client.post(url, _form(article, title="新闻联播片头（更正）"))
    assert response.status_code == 302, response.content.decode()[:2000]
    article.refresh_from_db()
    assert article.title == "新闻联播片头（更正）" and article.body == ""
