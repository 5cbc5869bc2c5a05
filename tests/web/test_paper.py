"""The paper's name, short name and city come from the settings (NEWSROOM_PAPER_*)."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.test import Client, override_settings

from archive.context_processors import current_paper

OTHER = {
    "NEWSROOM_PAPER_NAME": "湘江晚报",
    "NEWSROOM_PAPER_SHORT_NAME": "湘江",
    "NEWSROOM_PAPER_CITY": "长沙",
}
other_paper = override_settings(**OTHER)


def text(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def read_settings(**env) -> dict:
    """The NEWSROOM_PAPER_* settings as newsroom/settings.py reads them from this environment."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("NEWSROOM_PAPER_")}
    code = (
        "import json; from newsroom import settings as s; "
        "print(json.dumps([s.NEWSROOM_PAPER_NAME, s.NEWSROOM_PAPER_SHORT_NAME,"
        " s.NEWSROOM_PAPER_CITY]))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        env={**clean, "DJANGO_SECRET_KEY": "test", **env},
        capture_output=True,
        text=True,
        check=True,
        cwd=settings.BASE_DIR,
    )
    return json.loads(out.stdout)


def test_the_default_is_the_seed_paper():
    assert read_settings() == ["衡阳日报", "衡阳日报", "衡阳"]


def test_the_environment_names_the_paper():
    assert read_settings(**OTHER) == ["湘江晚报", "湘江", "长沙"]
    # Without a short name the name serves; empty values are not names.
    assert read_settings(NEWSROOM_PAPER_NAME="湘江晚报") == ["湘江晚报", "湘江晚报", "衡阳"]
    assert read_settings(NEWSROOM_PAPER_NAME=" ") == ["衡阳日报", "衡阳日报", "衡阳"]


def test_default_site_is_the_seed_paper(client, db):
    paper = current_paper()
    assert (paper.name, paper.short_name, paper.city) == ("衡阳日报", "衡阳日报", "衡阳")
    page = text(client.get("/"))
    assert '<h1 id="search-heading">衡阳日报档案</h1>' in page
    assert "<title>首页 · 衡阳日报档案</title>" in page
    assert "<ShortName>衡阳日报档案</ShortName>" in text(client.get("/opensearch.xml"))


@other_paper
def test_home_page_names_the_configured_paper(client, db):
    page = text(client.get("/"))
    assert '<h1 id="search-heading">湘江档案</h1>' in page
    assert "<title>首页 · 湘江档案</title>" in page
    assert '<a class="site-name" href="/">湘江<span>档案</span></a>' in page
    assert 'title="湘江档案" href="/opensearch.xml"' in page
    assert "《湘江晚报》文章档案" in page  # description and footer
    assert "衡阳" not in page


@other_paper
def test_pages_describe_the_configured_paper(client, archive_data):
    day = text(client.get("/2021/04/17/"))
    assert '<meta name="description" content="《湘江晚报》2021年4月17日各版文章目录' in day
    person = text(client.get(f"/people/{archive_data.secretary.pk}/"))
    assert "《湘江晚报》中关于邓群策的报道" in person
    article = text(client.get(f"/articles/{archive_data.meeting.pk}/"))
    assert "陈润. 市委常委会召开会议[N]. 湘江晚报, 2021-04-17(1)." in article  # the citation
    assert "衡阳日报" not in day + person + article


@other_paper
def test_feeds_name_the_configured_paper(client, archive_data):
    latest = text(client.get("/feeds/latest/"))
    assert "<title>湘江档案：最新文章</title>" in latest
    assert "<subtitle>《湘江晚报》最新收录的文章</subtitle>" in latest
    person = text(client.get(f"/people/{archive_data.mayor.pk}/feed/"))
    assert "<title>湘江档案：朱健</title>" in person
    assert "衡阳日报" not in latest + person


@other_paper
def test_opensearch_names_the_configured_paper(client, db):
    osd = text(client.get("/opensearch.xml"))
    assert "<ShortName>湘江档案</ShortName>" in osd
    assert "<Description>检索《湘江晚报》文章档案</Description>" in osd
    assert "<Tags>长沙 湘江 报纸 档案</Tags>" in osd
    assert "衡阳" not in osd


def test_admin_names_the_configured_paper(admin_client):
    import newsroom.urls  # noqa: F401 - the URLs (which set the header) load before the override

    with other_paper:
        page = text(admin_client.get("/admin/"))
        assert '<a href="/admin/">湘江档案 · 管理</a>' in page
        assert "| 湘江档案</title>" in page
        assert "衡阳" not in page


def test_admin_default_header(admin_client):
    assert '<a href="/admin/">衡阳日报档案 · 管理</a>' in text(admin_client.get("/admin/"))


@other_paper
@override_settings(DEBUG=False)
def test_500_page_names_the_configured_paper(db, monkeypatch):
    from archive.views import browse

    monkeypatch.setattr(browse, "selectors", None)  # home() fails
    response = Client(raise_request_exception=False).get("/")
    assert response.status_code == 500
    page = response.content.decode()
    assert "<title>出错了 · 湘江档案</title>" in page
    assert '<a class="site-name" href="/">湘江<span>档案</span></a>' in page


@pytest.mark.parametrize("short", ["", None])
def test_short_name_falls_back_to_the_name(client, db, short):
    with override_settings(NEWSROOM_PAPER_NAME="湘江晚报", NEWSROOM_PAPER_SHORT_NAME=short):
        assert '<h1 id="search-heading">湘江晚报档案</h1>' in text(client.get("/"))
