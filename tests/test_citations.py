"""GB/T 7714-2015, RIS and BibTeX for a newspaper article: exact strings, worked out from the
standard's newspaper examples (丁文祥. 数字革命与竞争国际化[N]. 中国青年报, 2000-11-20(15).)."""

import datetime as dt
from dataclasses import replace

from archive.citations import CitedArticle, bibtex, bibtex_key, gbt7714, ris, tex_escape

URL = "http://testserver/articles/7/"
ARTICLE = CitedArticle(
    id=7,
    title="市委常委会召开会议",
    paper="衡阳日报",
    url=URL,
    authors=("陈润",),
    published=dt.date(2021, 4, 17),
    page=1,
)
ACCESSED = dt.date(2026, 11, 30)


def test_gbt7714_print_and_online():
    assert gbt7714(ARTICLE) == "陈润. 市委常委会召开会议[N]. 衡阳日报, 2021-04-17(1)."
    assert gbt7714(ARTICLE, ACCESSED) == (
        "陈润. 市委常委会召开会议[N/OL]. 衡阳日报, 2021-04-17(1)[2026-11-30]. "
        "http://testserver/articles/7/."
    )


def test_gbt7714_without_author_date_or_page():
    bare = replace(ARTICLE, authors=(), published=None, page=None)
    assert gbt7714(bare) == "市委常委会召开会议[N]. 衡阳日报, [出版日期不详]."
    assert gbt7714(replace(ARTICLE, authors=(), page=None)) == (
        "市委常委会召开会议[N]. 衡阳日报, 2021-04-17."
    )
    assert gbt7714(replace(ARTICLE, published=None, page=3)) == (
        "陈润. 市委常委会召开会议[N]. 衡阳日报, [出版日期不详](3)."
    )
    assert gbt7714(bare, ACCESSED) == (
        "市委常委会召开会议[N/OL]. 衡阳日报, [出版日期不详][2026-11-30]. "
        "http://testserver/articles/7/."
    )


def test_gbt7714_brackets_an_inferred_date():
    inferred = replace(ARTICLE, date_is_inferred=True)
    assert gbt7714(inferred) == "陈润. 市委常委会召开会议[N]. 衡阳日报, [2021-04-17](1)."


def test_gbt7714_lists_three_authors_then_deng():
    three = replace(ARTICLE, authors=("陈润", "王五一", "李四光"))
    assert gbt7714(three).startswith("陈润, 王五一, 李四光. 市委常委会召开会议[N]")
    four = replace(ARTICLE, authors=("陈润", "王五一", "李四光", "赵六合"))
    assert gbt7714(four).startswith("陈润, 王五一, 李四光, 等. 市委常委会召开会议[N]")
    # A reporter who also took the photos is one author.
    twice = replace(ARTICLE, authors=("陈润", "陈润", "王五一"))
    assert gbt7714(twice).startswith("陈润, 王五一. ")


def test_ris_record():
    assert ris(replace(ARTICLE, authors=("陈润", "王五一")), ACCESSED) == (
        "TY  - NEWS\r\n"
        "AU  - 陈润\r\n"
        "AU  - 王五一\r\n"
        "TI  - 市委常委会召开会议\r\n"
        "T2  - 衡阳日报\r\n"
        "PY  - 2021\r\n"
        "DA  - 2021/04/17/\r\n"
        "SP  - 1\r\n"
        "UR  - http://testserver/articles/7/\r\n"
        "Y2  - 2026/11/30/\r\n"
        "LA  - zh-CN\r\n"
        "ER  - \r\n"
    )


def test_ris_without_author_date_or_page_and_with_an_inferred_date():
    bare = replace(ARTICLE, authors=(), published=None, page=None)
    assert ris(bare, ACCESSED) == (
        "TY  - NEWS\r\nTI  - 市委常委会召开会议\r\nT2  - 衡阳日报\r\n"
        "UR  - http://testserver/articles/7/\r\nY2  - 2026/11/30/\r\nLA  - zh-CN\r\nER  - \r\n"
    )
    assert "N1  - 出版日期由版面内容推断\r\n" in ris(
        replace(ARTICLE, date_is_inferred=True), ACCESSED
    )


def test_bibtex_entry():
    assert bibtex(ARTICLE, ACCESSED) == (
        "@article{hengyangribao-7,\n"
        "  entrysubtype = {newspaper},\n"
        "  author = {{陈润}},\n"
        "  title = {{市委常委会召开会议}},\n"
        "  journal = {衡阳日报},\n"
        "  date = {2021-04-17},\n"
        "  year = {2021},\n"
        "  month = apr,\n"
        "  pages = {1},\n"
        "  url = {http://testserver/articles/7/},\n"
        "  urldate = {2026-11-30},\n"
        "}\n"
    )


def test_bibtex_without_author_date_or_page():
    bare = replace(ARTICLE, authors=(), published=None, page=None)
    assert bibtex(bare, ACCESSED) == (
        "@article{hengyangribao-7,\n"
        "  entrysubtype = {newspaper},\n"
        "  title = {{市委常委会召开会议}},\n"
        "  journal = {衡阳日报},\n"
        "  url = {http://testserver/articles/7/},\n"
        "  urldate = {2026-11-30},\n"
        "}\n"
    )


def test_bibtex_escapes_special_characters_and_keeps_a_stable_key():
    assert tex_escape("R&D 100% {x}_#$~^\\") == (
        r"R\&D 100\% \{x\}\_\#\$\textasciitilde{}\textasciicircum{}\textbackslash{}"
    )
    odd = replace(ARTICLE, title="5G & 50%", authors=("A_B",), published=dt.date(2021, 12, 1))
    entry = bibtex(odd, ACCESSED)
    assert "  title = {{5G \\& 50\\%}},\n" in entry and "  author = {{A\\_B}},\n" in entry
    assert "  month = dec,\n" in entry
    # The key is the paper's name in pinyin and the id: not the (correctable) date or title.
    assert bibtex_key(odd) == "hengyangribao-7"
    assert bibtex_key(replace(ARTICLE, paper="China Daily")) == "chinadaily-7"
