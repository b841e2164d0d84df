"""Incident dates on a page that prints no publication date: the day the page names as today is its reference."""

from __future__ import annotations

from trucewatch.actors import load_registry
from trucewatch.incidents import extract_incidents
from trucewatch.incidents.gazetteer import load_gazetteer
from trucewatch.records import Document
from trucewatch.text.sentences import split_sentences


def incidents(body: str, published: str | None = None):
    doc = Document.of_text(body, published=published, language="en")
    return extract_incidents(doc, split_sentences(doc), load_registry(), load_gazetteer())


def test_an_undated_page_naming_its_day_reads_weekdays_against_it_not_a_later_date_it_writes():
    body = (
        "Talks resumed in Geneva today, 2 June 2022, and a second round is planned for June 20, 2022. "
        "Azerbaijani forces shelled Tegh on Tuesday."
    )
    [shelling] = incidents(body)
    # 2 June 2022 is a Thursday: "on Tuesday" is 31 May, not the Tuesday before the later date (14 June)
    assert (shelling.type, shelling.date, shelling.date_precision) == ("shelling", "2022-05-31", "day")


def test_an_undated_page_naming_its_day_dates_a_sentence_naming_none_by_that_day():
    body = "Today, 2 June 2022, observers met in Goris. A round of talks is due on June 20, 2022.\n\n" \
           "Two soldiers were killed near Goris."
    casualties = [i for i in incidents(body) if i.type == "casualties"]
    assert [(i.date, i.date_precision) for i in casualties] == [("2022-06-02", "day")]
