"""Trends: per-period counts equal plain substring counts; the API's shape and validation; the
chart and table on the search page."""

import datetime as dt
import random
import re
from collections import Counter

import pytest

from archive.search.trend import MAX_MONTHS, MAX_TERMS, TrendQuery, trend
from tests.factories import ArticleFactory, MentionFactory, PersonFactory

pytestmark = pytest.mark.usefixtures("search_index")

TERMS = ("脱贫攻坚", "乡村振兴")
FILLER = "市委召开会议研究部署工作要求各地抓好落实推动经济社会高质量发展"
FIELDS = ("kicker", "title", "deck", "body", "captions", "ocr_body")


def _text(rng: random.Random) -> str:
    """Filler with, now and then, a term, a near miss (脱贫攻 + 坚 apart) or both terms."""
    cut = rng.randrange(len(FILLER))
    piece = rng.choice(["", "", "脱贫攻坚", "乡村振兴", "脱贫攻\n坚", "脱贫 攻坚", "乡村"])
    return FILLER[:cut] + piece + FILLER[cut:]


@pytest.fixture
def archive(index_now):
    """300 articles over 2019-2022 (every field may hold a term), some hidden, some undated."""
    rng = random.Random(13)
    articles = []
    for i in range(300):
        day = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randrange(4 * 365))
        fields = {name: _text(rng) if rng.random() < 0.4 else "" for name in FIELDS}
        fields["title"] = fields["title"] or f"标题{i}"
        articles.append(
            ArticleFactory(
                published=None if rng.random() < 0.05 else day,
                is_hidden=rng.random() < 0.05,
                **fields,
            )
        )
    index_now()
    return articles


def _expected(articles, term, key, date_from=None, date_to=None):
    """(period → matching articles, period → all articles), counted in plain Python."""
    counts, totals = Counter(), Counter()
    for a in articles:
        if a.is_hidden or a.published is None:
            continue
        if (date_from and a.published < date_from) or (date_to and a.published > date_to):
            continue
        period = key(a.published)
        totals[period] += 1
        if any(term in getattr(a, name) for name in FIELDS):
            counts[period] += 1
    return counts, totals


def _year(day):
    return f"{day.year:04d}"


def _month(day):
    return f"{day.year:04d}-{day.month:02d}"


def _all_months(first, last):
    y, m, out = first.year, first.month, []
    while (y, m) <= (last.year, last.month):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


@pytest.mark.parametrize(
    "by, key, date_from, date_to",
    [
        ("year", _year, None, None),
        ("month", _month, None, None),
        ("month", _month, dt.date(2020, 3, 15), dt.date(2021, 2, 10)),
        ("year", _year, dt.date(2020, 3, 15), dt.date(2021, 2, 10)),
    ],
)
def test_counts_equal_substring_counts_per_period(archive, by, key, date_from, date_to):
    result = trend(TrendQuery(terms=TERMS, by=by, date_from=date_from, date_to=date_to))
    assert not result.error and list(result.series) == list(TERMS)
    dated = [a.published for a in archive if a.published and not a.is_hidden]
    first = max(min(dated), date_from) if date_from else min(dated)
    last = min(max(dated), date_to) if date_to else max(dated)
    periods = (
        [f"{y:04d}" for y in range(first.year, last.year + 1)]
        if by == "year"
        else _all_months(first, last)
    )
    for term in TERMS:
        counts, totals = _expected(archive, term, key, date_from, date_to)
        got = result.series[term]
        assert [p.period for p in got] == periods  # every period, hits or not
        assert {p.period: p.count for p in got} == {p: counts[p] for p in periods}
        assert {p.period: p.total for p in got} == {p: totals[p] for p in periods}
        assert sum(p.count for p in got) > 0


def test_a_person_narrows_the_counts_not_the_totals(archive, index_now):
    named = [a for a in archive if "脱贫攻坚" in a.body and a.published and not a.is_hidden][:3]
    person = PersonFactory(name="邓群策")
    for a in named:
        MentionFactory(article=a, person=person)
    index_now()
    result = trend(TrendQuery(terms=("脱贫攻坚",), by="year", person="邓群策"))
    got = {p.period: p.count for p in result.series["脱贫攻坚"] if p.count}
    assert got == dict(Counter(_year(a.published) for a in named))
    assert sum(p.total for p in result.series["脱贫攻坚"]) > len(named)


# --- GET /api/trend -------------------------------------------------------------------------


def test_api_one_term(client, archive):
    r = client.get("/api/trend", {"q": "脱贫攻坚", "by": "year"})
    assert r.status_code == 200
    data = r.json()
    assert set(data) == {"q", "by", "series"}
    assert (data["q"], data["by"]) == ("脱贫攻坚", "year")
    counts, totals = _expected(archive, "脱贫攻坚", _year)
    assert data["series"] == [
        {"period": p, "count": counts[p], "total": totals[p]}
        for p in ("2019", "2020", "2021", "2022")
    ]


def test_api_several_terms_and_months(client, archive):
    r = client.get(
        "/api/trend/",
        {"q": TERMS, "by": "month", "date_from": "2021-04-10", "date_to": "2021-06-30"},
    )
    data = r.json()
    assert r.status_code == 200 and data["q"] == list(TERMS) and data["by"] == "month"
    assert list(data["series"]) == list(TERMS)
    day = (dt.date(2021, 4, 10), dt.date(2021, 6, 30))
    for term in TERMS:
        counts, totals = _expected(archive, term, _month, *day)
        assert data["series"][term] == [
            {"period": p, "count": counts[p], "total": totals[p]}
            for p in ("2021-04", "2021-05", "2021-06")
        ]


def test_api_vs_adds_terms_and_repeats_count_once(client, archive):
    data = client.get("/api/trend", {"q": ["脱贫攻坚", " 脱贫攻坚 "], "vs": "乡村振兴"}).json()
    assert data["q"] == list(TERMS) and data["by"] == "year"


def test_api_periods_without_hits_or_articles_are_zero(client, index_now):
    ArticleFactory(published=dt.date(2019, 5, 1), body="脱贫攻坚")
    ArticleFactory(published=dt.date(2019, 9, 1), body="别的")
    ArticleFactory(published=dt.date(2019, 10, 3), body="脱贫攻坚")
    index_now()
    data = client.get("/api/trend", {"q": "脱贫攻坚", "by": "month"}).json()
    assert [(p["period"], p["count"], p["total"]) for p in data["series"]] == [
        ("2019-05", 1, 1),
        ("2019-06", 0, 0),
        ("2019-07", 0, 0),
        ("2019-08", 0, 0),
        ("2019-09", 0, 1),
        ("2019-10", 1, 1),
    ]


@pytest.mark.parametrize(
    "params, param, words",
    [
        ({}, "q", "请给出检索词"),
        ({"q": "  "}, "q", "请给出检索词"),
        ({"q": [f"词{i}" for i in range(MAX_TERMS + 1)]}, "q", f"最多 {MAX_TERMS} 个"),
        ({"q": "脱贫", "by": "week"}, "by", "不认识的统计单位“week”"),
        ({"q": "脱贫", "date_from": "2021-13-01"}, "date_from", "不是有效日期"),
        ({"q": "脱贫", "date_from": "2021-05-01", "date_to": "2021-04-01"}, "date_to", "晚于"),
        (
            {"q": "脱贫", "by": "month", "date_from": "2000-01-01", "date_to": "2015-12-31"},
            "by",
            f"按月统计最多 {MAX_MONTHS} 个月",
        ),
    ],
)
def test_api_bad_parameters_are_400_in_chinese(client, index_now, params, param, words):
    ArticleFactory(published=dt.date(2000, 1, 1))
    ArticleFactory(published=dt.date(2015, 12, 31))
    index_now()
    r = client.get("/api/trend", params)
    assert r.status_code == 400
    assert r.json()["param"] == param and words in r.json()["error"]


def test_api_month_span_counts_the_archive_not_the_asked_range(client, index_now):
    """by=month with no dates (or wide ones) is fine while the archive itself is short."""
    ArticleFactory(published=dt.date(2020, 1, 1), body="脱贫攻坚")
    ArticleFactory(published=dt.date(2021, 12, 31))
    index_now()
    r = client.get("/api/trend", {"q": "脱贫攻坚", "by": "month", "date_from": "1990-01-01"})
    assert r.status_code == 200 and len(r.json()["series"]) == 24


def test_api_index_unavailable_is_503(client, archive, monkeypatch):
    from archive.search import trend as trend_module
    from archive.search.errors import IndexNeedsRebuild

    def broken(*args):
        raise IndexNeedsRebuild("rebuild it")

    monkeypatch.setattr(trend_module, "_term_counts", broken)
    r = client.get("/api/trend", {"q": "脱贫攻坚"})
    assert r.status_code == 503 and r.json()["error"] == "检索暂时不可用，请稍后再试。"


# --- the search page ------------------------------------------------------------------------


def _page(client, params) -> str:
    r = client.get("/search/", params)
    assert r.status_code == 200
    return r.content.decode()


def _table(page: str) -> list[list[str]]:
    body = page.split('<table class="trend-table">', 1)[1].split("</table>", 1)[0]
    body = body.split("<tbody>", 1)[1]
    return [
        [
            re.sub(r"<[^>]+>", "", cell).strip()
            for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row)
        ]
        for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)
    ]


def test_page_chart_and_table_by_year(client, archive):
    page = _page(client, {"q": "脱贫攻坚", "vs": "乡村振兴"})
    assert '<svg class="trend"' in page and "按年" in page
    rows = _table(page)
    years = ("2019", "2020", "2021", "2022")
    assert [r[0] for r in rows] == [f"{y}年" for y in years]
    for i, term in enumerate(TERMS):
        counts, totals = _expected(archive, term, _year)
        assert [int(r[1 + 2 * i]) for r in rows] == [counts[y] for y in years]
        assert [r[2 + 2 * i] for r in rows] == [
            f"{1000 * counts[y] / totals[y]:.2f}" for y in years
        ]
    assert [int(r[-1]) for r in rows] == [totals[y] for y in years]
    # Each year is a link in the chart and in the table, to that year's dates.
    link = "?q=%E8%84%B1%E8%B4%AB%E6%94%BB%E5%9D%9A&amp;vs=%E4%B9%A1%E6%9D%91%E6%8C%AF%E5%85%B4"
    narrowed = f"{link}&amp;date_from=2020-01-01&amp;date_to=2020-12-31"
    assert re.search(rf'<a href="{re.escape(narrowed)}"><title>2020年：', page)
    # The chart, the row's label, its counts, and the year facet beside the results.
    assert page.count(f'href="{narrowed}"') == 1 + 1 + len(TERMS) + 1


def test_page_charts_months_inside_a_year_and_keeps_comparisons(client, archive):
    page = _page(
        client,
        {"q": "脱贫攻坚", "vs": ["乡村振兴"], "date_from": "2020-01-01", "date_to": "2020-12-31"},
    )
    rows = _table(page)
    assert [r[0] for r in rows] == [f"2020年{m}月" for m in range(1, 13)]
    for i, term in enumerate(TERMS):  # q counted by the search's facets, vs by its own search
        counts, _ = _expected(archive, term, _month, dt.date(2020, 1, 1), dt.date(2020, 12, 31))
        assert [int(r[1 + 2 * i]) for r in rows] == [counts[f"2020-{m:02d}"] for m in range(1, 13)]
    assert "date_from=2020-04-01&amp;date_to=2020-04-30" in page
    # The comparison form carries the search and the terms compared so far.
    form = page.split('<form class="trend-compare"', 1)[1].split("</form>", 1)[0]
    assert '<input type="hidden" name="q" value="脱贫攻坚">' in form
    assert '<input type="hidden" name="vs" value="乡村振兴">' in form
    assert '<input type="hidden" name="date_from" value="2020-01-01">' in form
    remove = re.search(r'<a href="\?([^"]+)" aria-label="去掉对比词 乡村振兴">', page)
    assert remove and "vs=" not in remove[1] and "date_from=2020-01-01" in remove[1]
    assert "改为按年统计" in page


def test_page_says_what_it_did_with_a_bad_unit_or_too_many_terms(client, archive):
    page = _page(client, {"q": "脱贫攻坚", "by": "week", "vs": [f"词{i}" for i in range(6)]})
    assert "已自动选择按年或按月" in page and f"已比较前 {MAX_TERMS} 个" in page
    assert len(_table(page)[0]) == 1 + 2 * MAX_TERMS + 1
    assert 'class="trend-compare"' not in page  # no room for another term


def test_no_chart_without_a_query(client, archive):
    assert '<section class="trend"' not in _page(client, {"date_from": "2020-01-01"})


def test_chart_lines_break_where_a_period_has_no_articles():
    from archive.charts import Column, lines_svg

    values = [(1.0, 0.0), (2.0, None), (None, None), (4.0, 2.0)]
    svg = lines_svg(
        [Column(f"{i}", f"第{i}期", f"?p={i}" if i != 2 else "", v) for i, v in enumerate(values)],
        "标题",
        unit="‰",
    )
    assert svg.count('<polyline class="line s0"') == 1  # periods 0–1; 3 alone is a dot
    assert svg.count('<polyline class="line s1"') == 0  # no two neighbours with a value
    assert svg.count('class="dot s0"') == 3 and svg.count('class="dot s1"') == 2
    assert svg.count("<a href=") == 3 and "<g><title>第2期</title>" in svg
    assert ">4‰</text>" in svg


def test_page_counts_its_own_query_from_the_search_facets(client, archive, monkeypatch):
    """The search already counted q per year and month: only comparison terms are searched."""
    from archive.search import trend as trend_module

    searched = []
    real = trend_module._term_counts
    monkeypatch.setattr(
        trend_module, "_term_counts", lambda term, query: searched.append(term) or real(term, query)
    )
    _page(client, {"q": "脱贫攻坚", "date_from": "2020-01-01", "date_to": "2020-12-31"})
    assert searched == []
    _page(client, {"q": "脱贫攻坚", "vs": "乡村振兴"})
    assert searched == ["乡村振兴"]
