"""A reader's way through the site in a real Chromium (Debian's, never a downloaded one).

Each step saves a screenshot to test-artifacts/ for a person to look at.
"""

import pytest
from django.core.management import call_command

from tests.browser.conftest import BROWSER_MARKS, shot
from tests.web.conftest import build_archive

pytestmark = BROWSER_MARKS


@pytest.mark.django_db(transaction=True)
def test_reader_journey(live_server, browser_page):
    page, browser = browser_page
    data = build_archive()
    call_command("build_index", verbosity=0)  # the index the search steps read
    expect = pytest.importorskip("playwright.sync_api").expect

    page.goto(live_server.url + "/")
    expect(page.get_by_role("heading", name="最新一期：2021年4月17日")).to_be_visible()
    shot(page, "01-home")

    page.get_by_role("link", name="2021年4月17日").first.click()
    expect(page.locator("h1")).to_contain_text("2021年4月17日")
    expect(page.get_by_role("heading", name="第2版")).to_be_visible()
    shot(page, "02-day")

    page.get_by_role("link", name="市委常委会召开会议").click()
    expect(page.locator("h1")).to_have_text("市委常委会召开会议")
    expect(page.locator(".person-roles")).to_contain_text("邓群策 市委书记")
    page.get_by_role("button", name="复制链接").click()
    expect(page.locator(".copy-status")).to_contain_text("已复制")
    shot(page, "03-article")

    page.locator(".person-roles").get_by_role("link", name="邓群策").click()
    expect(page.locator("h1")).to_contain_text("邓群策")
    expect(page.locator("svg.timeline")).to_be_visible()
    shot(page, "04-person")

    page.get_by_label("检索文章").fill("邓群策")
    page.get_by_label("检索文章").press("Enter")
    expect(page.locator(".result-count")).to_contain_text("找到 2 篇")
    expect(page.locator(".hit mark").first).to_have_text("邓群策")
    shot(page, "05-search")

    page.locator(".facets").get_by_role("link", name="2020年4月17日").click()
    expect(page.locator(".result-count")).to_contain_text("找到 1 篇")
    expect(page.locator(".hits")).to_contain_text("去年今日的文章")
    expect(page.get_by_label("起始日期")).to_have_value("2020-04-17")
    shot(page, "06-search-narrowed")

    page.goto(live_server.url + data.meeting.get_absolute_url())
    page.get_by_role("link", name="市委常委会会议").click()
    expect(page.locator("h1")).to_have_text("市委常委会会议")
    expect(page.locator("dl.facts")).to_contain_text("主持邓群策")
    shot(page, "07-event")

    # The same article on a phone: one column, nothing wider than the screen.
    phone = browser.new_context(locale="zh-CN", viewport={"width": 390, "height": 844})
    mobile = phone.new_page()
    mobile.goto(live_server.url + data.meeting.get_absolute_url())
    width = mobile.evaluate("document.documentElement.scrollWidth")
    shot(mobile, "08-article-phone")
    phone.close()
    assert width <= 390
