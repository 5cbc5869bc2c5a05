"""A reader's collection in a real Chromium: sign up from an article, save it with a note,
export the collection, delete it, import the file and find the article and note back."""

import json

import pytest

from tests.browser.conftest import BROWSER_MARKS, shot
from tests.web.conftest import build_archive

pytestmark = BROWSER_MARKS

PASSWORD = "a-long-reader-password-7"
NOTE = "会议部分，论文第二章引用"


@pytest.mark.django_db(transaction=True)
def test_save_export_delete_and_import_a_collection(live_server, browser_page, tmp_path):
    page, _ = browser_page
    data = build_archive()
    expect = pytest.importorskip("playwright.sync_api").expect
    article_url = live_server.url + data.meeting.get_absolute_url()

    page.goto(article_url)
    page.locator("#collect").get_by_role("link", name="登录").click()
    page.get_by_role("link", name="注册").click()
    page.locator("#id_username").fill("reader")
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    shot(page, "collections-01-signup")
    page.get_by_role("button", name="注册").click()
    expect(page).to_have_url(article_url + "#collect")  # back at the article

    page.get_by_label("新收藏夹名称").fill("论文材料")
    page.get_by_label("笔记（选填）").fill(NOTE)
    page.locator("#collect").get_by_role("button", name="收藏").click()
    expect(page.locator(".collect-status")).to_have_text("已收藏。")
    expect(page.locator("#collect")).to_contain_text("已在：论文材料")
    shot(page, "collections-02-saved")

    page.get_by_role("link", name="我的收藏夹").click()
    page.get_by_role("link", name="论文材料").click()
    item = page.locator(".collection-item")
    expect(item.get_by_role("link")).to_have_text("市委常委会召开会议")
    expect(item.locator("textarea")).to_have_value(NOTE)
    with page.expect_download() as download:
        page.get_by_role("link", name="导出 JSON").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.name == "论文材料.json"
    assert json.loads(saved.read_text(encoding="utf-8"))["items"][0]["note"] == NOTE
    shot(page, "collections-03-collection")

    page.get_by_role("link", name="删除这个收藏夹…").click()
    page.get_by_role("button", name="删除").click()
    expect(page.locator(".empty-state")).to_contain_text("还没有收藏夹")

    page.get_by_label("收藏夹文件（JSON 或 CSV）").set_input_files(saved)
    page.get_by_role("button", name="导入").click()
    expect(page.locator("h1")).to_have_text("论文材料")
    expect(page.locator(".notice")).to_contain_text("按编号找到 1 篇，按标题和日期找到 0 篇")
    expect(item.get_by_role("link")).to_have_text("市委常委会召开会议")
    expect(item.locator("textarea")).to_have_value(NOTE)
    shot(page, "collections-04-imported")

    page.set_viewport_size({"width": 390, "height": 844})  # a phone: one column, no sideways scroll
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    shot(page, "collections-05-phone")

    page.get_by_role("button", name="退出").click()
    expect(page.get_by_role("link", name="登录")).to_be_visible()
