"""The printed table: precision and recall per measure, overall and per form."""

from __future__ import annotations

from .forms import ARTICLE_FORMS, NOWHERE, PAGE_FORMS
from .scoring import ALL, Tally, ratio

SCORING_NOTE = (
    "Articles match one-to-one by the true article's opening words appearing in a predicted one; "
    "a swallowed neighbour is a miss, a split-off fragment a false article. Titles: exact after "
    "removing whitespace, over all articles. Bylines: names, over matched articles. Persons: "
    "byline names ∪ find_persons(full_text), over matched articles; truth is the invented byline "
    "names plus the PER names of inserted MSRA test sentences, and a predicted name is scored only "
    "when it lies inside a byline line or an inserted sentence (other names are unannotated)."
)
COLUMNS = ("articles", "titles", "bylines", "persons")


def _cell(value: float | None) -> str:
    return "   –" if value is None else f"{value:4.2f}"


def measures(t: Tally) -> list[tuple[float | None, float | None]]:
    return [
        (
            ratio(t.articles_matched_read, t.articles_read),
            ratio(t.articles_matched_true, t.articles_true),
        ),
        (ratio(t.titles_right, t.titles_read), ratio(t.titles_right, t.titles_true)),
        (ratio(t.bylines_right, t.bylines_read), ratio(t.bylines_right, t.bylines_true)),
        (ratio(t.persons_right, t.persons_read), ratio(t.persons_right, t.persons_true)),
    ]


def _row(name: str, t: Tally) -> str:
    cells = " ".join(f"{_cell(p)} {_cell(r)}" for p, r in measures(t))
    date = f"{_cell(ratio(t.dates_right, t.pages))} {t.dates_none:5d}" if t.pages else "   –     –"
    return f"{name:<14}{t.articles_true:6d} {t.articles_read:6d}  {cells}  {t.pages:5d} {date}"


def table(tallies: dict[str, Tally], by_form: bool) -> list[str]:
    head = "".join(f"{c:<10}" for c in COLUMNS)
    lines = [
        f"{'':<14}{'true':>6} {'read':>6}  {head}  {'pages':>5} {'date':>4} {'None':>5}",
        f"{'':<14}{'':>6} {'':>6}  " + "   P    R  " * len(COLUMNS),
        _row(ALL, tallies.get(ALL, Tally())),
    ]
    if by_form:
        for form in (*ARTICLE_FORMS, NOWHERE, *PAGE_FORMS):
            if form in tallies:
                lines.append(_row(form, tallies[form]))
    return lines
