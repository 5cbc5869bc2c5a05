"""Generic word lists for the person finder, read once from ``data/``.

Lists hold only generic words (surnames, titles, verbs); names of real persons belong in
tests and fixtures, never here.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
_LONGEST = 8  # characters looked back for a listed word covering a position (inside_listed)


def _read(name: str) -> list[str]:
    words: list[str] = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        words.extend(line.split())
    return words


@cache
def surnames() -> frozenset[str]:
    return frozenset("".join(_read("person_surnames.txt")))


@cache
def surnames_rare() -> frozenset[str]:
    return frozenset("".join(_read("person_surnames_rare.txt")))


@cache
def surnames_also_words() -> frozenset[str]:
    return frozenset("".join(_read("person_surnames_also_words.txt")))


@cache
def translit_chars() -> str:
    return "".join(_read("person_translit.txt"))


@cache
def translit_dotted_chars() -> str:
    return "".join(_read("person_translit_dotted.txt"))


@cache
def given_never() -> frozenset[str]:
    return frozenset("".join(_read("person_given_never.txt")))


@cache
def given_last_never() -> frozenset[str]:
    """Characters that end no two-character given name (person_given_last_never.txt)."""
    return frozenset("".join(_read("person_given_last_never.txt")))


@cache
def given_first_only() -> frozenset[str]:
    """Characters that only begin a two-character given name (person_given_first_only.txt)."""
    return frozenset("".join(_read("person_given_first_only.txt")))


def given_may_end(given: str) -> bool:
    """A given name may end with its last character: none that stands in no given name, only
    begins one (潘从明) or ends no two-character one (X便|开始, X很|高兴)."""
    last = given[-1]
    if last in given_never() or last in given_first_only():
        return False
    return not (len(given) == 2 and last in given_last_never())


@cache
def tibetan_parts() -> frozenset[str]:
    return frozenset(_read("person_tibetan_parts.txt"))


@cache
def compound_surnames() -> frozenset[str]:
    return frozenset(_read("person_compound_surnames.txt"))


@cache
def common_words() -> frozenset[str]:
    return frozenset(_read("person_common_words.txt"))


@cache
def titles() -> frozenset[str]:
    return frozenset(_read("person_titles.txt"))


@cache
def offices() -> frozenset[str]:
    return frozenset(_read("person_offices.txt"))


@cache
def roles() -> frozenset[str]:
    """What a person's role may end with: a title or an office."""
    return titles() | offices()


@cache
def titles_after() -> frozenset[str]:
    return frozenset(_read("person_titles_after.txt"))


@cache
def place_heads() -> frozenset[str]:
    return frozenset(_read("person_place_heads.txt"))


@cache
def works_about() -> frozenset[str]:
    return frozenset(_read("person_works_about.txt"))


@cache
def verbs() -> frozenset[str]:
    return frozenset(_read("person_verbs.txt"))


@cache
def companions() -> frozenset[str]:
    return frozenset(_read("person_companions.txt"))


@cache
def adverbs() -> frozenset[str]:
    return frozenset(_read("person_adverbs.txt"))


@cache
def place_suffixes() -> frozenset[str]:
    return frozenset(_read("person_suffixes.txt"))


@cache
def foreign_places() -> frozenset[str]:
    return frozenset(_read("person_places.txt"))


@cache
def role_stops() -> tuple[str, ...]:
    return tuple(_read("person_role_stops.txt"))


@cache
def _by_first(words: frozenset[str]) -> dict[str, tuple[int, ...]]:
    """First character → word lengths, longest first (so a lookup tries only real lengths)."""
    index: dict[str, set[int]] = {}
    for word in words:
        index.setdefault(word[0], set()).add(len(word))
    return {char: tuple(sorted(sizes, reverse=True)) for char, sizes in index.items()}


@cache
def _by_last(words: frozenset[str]) -> dict[str, tuple[int, ...]]:
    index: dict[str, set[int]] = {}
    for word in words:
        index.setdefault(word[-1], set()).add(len(word))
    return {char: tuple(sorted(sizes, reverse=True)) for char, sizes in index.items()}


def inside_listed(text: str, start: int, end: int, words: frozenset[str]) -> bool:
    """text[start:end] lies within an occurrence of one of ``words``."""
    return listed_reach(text, start, words) >= end


def listed_reach(text: str, start: int, words: frozenset[str]) -> int:
    """Where the furthest-reaching occurrence of one of ``words`` that covers ``start`` ends
    (-1 when none does): every span from ``start`` ending up to there lies inside it."""
    lengths = _by_first(words)
    reach = -1
    for a in range(max(0, start - _LONGEST), start + 1):
        for size in lengths.get(text[a], ()):
            if a + size > reach and text[a : a + size] in words:
                reach = a + size
                break  # sizes are longest first
    return reach


def longest_ending_at(text: str, end: int, words: frozenset[str]) -> str:
    """The longest word of ``words`` that ends exactly at ``end``."""
    if end < 1:
        return ""
    for size in _by_last(words).get(text[end - 1], ()):
        if size <= end and text[end - size : end] in words:
            return text[end - size : end]
    return ""


def longest_starting_at(text: str, start: int, words: frozenset[str]) -> str:
    """The longest word of ``words`` that starts exactly at ``start``."""
    if start >= len(text):
        return ""
    for size in _by_first(words).get(text[start], ()):
        if text[start : start + size] in words:
            return text[start : start + size]
    return ""


def words_pattern(words: frozenset[str]) -> re.Pattern[str]:
    """A regex matching the longest of ``words`` at each place, its alternatives nested by
    common prefix (市委书记|市长 → 市(?:委书记|长)): Python's re tries a flat alternation word by
    word at every character, a nested one character by character."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here

    def nested(node: dict) -> str:
        branches = [re.escape(c) + nested(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body  # greedy: the longer word first

    return re.compile(nested(trie))


def title_ends(text: str) -> list[int]:
    """Where a listed title or office ends (the longest at each place)."""
    return [m.end() for m in _titles_pattern().finditer(text)]


@cache
def _titles_pattern() -> re.Pattern[str]:
    return words_pattern(roles())
