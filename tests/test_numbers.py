"""Numbers and counts: digits, words, vague counts at ACLED's conservative values, and what is not a count."""

from __future__ import annotations

import pytest

from trucewatch.lang import lexicon
from trucewatch.text.numbers import find_numbers, parse_count


def readings(text: str) -> list[tuple[str, int | float, bool]]:
    return [(text[n.start:n.end], n.value, n.approximate) for n in find_numbers(text)]


@pytest.mark.parametrize(("text", "value"), [
    ("12", 12), ("1,200", 1200), ("1.5 million", 1_500_000), ("twelve", 12), ("twenty-five", 25),
    ("two hundred and fifty", 250), ("a dozen", 12), ("one thousand two hundred", 1200), ("3.5", 3.5),
])
def test_exact_numbers(text: str, value: int | float) -> None:
    assert readings(f"They counted {text} of them.") == [(text, value, False)]


def test_vague_counts_take_the_values_of_the_data_file() -> None:
    vague = lexicon("en", "numbers")["approximate"]
    for phrase, value in vague.items():
        assert readings(f"There were {phrase} of them.") == [(phrase, value, True)]
        assert parse_count(phrase) == value
        assert parse_count(phrase, exact=True) is None
    assert vague["dozens"] == 12 and vague["hundreds"] == 100  # ACLED's conventions


def test_hedged_numbers_are_approximate_and_the_span_covers_the_hedge() -> None:
    assert readings("more than 1,200 people and about thirty soldiers") == [
        ("more than 1,200", 1200, True), ("about thirty", 30, True)]


def test_dates_times_ordinals_codes_and_years_are_not_counts() -> None:
    assert find_numbers("On 10 November 2020 at 13:44 the 10th brigade moved S-300 systems, as in 2019.") == []


def test_offsets_point_into_the_text() -> None:
    text = "Shelling killed two civilians and wounded 14."
    assert [text[n.start:n.end] for n in find_numbers(text)] == ["two", "14"]


@pytest.mark.parametrize(("phrase", "count"), [
    ("12", 12), (" 1,200 ", 1200), ("Twelve", 12), ("a", 1), ("an", 1), ("2.5", None), ("soldiers", None),
    ("", None), ("twelve soldiers", None), ("and", None),
])
def test_parse_count(phrase: str, count: int | None) -> None:
    assert parse_count(phrase) == count


def test_russian_numbers_decline_and_add_up_and_vague_counts_take_low_values() -> None:
    text = "Двести пятьдесят человек, трёх солдат и десятки машин"
    found = [(n.value, n.approximate) for n in find_numbers(text, "ru")]
    assert found == [(250, False), (3, False), (10, True)]
    assert [(n.value, n.approximate) for n in find_numbers("около 40 нарушений", "ru")] == [(40, True)]


def test_a_run_of_digits_too_large_for_any_count_is_no_number() -> None:
    text = "1" * 400 + " people were killed and 5 wounded"
    assert [n.value for n in find_numbers(text)] == [5]  # float() of the 400 digits overflowed in the incident stage
    assert parse_count("9" * 400) is None
