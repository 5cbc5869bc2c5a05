from collections import defaultdict

from archive.search.text import index_terms, normalize, text_units
from archive.search.whoosh.analysis import ExactTokenizer

SAMPLES = [
    "UP模式在2020年推广，5G網絡覆蓋粵港澳大灣區。",
    "ＡＢＣ１２３全角；“引号”里的字",
    "中华人民共和国中央人民政府\n乡村，振兴",
    "",
    "!!!",
    "x",
]


def test_fast_index_path_gives_the_tokenizer_terms():
    tok = ExactTokenizer()
    for text in SAMPLES:
        expected = defaultdict(list)
        for t in tok(text, positions=True):
            expected[t.text].append(t.pos)
        assert dict(index_terms(text)) == dict(expected)


def test_unigram_and_bigram_share_a_position():
    tokens = [(t.text, t.pos) for t in ExactTokenizer()("乡村振兴", positions=True)]
    assert tokens == [
        ("乡", 0),
        ("乡村", 0),
        ("村", 1),
        ("村振", 1),
        ("振", 2),
        ("振兴", 2),
        ("兴", 3),
    ]


def test_punctuation_breaks_bigrams_but_not_positions():
    terms = index_terms("乡村，振兴")
    assert "村振" not in terms
    assert terms["村"] == [1] and terms["振"] == [2]


def test_tokenize_false_yields_the_whole_value():
    assert [t.text for t in ExactTokenizer()("鄧群策 ABC", tokenize=False)] == ["邓群策 abc"]


def test_normalisation():
    assert normalize("鄧群策ＡＢＣ") == "邓群策abc"
    assert text_units("UP模式 2020年") == [["up", "模", "式"], ["2020", "年"]]
