"""Spans sorted by start, and which of them may overlap a range: a bisection, not a scan of all.

Long documents have thousands of quotations, statements and sentences; comparing every one with every
other made the later stages quadratic in the length of a document.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import accumulate, pairwise


class SpanIndex:
    """``spans`` (start, end), sorted by start, as given: :meth:`near` keeps their order."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        self.starts = [start for start, _ in spans]
        self.ends = [end for _, end in spans]
        if any(a > b for a, b in pairwise(self.starts)):
            raise ValueError("spans must be sorted by start")
        self.reach = list(accumulate(self.ends, max))  # furthest end up to each span

    def near(self, start: int, end: int) -> range:
        """Indices, in order, of every span with span_start < end and span_end > start (a few others may come)."""
        return range(bisect_right(self.reach, start), bisect_left(self.starts, end))


class Overlaps:
    """Spans in any order: which of them overlap a range, listed in their own order."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        self.order = sorted(range(len(spans)), key=lambda n: spans[n][0])
        self.index = SpanIndex([spans[n] for n in self.order])

    def of(self, start: int, end: int) -> list[int]:
        """Positions in ``spans``, ascending, of the spans with span_start < end and span_end > start."""
        index = self.index
        return sorted(self.order[i] for i in index.near(start, end) if index.starts[i] < end and index.ends[i] > start)
