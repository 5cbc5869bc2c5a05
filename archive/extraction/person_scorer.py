"""Fast scoring of every candidate span in a text (the same sums as ``features``).

``features()`` builds feature strings one candidate at a time, which is clear and is what
training uses, but too slow for 1,000 articles a second. Here the same weights are folded into
small tables (per surname, per given-name character, per dictionary code …) and the context
parts are summed once per position. ``tests/extraction/test_persons.py`` checks both agree.
"""

from __future__ import annotations

import math
import re
from functools import cache

from .person_dict import word_codes
from .person_features import (
    _PUNCT,
    _emissions,
    adverb_follows,
    char_class,
    fold_punct,
    foreign_candidates,
    foreign_features,
)
from .person_model import load_model
from .person_words import (
    compound_surnames,
    given_first_only,
    given_last_never,
    given_never,
    place_suffixes,
    surnames,
    titles,
    titles_after,
    verbs,
)

# Candidates whose own string scores below this log-odds (0.18% of CLUENER train's names, 61%
# of its other candidates) are not scored in context at all: it saves most of the time. From
# -6 to -5 changed no decision on 3,000 news items nor on CLUENER train's held-out seventh,
# and made find_persons ~11% faster.
PRUNE = -5.0
NOUNISH = set("rtsnzo")  # jieba tag groups a name may share (see person_spans)
# Span strings recur from article to article (王国, 高度 …): their inner sums are kept, up to
# this many, then forgotten (an importer runs for hours).
SPAN_MEMO = 200_000


# context bits next to a candidate: a title before or after, a verb after, a 、 either side
TITLED, VERB, LISTED = 1, 2, 4
_LEFT_CTX = {
    flags: (TITLED if "t" in flags else 0) | (LISTED if "l" in flags else 0)
    for flags in ("", "t", "l", "p", "tl", "tp", "lp", "tlp")
}


class _Memo(dict):
    """key → folded weight, computed on first use (``d[key]`` stays a C-level lookup)."""

    def __init__(self, fold) -> None:
        super().__init__()
        self.fold = fold

    def __missing__(self, key: str) -> float:
        value = self[key] = self.fold(key)
        return value


class Scorer:
    def __init__(self, weights: dict[str, float]) -> None:
        self.w = weights
        self.codes = word_codes()
        self.emit = _emissions()
        self.bias = weights.get("", 0.0)
        self.singles = surnames()
        self.doubles = compound_surnames()
        self.never = given_never()
        self.last_never = given_last_never()
        self.first_only = given_first_only()
        self.stops = set(_PUNCT) | {"^"}  # char_class(prev) in "p^"
        self.double_firsts = {d[0] for d in self.doubles}
        firsts = "".join(sorted(self.singles | self.double_firsts))
        self.starts = re.compile("[" + re.escape(firsts) + "]")
        self.titles = titles()
        self.title_lens = _lengths_by(self.titles, last=True)
        self.right_words = _right_words()
        self.right_lens = _lengths_by(set(self.right_words), last=False)
        self.pairs = {(f, c): self._pair(f, c) for f in _flag_sets() for c in (False, True)}
        self.by_flags = {
            f: ((self.pairs[(f, False)], self.pairs[(f, True)]), "t" in f or "l" in f, _LEFT_CTX[f])
            for f in _flag_sets()
        }
        self._tables()

    # -- tables ---------------------------------------------------------------------------
    def _tables(self) -> None:
        """One memo per feature kind, keyed by the raw character, string or code."""
        get, emit = self.w.get, self.emit
        self.t_sur = _Memo(lambda v: get("s" + v, 0.0) + get("es" + emit["B"].get(v[0], "x"), 0.0))
        self.t_one = _Memo(lambda v: get("o" + v, 0.0) + get("eo" + emit["E"].get(v, "x"), 0.0))
        self.t_mid = _Memo(lambda v: get("m" + v, 0.0) + get("em" + emit["M"].get(v, "x"), 0.0))
        self.t_end = _Memo(lambda v: get("z" + v, 0.0) + get("ez" + emit["E"].get(v, "x"), 0.0))
        self.t_sw = _Memo(lambda v: get("sw" + v, 0.0))
        self.t_gw = _Memo(lambda v: get("gw" + v, 0.0))
        self.t_whole = _Memo(lambda v: get("w" + v, 0.0) + get("k" + v[0] + v[1], 0.0))
        self.t_len = _Memo(lambda v: get("b" + v, 0.0))
        self.t_prev = _Memo(
            lambda v: get("p" + fold_punct(v), 0.0) + get("pc" + char_class(v), 0.0)
        )
        self.t_next = _Memo(
            lambda v: get("n" + fold_punct(v), 0.0) + get("nc" + char_class(v), 0.0)
        )
        self.t_lx = _Memo(lambda v: get("lx" + v, 0.0))
        self.t_bw = _Memo(lambda v: get("bw" + v, 0.0))
        self.t_rx = _Memo(lambda v: get("rx" + v, 0.0))
        self.t_aw = _Memo(lambda v: get("aw" + v, 0.0))
        right = ("ta", "va", "v1", "os1", "os2", "os3", "ln", "cr")
        self.w_right = {f: get(f, 0.0) for f in right}  # marks after a span (see _right)
        self.t_plain = _Memo(lambda v: get(v, 0.0))
        self.spans = _Memo(self._span)  # "+" marks a compound surname (欧阳明 read as 欧阳+明)

    def _span(self, key: str) -> tuple[float, str]:
        """Bias + surname + given name + dictionary code of a span string, and that code."""
        sur = 2 if key[0] == "+" else 1
        name = key[sur - 1 :]
        z, code = self._inner(name, 0, len(name), sur)
        return self.bias + self.t_sur[name[:sur]] + z, code

    def _pair(self, flags: str, clean: bool) -> float:
        feats = list(flags.replace("t", "T").replace("l", "L").replace("p", "P"))
        if clean:
            feats += [f + ".cr" for f in feats]
        return sum(self.w.get(f, 0.0) for f in feats)

    # -- scoring --------------------------------------------------------------------------
    def score(self, text: str, hidden: list[bool]) -> list[tuple[int, int, int, float, bool, int]]:
        """Per candidate: start, end, surname length (0 foreign), probability, whether a name
        can end there (clean right edge), and context bits (TITLED, VERB, LISTED)."""
        out = []
        rights: dict[int, tuple[float, bool, int]] = {}
        size = len(text)
        inner, singles, doubles, never = self.spans, self.singles, self.doubles, self.never
        last_never, first_only = self.last_never, self.first_only
        title_ends, double_firsts = self.title_lens, self.double_firsts
        if len(inner) > SPAN_MEMO:
            inner.clear()
        for match in self.starts.finditer(text):
            i = match.start()
            if hidden[i]:
                continue
            left = None
            for sur in (1, 2):
                if sur == 1 and text[i] not in singles:
                    continue
                if sur == 2 and (text[i] not in double_firsts or text[i : i + 2] not in doubles):
                    continue
                for given in (1, 2):
                    end = i + sur + given
                    if end > size or not "\u4e00" <= text[end - 1] <= "\u9fff":
                        break
                    if text[end - 1] in never:
                        break
                    if text[end - 1] in first_only or given == 2 and text[end - 1] in last_never:
                        continue  # given_may_end, inline: 从 may begin a given name (潘从明)
                    z, code = inner[text[i:end] if sur == 1 else "+" + text[i:end]]
                    if z < PRUNE and (code[0] not in NOUNISH or text[end : end + 1] != "、"):
                        # hopeless alone: look no further unless a title or list may vouch
                        prev = text[i - 1] if i else "^"
                        if prev != "、" and prev not in title_ends:
                            continue
                        left = left or self._left(text, i)
                        if not left[2]:
                            continue
                    left = left or self._left(text, i)
                    right = rights.get(end)
                    if right is None:
                        right = rights[end] = self._right(text, end)
                    z += left[0] + right[0] + right[3] + left[1][right[1]]
                    p = 0.0 if z < -30 else 1.0 / (1.0 + math.exp(-z))
                    out.append((i, end, sur, p, right[1], right[2] | left[3]))
        for i, end, _ in foreign_candidates(text):
            if hidden[i]:
                continue
            z = self.bias + sum(self.t_plain[f] for f in foreign_features(text, i, end))
            lz, pair, _, lctx = self._left(text, i)
            right = rights.get(end)
            if right is None:
                right = rights[end] = self._right(text, end)
            rz, clean, ctx, _ = right  # an adverb after a foreign run: no edge
            z += lz + rz + pair[clean]
            out.append((i, end, 0, _sigmoid(z), clean, ctx | lctx))
        return out

    def _inner(self, text: str, start: int, end: int, sur: int) -> tuple[float, str]:
        codes, size = self.codes, end - start
        z = self.t_len[f"{sur}{size}"]
        if size - sur == 1:
            z += self.t_one[text[end - 1]]
        else:
            z += self.t_mid[text[end - 2]] + self.t_end[text[end - 1]]
            z += self.t_sw[codes.get(text[start : start + 2], "-")]
            z += self.t_gw[codes.get(text[end - 2 : end], "-")]
        code = codes.get(text[start:end], "-")
        return z + self.t_whole[f"{size}{code}"], code

    def _left(self, text: str, start: int) -> tuple[float, tuple[float, float], bool, int]:
        """What stands before a span: its log-odds, the pair weights without and with a clean
        right edge, whether a title or list may vouch for a hopeless string, context bits."""
        codes = self.codes
        if start:
            z = (
                self.t_prev[text[start - 1]]
                + self.t_lx[codes.get(text[start - 1 : start + 1], "-")]
            )
            if start >= 2:
                z += self.t_bw[codes.get(text[start - 2 : start], "-")]
        else:
            z = self.t_prev["^"]
        return (z, *self.by_flags[self._flags(text, start)])

    def _flags(self, text: str, start: int) -> str:
        """What stands right before a span: t(itle) l(ist 、) p(unctuation or text start)."""
        prev = text[start - 1] if start else "^"
        flags = ""
        for size in self.title_lens.get(prev, ()):
            if size <= start and text[start - size : start] in self.titles:
                flags = "t"
                break
        if prev == "、":
            flags += "l"
        if prev in self.stops:
            flags += "p"
        return flags

    def _right(self, text: str, end: int) -> tuple[float, bool, int, float]:
        """What follows a span: its log-odds, whether a name can end here, context bits, and
        the weight an adverb after a Chinese name adds (right_features)."""
        codes, w = self.codes, self.w_right
        if end < len(text):
            nxt = text[end]
            z = self.t_next[nxt] + self.t_rx[codes.get(text[end - 1 : end + 1], "-")]
            z += self.t_aw[codes.get(text[end : end + 2], "-")]
        else:
            nxt = "$"
            z = self.t_next[nxt]
        after = verb = suffix = 0
        for size in self.right_lens.get(nxt, ()):
            kinds = self.right_words.get(text[end : end + size])
            if kinds:
                after = after or (size if "a" in kinds else 0)
                verb = verb or (size if "v" in kinds else 0)
                suffix = suffix or (size if "s" in kinds else 0)
        if after:
            z += w["ta"]
        if verb:
            z += w["va" if verb > 1 else "v1"]
        if suffix:
            z += w[f"os{min(suffix, 3)}"]
        if nxt == "、":
            z += w["ln"]
        clean = bool(after or verb) or nxt == "$" or nxt in _PUNCT or nxt.isdigit()
        if clean:
            z += w["cr"]
        eased = w["cr"] if not clean and adverb_follows(text, end) else 0.0
        speech = verb > 1 or nxt in "说称"  # 等, 和, 在 … after a span say little
        ctx = (TITLED if after else 0) | (VERB if speech else 0) | (LISTED if nxt == "、" else 0)
        return z, clean, ctx, eased


def _sigmoid(z: float) -> float:
    return 0.0 if z < -30 else 1.0 / (1.0 + math.exp(-z))


def _flag_sets() -> list[str]:
    return [a + b + c for a in ("", "t") for b in ("", "l") for c in ("", "p")]


def _lengths_by(words: set[str] | frozenset[str], last: bool) -> dict[str, tuple[int, ...]]:
    index: dict[str, set[int]] = {}
    for word in words:
        index.setdefault(word[-1] if last else word[0], set()).add(len(word))
    return {char: tuple(sorted(sizes, reverse=True)) for char, sizes in index.items()}


def _right_words() -> dict[str, str]:
    """Word → which right-hand lists hold it: a(fter-title) v(erb) s(uffix)."""
    kinds: dict[str, str] = {}
    for tag, words in (("a", titles_after()), ("v", verbs()), ("s", place_suffixes())):
        for word in words:
            kinds[word] = kinds.get(word, "") + tag
    return kinds


@cache
def scorer() -> Scorer:
    return Scorer(load_model()[0])
