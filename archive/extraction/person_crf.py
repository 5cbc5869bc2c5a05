"""A character CRF (python-crfsuite) as a cheap first vote on spans the scorer rates low.

Trained on CLUENER train by ``manage.py train_persons`` (B/I/O tags of person names). Tagging a
whole article would cost twice the importer's budget, so it only reads the same short window
around a span as Baidu LAC does (person_lac), and only for spans scored between
``person_lac.CRF_FROM`` and ``RESCUE_FROM``; a span it tags exactly as a name is then put to
LAC, and taken only when LAC agrees too. Features are single characters around the position,
the two characters before and after it (never a string that is a name of the training set),
surname and transliteration marks and jieba's name emission buckets, so the model holds no
person's name.
"""

from __future__ import annotations

import threading
from functools import cache
from pathlib import Path

from .person_corpus import Gold
from .person_features import _emissions, char_class
from .person_scorer import _Memo
from .person_words import DATA, surnames, translit_chars

MODEL = DATA / "person_crf.crfsuite"
_TAGGING = threading.Lock()  # one crfsuite tagger keeps its state between calls: one at a time
# L1 / L2 and iterations as first tried; trained on 6/7 of CLUENER train, evaluated on the rest
PARAMS = {"c1": 0.1, "c2": 0.01, "max_iterations": 150, "feature.possible_transitions": True}


def char_features(text: str) -> list[list[str]]:
    """Per character: itself and its neighbours, marks and name-emission buckets."""
    parts = _parts()
    pad = "^^" + text + "$$"
    row = [parts[char] for char in pad]
    out = []
    for j in range(2, len(pad) - 2):
        me, prev, nxt = row[j], row[j - 1], row[j + 1]
        out.append(
            [
                me[0],
                prev[1],
                nxt[2],
                row[j - 2][3],
                row[j + 2][4],
                "ppp=" + pad[j - 2 : j],
                "nnn=" + pad[j + 1 : j + 3],
                prev[5],
                nxt[6],
                me[7],
                prev[8],
                me[9],
                me[10],
                me[11],
                me[12],
            ]
        )
    return out


@cache
def _parts() -> _Memo:
    """Per character, the features it gives as itself (c, s, t, e*), as the previous or next
    character (p, pk, ps / n, nk) and as the one two before or after (pp / nn), in
    ``char_features`` order; built on first use of the character."""
    sur, translit, emit = surnames(), set(translit_chars()), _emissions()

    def fold(char: str) -> tuple[str, ...]:
        kind = char_class(char)
        return (
            "c=" + char,
            "p=" + char,
            "n=" + char,
            "pp=" + char,
            "nn=" + char,
            "pk=" + kind,
            "nk=" + kind,
            f"s={int(char in sur)}",
            f"ps={int(char in sur)}",
            f"t={int(char in translit)}",
            "eb=" + emit["B"].get(char, "x"),
            "ee=" + emit["E"].get(char, "x"),
            "em=" + emit["M"].get(char, "x"),
        )

    return _Memo(fold)


def tags(text: str, gold: set[tuple[int, int]]) -> list[str]:
    out = ["O"] * len(text)
    for start, end in gold:
        out[start] = "B"
        out[start + 1 : end] = ["I"] * (end - start - 1)
    return out


def train(rows: list[Gold], path: Path = MODEL) -> None:
    """Fit the CRF; two-character context features that spell a name of ``rows`` are left
    out, so no person of the training set is in the model."""
    import pycrfsuite

    names = {text[a:b] for text, gold in rows for a, b in gold}
    trainer = pycrfsuite.Trainer(verbose=False)
    for text, gold in rows:
        feats = [
            [f for f in char if not (f[:4] in ("ppp=", "nnn=") and f[4:] in names)]
            for char in char_features(text)
        ]
        trainer.append(feats, tags(text, gold))
    trainer.set_params(PARAMS)
    trainer.train(str(path))
    tagger.cache_clear()


@cache
def tagger():
    """The shipped model, or None without python-crfsuite or the model file."""
    try:
        import pycrfsuite
    except ImportError:
        return None
    if not MODEL.is_file():
        return None
    model = pycrfsuite.Tagger()
    model.open(str(MODEL))
    return model


def crf_agrees(
    text: str, spans: list[tuple[int, int]], windows: list[tuple[int, int]]
) -> list[bool]:
    """Per span, whether the CRF reading its window (shared by overlapping spans: read once)
    tags exactly it as a name."""
    model = tagger()
    paths: dict[tuple[int, int], list[str]] = {}
    out = []
    for (start, end), (a, b) in zip(spans, windows, strict=True):
        if (a, b) not in paths:
            feats = char_features(text[a:b])
            with _TAGGING:
                paths[(a, b)] = model.tag(feats)
        path = paths[(a, b)]
        inside = path[start - a : end - a]
        after = path[end - a] if end - a < len(path) else "O"
        out.append(inside[0] == "B" and all(t == "I" for t in inside[1:]) and after != "I")
    return out
