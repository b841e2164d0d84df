"""said_on of pages that print no publication date: the day the text itself names as today."""

from __future__ import annotations

from trucewatch.records import BodySpan, Document
from trucewatch.statements import extract_statements
from trucewatch.text.dates import named_today


def _doc(text: str, published: str | None = None) -> Document:
    return Document("d", "k", "p", "", "text", text, text, [BodySpan(0, 0, len(text))], published=published)


def test_the_day_a_text_names_as_today():
    assert named_today("The truce ends today 2 June 2022 at 19:00.") == "2022-06-02"
    assert named_today("The envoy spoke today, Thursday, 2 June 2022, in Amman.") == "2022-06-02"
    assert named_today("Talks resumed on 2 June 2022 (today) in Amman.") == "2022-06-02"


def test_no_day_when_today_names_none_or_several():
    assert named_today("The truce signed on 1 June 2022 holds today.") is None
    assert named_today("It was signed on 1 June 2022, today the talks resume.") is None  # a date before: not its day
    assert named_today("Today 2 June 2022 ... and today 3 June 2022.") is None
    assert named_today("Today 2 June the talks resume.") is None  # no year: not a full date


def test_an_undated_page_dates_its_statements_by_the_day_it_names_as_today():
    text = ('The envoy Hans Example said: "The extension of the truce comes into effect today 2 June 2022 at 19:00." '
            "He added that the terms were unchanged.")
    said = {s.said_on for s in extract_statements(_doc(text))}
    assert said == {"2022-06-02"}


def test_a_printed_publication_day_is_kept():
    text = 'The envoy Hans Example said: "The truce comes into effect today 2 June 2022." '
    assert {s.said_on for s in extract_statements(_doc(text, "2022-06-03"))} == {"2022-06-03"}


def test_a_year_less_date_with_its_weekday_takes_the_one_year_that_fits_marked_inferred():
    from trucewatch.text.dates import date_mentions

    text = "The war of 2020 ended. In 2022 troops crossed the border on Tuesday, September 13."
    [day] = [m for m in date_mentions(text, None) if m.precision == "day"]
    assert (text[day.start:day.end], day.value, day.inferred) == ("September 13", "2022-09-13", True)
    # no year written, or none that puts it on that weekday: not dated
    assert date_mentions("Troops crossed the border on Tuesday, September 13.", None) == []
    assert [m.precision for m in date_mentions("In 2021 troops crossed on Wednesday, September 13.", None)] == ["year"]


def test_a_weekday_written_with_its_date_is_not_a_relative_date_of_its_own():
    from trucewatch.text.dates import date_mentions

    text = "Troops crossed the border on Tuesday, September 13, and withdrew on Friday."
    found = [(text[m.start:m.end], m.value, m.inferred) for m in date_mentions(text, "2022-09-20")]
    assert found == [("September 13", "2022-09-13", False), ("on Friday", "2022-09-16", False)]
