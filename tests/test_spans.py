"""Span lookups and the merging rules that use them give what comparing every pair gives, on random spans."""

from __future__ import annotations

import random

import pytest

from trucewatch.statements.attribution import Attribution, dedupe, overlap, without_nested
from trucewatch.text.spans import Overlaps, SpanIndex


def _spans(rng: random.Random, n: int, length: int = 500) -> list[tuple[int, int]]:
    out = []
    for _ in range(n):
        start = rng.randrange(length)
        out.append((start, start + rng.choice([0, 1, 3, 10, 40, 200])))
    return out


def _attributions(rng: random.Random, n: int) -> list[Attribution]:
    items = []
    for start, end in _spans(rng, n):
        cue = rng.choice([None, max(0, start - rng.randrange(30)), start + rng.randrange(max(1, end - start + 5))])
        items.append(Attribution(rng.choice(["direct", "partial", "indirect", "indirect"]), start, end, cue_start=cue,
                                 cue_end=None if cue is None else cue + 4))
    return items


def _naive_dedupe(items: list[Attribution]) -> list[Attribution]:
    kept: list[Attribution] = []
    for item in sorted(items, key=lambda a: (a.start, -(a.end - a.start))):
        if not any(overlap(item.start, item.end, k.start, k.end) > 0.8 * max(item.end - item.start, k.end - k.start)
                   for k in kept):
            kept.append(item)
    return kept


def _naive_nested(item: Attribution, others: list[Attribution]) -> bool:
    if item.kind != "indirect" or item.cue_start is None:
        return False
    return any(o is not item and o.start <= item.cue_start < o.end and o.start <= item.start and item.end <= o.end
               for o in others)


@pytest.mark.parametrize("seed", range(40))
def test_dedupe_and_nested_keep_what_comparing_every_pair_keeps(seed: int) -> None:
    rng = random.Random(seed)
    items = _attributions(rng, rng.randrange(1, 60))
    items += [items[0], rng.choice(items)]  # the same object twice: it never nests in itself
    assert dedupe(items) == _naive_dedupe(items)
    kept = without_nested(items)
    assert kept == [a for a in items if not _naive_nested(a, items)]
    assert len(kept) < len(items) or not any(_naive_nested(a, items) for a in items)


@pytest.mark.parametrize("seed", range(40))
def test_spans_near_a_range_are_every_overlapping_one_in_order(seed: int) -> None:
    rng = random.Random(seed)
    spans = _spans(rng, rng.randrange(0, 50))
    overlaps = Overlaps(spans)
    index = SpanIndex(sorted(spans))
    for start, end in _spans(rng, 30):
        assert overlaps.of(start, end) == [n for n, (s, e) in enumerate(spans) if s < end and e > start]
        near = [index.starts[n] for n in index.near(start, end)]
        assert near == sorted(near)
        assert {n for n in index.near(start, end) if index.starts[n] < end and index.ends[n] > start} == \
            {n for n, (s, e) in enumerate(sorted(spans)) if s < end and e > start}


def test_an_index_refuses_spans_out_of_order() -> None:
    with pytest.raises(ValueError):
        SpanIndex([(10, 20), (5, 30)])
