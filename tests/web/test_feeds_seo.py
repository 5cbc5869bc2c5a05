"""Feeds, sitemaps, robots.txt, OpenSearch and the error pages."""

from django.test import Client, override_settings


def test_latest_feed_is_atom_with_the_newest_articles(client, archive_data):
    response = client.get("/feeds/latest/")
    assert response["Content-Type"].startswith("application/atom+xml")
    body = response.content.decode()
    assert "<feed" in body and "市委常委会召开会议" in body
    assert body.index("市委常委会召开会议") < body.index("去年今日的文章")
    assert "被隐藏的文章" not in body


def test_person_feed(client, archive_data):
    body = client.get(f"/people/{archive_data.mayor.pk}/feed/").content.decode()
    assert "衡阳日报档案：朱健" in body and "市委常委会召开会议" in body
    assert "去年今日的文章" not in body


def test_search_feed(client, archive_data):
    import pytest
    from django.core.management import call_command

    pytest.importorskip("archive.search.service")
    call_command("build_index", verbosity=0)
    response = client.get("/search/feed/", {"q": "政法队伍"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "全市政法队伍教育整顿推进会召开" in body and "前一天的文章" not in body
    assert client.get("/search/feed/", {"q": "x", "page": "abc"}).status_code == 200


def test_sitemap_index_and_sections(client, archive_data):
    index = client.get("/sitemap.xml").content.decode()
    assert "sitemap-articles.xml" in index and "sitemap-issues.xml" in index
    articles = client.get("/sitemap-articles.xml").content.decode()
    assert f"<loc>http://testserver/articles/{archive_data.meeting.pk}/</loc><lastmod>" in articles
    assert f"/articles/{archive_data.hidden.pk}/" not in articles
    assert "/2021/04/17/" in client.get("/sitemap-issues.xml").content.decode()
    people = client.get("/sitemap-people.xml").content.decode()
    assert f"/people/{archive_data.secretary.pk}/" in people
    assert f"/people/{archive_data.rejected.pk}/" not in people
    assert client.get("/sitemap-articles.xml", {"p": 9}).status_code == 404
    assert client.get("/sitemap-nothing.xml").status_code == 404


def test_robots_and_opensearch(client, db):
    robots = client.get("/robots.txt")
    assert robots["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in robots.content.decode()
    osd = client.get("/opensearch.xml")
    assert osd["Content-Type"].startswith("application/opensearchdescription+xml")
    assert 'template="http://testserver/search/?q={searchTerms}"' in osd.content.decode()
    assert 'rel="search"' in client.get("/").content.decode()


def test_404_page_in_site_style(client, db):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "找不到这个页面" in page and "site.css" in page and "/no/such/page/" in page


@override_settings(DEBUG=False)
def test_500_page_in_site_style(db, monkeypatch):
    from archive.views import browse

    monkeypatch.setattr(browse, "selectors", None)  # any attribute access fails inside home()
    client = Client(raise_request_exception=False)
    response = client.get("/")
    assert response.status_code == 500
    page = response.content.decode()
    assert "服务器出错了" in page and "site.css" in page
