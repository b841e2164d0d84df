"""Relative dates resolved against the publication date."""

from __future__ import annotations

import pytest

from trucewatch.temporal import find_dates, publication_day

PUBLISHED = "2020-12-18"  # a Friday


@pytest.mark.parametrize("text, value, precision", [
    ("he said on Friday", "2020-12-18", "day"),
    ("at his press conference Thursday", "2020-12-17", "day"),
    ("last Friday", "2020-12-11", "day"),
    ("yesterday", "2020-12-17", "day"),
    ("the day before yesterday", "2020-12-16", "day"),
    ("In his today's statement", "2020-12-18", "day"),
    ("on November 10", "2020-11-10", "day"),
    ("on 10 November", "2020-11-10", "day"),
    ("Nov. 9, 2020", "2020-11-09", "day"),
    ("on December 25", "2019-12-25", "day"),  # no year: the last one before publication
    ("last month", "2020-11-01", "month"),
    ("in May", "2020-05-01", "month"),
    ("two days ago", "2020-12-16", "day"),
    ("last year", "2019-01-01", "year"),
])
def test_expressions(text, value, precision):
    found = find_dates(text, PUBLISHED)
    assert [(d.value, d.precision) for d in found] == [(value, precision)]
    assert text[found[0].start:found[0].end].strip()


def test_durations_and_modal_may_are_not_dates():
    assert find_dates("for almost a month and a half since the signing", PUBLISHED) == []
    assert find_dates("the talks may resume", PUBLISHED) == []


def test_without_a_publication_date_only_absolute_dates_resolve():
    assert [d.value for d in find_dates("on Friday, and on 10 November 2020", None)] == ["2020-11-10"]
    assert publication_day(None) == (None, None)
    assert publication_day("2020-12-18T10:00:00+03:00") == ("2020-12-18", "day")
    assert publication_day("not a date") == (None, None)
