"""Readers' collections: the services that write them, their files (export, import) and the
selectors that keep one reader's collections from another."""

import datetime as dt
import json

import pytest
from django.contrib.auth.models import User

from archive.models import Article, Collection, CollectionItem
from archive.selectors import collections as selectors
from archive.services import collection_files as files
from archive.services import collections as services
from archive.services.collection_files import CollectionFileError
from archive.services.collections import CollectionError
from tests.factories import ArticleFactory

BASE = "https://archive.example"
DAY = dt.date(2021, 4, 17)


@pytest.fixture
def reader(db):
    return User.objects.create_user("reader", password="x")


@pytest.fixture
def filled(reader):
    """A collection of three articles, each with a note."""
    articles = [
        ArticleFactory(title="市委常委会召开会议", published=DAY),
        ArticleFactory(title="全市政法队伍教育整顿推进会召开", published=DAY),
        ArticleFactory(title="去年今日的文章", published=dt.date(2020, 4, 17)),
    ]
    collection = services.create_collection(owner=reader, name="调研", description="写论文用")
    for n, article in enumerate(articles):
        services.add_article(collection, article, note=f"笔记{n}")
    return collection, articles


def titles(collection):
    return [i.title for i in selectors.collection_items(collection)]


# --- collections and items ---------------------------------------------------------------------


def test_create_rename_and_delete(reader):
    collection = services.create_collection(owner=reader, name="甲")
    services.rename_collection(collection, name="乙", description="说明")
    collection.refresh_from_db()
    assert (collection.name, collection.description) == ("乙", "说明")
    services.delete_collection(collection)
    assert not Collection.objects.exists()


def test_items_keep_their_order_and_notes(filled):
    collection, articles = filled
    assert titles(collection) == [a.title for a in articles]
    assert [i.note for i in selectors.collection_items(collection)] == ["笔记0", "笔记1", "笔记2"]


def test_saving_an_article_twice_keeps_one_item_with_the_new_note(filled):
    collection, articles = filled
    services.add_article(collection, articles[0], note="新的笔记")
    services.add_article(collection, articles[0])  # no note: the note stays
    items = list(selectors.collection_items(collection))
    assert len(items) == 3 and items[0].note == "新的笔记"


def test_a_full_collection_takes_no_more(filled, monkeypatch):
    collection, _ = filled
    monkeypatch.setattr(services, "MAX_ITEMS", 3)
    with pytest.raises(CollectionError, match="已满"):
        services.add_article(collection, ArticleFactory())
    assert collection.items.count() == 3


def test_move_remove_and_note(filled):
    collection, articles = filled
    items = list(selectors.collection_items(collection))
    services.move_item(items[2], offset=-1)
    assert titles(collection) == [articles[0].title, articles[2].title, articles[1].title]
    services.move_item(items[0], offset=-1)  # already first: stays
    services.move_item(items[0], offset=5)  # past the end: last
    assert titles(collection) == [articles[2].title, articles[1].title, articles[0].title]
    services.update_note(items[1], note="改过的笔记")
    services.remove_item(items[0])
    remaining = list(selectors.collection_items(collection))
    assert [i.title for i in remaining] == [articles[2].title, articles[1].title]
    assert remaining[1].note == "改过的笔记"


def test_collection_named_finds_the_readers_own_or_makes_it(reader):
    other = User.objects.create_user("other", password="x")
    theirs = services.create_collection(owner=other, name="甲")
    mine = services.collection_named(owner=reader, name="甲")
    assert mine.pk != theirs.pk and mine.owner == reader
    assert services.collection_named(owner=reader, name="甲").pk == mine.pk


def test_sharing_on_and_off_revokes_the_old_link(filled):
    collection, _ = filled
    token = collection.share_token
    with pytest.raises(Collection.DoesNotExist):
        selectors.shared_collection(token)  # private until shared
    services.share_collection(collection)
    assert selectors.shared_collection(token).pk == collection.pk
    services.unshare_collection(collection)
    assert collection.share_token != token
    with pytest.raises(Collection.DoesNotExist):
        selectors.shared_collection(token)
    services.share_collection(collection)  # shared again: a new link, the old one stays dead
    assert selectors.shared_collection(collection.share_token).pk == collection.pk
    with pytest.raises(Collection.DoesNotExist):
        selectors.shared_collection(token)


def test_selectors_never_hand_out_another_readers_collection(filled):
    collection, _ = filled
    intruder = User.objects.create_user("intruder", password="x")
    with pytest.raises(Collection.DoesNotExist):
        selectors.collection_of(intruder, collection.pk)
    with pytest.raises(CollectionItem.DoesNotExist):
        selectors.item_of(intruder, collection.items.first().pk)
    assert list(selectors.collections_of(intruder)) == []
    assert selectors.collection_of(collection.owner, collection.pk) == collection


def test_a_hidden_or_deleted_article_leaves_its_item_with_title_and_note(filled):
    collection, articles = filled
    Article.objects.filter(pk=articles[0].pk).update(is_hidden=True)
    articles[1].delete()
    items = list(selectors.collection_items(collection))
    assert [i.article for i in items[:2]] == [None, None]
    assert [(i.title, i.note) for i in items[:2]] == [
        ("市委常委会召开会议", "笔记0"),
        ("全市政法队伍教育整顿推进会召开", "笔记1"),
    ]


# --- export ------------------------------------------------------------------------------------


def test_export_json_has_ids_urls_titles_dates_notes_and_the_collection(filled):
    collection, articles = filled
    document = json.loads(
        files.export_json(collection, selectors.collection_items(collection), BASE)
    )
    assert document["format"] == "newsroom-collection" and document["version"] == 1
    assert (document["name"], document["description"]) == ("调研", "写论文用")
    assert document["items"][0] == {
        "article_id": articles[0].pk,
        "url": f"{BASE}/articles/{articles[0].pk}/",
        "title": "市委常委会召开会议",
        "published": "2021-04-17",
        "note": "笔记0",
    }


def test_export_csv_has_the_same_columns_and_a_bom(filled):
    collection, articles = filled
    articles[2].delete()
    text = files.export_csv(collection, selectors.collection_items(collection), BASE)
    assert text.startswith("\ufeffcollection,description,article_id,url,title,published,note\r\n")
    lines = text.splitlines()
    assert lines[1] == (
        f"调研,写论文用,{articles[0].pk},{BASE}/articles/{articles[0].pk}/,"
        "市委常委会召开会议,2021-04-17,笔记0"
    )
    assert lines[3] == "调研,写论文用,,,去年今日的文章,2020-04-17,笔记2"  # the article is gone


# --- import ------------------------------------------------------------------------------------


def exported(collection, fmt):
    write = files.export_json if fmt == "json" else files.export_csv
    text = write(collection, selectors.collection_items(collection), BASE)
    return text.encode("utf-8")


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_import_into_another_copy_matches_by_id_then_title_and_date(filled, fmt):
    collection, articles = filled
    data = files.read_collection_file(exported(collection, fmt), f"调研.{fmt}")
    # Another copy of the archive: the first article kept its id; the second was imported
    # again under a new id; the third is not in it, and another article took its id.
    kept, moved, missing = articles
    moved_id, missing_id = moved.pk, missing.pk
    moved.delete()
    missing.delete()
    ArticleFactory(title="填充", published=DAY)  # new ids start past the old ones
    again = ArticleFactory(title=moved.title, published=moved.published)
    impostor = ArticleFactory(pk=missing_id, title="另一篇文章", published=missing.published)
    assert again.pk != moved_id and impostor.pk == missing_id
    collection.delete()

    report = files.import_collection(owner=filled[0].owner, data=data)
    assert (report.by_id, report.by_title_date) == (1, 1)
    assert [(r.title, r.published, r.note) for r in report.unmatched] == [
        ("去年今日的文章", dt.date(2020, 4, 17), "笔记2")
    ]
    imported = report.collection
    assert (imported.name, imported.description) == ("调研", "写论文用")
    items = list(selectors.collection_items(imported))
    assert [i.article for i in items] == [kept, again, None]
    assert [(i.title, i.published, i.note) for i in items] == [
        ("市委常委会召开会议", DAY, "笔记0"),
        ("全市政法队伍教育整顿推进会召开", DAY, "笔记1"),
        ("去年今日的文章", dt.date(2020, 4, 17), "笔记2"),
    ]


def test_import_beside_the_original_takes_a_free_name(filled):
    collection, _ = filled
    data = files.read_collection_file(exported(collection, "json"), "x.json")
    first = files.import_collection(owner=collection.owner, data=data)
    second = files.import_collection(owner=collection.owner, data=data, name="调研")
    assert (first.collection.name, second.collection.name) == ("调研（2）", "调研（3）")
    assert first.by_id == 3 and not first.unmatched


def test_same_title_same_day_articles_each_find_their_own(reader):
    briefs = [ArticleFactory(title="简讯", published=DAY) for _ in range(2)]
    data = files.CollectionFile(
        name="简讯",
        description="",
        items=(
            files.ItemRecord(title="简讯", published=DAY, note="一"),
            files.ItemRecord(title="简讯", published=DAY, note="二"),
            files.ItemRecord(title="简讯", published=DAY, note="三"),
        ),
    )
    report = files.import_collection(owner=reader, data=data)
    items = list(selectors.collection_items(report.collection))
    # The third found both taken: its note joins the first's, not a second item of one article.
    assert [(i.article, i.note) for i in items] == [(briefs[0], "一\n\n三"), (briefs[1], "二")]


def test_an_import_that_fails_writing_leaves_nothing(filled, monkeypatch):
    collection, _ = filled
    data = files.read_collection_file(exported(collection, "json"), "x.json")

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(CollectionItem.objects, "bulk_create", broken)
    with pytest.raises(RuntimeError):
        files.import_collection(owner=collection.owner, data=data, name="新的")
    assert list(Collection.objects.values_list("name", flat=True)) == ["调研"]


GOOD_JSON = {"name": "甲", "items": [{"article_id": 1, "title": "标题", "published": None}]}


@pytest.mark.parametrize(
    ("content", "file_name", "message"),
    [
        (b"{}", "notes.txt", "只能导入 JSON 或 CSV"),
        (b"\x89PNG\r\n\x1a\n\xff\xfe", "picture.json", "不是 UTF-8"),
        (b'{"name": "x", "items": [', "x.json", "不是有效的 JSON"),
        (b"[1, 2]", "x.json", "items 为文章列表"),
        (b'{"format": "other", "items": []}', "x.json", "不是收藏夹文件"),
        (b'{"items": [{"title": ""}]}', "x.json", "第 1 项没有标题"),
        (b'{"items": [{"title": "t", "article_id": "7"}]}', "x.json", "article_id 应为正整数"),
        (
            b'{"items": [{"title": "t", "published": "2021-02-30"}]}',
            "x.json",
            "日期“2021-02-30”无效",
        ),
        (b'{"items": [{"title": "t", "note": 5}]}', "x.json", "note 应为文字"),
        ("title,note\n标题,笔记\n".encode(), "x.csv", "CSV 缺少列：article_id、published"),
        ("article_id,title,published,note\nabc,标题,,\n".encode(), "x.csv", "第 1 行：article_id"),
        ("article_id,title,published,note\n,标题,17/04/2021,\n".encode(), "x.csv", "第 1 行：日期"),
        (b"article_id,title,published,note\n,t,," + b"x" * 140_000, "x.csv", "不是有效的 CSV"),
    ],
)
def test_a_bad_file_is_refused_with_a_reason(content, file_name, message):
    with pytest.raises(CollectionFileError, match=message):
        files.read_collection_file(content, file_name)


def test_too_big_or_too_many_is_refused(monkeypatch):
    good = json.dumps(GOOD_JSON).encode()
    assert files.read_collection_file(good, "x.JSON").items[0].title == "标题"
    monkeypatch.setattr(files, "MAX_UPLOAD_BYTES", len(good) - 1)
    with pytest.raises(CollectionFileError, match="文件太大"):
        files.read_collection_file(good, "x.json")
    monkeypatch.undo()
    monkeypatch.setattr(files, "MAX_ITEMS", 1)
    two = {"items": GOOD_JSON["items"] * 2}
    with pytest.raises(CollectionFileError, match="最多 1 篇"):
        files.read_collection_file(json.dumps(two).encode(), "x.json")
