"""The shortcuts that keep extraction fast give the answers of the plain definitions."""

from __future__ import annotations

import itertools
import re

import numpy as np
import pytest

from archive.extraction.person_crf import char_features
from archive.extraction.person_features import _emissions
from archive.extraction.person_lac import _viterbi
from archive.extraction.person_scorer import scorer
from archive.extraction.person_words import inside_listed, listed_reach, words_pattern


def best_path(logits: np.ndarray, transitions: np.ndarray) -> list[int]:
    """Every tag path scored one by one."""
    steps, tags = logits.shape

    def total(path):
        emitted = sum(logits[t, tag] for t, tag in enumerate(path))
        return emitted + sum(transitions[a, b] for a, b in itertools.pairwise(path))

    return list(max(itertools.product(range(tags), repeat=steps), key=total))


def test_viterbi_gives_each_row_of_a_padded_batch_its_best_path():
    rng = np.random.default_rng(7)
    transitions = rng.normal(size=(3, 3)).astype(np.float32) * 2  # not symmetric
    logits = rng.normal(size=(3, 5, 3)).astype(np.float32) * 2
    lengths = np.array([5, 3, 1], dtype=np.int64)
    paths = _viterbi(logits, transitions, lengths)
    for row, size in enumerate(lengths):
        assert paths[row] == best_path(logits[row, :size], transitions)


def test_the_nested_word_pattern_finds_what_the_flat_alternation_finds():
    words = frozenset(
        ["市长", "市长助理", "副市长", "市委书记", "市委副书记", "书记", "长", "副总统"]
    )
    flat = re.compile("|".join(sorted(words, key=len, reverse=True)))
    text = "市委副书记、副市长王某，副总统与市长助理会见书记长和市委书记。"
    nested = words_pattern(words)
    assert [m.span() for m in nested.finditer(text)] == [m.span() for m in flat.finditer(text)]
    assert [m.group() for m in nested.finditer("副市长")] == ["副市长"]  # the longest word


def test_crf_features_of_a_character_name_its_neighbours():
    emit = _emissions()
    feats = char_features("王了说")[1]
    assert feats[:11] == [
        "c=了",
        "p=王",
        "n=说",
        "pp=^",
        "nn=$",
        "ppp=^王",
        "nnn=说$",
        "pk=h",
        "nk=h",
        "s=0",
        "ps=1",
    ]
    assert feats[12:] == [
        "eb=" + emit["B"].get("了", "x"),
        "ee=" + emit["E"].get("了", "x"),
        "em=" + emit["M"].get("了", "x"),
    ]


@pytest.mark.parametrize(
    "start, end, inside",
    [(2, 4, True), (3, 5, True), (2, 6, False), (5, 7, False)],
)
def test_a_span_is_inside_a_listed_word_that_covers_it(start, end, inside):
    words = frozenset({"委内瑞拉", "内瑞"})
    text = "在委内瑞拉访问"
    assert inside_listed(text, start, end, words) is inside
    assert (listed_reach(text, start, words) >= end) is inside


def test_listed_reach_is_the_furthest_end_of_a_covering_word():
    words = frozenset({"委内瑞拉", "内瑞"})
    assert listed_reach("在委内瑞拉访问", 3, words) == 5
    assert listed_reach("在委内瑞拉访问", 6, words) == 5  # ends before 6: covers nothing there
    assert listed_reach("访问", 1, words) == -1
    longer = frozenset({"委内瑞拉", "内瑞拉访"})  # the later word reaches one further
    assert listed_reach("在委内瑞拉访问", 3, longer) == 6


def spans_of(text: str) -> set[str]:
    return {text[s:e] for s, e, *_ in scorer().score(text, [False] * (len(text) + 1))}


@pytest.mark.parametrize(
    "text, word",
    [
        ("副市长王国出席。", "王国"),  # a title before a string hopeless on its own
        ("部长、高山出席", "高山"),  # a list mark before it
        ("王国、高山", "王国"),  # a noun or place listed after it
    ],
)
def test_a_hopeless_string_is_still_scored_when_a_title_or_list_may_vouch(text, word):
    assert word in spans_of(text)


@pytest.mark.parametrize("text, word", [("今天王国出席。", "王国"), ("我们高山出席", "高山")])
def test_a_hopeless_string_alone_is_not_scored(text, word):
    assert word not in spans_of(text)
