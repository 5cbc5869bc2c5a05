"""An article cited in GB/T 7714-2015, RIS and BibTeX: pure formatting, no Django.

GB/T 7714-2015 (4.4, 8.x; its own newspaper examples) for a newspaper article:

    作者. 题名[N]. 报纸名, 出版日期(版次).
    作者. 题名[N/OL]. 报纸名, 出版日期(版次)[引用日期]. 永久链接.

The standard's punctuation is half-width, each mark followed by a space (". ", ", "); dates are
YYYY-MM-DD; more than three authors are cut to the first three followed by ", 等"; a work with
no author starts with its title. An inferred issue date goes in square brackets, as the
standard writes an estimated year ([1936]); an unknown one is "[出版日期不详]", after its
"[出版地不详]". The deck (副题) is left out: other title information is optional (8.2.3) and
the printed decks are long.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from pypinyin import lazy_pinyin

MAX_AUTHORS = 3  # GB/T 7714-2015 7.1.1: three, then "等"
UNKNOWN_DATE = "[出版日期不详]"
INFERRED_NOTE = "出版日期由版面内容推断"
RIS_TYPE = "application/x-research-info-systems; charset=utf-8"
BIBTEX_TYPE = "application/x-bibtex; charset=utf-8"
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


@dataclass(frozen=True)
class CitedArticle:
    id: int  # the archive's primary key: kept by backups, so the BibTeX key stays the same
    title: str
    paper: str
    url: str  # the permanent, absolute URL
    authors: tuple[str, ...] = ()  # the byline's names, in print order
    published: dt.date | None = None
    date_is_inferred: bool = False  # read from the page's contents, not printed or given
    page: int | None = None


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _issue(article: CitedArticle) -> str:
    """出版日期(版次): 2021-04-17(1), [2021-04-17](1) when inferred, [出版日期不详](1)."""
    if article.published is None:
        when = UNKNOWN_DATE
    elif article.date_is_inferred:
        when = f"[{article.published.isoformat()}]"
    else:
        when = article.published.isoformat()
    return when + (f"({article.page})" if article.page else "")


def _gbt_authors(authors: tuple[str, ...]) -> str:
    names = list(dict.fromkeys(authors))
    shown = ", ".join(names[:MAX_AUTHORS])
    return shown + (", 等" if len(names) > MAX_AUTHORS else "")


def gbt7714(article: CitedArticle, accessed: dt.date | None = None) -> str:
    """The print form [N]; with the date it was accessed, the online form [N/OL] with the URL."""
    authors = _gbt_authors(article.authors)
    head = f"{authors}. " if authors else ""
    title = _one_line(article.title)
    if accessed is None:
        return f"{head}{title}[N]. {article.paper}, {_issue(article)}."
    return (
        f"{head}{title}[N/OL]. {article.paper}, {_issue(article)}"
        f"[{accessed.isoformat()}]. {article.url}."
    )


def ris(article: CitedArticle, accessed: dt.date) -> str:
    """An RIS record (TY NEWS … ER), CRLF line ends as the format asks."""
    lines = [("TY", "NEWS")]
    lines += [("AU", _one_line(name)) for name in dict.fromkeys(article.authors)]
    lines += [("TI", _one_line(article.title)), ("T2", article.paper)]
    if article.published:
        day = article.published
        lines += [("PY", f"{day.year:04d}"), ("DA", f"{day:%Y/%m/%d}/")]
    if article.page:
        lines.append(("SP", str(article.page)))
    lines += [("UR", article.url), ("Y2", f"{accessed:%Y/%m/%d}/"), ("LA", "zh-CN")]
    if article.published and article.date_is_inferred:
        lines.append(("N1", INFERRED_NOTE))
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {value}\r\n" for tag, value in lines)


# BibTeX's special characters, as LaTeX writes them in text.
_TEX = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "$": r"\$",
    "&": r"\&",
    "%": r"\%",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_TEX_CHARS = re.compile("[" + re.escape("".join(_TEX)) + "]")


def tex_escape(text: str) -> str:
    return _TEX_CHARS.sub(lambda m: _TEX[m.group()], _one_line(text))


def bibtex_key(article: CitedArticle) -> str:
    """The paper's name in pinyin (ASCII letters and digits) and the article's id."""
    letters = re.sub(r"[^a-z0-9]", "", "".join(lazy_pinyin(article.paper)).lower())
    return f"{letters or 'article'}-{article.id}"


def bibtex(article: CitedArticle, accessed: dt.date) -> str:
    """A biblatex/BibTeX @article entry; entrysubtype newspaper is what GB/T 7714 styles read."""
    fields = [("entrysubtype", "{newspaper}")]
    authors = " and ".join(f"{{{tex_escape(a)}}}" for a in dict.fromkeys(article.authors))
    if authors:
        fields.append(("author", f"{{{authors}}}"))
    # Double braces keep the case of Latin letters in titles (5G) in styles that lower it.
    fields += [("title", f"{{{{{tex_escape(article.title)}}}}}")]
    fields += [("journal", f"{{{tex_escape(article.paper)}}}")]
    if article.published:
        day = article.published
        fields += [
            ("date", f"{{{day.isoformat()}}}"),
            ("year", f"{{{day.year:04d}}}"),
            ("month", MONTHS[day.month - 1]),  # BibTeX's month macro, read by both programs
        ]
    if article.page:
        fields.append(("pages", f"{{{article.page}}}"))
    # url is a verbatim field: written as it is.
    fields += [("url", f"{{{article.url}}}"), ("urldate", f"{{{accessed.isoformat()}}}")]
    if article.published and article.date_is_inferred:
        fields.append(("note", f"{{{INFERRED_NOTE}}}"))
    body = "".join(f"  {name} = {value},\n" for name, value in fields)
    return f"@article{{{bibtex_key(article)},\n{body}}}\n"
