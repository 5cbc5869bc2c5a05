"""The trend chart in a real Chromium: a click on a period narrows the search to it.

Screenshots go to test-artifacts/ (trend-*.png) for a person to look at.
"""

import datetime as dt

import pytest
from django.core.management import call_command

from tests.browser.conftest import BROWSER_MARKS, shot
from tests.factories import ArticleFactory

pytestmark = BROWSER_MARKS

# Articles per year with each term: (year, 脱贫攻坚, 乡村振兴, neither).
YEARS = [(2018, 6, 0, 4), (2019, 5, 1, 4), (2020, 3, 3, 4), (2021, 1, 5, 4)]


def build_years() -> None:
    for year, poverty, rural, neither in YEARS:
        for i in range(poverty + rural + neither):
            body = "脱贫攻坚" if i < poverty else "乡村振兴" if i < poverty + rural else "其他"
            ArticleFactory(
                published=dt.date(year, 1 + i % 12, 10),
                title=f"{year}年的第{i}篇",
                body=f"本报讯 全市{body}工作会议召开。",
            )


@pytest.mark.django_db(transaction=True)
def test_clicking_a_period_narrows_the_search(live_server, browser_page):
    page, browser = browser_page
    build_years()
    call_command("build_index", verbosity=0)
    expect = pytest.importorskip("playwright.sync_api").expect

    page.goto(live_server.url + "/search/?q=脱贫攻坚")
    expect(page.locator(".result-count")).to_contain_text("找到 15 篇")
    chart = page.locator("svg.trend")
    expect(chart).to_be_visible()
    expect(page.locator(".trend-table tbody tr")).to_have_count(4)  # by year over four years
    shot(page, "trend-01-by-year")

    chart.locator("a", has_text="2019年：").click()
    expect(page.locator(".result-count")).to_contain_text("找到 5 篇")
    expect(page.get_by_label("起始日期")).to_have_value("2019-01-01")
    expect(page.get_by_label("结束日期")).to_have_value("2019-12-31")
    # One year is charted by month, and the reader compares a second term.
    expect(page.locator(".trend-table tbody tr")).to_have_count(12)
    page.get_by_label("加入对比词").fill("乡村振兴")
    page.get_by_role("button", name="对比").click()
    expect(page.locator(".trend-legend")).to_contain_text("“乡村振兴”")
    expect(chart.locator("polyline.s1")).to_have_count(1)
    expect(page.get_by_label("起始日期")).to_have_value("2019-01-01")
    shot(page, "trend-02-by-month-compared")

    # The table's cells narrow too: May 2019 has one article with 脱贫攻坚.
    may = page.locator(".trend-table tbody tr", has_text="2019年5月")
    may.get_by_role("link").nth(1).click()
    expect(page.locator(".result-count")).to_contain_text("找到 1 篇")
    expect(page.get_by_label("起始日期")).to_have_value("2019-05-01")
    expect(page.get_by_label("结束日期")).to_have_value("2019-05-31")
    shot(page, "trend-03-narrowed-to-a-month")

    # On a phone the chart shrinks to the screen and the table scrolls in its own box.
    phone = browser.new_context(locale="zh-CN", viewport={"width": 390, "height": 844})
    mobile = phone.new_page()
    mobile.goto(live_server.url + "/search/?q=脱贫攻坚&vs=乡村振兴")
    expect(mobile.locator("svg.trend")).to_be_visible()
    width = mobile.evaluate("document.documentElement.scrollWidth")
    chart = mobile.locator("svg.trend").bounding_box()
    shot(mobile, "trend-04-phone")
    phone.close()
    assert width <= 390 and chart["width"] <= 390
