"""In a real Chromium: copy a GB/T 7714 citation, report an error, download a result set."""

import csv
import io
import json
import re
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.browser.conftest import BROWSER_MARKS, shot
from tests.web.conftest import build_archive

pytestmark = BROWSER_MARKS


CITATION = "陈润. 市委常委会召开会议[N]. 衡阳日报, 2021-04-17(1)."


@pytest.mark.django_db(transaction=True)
def test_copy_a_citation_and_report_an_error(live_server, browser_page):
    page, _ = browser_page
    data = build_archive()
    expect = pytest.importorskip("playwright.sync_api").expect
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)

    page.goto(live_server.url + data.meeting.get_absolute_url())
    expect(page.locator("#citation")).to_have_text(CITATION)
    page.get_by_role("button", name="复制引文", exact=True).click()
    expect(page.locator(".copy-status")).to_have_text("已复制GB/T 7714 引文：" + CITATION)
    assert page.evaluate("navigator.clipboard.readText()") == CITATION
    page.get_by_text("BibTeX", exact=True).click()
    page.get_by_role("button", name="复制 BibTeX").click()
    expect(page.locator(".copy-status")).to_contain_text("已复制BibTeX：@article{hengyangribao-")
    assert page.evaluate("navigator.clipboard.readText()").endswith("}\n")
    shot(page, "cite-01-copied")

    page.get_by_text("报错：本文的文字、标题、日期或人名有误？").click()
    page.get_by_label("问题", exact=True).select_option(label="人名有误")
    page.get_by_label("说明", exact=True).fill("第一段“邓群荣”应为“邓群策”。")
    page.get_by_role("button", name="提交报错").click()
    expect(page.locator(".report-thanks")).to_contain_text("报错已收到")
    assert page.url.endswith(data.meeting.get_absolute_url() + "#report")
    shot(page, "cite-02-reported")


def rows_from(download) -> str:
    return Path(download.path()).read_bytes().decode("utf-8")


@pytest.mark.django_db(transaction=True)
def test_download_a_result_set(live_server, browser_page):
    page, _ = browser_page
    build_archive()
    call_command("build_index", verbosity=0)
    expect = pytest.importorskip("playwright.sync_api").expect

    page.goto(live_server.url + "/search/?q=会议&sort=newest")
    expect(page.locator(".result-count")).to_contain_text("找到 4 篇")
    listed = [
        int(re.search(r"/articles/(\d+)/", href).group(1))
        for href in page.locator(".hit h3 a").evaluate_all("links => links.map(a => a.href)")
    ]
    shot(page, "cite-03-search")

    with page.expect_download() as csv_download:
        page.get_by_role("link", name="CSV（Excel 可打开）").click()
    assert re.fullmatch(r"search-\d{8}-\d{6}\.csv", csv_download.value.suggested_filename)
    text = rows_from(csv_download.value)
    assert text.startswith("\ufeff")
    names, values, _, header, *rows = list(csv.reader(io.StringIO(text[1:])))
    assert dict(zip(names, values, strict=True))["q"] == "会议"
    assert header[0] == "id" and [int(r[0]) for r in rows] == listed

    with page.expect_download() as jsonl_download:
        page.get_by_role("link", name="JSON Lines").click()
    meta, *articles = [json.loads(line) for line in rows_from(jsonl_download.value).splitlines()]
    assert meta["query"]["q"] == "会议" and meta["query"]["sort"] == "newest"
    assert [a["id"] for a in articles] == listed
