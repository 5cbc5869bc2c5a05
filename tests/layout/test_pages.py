"""The generator: deterministic, every form present, an answer key that matches the page."""

import datetime as dt
import random
import re

import pytest

from archive.layout import forms
from archive.layout.attribution import lead_day
from archive.layout.furniture import date_line
from archive.layout.names import COMPOUND_SURNAMES, invent_names
from archive.layout.pages import PageMaker, unique_key
from archive.layout.reading import PageReading, ReadArticle, read_page
from archive.layout.scoring import ALL, score_page
from archive.layout.text import squeeze

from .corpus_in_code import items, sentences


def _pages(seed: int, count: int = 40):
    return list(PageMaker(items(), sentences(), seed).pages(count))


@pytest.fixture(scope="module")
def pages():
    return _pages(7)


def test_same_seed_same_pages_other_seed_other_pages(pages):
    assert [p.text for p in _pages(7)] == [p.text for p in pages]
    assert [p.text for p in _pages(8)] != [p.text for p in pages]


def test_the_date_line_carries_the_right_weekday():
    assert date_line(dt.date(2021, 4, 17)) == "2021年4月17日 星期六"
    assert date_line(dt.date(2023, 7, 2)) == "2023年7月2日 星期日"


def test_lead_dates_are_the_issue_day_or_the_day_before():
    rng = random.Random(3)
    days = {lead_day(rng, dt.date(2023, 3, 1)) for _ in range(50)}
    assert days == {"3月1日", "2月28日"}


def test_names_come_in_every_length():
    names = invent_names(random.Random(5), 300)
    assert {len(n) for n in names} >= {2, 3}
    assert any(n[:2] in COMPOUND_SURNAMES for n in names)


def test_every_page_has_furniture_three_to_six_articles_and_no_date_in_its_name(pages):
    for page in pages:
        assert 3 <= len(page.articles) <= 6
        assert re.search(r"第\d+版", page.text)
        assert re.fullmatch(r"page_\d{4}\.txt", page.file_name)
        assert (date_line(page.issue_date) in page.text) == (forms.DATE_LINE in page.forms)


def test_every_form_occurs(pages):
    seen = {form for page in pages for article in page.articles for form in article.forms}
    seen |= {form for page in pages for form in page.forms}
    assert seen == set(forms.ARTICLE_FORMS) | set(forms.PAGE_FORMS)


def test_keys_are_printed_once_and_known_names_lie_in_printed_regions(pages):
    for page in pages:
        text = squeeze(page.text)
        for article in page.articles:
            assert text.count(squeeze(article.key)) == 1, article.key
            assert squeeze(article.text) in text
            for region in article.regions:
                assert squeeze(region) in text
            for name in article.persons:
                assert any(name in squeeze(r) for r in article.regions), name


def test_a_key_the_title_also_prints_is_looked_for_in_the_text():
    own = (
        "蔡奇出席《平安中国》座谈会\n衡阳日报全媒体记者 李慧波\n本报讯 《平安中国》座谈会17日召开。"
    )
    page = own + "\n另一条新闻。"
    assert unique_key("《平安中国》座谈会", own, page, "蔡奇出席《平安中国》座谈会") == (
        "《平安中国》座谈会1"
    )


def test_a_reader_that_returns_the_answer_key_scores_one(pages):
    for page in pages:
        reading = PageReading(
            [
                ReadArticle(squeeze(a.text), a.title and squeeze(a.title), a.bylines, a.persons)
                for a in page.articles
            ],
            page.issue_date,
        )
        tally = score_page(page, reading)[ALL]
        assert tally.articles_matched_read == tally.articles_read == len(page.articles)
        assert tally.titles_right == tally.titles_true
        assert tally.persons_right == tally.persons_true == tally.persons_read


def test_an_interrupt_keeps_the_pages_already_scored(tmp_path, monkeypatch):
    from archive.layout import evaluate as module

    calls: list[str] = []

    def reader_interrupted_on_page_two(text: str, file_name: str):
        calls.append(file_name)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return read_page(text, file_name)

    monkeypatch.setattr(module, "read_page", reader_interrupted_on_page_two)
    result = module.evaluate(PageMaker(items(), sentences(), 7), 5, tmp_path)
    assert result.interrupted
    assert result.pages == 1
    assert result.tallies[ALL].pages == 1
    assert (tmp_path / "page_0002.txt").exists() and not (tmp_path / "page_0003.txt").exists()
