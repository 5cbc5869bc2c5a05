"""A logistic scorer over candidate spans: load the shipped weights, score, and train.

Training is plain AdaGrad logistic regression in pure Python so that the weights can be
rebuilt anywhere with ``python manage.py train_persons`` (no numpy needed).
"""

from __future__ import annotations

import json
import math
import random
from collections.abc import Iterable
from functools import cache

from .person_words import DATA

WEIGHTS = DATA / "person_weights.json"


@cache
def load_model() -> tuple[dict[str, float], float]:
    """Weights and decision threshold shipped in the repository."""
    data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    return data["weights"], data["threshold"]


def sigmoid(z: float) -> float:
    if z < -30:
        return 0.0
    return 1.0 / (1.0 + math.exp(-z))


def probability(weights: dict[str, float], feats: Iterable[str]) -> float:
    get = weights.get
    return sigmoid(sum(get(f, 0.0) for f in feats) + get("", 0.0))


def train(
    examples: list[tuple[list[str], int]],
    epochs: int = 6,
    rate: float = 0.3,
    l2: float = 1e-5,
    seed: int = 13,
) -> dict[str, float]:
    """AdaGrad logistic regression; ``""`` is the bias."""
    weights: dict[str, float] = {}
    squares: dict[str, float] = {}
    order = list(range(len(examples)))
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(order)
        for idx in order:
            feats, label = examples[idx]
            feats = ["", *feats]
            grad = probability(weights, feats[1:]) - label
            for f in feats:
                w = weights.get(f, 0.0)
                g = grad + l2 * w
                squares[f] = squares.get(f, 1e-8) + g * g
                weights[f] = w - rate * g / math.sqrt(squares[f])
    return {f: round(w, 4) for f, w in weights.items() if abs(w) >= 1e-3}


def save_model(weights: dict[str, float], threshold: float, meta: dict) -> None:
    payload = {"threshold": threshold, "meta": meta, "weights": dict(sorted(weights.items()))}
    WEIGHTS.write_text(json.dumps(payload, ensure_ascii=False, indent=0), encoding="utf-8")
