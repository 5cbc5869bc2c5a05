"""A search's result set downloads as CSV and JSON Lines: the search page's articles in its
order, with the query and the time of the export, bounded, streamed."""

import csv
import datetime as dt
import io
import json

import pytest
from django.core.management import call_command

from archive.selectors import search_export
from tests.factories import ArticleFactory


@pytest.fixture
def indexed(archive_data):
    """The small issue and 25 more articles about a meeting, over several days."""
    for i in range(25):
        ArticleFactory(
            title=f"会议报道{i}",
            published=dt.date(2021, 3, 1) + dt.timedelta(days=i % 9),
            page=i % 4 + 1,
        )
    call_command("build_index", verbosity=0)
    return archive_data


def jsonl(response) -> list[dict]:
    assert response.status_code == 200 and response.streaming
    text = b"".join(response.streaming_content).decode("utf-8")
    return [json.loads(line) for line in text.splitlines()]


def csv_rows(response) -> list[list[str]]:
    assert response.status_code == 200 and response.streaming
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")  # Excel reads UTF-8 only with its BOM
    return list(csv.reader(io.StringIO(text[1:])))


def page_ids(client, params: dict) -> list[int]:
    """The ids the search page lists for these parameters, page after page."""
    ids, page = [], 1
    while True:
        result = client.get("/search/", {**params, "page": page}).context["result"]
        ids += [hit.id for hit in result.hits]
        if page >= result.num_pages:
            return ids
        page += 1


@pytest.mark.parametrize(
    "params",
    [
        {"q": "会议"},
        {"q": "会议", "sort": "newest"},
        {"q": "会议", "sort": "oldest", "date_from": "2021-03-02", "date_to": "2021-04-17"},
        {"q": "邓群策"},
        {"person": "朱健"},
    ],
)
def test_downloads_hold_the_search_pages_articles_in_its_order(
    client, indexed, params, monkeypatch
):
    monkeypatch.setattr(search_export, "CHUNK", 7)  # several chunks, one cut mid-page
    expected = page_ids(client, params)
    assert expected
    lines = jsonl(client.get("/search/export.jsonl", params))
    assert [row["id"] for row in lines[1:]] == expected
    rows = csv_rows(client.get("/search/export.csv", params))
    assert [int(row[0]) for row in rows[4:]] == expected


def test_jsonl_starts_with_the_query_and_the_time(client, indexed):
    params = {"q": "市委常委会", "date_from": "2021-04-01", "date_to": "2021-04-30"}
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    meta, *rows = jsonl(client.get("/search/export.jsonl", {**params, "sort": "newest"}))
    assert meta["export"] == "search-results"
    assert meta["query"] == {**params, "person": "", "sort": "newest"}
    assert dt.datetime.fromisoformat(meta["exported_at"]) >= before
    assert (meta["count"], meta["limit"], meta["truncated"]) == (1, 10_000, False)
    assert meta["note"] == "共 1 篇，全部导出。"
    d = indexed
    assert rows == [
        {
            "id": d.meeting.pk,
            "url": f"http://testserver/articles/{d.meeting.pk}/",
            "published": "2021-04-17",
            "page": 1,
            "title": "市委常委会召开会议",
            "kicker": "传达贯彻重要指示精神",
            "deck": "听取相关工作汇报 审议有关文件",
            "reporters": ["陈润"],
            "persons": ["邓群策", "朱健"],
            "body": d.meeting.body,
        }
    ]


def test_csv_has_metadata_lines_then_the_articles(client, indexed):
    response = client.get("/search/export.csv", {"q": "市委常委会", "person": "邓群策"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="search-')
    names, values, blank, header, *rows = csv_rows(response)
    meta = dict(zip(names, values, strict=True))
    assert meta["q"] == "市委常委会" and meta["person"] == "邓群策" and meta["date_from"] == ""
    assert meta["count"] == "1" and meta["truncated"] == "false" and meta["exported_at"]
    assert blank == []
    assert header == list(search_export.FIELDS)
    (row,) = rows
    record = dict(zip(header, row, strict=True))
    assert record["title"] == "市委常委会召开会议" and record["reporters"] == "陈润"
    assert record["persons"] == "邓群策、朱健"
    assert record["body"] == indexed.meeting.body  # paragraphs kept, quoted in one cell


def test_the_bound_cuts_the_file_and_the_file_says_so(client, indexed, monkeypatch):
    monkeypatch.setattr(search_export, "EXPORT_LIMIT", 4)
    monkeypatch.setattr(search_export, "CHUNK", 3)
    params = {"q": "会议", "sort": "newest"}
    meta, *rows = jsonl(client.get("/search/export.jsonl", params))
    assert meta["truncated"] is True and meta["limit"] == 4 and meta["count"] > 4
    assert meta["note"] == f"共找到 {meta['count']} 篇，只导出了前 4 篇（每次导出的上限）。"
    assert [r["id"] for r in rows] == page_ids(client, params)[:4]
    names, values, _, _, *csv_data = csv_rows(client.get("/search/export.csv", params))
    assert dict(zip(names, values, strict=True))["truncated"] == "true"
    assert len(csv_data) == 4


def test_a_formula_like_cell_stays_text_in_excel(client, db):
    ArticleFactory(title="=1+1 不是公式", body="正文")
    call_command("build_index", verbosity=0)
    *_, row = csv_rows(client.get("/search/export.csv", {"q": "不是公式"}))
    assert row[4] == "'=1+1 不是公式"


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"date_from": "2021-13-45"}, "date_from: 起始日期“2021-13-45”不是有效日期"),
        ({"q": "会议", "sort": "best"}, "sort: 不认识的排序方式“best”"),
        ({"date_from": "2021-05-01", "date_to": "2021-04-01"}, "date_to: 起始日期晚于结束日期"),
    ],
)
def test_bad_parameters_get_a_400_with_the_forms_message(client, db, params, message):
    for url in ("/search/export.csv", "/search/export.jsonl"):
        response = client.get(url, params)
        assert response.status_code == 400
        assert response.content.decode().startswith(message)


def test_the_search_page_links_both_downloads_with_its_query(client, indexed):
    page = client.get("/search/", {"q": "会议", "sort": "oldest", "page": 2}).content.decode()
    assert 'href="/search/export.csv?q=%E4%BC%9A%E8%AE%AE&amp;sort=oldest"' in page
    assert 'href="/search/export.jsonl?q=%E4%BC%9A%E8%AE%AE&amp;sort=oldest"' in page
    assert "export.csv" not in client.get("/search/", {"q": "没有这个词语"}).content.decode()
