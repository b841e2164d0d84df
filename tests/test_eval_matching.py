"""The one span scorer: strict one-to-one at half of both spans, exact spans, lenient any-overlap."""

from __future__ import annotations

from trucewatch.evaluation.matching import (
    Tally,
    _greedy,
    exact_pairs,
    lenient_pairs,
    normal_name,
    strict_pairs,
    trim,
)


def test_strict_needs_half_of_both_spans():
    gold = [((0, 10),)]
    assert strict_pairs(gold, [((0, 5),)]) == [(0, 0)]  # half the gold, all the prediction
    assert strict_pairs(gold, [((0, 4),)]) == []  # 40% of the gold
    assert strict_pairs(gold, [((0, 20),)]) == [(0, 0)]  # all the gold, half the prediction
    assert strict_pairs(gold, [((0, 21),)]) == []  # less than half the prediction


def test_strict_is_one_to_one_and_lenient_is_not():
    gold = [((0, 10),)]
    twice = [((0, 10),), ((1, 10),)]
    assert strict_pairs(gold, twice) == [(0, 0)]
    assert lenient_pairs(gold, twice) == [(0, 0), (0, 1)]
    tally = Tally()
    tally.add(range(1), range(2), strict_pairs(gold, twice))
    assert tally.metrics() == {"precision": 0.5, "recall": 1.0, "f1": 0.667}
    lenient = Tally()
    lenient.add(range(1), range(2), lenient_pairs(gold, twice))
    assert lenient.metrics()["precision"] == 1.0
    one_for_two = [((0, 30),)]  # covers two gold spans, a third of itself each
    assert strict_pairs([((0, 10),), ((20, 30),)], one_for_two) == []
    assert lenient_pairs([((0, 10),), ((20, 30),)], one_for_two) == [(0, 0), (1, 0)]


def test_assignment_maximises_the_pairs_where_greedy_does_not():
    gold = [((0, 10),), ((4, 14),)]
    predicted = [((2, 12),), ((0, 8),)]  # the first overlaps both gold spans by 8, the second only the first
    assert strict_pairs(gold, predicted) == [(0, 1), (1, 0)]
    assert len(_greedy({(0, 0): 8, (0, 1): 8, (1, 0): 8})) == 1


def test_exact_compares_trimmed_spans_once_each():
    text = '"Taxes will fall," he said.'
    assert trim(((0, 18),), text) == ((1, 16),)
    gold = [trim(((0, 18),), text)]
    assert exact_pairs(gold, [trim(((1, 17),), text), trim(((1, 16),), text)]) == [(0, 0)]
    assert exact_pairs(gold, [((1, 15),)]) == []
    assert normal_name("  Ilham  ALIYEV. ") == "ilham aliyev"
