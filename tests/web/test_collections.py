"""Readers' accounts and collections through the site: sign up, log in (django-axes counting),
save from the article page, manage, share, export and import; only the owner, only by POST."""

import datetime as dt
import json

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from archive.models import Article, Collection
from archive.services import collections as services
from tests.factories import ArticleFactory

PASSWORD = "a-long-reader-password-7"
DAY = dt.date(2021, 4, 17)


@pytest.fixture
def reader(db):
    return User.objects.create_user("reader", password=PASSWORD)


@pytest.fixture
def signed_in(client, reader):
    client.force_login(reader)
    return client


@pytest.fixture
def article(db):
    return ArticleFactory(title="市委常委会召开会议", published=DAY)


@pytest.fixture
def collection(reader, article):
    collection = services.create_collection(owner=reader, name="调研")
    services.add_article(collection, article, note="第一条笔记")
    return collection


def url(name, *args):
    from django.urls import reverse

    return reverse(f"archive:collections:{name}", args=args)


# --- accounts ----------------------------------------------------------------------------------


def test_sign_up_logs_the_reader_in_and_goes_back(client, db, article):
    page = client.get("/accounts/signup/", {"next": article.get_absolute_url()})
    assert page.status_code == 200 and "注册" in page.content.decode()
    response = client.post(
        "/accounts/signup/",
        {
            "username": "newreader",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "next": article.get_absolute_url(),
        },
    )
    assert response.status_code == 302 and response["Location"] == article.get_absolute_url()
    html = client.get(article.get_absolute_url()).content.decode()
    assert "我的收藏夹" in html and 'action="/accounts/logout/"' in html


def test_sign_up_refuses_mismatched_passwords_and_unsafe_next(client, db):
    response = client.post(
        "/accounts/signup/",
        {"username": "x", "password1": PASSWORD, "password2": "other-password-9"},
    )
    assert response.status_code == 400 and not User.objects.exists()
    response = client.post(
        "/accounts/signup/",
        {
            "username": "x",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "next": "https://evil.example/",
        },
    )
    assert response["Location"] == url("list")


def test_reader_login_and_logout(client, reader):
    page = client.get("/accounts/login/")
    assert "登录" in page.content.decode()
    response = client.post(
        "/accounts/login/", {"username": "reader", "password": PASSWORD, "next": url("list")}
    )
    assert response.status_code == 302 and response["Location"] == url("list")
    assert client.get(url("list")).status_code == 200
    assert client.get("/accounts/logout/").status_code == 405  # Django 5: POST only
    response = client.post("/accounts/logout/")
    assert response.status_code == 302 and response["Location"] == "/"
    assert client.get(url("list")).status_code == 302


def test_reader_login_is_throttled_by_axes(client, reader):
    for _ in range(4):
        response = client.post("/accounts/login/", {"username": "reader", "password": "wrong"})
        assert response.status_code == 200 and "请输入一个正确的" in response.content.decode()
    # The fifth failure locks the pair out: then even the right password is refused.
    for password in ("wrong", PASSWORD):
        response = client.post("/accounts/login/", {"username": "reader", "password": password})
        assert response.status_code == 429 and "登录已暂停" in response.content.decode()


def test_header_offers_login_back_to_the_page_to_anonymous_readers(client, article):
    html = client.get(article.get_absolute_url()).content.decode()
    assert f'href="/accounts/login/?next=/articles/{article.pk}/"' in html
    assert "我的收藏夹" not in html


def test_collection_pages_need_a_login(client, collection):
    for path in (url("list"), url("detail", collection.pk), url("export", collection.pk, "json")):
        response = client.get(path)
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


# --- the article page's box ----------------------------------------------------------------------


def test_anonymous_reader_gets_a_login_link_back_to_the_article(client, article):
    html = client.get(article.get_absolute_url()).content.decode()
    assert f'href="/accounts/login/?next=/articles/{article.pk}/%23collect"' in html
    assert "collect-note" not in html


def test_save_an_article_into_a_new_collection_with_a_note(signed_in, reader, article):
    page = signed_in.get(article.get_absolute_url()).content.decode()
    box = page[page.index('id="collect"') :].split("</section>")[0]
    assert 'id="collect-note"' in box and 'name="csrfmiddlewaretoken"' in box
    response = signed_in.post(url("save", article.pk), {"new_name": "论文", "note": "重要"})
    assert response["Location"] == f"/articles/{article.pk}/?saved=1#collect"
    item = Collection.objects.get(owner=reader, name="论文").items.get()
    assert (item.article, item.note) == (article, "重要")
    html = signed_in.get(response["Location"]).content.decode()
    assert "已收藏。" in html and f'href="{url("detail", item.collection_id)}">论文</a>' in html


def test_save_into_an_existing_collection(signed_in, collection):
    other = ArticleFactory(title="另一篇")
    signed_in.post(url("save", other.pk), {"collection": collection.pk, "note": ""})
    assert [i.title for i in collection.items.all()] == ["市委常委会召开会议", "另一篇"]


def test_save_refuses_no_collection_and_another_readers_collection(signed_in, article):
    response = signed_in.post(url("save", article.pk), {"note": "x"})
    assert response.status_code == 400 and "请选择收藏夹" in response.content.decode()
    theirs = services.create_collection(owner=User.objects.create_user("other"), name="他的")
    response = signed_in.post(url("save", article.pk), {"collection": theirs.pk})
    assert response.status_code == 400 and not theirs.items.exists()


def test_hidden_article_cannot_be_saved(signed_in):
    hidden = ArticleFactory(is_hidden=True)
    assert signed_in.post(url("save", hidden.pk), {"new_name": "甲"}).status_code == 404


# --- managing ------------------------------------------------------------------------------------


def test_create_list_rename_and_delete(signed_in, reader):
    response = signed_in.post(url("create"), {"name": "甲", "description": "说明"})
    collection = Collection.objects.get(owner=reader)
    assert response["Location"] == url("detail", collection.pk)
    duplicate = signed_in.post(url("create"), {"name": "甲"})
    assert duplicate.status_code == 400 and "已有同名的收藏夹" in duplicate.content.decode()
    assert "甲" in signed_in.get(url("list")).content.decode()

    signed_in.post(url("edit", collection.pk), {"name": "乙", "description": ""})
    collection.refresh_from_db()
    assert collection.name == "乙"

    services.add_article(collection, ArticleFactory())
    confirm = signed_in.get(url("delete", collection.pk))
    assert "其中的 1 篇文章" in confirm.content.decode() and Collection.objects.exists()
    assert signed_in.post(url("delete", collection.pk))["Location"] == url("list")
    assert not Collection.objects.exists()


def test_rename_to_a_name_in_use_is_refused(signed_in, reader, collection):
    services.create_collection(owner=reader, name="乙")
    response = signed_in.post(url("edit", collection.pk), {"name": "乙"})
    assert response.status_code == 400 and "已有同名的收藏夹“乙”" in response.content.decode()


def test_note_move_and_remove(signed_in, collection):
    second = services.add_article(collection, ArticleFactory(title="第二篇"))
    first = collection.items.get(note="第一条笔记")
    signed_in.post(url("item_note", first.pk), {"note": "改过"})
    signed_in.post(url("item_move", second.pk), {"direction": "up"})
    html = signed_in.get(url("detail", collection.pk)).content.decode()
    listed = html[html.index('class="collection-items"') :]
    assert "改过" in listed and listed.index("第二篇") < listed.index("市委常委会召开会议")
    signed_in.post(url("item_remove", first.pk))
    assert [i.title for i in collection.items.all()] == ["第二篇"]


def test_another_readers_collection_answers_404_and_stays_as_it_was(signed_in, db):
    owner = User.objects.create_user("owner")
    theirs = services.create_collection(owner=owner, name="私人")
    item = services.add_article(theirs, ArticleFactory(), note="秘密")
    for path in (
        url("detail", theirs.pk),
        url("delete", theirs.pk),
        url("export", theirs.pk, "csv"),
    ):
        assert signed_in.get(path).status_code == 404
    for path, data in [
        (url("edit", theirs.pk), {"name": "改名"}),
        (url("delete", theirs.pk), {}),
        (url("share", theirs.pk), {}),
        (url("item_note", item.pk), {"note": "偷看"}),
        (url("item_move", item.pk), {"direction": "down"}),
        (url("item_remove", item.pk), {}),
    ]:
        assert signed_in.post(path, data).status_code == 404
    theirs.refresh_from_db()
    assert (theirs.name, theirs.is_shared, theirs.items.get().note) == ("私人", False, "秘密")


def test_every_change_is_a_post(signed_in, collection):
    item = collection.items.get()
    for path in (
        url("create"),
        url("edit", collection.pk),
        url("share", collection.pk),
        url("unshare", collection.pk),
        url("import"),
        url("item_note", item.pk),
        url("item_move", item.pk),
        url("item_remove", item.pk),
        url("save", item.article_id),
    ):
        assert signed_in.get(path).status_code == 405, path


def test_a_post_without_the_csrf_token_is_refused(reader, collection):
    client = Client(enforce_csrf_checks=True)
    client.force_login(reader)
    assert client.post(url("delete", collection.pk)).status_code == 403
    assert client.post("/accounts/logout/").status_code == 403
    assert Collection.objects.filter(pk=collection.pk).exists()


# --- sharing -------------------------------------------------------------------------------------


def test_share_link_on_and_off(signed_in, collection):
    link = url("shared", collection.share_token)
    assert Client().get(link).status_code == 404  # private
    signed_in.post(url("share", collection.pk))
    page = Client().get(link)
    assert page.status_code == 200 and "第一条笔记" in page.content.decode()
    assert link in signed_in.get(url("detail", collection.pk)).content.decode()

    signed_in.post(url("unshare", collection.pk))
    assert Client().get(link).status_code == 404
    signed_in.post(url("share", collection.pk))  # shared again: a new link only
    collection.refresh_from_db()
    assert Client().get(link).status_code == 404
    assert Client().get(url("shared", collection.share_token)).status_code == 200


# --- export and import ---------------------------------------------------------------------------


def test_export_json_and_csv_download(signed_in, collection, article):
    response = signed_in.get(url("export", collection.pk, "json"))
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment;")
    document = json.loads(response.content)
    assert document["items"][0]["url"] == f"http://testserver/articles/{article.pk}/"
    response = signed_in.get(url("export", collection.pk, "csv"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "第一条笔记" in response.content.decode("utf-8-sig")
    assert signed_in.get(url("export", collection.pk, "xml")).status_code == 404


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_export_then_import_into_a_fresh_archive(signed_in, reader, collection, article, fmt):
    gone = ArticleFactory(title="不在新档案中的文章", published=DAY)
    services.add_article(collection, gone, note="第二条笔记")
    exported = signed_in.get(url("export", collection.pk, fmt)).content
    # A fresh archive: the same articles under new ids, one of them missing.
    Collection.objects.all().delete()
    Article.objects.all().delete()
    ArticleFactory(title="填充")
    again = ArticleFactory(title=article.title, published=article.published)
    assert again.pk != article.pk

    upload = SimpleUploadedFile(f"调研.{fmt}", exported)
    response = signed_in.post(url("import"), {"file": upload, "name": ""})
    imported = Collection.objects.get(owner=reader)
    assert response["Location"] == url("detail", imported.pk)
    html = signed_in.get(response["Location"]).content.decode()
    assert "按编号找到 0 篇，按标题和日期找到 1 篇" in html
    assert "1 篇在本档案中未找到：《不在新档案中的文章》" in html
    assert [(i.article, i.note) for i in imported.items.all()] == [
        (again, "第一条笔记"),
        (None, "第二条笔记"),
    ]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("notes.txt", b"hello", "只能导入 JSON 或 CSV"),
        ("x.json", b"{not json", "不是有效的 JSON"),
        ("x.csv", "title,note\n标题,笔记\n".encode(), "CSV 缺少列"),
    ],
)
def test_a_bad_upload_says_why_and_imports_nothing(signed_in, db, name, content, message):
    response = signed_in.post(url("import"), {"file": SimpleUploadedFile(name, content)})
    assert response.status_code == 400 and message in response.content.decode()
    assert not Collection.objects.exists()


def test_a_too_big_upload_is_refused_before_it_is_read(signed_in, db, monkeypatch):
    monkeypatch.setattr("archive.forms.collections.MAX_UPLOAD_BYTES", 10)
    upload = SimpleUploadedFile("x.json", b'{"items": []}')
    response = signed_in.post(url("import"), {"file": upload})
    assert response.status_code == 400 and "文件太大" in response.content.decode()
    assert not Collection.objects.exists()


def test_collection_pages_keep_to_the_csp(signed_in, collection, article):
    for path in (url("list"), url("detail", collection.pk), article.get_absolute_url()):
        html = signed_in.get(path).content.decode()
        assert " style=" not in html and "<script>" not in html


def test_the_box_costs_one_query_however_many_collections(signed_in, reader, collection, article):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries() -> int:
        with CaptureQueriesContext(connection) as context:
            assert signed_in.get(article.get_absolute_url()).status_code == 200
        return len(context)

    before = queries()
    for n in range(30):
        services.add_article(services.create_collection(owner=reader, name=f"夹{n}"), article)
    assert queries() == before
