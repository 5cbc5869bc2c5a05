"""A query finds every article containing the string, and no other."""

import pytest

from tests.factories import ArticleFactory

pytestmark = pytest.mark.usefixtures("search_index")


@pytest.fixture
def corpus(index_now):
    bodies = {
        "bay": "深入推进粤港澳大湾区建设工作会议召开。",
        "bay_long": "参观了粤港澳大湾区国际科技创新中心。",
        "gov": "中华人民共和国中央人民政府网站发布通知。",
        "people": "人民群众满意。",
        "name": "市长邓群策出席会议并讲话。",
        "name2": "群策群力，共谋发展。",
        "rural": "全面推进乡村振兴战略。",
        "rural_split": "建设美丽乡村，振兴产业。",
        "tech": "5G基站建成，UP模式推广，2020年完成。",
        "tech2": "15G不算，模式创新，2021年。",
        "trad": "鄉村振興：傳統寫法的文章。",
    }
    made = {key: ArticleFactory(body=body, title=f"标题{key}") for key, body in bodies.items()}
    index_now()
    return {key: a.pk for key, a in made.items()}


def found(ids, corpus, q):
    by_pk = {pk: key for key, pk in corpus.items()}
    return {by_pk[pk] for pk in ids(q) if pk in by_pk}


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("粤港澳大湾区", {"bay", "bay_long"}),
        ("人民政府", {"gov"}),
        ("人民", {"gov", "people"}),
        ("邓群策", {"name"}),
        ("群策", {"name", "name2"}),
        ("策", {"name", "name2"}),
        ("乡村振兴", {"rural", "trad"}),
        ("鄉村振興", {"rural", "trad"}),
        ("鄧群策", {"name"}),
        ("5G", {"tech"}),
        ("5g基站", {"tech"}),
        ("UP模式", {"tech"}),
        ("模式", {"tech", "tech2"}),
        ("2020年", {"tech"}),
        ("乡村 振兴", {"rural", "rural_split", "trad"}),
        ("乡村振兴 OR 人民政府", {"rural", "trad", "gov"}),
        ("乡村振兴|人民政府", {"rural", "trad", "gov"}),
        ("人民 -政府", {"people"}),
        ("人民 NOT 政府", {"people"}),
        ('"美丽乡村 振兴"', {"rural_split"}),
        ("大湾区中心", set()),
        ("不存在的词语", set()),
    ],
)
def test_exact(ids, corpus, q, expected):
    assert found(ids, corpus, q) == expected


def test_whole_string_inside_longer_words(ids, corpus):
    # jieba would cut 中华人民共和国 / 中央人民政府 and miss 人民政府 in the first one.
    assert corpus["gov"] in ids("人民政府")
    assert corpus["gov"] in ids("华人民共")
