"""Whoosh's side of the exact analysis (text.py): its tokenizer and the positions format."""

from __future__ import annotations

from array import array

from whoosh.analysis import Token, Tokenizer
from whoosh.formats import Positions

from archive.search.text import RUN_RE, UNIT_RE, index_terms, normalize


class ExactTokenizer(Tokenizer):
    """Whoosh tokenizer: unigram and bigram per unit, both at the unit's position.

    Honours tokenize=False (the whole normalised value as one token), which the stock
    ChineseAnalyzer ignores, and counts positions in units, not characters.
    """

    def __eq__(self, other):
        return other.__class__ is self.__class__

    def __call__(
        self,
        value,
        positions=False,
        chars=False,
        keeporiginal=False,
        removestops=True,
        start_pos=0,
        start_char=0,
        tokenize=True,
        mode="",
        **kwargs,
    ):
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        norm = normalize(value)
        if not tokenize:
            t.original = t.text = norm
            t.boost = 1.0
            if positions:
                t.pos = start_pos
            if chars:
                t.startchar, t.endchar = start_char, start_char + len(value)
            yield t
            return
        pos = start_pos
        for match in RUN_RE.finditer(norm):
            spans = [(m.start(), m.end()) for m in UNIT_RE.finditer(match.group())]
            base = match.start()
            text = match.group()
            for i, (s, e) in enumerate(spans):
                grams = [(text[s:e], e)]
                if i + 1 < len(spans):
                    grams.append((text[s : spans[i + 1][1]], spans[i + 1][1]))
                for gram, end in grams:
                    t.text = gram
                    t.boost = 1.0
                    if keeporiginal:
                        t.original = gram
                    t.stopped = False
                    if positions:
                        t.pos = pos + i
                    if chars:
                        t.startchar = start_char + base + s
                        t.endchar = start_char + base + end
                    yield t
            pos += len(spans)


def ExactAnalyzer():  # noqa: N802 — named like Whoosh's analyzer factories
    return ExactTokenizer()


class UnitPositions(Positions):
    """Positions in units, encoded as a raw uint32 array (one C call each way).

    Whoosh's Positions pickles delta lists per posting; at ~500 postings an article that
    encoding was a tenth of indexing time. Blocks are zlib-compressed, which takes back
    most of the extra size.
    """

    def encode(self, poslist) -> bytes:
        return bytes(array("I", poslist))

    def decode_positions(self, valuestring: bytes) -> array:
        return array("I", valuestring)

    def decode_frequency(self, valuestring: bytes) -> int:
        return len(valuestring) // 4

    def decode_weight(self, valuestring: bytes) -> float:
        return len(valuestring) // 4 * self.field_boost

    def word_values(self, value, analyzer, **kwargs):
        fb = self.field_boost
        for word, poslist in index_terms(value).items():
            yield (word, len(poslist), len(poslist) * fb, self.encode(poslist))

    def index_items(self, value) -> list[tuple[bytes, int, float, bytes]]:
        """What FieldType.index() yields, built in one pass."""
        fb = self.field_boost
        return [
            (word.encode("utf-8"), len(p), len(p) * fb, bytes(array("I", p)))
            for word, p in index_terms(value).items()
        ]
