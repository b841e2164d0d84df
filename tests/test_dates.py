"""Date finding and parsing: shapes, times and zones, ambiguous numbers, date lines."""

from __future__ import annotations

import pytest

from trucewatch.cleaning.dates import date_line, find_dates, parse_date


def isos(text: str, **kwargs) -> list[str | None]:
    return [found.iso() for found in find_dates(text, **kwargs)]


@pytest.mark.parametrize(("text", "iso"), [
    ("3 March 2019", "2019-03-03"),
    ("3rd of March 2019", "2019-03-03"),
    ("March 3, 2019", "2019-03-03"),
    ("Mar. 3, 2019", "2019-03-03"),
    ("Sept. 30, 2019", "2019-09-30"),
    ("2019-03-03", "2019-03-03"),
    ("03.03.2019", "2019-03-03"),
    ("3 марта 2019 года", "2019-03-03"),
    ("Wednesday, 6 March 2019", "2019-03-06"),
])
def test_day_precision_shapes(text: str, iso: str) -> None:
    assert isos(text) == [iso]


@pytest.mark.parametrize(("text", "iso"), [
    ("6 March 2019, 09:05", "2019-03-06T09:05"),
    ("6 March 2019 09:05 (UTC +04:00)", "2019-03-06T09:05+04:00"),
    ("March 6, 2019 at 9:05 pm MSK", "2019-03-06T21:05+03:00"),
    ("March 6, 2019 at 12:10 a.m.", "2019-03-06T00:10"),
    ("09:05, 6 March 2019", "2019-03-06T09:05"),
    ("2019-03-06T09:05:30Z", "2019-03-06T09:05:30+00:00"),
    ("2019-03-06 09:05+0300", "2019-03-06T09:05+03:00"),
    ("06.03.2019 09:05 GMT+4", "2019-03-06T09:05+04:00"),
])
def test_times_and_zones(text: str, iso: str) -> None:
    assert isos(text) == [iso]


def test_a_time_without_zone_stays_naive_and_the_span_covers_it() -> None:
    text = "Posted 6 March 2019, 09:05 by the desk"
    (found,) = find_dates(text)
    assert found.iso() == "2019-03-06T09:05"
    assert text[found.start:found.end] == "6 March 2019, 09:05"


def test_dates_without_a_year_are_found_but_have_no_iso() -> None:
    (found,) = find_dates("KYIV, Apr 2 (Agency) -")
    assert (found.year, found.month, found.day, found.iso()) == (None, 4, 2, None)
    assert found.with_year(2019).iso() == "2019-04-02"


def test_impossible_dates_are_rejected() -> None:
    assert find_dates("31 February 2019") == []
    assert find_dates("32.01.2019") == []
    assert find_dates("2019-13-01") == []


class TestAmbiguousNumbers:
    def test_dotted_dates_are_day_first(self) -> None:
        assert isos("04.05.2019") == ["2019-05-04"]

    def test_slash_dates_default_to_day_first(self) -> None:
        assert isos("04/05/2019") == ["2019-05-04"]

    def test_an_unambiguous_slash_date_sets_the_convention(self) -> None:
        assert isos("04/05/2019 and 04/25/2019") == ["2019-04-05", "2019-04-25"]
        assert isos("04/05/2019 and 25/04/2019") == ["2019-05-04", "2019-04-25"]

    def test_month_name_first_texts_read_slashes_month_first(self) -> None:
        assert isos("April 5, 2019; see also 04/05/2019")[-1] == "2019-04-05"

    def test_the_caller_can_force_the_convention(self) -> None:
        assert isos("04/05/2019", month_first=True) == ["2019-04-05"]


class TestDateLine:
    @pytest.mark.parametrize("line", [
        "6 March 2019", "# 6 March 2019 09:05 (UTC +04:00)", "Published: 06.03.2019 09:05",
        "Posted on March 6, 2019", "Published: 06.03.2019 | Distributed by Some Digest", "09:05, 6 March 2019",
    ])
    def test_lines_that_are_dates(self, line: str) -> None:
        found = date_line(line)
        assert found is not None and found.date.iso().startswith("2019-03-06")
        assert not found.updated

    def test_an_update_label_is_kept(self) -> None:
        found = date_line("Updated: 7 March 2019 10:00")
        assert found is not None and found.updated

    @pytest.mark.parametrize("line", [
        "On 6 March 2019 the ministers met in Geneva to discuss the deal.",
        "The ceasefire of 6 March 2019",
        "x" * 400,
    ])
    def test_sentences_with_a_date_are_not_date_lines(self, line: str) -> None:
        assert date_line(line) is None


def test_parse_date_reads_metadata_formats() -> None:
    assert parse_date("2019-03-06").iso() == "2019-03-06"
    assert parse_date("Wed, 06 Mar 2019 09:05:00 +0300").iso() == "2019-03-06T09:05:00+03:00"
    assert parse_date("not a date") is None
    assert parse_date("") is None
