"""Dates: shapes, times and zones, ambiguous numbers, date lines, and dates resolved against publication."""

from __future__ import annotations

import pytest

from trucewatch.lang import lexicon
from trucewatch.text.dates import (
    FoundDate,
    date_line,
    date_mentions,
    find_dates,
    month_number,
    parse_date,
    publication_day,
)


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

    @pytest.mark.parametrize("line, iso", [
        ("06.03.2019 09:05", "2019-03-06T09:05"),
        ("06.03.2019 [09:05]", "2019-03-06T09:05"),
        ("6th March, 2019", "2019-03-06"),
        ("09:05 GMT 2019-03-06", "2019-03-06T09:05+00:00"),
        ("March 6, 2019 — 9:05 am EST", "2019-03-06T09:05-05:00"),
        ("Issued on: 06/03/2019 - 09:05", "2019-03-06T09:05"),
        ("Posted Wednesday, 6 Mar 2019", "2019-03-06"),
        ("6 марта 2019, 09:05", "2019-03-06T09:05"),
        ("- \ufe0fWed Mar 6 2019", "2019-03-06"),
        ("6 March 2019    Read: 211", "2019-03-06"),
        ("Ann Example , Bo SampleWednesday, 6 March 2019, 09:05", "2019-03-06T09:05"),
        ("Ann Example Published March 6, 2019 | 09:05 PM", "2019-03-06T21:05"),
        ("### [2019-03-06](/digest/2019/03/06/index.md)", "2019-03-06"),
        ("By Ann Example | Mar 6, 2019", "2019-03-06"),
        ("By Ann Example and Bo Sample • Mar. 6, 2019", "2019-03-06"),
        ("Published 9:05 PM EST, March 6, 2019", "2019-03-06T21:05-05:00"),
        ("Last Updated: Mar 6, 2019 | 09:05 IST", "2019-03-06T09:05+05:30"),
    ])
    def test_dateline_shapes(self, line: str, iso: str) -> None:
        found = date_line(line)
        assert found is not None and found.date.iso() == iso

    def test_a_place_dateline_without_year_is_a_date_line_without_a_full_date(self) -> None:
        found = date_line("GENEVA, March 6")
        assert found is not None and (found.date.year, found.date.month, found.date.day) == (None, 3, 6)

    def test_an_event_date_is_not_the_publication(self) -> None:
        found = date_line("Event Date: March 6, 2019")
        assert found is not None and found.event and not date_line("6 March 2019").event

    def test_an_update_label_is_kept(self) -> None:
        found = date_line("Updated: 7 March 2019 10:00")
        assert found is not None and found.updated

    @pytest.mark.parametrize("line", [
        "On 6 March 2019 the ministers met in Geneva to discuss the deal.",
        "The ceasefire of 6 March 2019",
        "On March 6, 2019, the ministers met in Geneva to discuss the deal and the next round of talks.",
        "x" * 400,
    ])
    def test_sentences_with_a_date_are_not_date_lines(self, line: str) -> None:
        assert date_line(line) is None


def test_parse_date_reads_metadata_formats() -> None:
    assert parse_date("2019-03-06").iso() == "2019-03-06"
    assert parse_date("Wed, 06 Mar 2019 09:05:00 +0300").iso() == "2019-03-06T09:05:00+03:00"
    assert parse_date("not a date") is None
    assert parse_date("") is None


# Dates a sentence speaks of, resolved against the publication date.

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
    found = date_mentions(text, PUBLISHED)
    assert [(d.value, d.precision) for d in found] == [(value, precision)]
    assert text[found[0].start:found[0].end].strip()


def test_durations_and_modal_may_are_not_dates():
    assert date_mentions("for almost a month and a half since the signing", PUBLISHED) == []
    assert date_mentions("the talks may resume", PUBLISHED) == []


def test_without_a_publication_date_only_absolute_dates_resolve():
    assert [d.value for d in date_mentions("on Friday, and on 10 November 2020", None)] == ["2020-11-10"]
    assert publication_day(None) == (None, None)
    assert publication_day("2020-12-18T10:00:00+03:00") == ("2020-12-18", "day")
    assert publication_day("not a date") == (None, None)


@pytest.mark.parametrize("text, value, precision", [
    ("12 ноября 2020 года", "2020-11-12", "day"),
    ("on 10.11.2020", "2020-11-10", "day"),
    ("twenty-one days ago", "2020-11-27", "day"),
    ("a week ago", "2020-12-11", "day"),
    ("next month", "2021-01-01", "month"),
])
def test_one_set_of_patterns_serves_mentions_too(text, value, precision):
    assert [(d.value, d.precision) for d in date_mentions(text, PUBLISHED)] == [(value, precision)]


def test_vague_counts_do_not_date():
    assert date_mentions("a few days ago", PUBLISHED) == []


def test_mentions_offsets_are_into_the_whole_text():
    text = "Intro. He spoke yesterday. Then on 10 November 2020."
    start = text.index("Then")
    (found,) = date_mentions(text, PUBLISHED, start)
    assert text[found.start:found.end].endswith("10 November 2020")


class TestArithmeticNeverRaises:
    @pytest.mark.parametrize("text", ["999999999 days ago", "99999999999999999999 weeks ago", "999999 weeks ago"])
    def test_huge_counts_leave_the_date_unresolved(self, text):
        assert date_mentions(text, PUBLISHED) == []

    @pytest.mark.parametrize("text", ["yesterday", "last Friday", "two days ago", "last month", "last year",
                                      "on December 25", "in December", "on Friday"])
    def test_before_the_first_day_of_the_calendar_is_unresolved(self, text):
        assert all(d.value >= "0001-01-01" for d in date_mentions(text, "0001-01-01"))
        assert [d.value for d in date_mentions(text, "0001-01-01")] in ([], ["0001-01-01"])

    @pytest.mark.parametrize("text", ["next month", "next year"])
    def test_after_the_last_day_of_the_calendar_is_unresolved(self, text):
        assert date_mentions(text, "9999-12-31") == []

    def test_leap_day_without_a_year_is_the_last_29_february(self):
        assert [d.value for d in date_mentions("on 29 February", "2021-03-01")] == ["2020-02-29"]

    def test_a_leap_day_moved_to_a_common_year_has_no_iso(self):
        (found,) = find_dates("Feb 29")
        assert found.with_year(2019).iso() is None
        assert isinstance(found, FoundDate)

    def test_metadata_with_an_impossible_year_has_no_iso(self):
        found = parse_date("Tue, 10 Nov 99999 13:44:00 +0300")
        assert found is None or found.iso() is None


def test_month_names_come_from_every_language_folder():
    assert month_number("Nov.") == 11
    assert month_number("ноября") == 11
    assert month_number("Brumaire") is None
    english = lexicon("en", "dates")
    assert [names[0] for names in english["months"]][10] == "november"


def test_year_from_weekday_needs_exactly_one_fitting_year() -> None:
    from trucewatch.text.dates import year_from_weekday

    found = date_line("Monday, March 4").date
    assert year_from_weekday(found, 0, "talks since 2018 and 2019").year == 2019
    assert year_from_weekday(found, 0, "no year at all") is None
    assert year_from_weekday(found, 4, "in 2019") is None


def test_zone_words_are_zones_only_in_capitals_and_never_swallow_the_next_date() -> None:
    assert find_dates("On 6 March 2019 at 10:00 Cat and mouse")[0].offset is None
    assert find_dates("6 March 2019 10:00 CAT")[0].offset == "+02:00"
    both = find_dates("x; 6 Mar 2019 09:05 MSK; 7 марта 2019 09:05 мск")
    assert [d.iso() for d in both] == ["2019-03-06T09:05+03:00", "2019-03-07T09:05+03:00"]


def test_context_day_is_the_latest_full_date_a_text_writes():
    from trucewatch.text.dates import context_day

    assert context_day("Talks began on 5 March 2021. A photo taken September 13, 2022 shows the post.") == "2022-09-13"
    assert context_day("The talks resumed on Tuesday, June 4.") is None  # no year: nothing to read against


def test_no_context_day_when_the_text_was_written_in_a_later_year_than_its_dates():
    from trucewatch.text.dates import context_day

    background = "The war of last year ended with a truce signed on Nov. 10, 2020. Prisoners were freed on Saturday."
    assert context_day(background) is None  # written in 2021 or later: which Saturday is unknown
    assert context_day("Earlier this year, on March 3, 2021, they met. Last year it was hot.") == "2021-03-03"
    assert context_day("The truce of Nov. 10, 2020 held through the winter, officials said.") == "2020-11-10"


@pytest.mark.parametrize("text, expected", [
    ("Fighting on September 19–20, 2023 ended.", "2023-09-19"),
    ("On 19-20 September 2023 the army attacked.", "2023-09-19"),
    ("Between September 19 and 20, 2023 they fought.", "2023-09-19"),
    ("19–20 сентября 2023 года", "2023-09-19"),
])
def test_a_span_of_days_is_dated_by_its_first_day_and_keeps_its_year(text: str, expected: str) -> None:
    (found,) = find_dates(text)
    assert found.iso() == expected


def test_a_time_after_a_dash_is_no_span_of_days() -> None:
    (found,) = find_dates("Sept 19, 2023 – 20:15 GMT")
    assert (found.day, found.hour, found.minute) == (19, 20, 15)


def test_first_character_guard_keeps_the_matches():
    """The prefilter's lookahead only skips positions where no cue word can start: same matches as without it."""
    import re

    from trucewatch.lang import alternation
    from trucewatch.text.patterns import first_character_lookahead

    words = ["Monday", "mon", "yesterday", "ноября", "week", "days ago"]
    plain = re.compile(rf"\d|\b{alternation(words)}", re.IGNORECASE)
    guarded = re.compile(rf"\d|\b{first_character_lookahead(words)}{alternation(words)}", re.IGNORECASE)
    assert first_character_lookahead(words)
    texts = ["MONDAY talks", "on monitors", "12 НОЯБРЯ", "Yesterday's", "two DAYS  ago", "nothing here", "Xmonday",
             "the weekend", "Ноябрь"]
    for text in texts:
        assert [m.span() for m in guarded.finditer(text)] == [m.span() for m in plain.finditer(text)], text
    assert first_character_lookahead(["'tis", "day"]) == "" and first_character_lookahead(["", "day"]) == ""


def test_no_digit_no_date():
    from trucewatch.text.dates import find_dates

    assert find_dates("On the tenth of November, talks began") == []
    assert [f.day for f in find_dates("On 10 November talks began")] == [10]


def test_guarded_patterns_match_as_without_their_guard():
    """Each date pattern's leading first-character lookahead only skips positions where it cannot match."""
    import re

    from trucewatch.text.dates import _rules

    rules = _rules()
    texts = ["Nov. 10, 2020 at 10:53 am MSK", "On Friday, 19-20 September 2023, talks", "2020-11-10T13:44:00+03:00",
             "10.11.2020 and 11/10/2020", "12 ноября 2020 года", "two days ago", "last month", "in May 2021",
             "since 2019", "the day before yesterday", "last Friday", "ON MONDAY", "Xnov 10", "a11/10/2020",
             "in 2020, Nov 10", "Вчера, в пятницу", "no date here at all"]
    guarded = [*rules.forms.values(), *(p for _, p in rules.relative)]
    assert sum(p.pattern.startswith("(?=") for p in guarded) >= 9
    for pattern in guarded:
        plain = re.compile(re.sub(r"^\(\?=\[[^\]]*\]\)", "", pattern.pattern), pattern.flags)
        for text in texts:
            assert [(m.span(), m.groupdict()) for m in pattern.finditer(text)] == \
                   [(m.span(), m.groupdict()) for m in plain.finditer(text)], (pattern.pattern[:40], text)


def test_remembered_dates_are_a_fresh_list_each_time():
    """A sentence's dates are remembered for the next stage that reads it; a caller changing its list changes
    nothing for the next."""
    first = find_dates("Talks on 10 November 2020 and 12.11.2020.")
    assert [f.iso() for f in first] == ["2020-11-10", "2020-11-12"]
    first.clear()
    assert [f.iso() for f in find_dates("Talks on 10 November 2020 and 12.11.2020.")] == ["2020-11-10", "2020-11-12"]
    assert isos("11/10/2020 and 13/10/2020", month_first=True) != isos("11/10/2020 and 13/10/2020", month_first=False)
