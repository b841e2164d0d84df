"""The one span scorer: strict one-to-one matching, exact spans and lenient overlap, side by side.

Strict: each gold span pairs with at most one prediction and vice versa (Hungarian assignment
when scipy is installed, else greedy by overlap), and a pair needs at least half of each span
covered by the other. Exact: the same offsets once surrounding spaces, quote marks and
punctuation are trimmed. Lenient (the old, optimistic figure): a gold span is found when any
prediction overlaps it, and a prediction is right when it overlaps any gold span, many-to-one.
Every prediction is counted in all three.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

Spans = tuple[tuple[int, int], ...]  # one span, or the pieces of a discontinuous one
MIN_OVERLAP = 0.5
_EDGE = re.compile(r"[\s\"'“”‘’«»„.,;:!?()\[\]—–-]")


def overlap(a: Spans, b: Spans) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def length(spans: Spans) -> int:
    return sum(e - s for s, e in spans)


def trim(spans: Spans, text: str) -> Spans:
    """The spans without leading/trailing spaces, quote marks and punctuation (for exact comparison)."""
    out = []
    for start, end in spans:
        while start < end and _EDGE.match(text[start]):
            start += 1
        while end > start and _EDGE.match(text[end - 1]):
            end -= 1
        if end > start:
            out.append((start, end))
    return tuple(out)


def strict_pairs(gold: Sequence[Spans], predicted: Sequence[Spans],
                 min_overlap: float = MIN_OVERLAP) -> list[tuple[int, int]]:
    """One-to-one (gold index, prediction index) pairs overlapping by ``min_overlap`` of both spans."""
    weight = {}
    for g, gold_spans in enumerate(gold):
        for p, predicted_spans in enumerate(predicted):
            shared = overlap(gold_spans, predicted_spans)
            need = min_overlap * max(length(gold_spans), length(predicted_spans))
            if shared and shared >= need:
                weight[g, p] = shared
    if not weight:
        return []
    try:
        import numpy as np
        from scipy.optimize import linear_sum_assignment
    except ImportError:
        return _greedy(weight)
    matrix = np.zeros((len(gold), len(predicted)))
    for (g, p), shared in weight.items():
        matrix[g, p] = shared
    rows, cols = linear_sum_assignment(matrix, maximize=True)
    return sorted((int(g), int(p)) for g, p in zip(rows, cols, strict=True) if (g, p) in weight)


def _greedy(weight: dict[tuple[int, int], int]) -> list[tuple[int, int]]:
    used_gold, used_predicted, pairs = set(), set(), []
    for (g, p), _ in sorted(weight.items(), key=lambda item: (-item[1], item[0])):
        if g not in used_gold and p not in used_predicted:
            used_gold.add(g)
            used_predicted.add(p)
            pairs.append((g, p))
    return sorted(pairs)


def exact_pairs(gold: Sequence[Spans], predicted: Sequence[Spans]) -> list[tuple[int, int]]:
    """One-to-one pairs with identical (already trimmed) spans."""
    free: dict[Spans, list[int]] = {}
    for p, spans in enumerate(predicted):
        free.setdefault(spans, []).append(p)
    pairs = []
    for g, spans in enumerate(gold):
        if free.get(spans):
            pairs.append((g, free[spans].pop(0)))
    return pairs


def lenient_pairs(gold: Sequence[Spans], predicted: Sequence[Spans]) -> list[tuple[int, int]]:
    """Every overlapping (gold, prediction) pair, many-to-one."""
    return [(g, p) for g, a in enumerate(gold) for p, b in enumerate(predicted) if overlap(a, b) > 0]


@dataclass
class Tally:
    """Gold, predicted and matched counts on each side, summed over documents."""

    gold: int = 0
    predicted: int = 0
    gold_found: int = 0
    predicted_right: int = 0

    def add(self, gold: Collection[int], predicted: Collection[int], pairs: Sequence[tuple[int, int]]) -> None:
        """Count one document's gold and predicted indices (e.g. of one category) and the pairs among them."""
        self.gold += len(gold)
        self.predicted += len(predicted)
        self.gold_found += len({g for g, _ in pairs if g in gold})
        self.predicted_right += len({p for _, p in pairs if p in predicted})

    def metrics(self) -> dict[str, float | int | None]:
        precision = ratio(self.predicted_right, self.predicted)
        recall = ratio(self.gold_found, self.gold)
        f1 = (2 * precision * recall / (precision + recall) if precision and recall
              else (0.0 if self.gold or self.predicted else None))
        return {"precision": precision, "recall": recall, "f1": None if f1 is None else round(f1, 3)}


@dataclass
class Accuracy:
    n: int = 0
    right: int = 0

    def add(self, right: bool) -> None:
        self.n += 1
        self.right += bool(right)

    @property
    def value(self) -> float | None:
        return ratio(self.right, self.n)


def ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def normal_name(name: str | None) -> str:
    """Case-, space- and punctuation-insensitive form of a name, for comparing full names."""
    return " ".join(re.sub(r"[^\w]+", " ", (name or "").lower()).split())
