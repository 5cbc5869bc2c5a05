"""Score a page reading against its answer key: pure counting, no I/O.

Articles are matched one-to-one: a predicted article matches a true one when the true article's
key (the opening words of its own body, whitespace removed) appears in the predicted text. When a
predicted article holds several keys (it swallowed a neighbour) it matches the one whose title it
carries, else the first key it prints; the others stay unmatched and count as misses. A second
predicted article holding an already matched key (a split-off fragment) stays unmatched and
counts against precision.

Persons are scored only where the truth is complete: a predicted name counts (right or wrong) when
it appears inside a byline line or an inserted annotated sentence of the matched true article;
names elsewhere in the news text are not annotated and are not scored.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, fields

from .forms import NOWHERE
from .reading import PageReading, ReadArticle
from .text import squeeze
from .truth import TrueArticle, TruePage

ALL = "all"
SHINGLE = 8  # characters: long enough that a shared run means shared text, not a common phrase


@dataclass
class Tally:
    """Additive counts; precision and recall are derived, so tallies sum across pages."""

    articles_true: int = 0
    articles_read: int = 0
    articles_matched_true: int = 0
    articles_matched_read: int = 0
    titles_true: int = 0
    titles_read: int = 0
    titles_right: int = 0
    bylines_true: int = 0
    bylines_read: int = 0
    bylines_right: int = 0
    persons_true: int = 0
    persons_read: int = 0  # only names inside a known region
    persons_right: int = 0
    pages: int = 0
    dates_right: int = 0
    dates_none: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))


def ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def match(truth: list[TrueArticle], read: list[ReadArticle]) -> dict[int, int]:
    """read index → truth index, one-to-one, in reading order."""
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for r, article in enumerate(read):
        found = [
            (article.text.find(squeeze(t.key)), t_index)
            for t_index, t in enumerate(truth)
            if t_index not in taken and squeeze(t.key) in article.text
        ]
        if not found:
            continue
        titled = [t for _, t in found if _same_title(truth[t].title, article.title)]
        chosen = titled[0] if titled else min(found)[1]
        pairs[r] = chosen
        taken.add(chosen)
    return pairs


def _same_title(true_title: str | None, read_title: str | None) -> bool:
    return true_title is not None and read_title is not None and squeeze(true_title) == read_title


def _shingles(text: str) -> set[str]:
    return {text[i : i + SHINGLE] for i in range(max(1, len(text) - SHINGLE + 1))}


def source_of(article: ReadArticle, truth: list[TrueArticle]) -> int | None:
    """The true article an unmatched reading shares most text with (None: furniture, banners)."""
    pieces = _shingles(article.text)
    best, best_shared = None, 0
    for index, candidate in enumerate(truth):
        text = squeeze(candidate.text)
        shared = sum(piece in text for piece in pieces)
        if shared > best_shared:
            best, best_shared = index, shared
    return best


def _in_regions(name: str, regions: list[str]) -> bool:
    return any(name in squeeze(region) for region in regions)


def score_pair(true: TrueArticle, read: ReadArticle) -> Tally:
    """What one matched pair adds beyond the article counts."""
    true_bylines, read_bylines = set(true.bylines), set(read.bylines)
    true_persons = set(true.persons)
    read_persons = {n for n in read.persons if _in_regions(n, true.regions)}
    title_right = _same_title(true.title, read.title)
    return Tally(
        titles_right=int(title_right),
        bylines_true=len(true_bylines),
        bylines_read=len(read_bylines),
        bylines_right=len(true_bylines & read_bylines),
        persons_true=len(true_persons),
        persons_read=len(read_persons),
        persons_right=len(true_persons & read_persons),
    )


def score_page(page: TruePage, reading: PageReading) -> dict[str, Tally]:
    """Tallies for the whole page (``all``) and for every form its articles and date carry."""
    tallies: dict[str, Tally] = defaultdict(Tally)

    def add(forms: list[str], tally: Tally) -> None:
        for form in [ALL, *forms]:
            tallies[form] = tallies[form] + tally

    pairs = match(page.articles, reading.articles)
    matched_truth = set(pairs.values())
    for index, true in enumerate(page.articles):
        add(
            true.forms,
            Tally(
                articles_true=1,
                articles_matched_true=int(index in matched_truth),
                titles_true=int(true.title is not None),
            ),
        )
    for r, read in enumerate(reading.articles):
        counted = Tally(articles_read=1, titles_read=int(read.title is not None))
        if r in pairs:
            true = page.articles[pairs[r]]
            add(true.forms, counted + Tally(articles_matched_read=1) + score_pair(true, read))
            continue
        source = source_of(read, page.articles)
        add(page.articles[source].forms if source is not None else [NOWHERE], counted)
    add(page.forms, date_tally(page.issue_date, reading.issue_date))
    return dict(tallies)


def date_tally(truth: dt.date, read: dt.date | None) -> Tally:
    return Tally(pages=1, dates_right=int(read == truth), dates_none=int(read is None))
