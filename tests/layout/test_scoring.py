"""Scoring on hand-made readings: perfect, merged, invented, mistitled, misnamed."""

import datetime as dt

from archive.layout.forms import NOWHERE
from archive.layout.reading import PageReading, ReadArticle
from archive.layout.scoring import ALL, Tally, match, ratio, score_page
from archive.layout.truth import TrueArticle, TruePage

DAY = dt.date(2023, 6, 30)


def _true(key: str, title: str | None, bylines=(), annotated=(), sentence="", forms=("bare",)):
    byline_line = "■本报记者 " + " ".join(bylines) if bylines else ""
    body = key + "，后面还有正文。" + sentence
    return TrueArticle(
        key=key,
        title=title,
        text=f"{title or ''}\n{byline_line}\n{body}",
        bylines=list(bylines),
        persons=list(bylines) + list(annotated),
        regions=[r for r in (byline_line, sentence) if r],
        forms=list(forms),
    )


A = _true("市委常委会召开会议研究部署", "市委常委会召开会议", bylines=["陈润"], forms=["stack"])
B = _true(
    "全市安全生产工作交办会举行",
    "集中交办 排查安全隐患",
    annotated=["彭小军"],
    sentence="彭小军参加了会议。",
    forms=["slogan"],
)
C = _true("城区新建公园正式开放迎客", None, bylines=["欧阳晓"], forms=["picture"])
PAGE = TruePage("page_0001.txt", DAY, "", [A, B, C], forms=["date_line"])


def _read(true: TrueArticle, persons=None, title="same", bylines=None) -> ReadArticle:
    names = list(true.bylines if bylines is None else bylines)
    return ReadArticle(
        text=true.text.replace("\n", "").replace(" ", ""),
        title=(true.title.replace(" ", "") if true.title else None) if title == "same" else title,
        bylines=names,
        persons=names + list(persons if persons is not None else true.persons),
    )


def _perfect() -> PageReading:
    return PageReading([_read(A), _read(B), _read(C)], DAY)


def _measures(t: Tally) -> dict[str, float | None]:
    return {
        "articles_p": ratio(t.articles_matched_read, t.articles_read),
        "articles_r": ratio(t.articles_matched_true, t.articles_true),
        "titles_p": ratio(t.titles_right, t.titles_read),
        "titles_r": ratio(t.titles_right, t.titles_true),
        "bylines_p": ratio(t.bylines_right, t.bylines_read),
        "bylines_r": ratio(t.bylines_right, t.bylines_true),
        "persons_p": ratio(t.persons_right, t.persons_read),
        "persons_r": ratio(t.persons_right, t.persons_true),
        "date": ratio(t.dates_right, t.pages),
    }


def test_a_perfect_reading_scores_one_everywhere():
    scores = _measures(score_page(PAGE, _perfect())[ALL])
    assert scores == dict.fromkeys(scores, 1.0)


def test_a_merged_pair_drops_recall_not_precision():
    merged = ReadArticle(
        text=_read(A).text + _read(B).text, title="市委常委会召开会议", bylines=["陈润"]
    )
    tally = score_page(PAGE, PageReading([merged, _read(C)], DAY))[ALL]
    scores = _measures(tally)
    assert scores["articles_p"] == 1.0
    assert scores["articles_r"] == 2 / 3
    assert match(PAGE.articles, [merged, _read(C)]) == {0: 0, 1: 2}


def test_the_swallowed_neighbour_is_the_one_without_the_title():
    merged = ReadArticle(text=_read(A).text + _read(B).text, title="集中交办排查安全隐患")
    assert match(PAGE.articles, [merged]) == {0: 1}


def test_an_invented_article_drops_precision_and_is_traced_to_its_source():
    fragment = ReadArticle(text="后面还有正文。彭小军参加了会议。", title="后面还有正文")
    banner = ReadArticle(text="责任编辑：张三版式：李四", title="责任编辑：张三版式：李四")
    tallies = score_page(PAGE, PageReading([*_perfect().articles, fragment, banner], DAY))
    scores = _measures(tallies[ALL])
    assert scores["articles_p"] == 3 / 5
    assert scores["articles_r"] == 1.0
    assert scores["titles_p"] == 2 / 4
    assert tallies["slogan"].articles_read == 2
    assert tallies[NOWHERE].articles_read == 1


def test_titles_compare_without_whitespace_and_exactly():
    spaced = _read(B, title="集中交办排查安全隐患")
    wrong = _read(A, title="市委常委会召开会议研究部署")
    scores = _measures(score_page(PAGE, PageReading([wrong, spaced, _read(C)], DAY))[ALL])
    assert scores["titles_r"] == 1 / 2
    assert scores["titles_p"] == 1 / 2


def test_byline_names_are_scored_name_by_name():
    reading = PageReading([_read(A, bylines=["陈润", "张三"]), _read(B), _read(C, bylines=[])], DAY)
    scores = _measures(score_page(PAGE, reading)[ALL])
    assert scores["bylines_p"] == 1 / 2
    assert scores["bylines_r"] == 1 / 2


def test_persons_outside_known_regions_are_not_scored():
    unannotated = _read(B, persons=["彭小军", "李岚清"])  # 李岚清 is in no known region
    wrong_inside = _read(A, persons=["陈润", "本报记者"])  # inside the byline line: scored
    scores = _measures(
        score_page(PAGE, PageReading([wrong_inside, unannotated, _read(C)], DAY))[ALL]
    )
    assert scores["persons_p"] == 3 / 4
    assert scores["persons_r"] == 1.0


def test_issue_date_counts_wrong_and_missing_pages():
    wrong = score_page(PAGE, PageReading(_perfect().articles, DAY + dt.timedelta(days=1)))
    missing = score_page(PAGE, PageReading(_perfect().articles, None))
    total = wrong[ALL] + missing[ALL]
    assert (total.pages, total.dates_right, total.dates_none) == (2, 0, 1)
    assert missing["date_line"].dates_none == 1
    assert wrong["date_line"].dates_right == 0


def test_a_key_matches_only_once():
    repeated = ReadArticle(text=_read(A).text, title=None)
    scores = _measures(score_page(PAGE, PageReading([*_perfect().articles, repeated], DAY))[ALL])
    assert scores["articles_p"] == 3 / 4
    assert scores["articles_r"] == 1.0


def test_notes_name_the_missed_the_invented_the_mistitled_and_the_misdated():
    from archive.layout.notes import page_notes

    invented = ReadArticle(text="责任编辑：张三", title="责任编辑：张三")
    reading = PageReading([_read(A, title="市委常委会"), _read(C), invented], None)
    notes = page_notes(PAGE, reading)
    assert notes == [
        "title [stack] want '市委常委会召开会议' got '市委常委会'",
        "missed [slogan] 集中交办 排查安全隐患 | 全市安全生产工作交办会举行",
        "invented: title '责任编辑：张三' | 责任编辑：张三",
        "date [date_line] want 2023-06-30 got None",
    ]
    assert page_notes(PAGE, _perfect()) == []
