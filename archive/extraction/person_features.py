"""Candidate name spans and the context features the scorer weighs.

A candidate is a surname (1 or 2 characters) followed by a 1–2 character given name, all
Chinese characters. Features are short strings: single characters around the span, word lists
(titles, verbs) and jieba dictionary codes. No feature holds a whole name, so the learned
weights never memorise persons.
"""

from __future__ import annotations

import pickle
import re
from functools import cache
from pathlib import Path

import jieba

from .person_dict import char_tags, word_codes
from .person_words import (
    adverbs,
    compound_surnames,
    foreign_places,
    given_may_end,
    given_never,
    listed_reach,
    longest_ending_at,
    longest_starting_at,
    place_suffixes,
    surnames,
    titles,
    titles_after,
    translit_chars,
    translit_dotted_chars,
    verbs,
)

Candidate = tuple[int, int, int]  # start, end, surname length (0: a foreign name)

_PUNCT = set("，。；：！？、,.;:!?“”‘’\"'《》〈〉（）()[]【】—…·\n\t ■")


def is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


_HALF = str.maketrans(",.;:!?()[]\"'", "，。；：！？（）【】“‘")


def fold_punct(char: str) -> str:
    """ASCII punctuation as its full-width form (pages mix both; the contexts are the same)."""
    return char.translate(_HALF)


def char_class(char: str) -> str:
    if char in "^$":
        return char
    if is_han(char):
        return "h"
    if char.isdigit():
        return "d"
    if char in _PUNCT:
        return "p"
    return "a" if char.isascii() else "o"


@cache
def _emissions() -> dict[str, dict[str, str]]:
    """jieba's HMM emission log-probabilities for name characters, bucketed (B/M/E of nr)."""
    path = Path(jieba.__file__).resolve().parent / "posseg" / "prob_emit.p"
    with path.open("rb") as handle:
        emit = pickle.load(handle)  # noqa: S301 - jieba's own packaged model file
    tables: dict[str, dict[str, str]] = {}
    for state in "BME":
        tables[state] = {char: str(min(12, int(-lp))) for char, lp in emit[(state, "nr")].items()}
    return tables


DOTS = "·•‧-－"  # what papers print between the parts of a foreign name (汤姆-克鲁斯)
FOREIGN_LONGEST = 12  # characters of a foreign name written without ·
DOTTED_LONGEST = 16  # … and of one whose parts are joined by ·


@cache
def _narrow() -> frozenset[str]:
    return frozenset(translit_chars())


@cache
def foreign_runs() -> re.Pattern[str]:
    """Parts of transliteration characters joined by · (the wider set), or three or more
    transliteration characters (the narrow set) written together, single characters of the
    wider set allowed between them (克瓦希涅夫斯基, 罗季奥诺夫)."""
    chars = "[" + re.escape(translit_chars()) + "]"
    wide = "[" + re.escape(translit_chars() + translit_dotted_chars()) + "]"
    inner = "[" + re.escape(translit_dotted_chars()) + "]"
    dots = "[" + re.escape(DOTS) + "]"
    return re.compile(f"{wide}+(?:{dots}{wide}+)+|{chars}(?:{inner}?{chars}){{2,}}")


def foreign_candidates(text: str) -> list[Candidate]:
    """Runs of ``foreign_runs``; an undotted run is tried from each of its ``_starts`` and
    also without its last character when that makes a word with the one after it."""
    found = []
    codes = word_codes()
    for m in foreign_runs().finditer(text):
        start, end = m.span()
        if any(dot in m.group() for dot in DOTS):
            if end - start <= DOTTED_LONGEST:
                found.append((start, end, 0))
                # The last character, of the wider set only, may start the next word (莱希|通电话),
                # unless it is a part of its own after a dot (韦恩·金).
                last, dotted = text[end - 1], text[end - 2] in DOTS
                if last not in translit_chars() and not dotted and text[end - 1 : end + 1] in codes:
                    found.append((start, end - 1, 0))
            continue
        starts = _starts(text, start, end)
        ends = [end]
        if text[end - 1 : end + 1] in codes and text[end - 2] in _narrow():
            ends.append(end - 1)  # still ending on the narrow set (not 萨格勒布则|希望)
        found += [
            (a, b, 0)
            for a in starts
            for b in ends
            if 3 <= b - a <= FOREIGN_LONGEST and not _chinese_words(codes, text[a:b])
        ]
    return found


def _chinese_words(codes: dict[str, str], run: str) -> bool:
    """An idiom or set phrase jieba knows (依依不舍), or a run ending in a common verb
    (吉林大安|依托): Chinese words of transliteration characters, not a foreign name."""
    tail = codes.get(run[-2:], "-0")
    return codes.get(run, "t")[0] == "x" or (tail[0] == "v" and tail[1] >= "2")


def _starts(text: str, start: int, end: int) -> list[int]:
    """Where a name in the run text[start:end] may start: after a listed place that began
    before the run (文莱|苏丹…), at the run's start, and after each place it starts with
    (a name may start with a two-character one, 马里纳基斯, but not with a longer one or
    with two, 阿曼苏丹|X); one character on when the first
    makes a word with the character before it (感谢|克雷蒂安)."""
    places = foreign_places()
    reach = listed_reach(text, start, places)
    placed = start < reach < end - 2 and reach != start + len(
        longest_starting_at(text, start, places)
    )
    if placed:
        start = reach
    found = [start]
    while place := longest_starting_at(text, found[-1], places):
        after = found[-1] + len(place)
        if after > end - 3:
            break
        if placed or len(place) > 2 or longest_starting_at(text, after, places):
            found.pop()  # no name starts with 吉尔吉斯斯坦 or 阿曼苏丹 (or 文莱|苏丹)
        found.append(after)
        placed = True
    if start and text[start - 1 : start + 1] in word_codes():
        found.append(start + 1)
    return found


def candidates(text: str) -> list[Candidate]:
    """Every surname-led 2–3 (or compound 3–4) character span of Chinese characters, and
    runs of transliteration characters (foreign names)."""
    found = _surname_candidates(text)
    found += foreign_candidates(text)
    return found


def _surname_candidates(text: str) -> list[Candidate]:
    singles, doubles = surnames(), compound_surnames()
    size = len(text)
    found: list[Candidate] = []
    for i, char in enumerate(text):
        if char in singles:
            _add(found, text, i, 1, size)
        if i + 1 < size and text[i : i + 2] in doubles:
            _add(found, text, i, 2, size)
    return found


def _add(found: list[Candidate], text: str, i: int, sur: int, size: int) -> None:
    for given in (1, 2):
        end = i + sur + given
        if end > size or not is_han(text[end - 1]) or text[end - 1] in given_never():
            return
        if given_may_end(text[i + sur : end]):
            found.append((i, end, sur))


def features(text: str, cand: Candidate) -> list[str]:
    """All features of a candidate (training); the scorer sums the same parts with caches."""
    left, flags = left_features(text, cand[0])
    right, clean = right_features(text, cand[1], surname_led=cand[2] > 0)
    return inner_features(text, cand) + left + right + pair_features(flags, clean)


def inner_features(text: str, cand: Candidate) -> list[str]:
    """The span itself: surname, given-name characters, how jieba knows the string."""
    start, end, sur = cand
    if sur == 0:
        return foreign_features(text, start, end)
    codes, emit = word_codes(), _emissions()
    given = text[start + sur : end]
    feats = [f"b{sur}{end - start}", "s" + text[start : start + sur]]
    feats.append("es" + emit["B"].get(text[start], "x"))
    if len(given) == 1:
        feats += ["o" + given, "eo" + emit["E"].get(given, "x")]
    else:
        feats += ["m" + given[0], "z" + given[1]]
        feats += ["em" + emit["M"].get(given[0], "x"), "ez" + emit["E"].get(given[1], "x")]
        feats += ["sw" + codes.get(text[start : start + 2], "-"), "gw" + codes.get(given, "-")]
    code = codes.get(text[start:end], "-")
    feats += [f"w{end - start}" + code, f"k{end - start}" + code[0]]
    return feats


def foreign_features(text: str, start: int, end: int) -> list[str]:
    name = text[start:end]
    code = word_codes().get(name, "-")
    parts = "j" if "·" in name or "•" in name else str(min(end - start, 6))
    return ["fb" + parts, "ff" + name[0], "fz" + name[-1], "fw" + code, "fk" + code[0]]


def left_features(text: str, start: int) -> tuple[list[str], str]:
    """What stands before the span; flags: t(itle) l(ist 、) p(unctuation)."""
    codes = word_codes()
    prev = text[start - 1] if start else "^"
    kind = char_class(prev)
    feats = ["p" + fold_punct(prev), "pc" + kind]
    if start:
        feats.append("lx" + codes.get(text[start - 1 : start + 1], "-"))
    if start >= 2:
        feats.append("bw" + codes.get(text[start - 2 : start], "-"))
    flags = ""
    if longest_ending_at(text, start, titles()):
        flags += "t"
    if prev == "、":
        flags += "l"
    if kind in "p^":
        flags += "p"
    return feats, flags


ASPECT = "着"  # after a verb (笑着, 带着): the verb's, never a name's


TIME_CLAUSE_ENDS = {"时，", "时,"}  # 见到X时，: a name ends before 时 (任弼时同志 keeps it)


def verb_with_aspect(text: str, at: int) -> bool:
    """The character at ``at`` is a verb and 着 follows it (笑着说, 带着孩子)."""
    return text[at + 1 : at + 2] == ASPECT and char_tags().get(text[at : at + 1], "")[:1] == "v"


def adverb_follows(text: str, end: int) -> bool:
    """An adverb (X正在, X一直), a verb with 着 (X笑着, X带着) or the 时 that closes a clause of
    time (见到X时，) follows: a name can end here."""
    if text[end : end + 2] in TIME_CLAUSE_ENDS:
        return True
    return verb_with_aspect(text, end) or bool(longest_starting_at(text, end, adverbs()))


def right_features(text: str, end: int, surname_led: bool = True) -> tuple[list[str], bool]:
    """What follows the span; the flag says a name can end here (punctuation, a digit, a verb
    or a title follows). An adverb after a Chinese name weighs as such an edge too, but vouches
    for no name after a title (主席|明年再次) nor for a foreign run (a place: X再次发生)."""
    codes = word_codes()
    nxt = text[end] if end < len(text) else "$"
    feats = ["n" + fold_punct(nxt), "nc" + char_class(nxt)]
    if end < len(text):
        feats.append("rx" + codes.get(text[end - 1 : end + 1], "-"))
        feats.append("aw" + codes.get(text[end : end + 2], "-"))
    after = longest_starting_at(text, end, titles_after())
    verb = longest_starting_at(text, end, verbs())
    if after:
        feats.append("ta")
    if verb:
        feats.append("va" if len(verb) > 1 else "v1")
    suffix = longest_starting_at(text, end, place_suffixes())
    if suffix:
        feats.append(f"os{min(len(suffix), 3)}")
    if nxt == "、":
        feats.append("ln")
    clean = bool(after or verb) or nxt == "$" or nxt in _PUNCT or nxt.isdigit()
    if clean or surname_led and adverb_follows(text, end):
        feats.append("cr")
    return feats, clean


def pair_features(flags: str, clean: bool) -> list[str]:
    """Left context paired with a clean right edge (title + name + verb …)."""
    feats = list(flags.replace("t", "T").replace("l", "L").replace("p", "P"))
    if clean:
        feats += [f + ".cr" for f in feats]
    return feats


def isolated(text: str, cand: Candidate) -> tuple[str, Candidate]:
    """The span alone between commas: how name-like the string itself is."""
    start, end, sur = cand
    return "，" + text[start:end] + "，", (1, 1 + end - start, sur)
