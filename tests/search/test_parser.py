import unicodedata

import pytest

from archive.search.parser import MAX_QUERY_CHARS, parse
from archive.search.text import normalize
from archive.search.whoosh.queries import exclude_query, match_query

WEIRD = [
    '"',
    '"乡村振兴',
    "OR",
    "AND OR NOT",
    "-",
    "- - -",
    "张三 OR",
    "OR 张三",
    "|||",
    "\x00\x01\x02乡村\x7f",
    "乡" * 10_000,
    "a" * 10_000,
    "(((",
    "*",
    "?*~^:",
    "<script>alert(1)</script>",
    "\u200b\ufeff",
    "𠀀𠀁",
    "NOT",
    '"" "" ""',
    "张" + " 张" * 500,
]


@pytest.mark.parametrize("raw", WEIRD)
def test_weird_queries_parse(raw):
    parsed = parse(raw)
    text = normalize(raw)
    # Whatever is looked for was typed (nothing invented), and an unusable query says so.
    for atom in [a for group in parsed.must for a in group] + parsed.must_not:
        assert all(needle in text for needle in atom.needles)
    visible = "".join(c for c in raw if unicodedata.category(c)[0] != "C").strip(" *")
    if parsed.is_empty and visible:
        assert parsed.error
    if len(raw) > MAX_QUERY_CHARS:
        assert str(MAX_QUERY_CHARS) in parsed.error
    assert (match_query(parsed, "text") is None) == (not parsed.must)
    assert (exclude_query(parsed, "text") is None) == (not parsed.must_not)


def test_long_query_is_cut_with_a_message():
    parsed = parse("乡" * 10_000)
    assert str(MAX_QUERY_CHARS) in parsed.error


def test_nothing_searchable_says_so():
    assert parse("!!!").error
    assert parse("").error == ""


def test_structure():
    parsed = parse('张三 OR 李四 -王五 "乡村 振兴"')
    assert [[a.needles for a in g] for g in parsed.must] == [
        [["张三"], ["李四"]],
        [["乡村", "振兴"]],
    ]
    assert [a.needles for a in parsed.must_not] == [["王五"]]
