"""Incident precision: a later mention of one meeting or signing is not a second incident, and a past event named
in passing or an agreement's restated terms are no incident."""

from __future__ import annotations

import pytest

from tests.test_incidents import document, incidents
from trucewatch.actors import load_registry
from trucewatch.incidents import extract_incidents
from trucewatch.incidents.gazetteer import load_gazetteer
from trucewatch.text.sentences import split_sentences


def test_a_later_mention_adding_nothing_is_the_same_meeting():
    found = incidents(
        "The foreign ministers met with the mediators in Geneva on Monday. The meeting was held in a calm atmosphere."
    )
    assert [i.type for i in found] == ["negotiation_meeting"]
    assert found[0].sentence_index == 0


def test_a_later_mention_giving_the_time_of_day_is_kept():
    found = incidents("Israel declared a ceasefire in Gaza on Monday. The Israeli military ceased fire at noon.")
    assert [(i.type, i.sentence_index) for i in found] == [("ceasefire_declared", 0), ("ceasefire_declared", 1)]


def test_a_later_mention_with_another_place_or_source_is_kept():
    other_place = incidents("The sides held talks in Geneva on Monday. On Tuesday they held talks in Moscow.")
    assert [i.sentence_index for i in other_place] == [0, 1]
    shelling = incidents("Azerbaijani forces shelled Tegh on Tuesday. Armenian forces shelled Tegh on Tuesday.")
    assert [i.type for i in shelling] == ["shelling", "shelling"]  # violent types: each account is a report


@pytest.mark.parametrize(
    "body",
    [
        "Thousands have been detained since the 2020 attack on the city.",
        "The town was deserted during the initial offensive.",
        "Relations soured in the wake of the border clashes.",
        "The report listed allegations of ceasefire violations by both sides.",
    ],
)
def test_a_past_event_named_as_a_noun_phrase_is_background(body):
    assert incidents(body) == []


def test_the_time_of_the_report_is_not_background():
    [found] = incidents("During the day, Azerbaijani forces shelled Tegh.")
    assert found.type == "shelling"


@pytest.mark.parametrize(
    "body",
    [
        "The agreement provides for the withdrawal of Armenian troops from Kalbajar.",
        "The exchange of prisoners had been agreed at the start of the week.",
    ],
)
def test_an_agreements_terms_restated_are_no_incident(body):
    assert incidents(body) == []


def test_an_event_done_under_an_agreements_terms_is_an_incident():
    [found] = incidents("Azerbaijani army units entered the Kalbajar district under the terms of the agreement.")
    assert found.type == "territory_handover"


def test_an_agreement_named_as_what_an_act_violated_is_no_second_incident():
    assert incidents("Armenia decried the move as a gross violation of the ceasefire that ended the war.") == []
    [found] = incidents("Azerbaijani forces shelled Tegh on Tuesday in violation of the ceasefire deal.")
    assert found.type == "shelling"


def test_a_russian_bulletin_recording_no_violations_reports_none():
    doc = document("В зоне ответственности миротворцев нарушений режима прекращения огня не зафиксировано.", None)
    doc.language = "ru"
    assert extract_incidents(doc, split_sentences(doc), load_registry(), load_gazetteer()) == []


@pytest.mark.parametrize(
    "body",
    [
        "The army periodically blocks the road to Lachin.",
        "The claim that the Armenian side fired on positions in Shusha is another disinformation.",
    ],
)
def test_a_habit_or_a_claim_called_disinformation_is_no_incident(body):
    assert incidents(body) == []


def test_what_could_be_done_in_russian_is_no_incident():
    doc = document("Отсюда столицу можно обстреливать прямой наводкой.", None)
    doc.language = "ru"
    assert extract_incidents(doc, split_sentences(doc), load_registry(), load_gazetteer()) == []


def test_a_ceasefire_agreement_reached_is_one_signing_not_also_a_declaration():
    [found] = incidents("Armenia and Azerbaijan reached a ceasefire agreement in Moscow on Monday.")
    assert found.type == "agreement_signed"
