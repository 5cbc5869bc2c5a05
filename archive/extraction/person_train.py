"""Train the span scorer on CLUENER train (only) and pick the decision threshold; train the
character CRF (person_crf) on the same sentences.

Every 7th sentence is held out to choose the threshold: among thresholds whose held-out
precision is at least TARGET_PRECISION, the highest one whose F1 is within F1_SLACK of the best.
Deterministic (fixed seed).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from . import person_crf
from .person_corpus import Gold, read_gold
from .person_features import candidates, features
from .person_model import load_model, save_model, train
from .person_scorer import scorer

HOLD_EVERY = 7
TARGET_PRECISION = 0.80  # CLUENER leaves many real names unlabelled: its precision reads low
F1_SLACK = 0.01
THRESHOLDS = [x / 20 for x in range(4, 19)]


def examples(rows: list[Gold]) -> list[tuple[list[str], int]]:
    out = []
    for text, gold in rows:
        for cand in candidates(text):
            out.append((features(text, cand), int((cand[0], cand[1]) in gold)))
    return out


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def pick_threshold(rows: list[Gold], finder: Callable[[str, float], set]) -> float:
    """Highest threshold whose held-out F1 is within F1_SLACK of the best (precision first)."""
    scores = {}
    for thr in THRESHOLDS:
        tp = fp = fn = 0
        for text, gold in rows:
            found = finder(text, thr)
            tp, fp, fn = tp + len(found & gold), fp + len(found - gold), fn + len(gold - found)
        p, _, f = prf(tp, fp, fn)
        if p >= TARGET_PRECISION:
            scores[thr] = f
    if not scores:
        return THRESHOLDS[-1]
    best = max(scores.values())
    return max(thr for thr, f in scores.items() if f >= best - F1_SLACK)


def run(train_path: Path, log: Callable[[str], None] = print, parts: str = "scorer,crf") -> dict:
    """Train the span scorer and pick its threshold, and train the character CRF (on the same
    six sevenths: the held-out seventh chose person_lac.CRF_FROM)."""
    rows = read_gold(train_path)
    fit = [r for i, r in enumerate(rows) if i % HOLD_EVERY]
    held = [r for i, r in enumerate(rows) if i % HOLD_EVERY == 0]
    result: dict = {}
    if "scorer" in parts:
        result.update(_scorer(train_path, fit, held, log))
    if "crf" in parts:
        person_crf.train(fit)
        log(f"character CRF: {person_crf.MODEL.stat().st_size:,} bytes")
        result["crf"] = person_crf.MODEL.name
    return result


def _scorer(
    train_path: Path, fit: list[Gold], held: list[Gold], log: Callable[[str], None]
) -> dict:
    data = examples(fit)
    log(f"{len(fit)} sentences, {len(data)} candidate spans, {sum(y for _, y in data)} names")
    weights = train(data)
    save_model(weights, 0.5, {"trained_on": train_path.name})
    load_model.cache_clear()
    scorer.cache_clear()
    threshold = pick_threshold(held, _span_finder)
    meta = {
        "trained_on": train_path.name,
        "held_out": f"every {HOLD_EVERY}th sentence, used only to pick the threshold",
        "rebuild": "python manage.py train_persons",
        "licence": "learned from CLUENER2020 (research and evaluation use); holds feature "
        "weights only, no corpus text and no names",
    }
    save_model(weights, threshold, meta)
    load_model.cache_clear()
    scorer.cache_clear()
    log(f"{len(weights)} weights, threshold {threshold}")
    return {"weights": len(weights), "threshold": threshold}


def _span_finder(text: str, threshold: float) -> set[tuple[int, int]]:
    from .persons import find_persons_at

    return {(m.start, m.end) for m in find_persons_at(text, threshold=threshold)}
