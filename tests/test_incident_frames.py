"""Verb classes of the incident cues: every inflection of a verb, its object after a few words, the passive."""

from __future__ import annotations

import re

import pytest

from trucewatch.actors import load_registry
from trucewatch.incidents import extract_incidents
from trucewatch.incidents.gazetteer import load_gazetteer
from trucewatch.incidents.rules import _frame_cues, _inflected
from trucewatch.records import Document
from trucewatch.text.sentences import split_sentences


def types(body: str) -> set[str]:
    doc = Document.of_text(body, published="2021-05-14", language="en")
    return {i.type for i in extract_incidents(doc, split_sentences(doc), load_registry(), load_gazetteer())}


@pytest.mark.parametrize(
    ("verb", "forms", "not_forms"),
    [
        ("shell", ["shell", "shells", "shelled", "shelling"], ["shellfish"]),
        ("release", ["release", "releases", "released", "releasing"], ["releas"]),
        ("free", ["free", "frees", "freed", "freeing"], []),
        ("ratify", ["ratify", "ratifies", "ratified", "ratifying"], ["ratifys"]),
        ("ship", ["ships", "shipped", "shipping"], []),
        ("withdraw", ["withdraws", "withdrew", "withdrawn", "withdrawing"], []),
    ],
)
def test_a_verb_is_matched_in_every_inflection(verb, forms, not_forms):
    pattern = re.compile(rf"(?:{_inflected(verb, 'en')[0]})")
    assert all(pattern.fullmatch(f) for f in forms)
    assert not any(pattern.fullmatch(f) for f in not_forms)


def test_a_frame_matches_its_object_after_a_few_words_and_the_passive_but_not_the_noun():
    cues = [re.compile(c) for c in _frame_cues({"verbs": ["hand over"], "objects": ["prisoners"]}, "en")]

    def found(text: str) -> bool:
        return any(c.search(text) for c in cues)

    assert found("handed over 12 armenian prisoners")
    assert found("the prisoners were finally handed over")
    assert not found("the hand over of prisoners")
    assert not found("handed over the keys to the city hall and several prisoners")  # too far apart


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        ("The coalition pounded the town with artillery on Tuesday.", "shelling"),
        ("Rebels overran three villages near Goma.", "armed_clash"),
        ("Soldiers blocked the main border crossing on Monday.", "blockade"),
        ("Both armies pulled their troops back from the line of contact.", "troop_withdrawal"),
        ("Six detainees were repatriated to Armenia.", "detainee_release"),
        ("The pullout from the region has begun, the ministry said.", "troop_withdrawal"),
    ],
)
def test_verb_classes_find_incidents_worded_in_ways_no_single_cue_lists(body, kind):
    assert kind in types(body)


def test_an_intention_in_a_verb_class_is_still_no_incident():
    assert types("Baku threatened to block the border crossing.") == set()


@pytest.mark.parametrize(
    "body",
    [
        "Russian peacekeepers will be deployed along the line of contact.",
        "Both countries have in the past held peace talks in Doha.",
    ],
)
def test_a_future_inside_a_cue_and_the_past_in_general_are_no_incident(body):
    assert types(body) == set()


def test_an_optional_space_in_a_cue_may_be_absent():
    assert "attack" in types("An airstrike hit the Matma district on Monday.")
    assert "attack" in types("An air strike hit the Matma district on Monday.")


def test_a_russian_place_name_is_found_in_any_case_and_scored_against_its_nominative():
    from trucewatch.evaluation.incidents import _place_right

    gazetteer = load_gazetteer()
    found = gazetteer.find("Нарушение зафиксировано в Мардакертском районе и у Нагорного Карабаха.")
    assert [(m.text, m.place.id) for m in found] == [
        ("Мардакертском районе", "martakert"),
        ("Нагорного Карабаха", "nagorno-karabakh"),
    ]
    assert gazetteer.find("российских миротворцев") == []  # "Россия" is not "российских"
    [incident] = [
        i
        for i in extract_incidents(
            *_russian("Зафиксировано нарушение режима прекращения огня в Мардакертском районе."),
            load_registry(),
            gazetteer,
        )
    ]
    assert incident.place_id == "martakert"
    assert _place_right(incident, "Мардакертский район") and not _place_right(incident, "Шушинский район")


def _russian(body: str):
    doc = Document.of_text(body, published="2021-05-14", language="ru")
    return doc, split_sentences(doc)
