"""The reader measured against hand-made pages, one per printed form (issue 9).

Each page in tests/fixtures/forms is invented but laid out as the OCR gives a page of the daily:
blank-line separated blocks, one paragraph per block (no_blank_lines.txt: one paragraph a line,
no blank line anywhere, as some exports give it). tests/fixtures/forms/expected.json is the
answer key, written by hand: per article only the keys present are compared, and the article
count and order must match exactly.

Comparisons ignore white space (the OCR spaces names: "陈 润"); kicker and deck are compared
without their printed dashes (——); body_starts / body_ends are compared with the continuation
markers （上接第X版） / （下转第X版） and a byline printed at the end of the text ("（记者 X）",
"（X 摄）", "（X）") left out, since those are not body text. A byline entry [name] without a kind
asserts the name only.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from archive.extraction.page_dates import resolve_page_dates
from archive.reading import parse_page

ROOT = Path(__file__).resolve().parents[2]
FORMS = ROOT / "tests" / "fixtures" / "forms"
KEY: dict = json.loads((FORMS / "expected.json").read_text(encoding="utf-8"))

MISSING = object()
SPACE_RE = re.compile(r"[\s\u3000\u00a0]+")
DASHES = "—－-─ "
CONTINUED_FROM_RE = re.compile(r"^[（(]上接第[0-9一二三四五六七八九十]+版[）)]")
CONTINUED_TO_RE = re.compile(r"[（(]下转第[0-9一二三四五六七八九十]+版[）)]$")
END_PAREN_RE = re.compile(r"[（(]([^（）()]{1,30})[）)]$")
END_BYLINE_WORDS = ("记者", "通讯员", "摄")
BRIEF_MARKS = "■□▲◆●★☆"
TERMINATED_RE = re.compile(r"[。！？][”’」』]?$")
# Page furniture that must never be article text, whatever the page.
FURNITURE_RES = (
    re.compile(r"责任编辑\s*[：:]"),
    re.compile(r"(版式|校对|美编)\s*[：:]\s*\S"),
    re.compile(r"^第\s*\d+\s*版"),
    re.compile(r"^\d{1,2}\s+\S{2,4}\s+(19|20)\d{2}年"),
    re.compile(r"^(19|20)\d{2}年\d{1,2}月\d{1,2}日\s*星期"),
)


def _norm(text: str | None) -> str:
    return SPACE_RE.sub("", text or "")


def _headline(text: str | None) -> str:
    return _norm(text).strip(DASHES)


def _strip_markers(text: str, byline_names: list[str]) -> str:
    """A paragraph without its continuation markers, the mark set before a brief ("■") and a
    byline printed at its end."""
    text = CONTINUED_FROM_RE.sub("", _norm(text).lstrip(BRIEF_MARKS))
    text = CONTINUED_TO_RE.sub("", text)
    match = END_PAREN_RE.search(text)
    if match:
        inside = match.group(1)
        if any(word in inside for word in END_BYLINE_WORDS) or inside in byline_names:
            text = text[: match.start()]
    return text


def _page(name: str):
    text = (FORMS / name).read_text(encoding="utf-8")
    return text, parse_page(text)


def _show(value) -> str:
    return "<missing>" if value is MISSING else repr(value)


def _summary(articles) -> str:
    rows = []
    for index, article in enumerate(articles, 1):
        title = getattr(article, "title", "")
        derived = " (derived)" if getattr(article, "title_is_derived", False) else ""
        paragraphs = getattr(article, "paragraphs", []) or [""]
        rows.append(f"  {index}. {title!r}{derived} — {_norm(paragraphs[0])[:16]!r}")
    return "\n".join(rows)


def _article_problems(number: int, want: dict, got) -> list[str]:
    problems: list[str] = []
    label = f"article {number} ({want.get('title') or 'derived title'})"

    def field(name):
        return getattr(got, name, MISSING)

    def report(key, expected, actual):
        problems.append(f"{label}, {key}: expected {expected!r}, got {_show(actual)}")

    byline_names = [_norm(entry[0]) for entry in want.get("bylines", [])]
    paragraphs = field("paragraphs")
    paragraphs = [] if paragraphs is MISSING else list(paragraphs)
    captions = field("captions")
    captions = [] if captions is MISSING else list(captions)

    for key, expected in want.items():
        if key in ("title", "kicker", "deck"):
            actual = field(key)
            if actual is MISSING or _headline(actual) != _headline(expected):
                report(key, expected, actual)
        elif key == "bylines":
            actual = field("bylines")
            got_pairs = (
                []
                if actual is MISSING
                else [(_norm(b.name), getattr(b, "kind", "")) for b in actual]
            )
            ok = len(got_pairs) == len(expected) and all(
                name == _norm(entry[0]) and (len(entry) < 2 or kind == entry[1])
                for (name, kind), entry in zip(got_pairs, expected, strict=False)
            )
            if not ok:
                report(
                    key,
                    [tuple(entry) for entry in expected],
                    actual if actual is MISSING else got_pairs,
                )
        elif key == "body_starts":
            first = _strip_markers(paragraphs[0], byline_names) if paragraphs else ""
            if not first.startswith(_norm(expected)):
                report(key, expected, first[: len(_norm(expected)) + 8] or "<no paragraphs>")
        elif key == "body_ends":
            last = _strip_markers(paragraphs[-1], byline_names) if paragraphs else ""
            if not last.endswith(_norm(expected)):
                report(key, expected, last[-len(_norm(expected)) - 8 :] or "<no paragraphs>")
        elif key == "paragraph_count":
            if len(paragraphs) != expected:
                report(key, expected, len(paragraphs))
        elif key == "captions":
            if [_norm(c) for c in captions] != [_norm(c) for c in expected]:
                report(key, expected, captions)
        elif key == "contains":
            text = _norm("".join(paragraphs + captions))
            for piece in expected:
                if _norm(piece) not in text:
                    problems.append(f"{label}, contains: {piece!r} is not in its text")
        else:  # plain fields compared as they are: bools, strings, page numbers
            actual = field(key)
            if actual is MISSING or actual != expected:
                report(key, expected, actual)
    return problems


@pytest.mark.parametrize("name", sorted(KEY))
def test_articles(name):
    _, page = _page(name)
    expected = KEY[name]["articles"]
    if len(page.articles) != len(expected):
        titles = "\n".join(
            f"  {i}. {a.get('title', '(derived)')!r}" for i, a in enumerate(expected, 1)
        )
        pytest.fail(
            f"{name}: expected {len(expected)} articles, got {len(page.articles)}\n"
            f"expected:\n{titles}\ngot:\n{_summary(page.articles)}"
        )
    problems = []
    for number, (want, got) in enumerate(zip(expected, page.articles, strict=True), 1):
        problems += _article_problems(number, want, got)
    assert not problems, f"{name}:\n" + "\n".join(problems)


@pytest.mark.parametrize("name", sorted(n for n in KEY if "masthead" in KEY[n]))
def test_masthead(name):
    _, page = _page(name)
    masthead = getattr(page, "masthead", MISSING)
    assert masthead is not MISSING, f"{name}: Page has no masthead"
    problems = []
    for key, expected in KEY[name]["masthead"].items():
        actual = getattr(masthead, key, MISSING)
        if key == "printed_date":
            shown = actual.isoformat() if isinstance(actual, dt.date) else actual
            ok = shown == expected
        elif key == "staff":
            shown = (
                actual
                if actual is MISSING
                else [(_norm(s.name), getattr(s, "role", "")) for s in actual]
            )
            ok = shown == [(_norm(n), role) for n, role in expected]
        else:
            shown, ok = actual, actual == expected
        if not ok:
            problems.append(f"masthead {key}: expected {expected!r}, got {_show(shown)}")
    assert not problems, f"{name}:\n" + "\n".join(problems)


@pytest.mark.parametrize("name", sorted(KEY))
def test_issue_date(name):
    text, page = _page(name)
    found = resolve_page_dates(
        text, "page.txt", page.articles, printed_date=page.masthead.printed_date
    ).issue_date
    got = found.isoformat() if found else None
    assert got == KEY[name]["issue_date"], (
        f"{name}: issue date expected {KEY[name]['issue_date']}, got {got}"
    )


def _article_texts(article) -> list[str]:
    parts = [getattr(article, key, "") or "" for key in ("kicker", "title", "deck")]
    return parts + list(article.paragraphs) + list(getattr(article, "captions", []) or [])


@pytest.mark.parametrize("name", sorted(KEY))
def test_no_furniture_in_articles(name):
    _, page = _page(name)
    furniture = [_norm(line) for line in KEY[name].get("furniture", [])]
    problems = []
    for number, article in enumerate(page.articles, 1):
        for text in _article_texts(article):
            clean = _norm(text)
            if any(line and line in clean for line in furniture) or any(
                pattern.search(text.strip()) for pattern in FURNITURE_RES
            ):
                problems.append(f"article {number} ({article.title!r}) holds furniture: {text!r}")
    assert not problems, f"{name}:\n" + "\n".join(problems)


@pytest.mark.parametrize("name", sorted(KEY))
def test_no_body_sentence_lost(name):
    """Every line that ends a sentence is body text and must be in some article."""
    text, page = _page(name)
    body = _norm(
        "".join(
            "".join(list(a.paragraphs) + list(getattr(a, "captions", []) or []))
            for a in page.articles
        )
    )
    lost = []
    for line in text.splitlines():
        clean = _strip_markers(line, [])
        without_name = END_PAREN_RE.sub("", clean)
        if TERMINATED_RE.search(without_name):
            clean = without_name  # a bare name in brackets closing a text: "…。（谭志刚）"
        if TERMINATED_RE.search(clean) and clean not in body:
            lost.append(line.strip())
    assert not lost, f"{name}: body lines in no article:\n" + "\n".join(lost)


def test_every_fixture_has_an_answer():
    pages = {path.name for path in FORMS.glob("*.txt")}
    assert pages == set(KEY), (sorted(pages - set(KEY)), sorted(set(KEY) - pages))
