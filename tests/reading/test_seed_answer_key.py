"""The reader measured against a hand-made answer key for the five seed pages (no DB)."""

import datetime as dt
import json
from pathlib import Path

import pytest

from archive.extraction.dates import find_lead_date, lead_date_on
from archive.extraction.page_dates import article_lead_date, resolve_page_dates
from archive.reading import parse_page

ROOT = Path(__file__).resolve().parents[2]
KEY = json.loads((ROOT / "tests/fixtures/seed_answer_key.json").read_text(encoding="utf-8"))


def _norm(title: str) -> str:
    return title.replace(" ", "")


def _parsed(name: str):
    text = (ROOT / "seeds" / name).read_text(encoding="utf-8")
    return text, parse_page(text)


def _pairs():
    for name, page in KEY.items():
        _, parsed = _parsed(name)
        yield name, page, parsed


def test_article_titles_at_least_95_percent():
    right = total = 0
    for _, page, parsed in _pairs():
        for expected, got in zip(page["articles"], parsed.articles, strict=False):
            total += 1
            if expected["title"] is None:
                right += got.title_is_derived
            else:
                right += _norm(got.title) == _norm(expected["title"]) and not got.title_is_derived
        total += abs(len(page["articles"]) - len(parsed.articles))
    assert right / total >= 0.95, f"{right}/{total}"


@pytest.mark.parametrize("name", sorted(KEY))
def test_article_count_per_page(name):
    _, parsed = _parsed(name)
    assert len(parsed.articles) == len(KEY[name]["articles"])


def test_bylines_at_least_95_percent():
    expected_names, found_names = [], []
    for name, page, parsed in _pairs():
        for index, (expected, got) in enumerate(
            zip(page["articles"], parsed.articles, strict=False)
        ):
            expected_names += [(name, index, n) for n in expected["bylines"]]
            found_names += [(name, index, b.name) for b in got.bylines]
    hits = len(set(expected_names) & set(found_names))
    precision = hits / max(1, len(set(found_names)))
    recall = hits / max(1, len(set(expected_names)))
    assert precision >= 0.95 and recall >= 0.95, (precision, recall)


def test_event_dates_at_least_95_percent():
    right = total = 0
    for name, page, parsed in _pairs():
        text = (ROOT / "seeds" / name).read_text(encoding="utf-8")
        dates = resolve_page_dates(text, name, parsed.articles)
        for expected, got in zip(page["articles"], parsed.articles, strict=False):
            total += 1
            lead_date = article_lead_date(got)
            if expected["event_date"] is None:
                on = lead_date_on(lead_date, dates.issue_date, dates.year) if lead_date else None
                right += on is None
                continue
            month, day = map(int, expected["event_date"].split("-"))
            if lead_date is None:
                continue
            if lead_date.relative:
                on = lead_date_on(lead_date, dates.issue_date, dates.year)
                right += on is not None and (on.month, on.day) == (month, day)
            else:
                right += (lead_date.month, lead_date.day) == (month, day)
    assert right / total >= 0.95, f"{right}/{total}"


@pytest.mark.parametrize("name", sorted(KEY))
def test_issue_dates(name):
    text, parsed = _parsed(name)
    dates = resolve_page_dates(text, name, parsed.articles)
    expected = KEY[name]["issue_date"]
    if expected is None:
        assert dates.issue_date is None
        assert dates.reasons, "a page without a year must say why it is flagged"
    else:
        assert dates.issue_date == dt.date.fromisoformat(expected)
        assert dates.evidence, "the year's evidence is kept"


def test_photo_news_is_its_own_article_with_photographer():
    _, parsed = _parsed("002_25b9b06cbbd2e5b3.txt")
    photo = [a for a in parsed.articles if a.is_photo]
    assert len(photo) == 1
    assert photo[0].bylines[0].kind == "photographer"
    assert photo[0].title_is_derived
    assert "团员青年" in photo[0].body


def test_banners_are_not_articles():
    _, parsed = _parsed("004_d016da710299c489.txt")
    assert any("决胜全面小康" in b for b in parsed.banners)
    assert all("决胜全面小康" not in a.title for a in parsed.articles)


def test_ocr_broken_paragraph_is_joined():
    _, parsed = _parsed("000_c256f363131daaf3.txt")
    assert any("确保取得更大成效" in p for p in parsed.articles[0].paragraphs)


def test_caption_inside_article_does_not_break_paragraph():
    _, parsed = _parsed("003_5a0015b203ee01b1.txt")
    article = parsed.articles[2]
    assert "生产车间的工人们正在赶制订单" in article.captions
    assert any("目前,衡山县各职能部门" in p for p in article.paragraphs)


def test_lost_headline_gets_a_derived_title_from_its_lead():
    _, parsed = _parsed("001_5bf02acdf6ff1dfc.txt")
    derived = parsed.articles[1]
    assert derived.title_is_derived
    assert "常务会议" in derived.title


def test_lead_date_relative_word():
    assert find_lead_date("本报讯 昨日下午，市长主持召开会议。").relative == "昨日"
