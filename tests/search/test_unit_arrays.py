"""The batched index terms are exactly the terms each text is searched by (text.index_terms)."""

import random

import numpy as np
import pytest

from archive.search.text import index_terms
from archive.search.unit_arrays import _by_key, batch_terms

# CJK (simplified, traditional, extension B), kana with its middle dot (CJK range, not a word
# character), hangul, Latin with accents, fullwidth, digits, ligatures, underscores, breaks.
ALPHABET = (
    "乡村振兴人民政府中華共和國大湾区々〇・゠ー한국어ＡＢab12３ﬁ①Ⅻ"
    "ÉéßΣ\U00020000\U0002a6d6 ，。_-\x00\n\t5G网络"
)


def _texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    fixed = ["", "乡", "a", "ab 12", "，", "2021年5G网络", "5g5G５Ｇ", "A・B"]
    return fixed + [
        "".join(rng.choice(ALPHABET) for _ in range(rng.randrange(0, 60))) for _ in range(n)
    ]


def _by_text(batch) -> list[dict[str, list[int]]]:
    found: list[dict[str, list[int]]] = [{} for _ in batch.lengths]
    bounds = batch.term_groups.tolist()
    for term, first, end in zip(batch.terms, bounds, bounds[1:], strict=False):
        for g in range(first, end):
            start, count = int(batch.starts[g]), int(batch.counts[g])
            assert term not in found[int(batch.texts[g])]  # one group per (term, text)
            found[int(batch.texts[g])][term] = batch.positions[start : start + count].tolist()
    return found


@pytest.mark.parametrize("size", [1, 7, 400])
def test_every_text_gets_exactly_its_terms_and_positions(size):
    texts = _texts(1200, seed=size)
    for start in range(0, len(texts), size):
        chunk = texts[start : start + size]
        batch = batch_terms(chunk)
        for text, found, length in zip(chunk, _by_text(batch), batch.lengths, strict=True):
            want = dict(index_terms(text))
            assert found == want, text
            assert length == sum(map(len, want.values()))


def test_terms_of_a_batch_are_distinct_and_their_texts_ascend():
    batch = batch_terms(_texts(300, seed=3))
    assert len(set(batch.terms)) == len(batch.terms)
    bounds = batch.term_groups.tolist()
    for first, end in zip(bounds, bounds[1:], strict=False):
        assert np.all(np.diff(batch.texts[first:end].astype(np.int64)) > 0)


@pytest.mark.parametrize("key_bits", [8, 64])  # packed with the index, and too wide to pack
def test_the_key_order_keeps_equal_keys_in_their_order(key_bits):
    keys = np.random.default_rng(1).integers(0, 50, size=5000).astype(np.uint64)
    assert _by_key(keys, key_bits).tolist() == np.argsort(keys, kind="stable").tolist()
