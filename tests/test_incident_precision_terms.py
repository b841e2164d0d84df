"""Precision on invented sentences: an agreement's terms restated (with its subject described first), what is discussed
or explored, a meeting scheduled, what a deal ended, the parties described by a past signing, a war's toll, deaths
named again as a comment's subject, "as a protest against"; exchanges told by their release verbs, deaths in combat;
and where: a region after "in" whatever verb follows, a capital accused or handed territory is no place."""

from __future__ import annotations

import pytest

from tests.test_incidents import document, incidents
from trucewatch.actors import load_registry
from trucewatch.incidents import extract_incidents
from trucewatch.incidents.gazetteer import load_gazetteer
from trucewatch.records import Statement
from trucewatch.text.sentences import split_sentences

NOT_INCIDENTS = [
    "The agreement that stopped the war last year commits both sides to guaranteeing safe passage along the road.",
    "The peace deal signed by the two sides in the capital orders the withdrawal of foreign forces from the region.",
    "The release of detainees was enshrined in the joint statement of the three leaders.",
    "The parties agreed that during the truce they will refrain from attacks and artillery strikes.",
    "The two governments are also discussing the withdrawal of troops from the border.",
    "The envoy said he would explore possibilities for an extended truce.",
    "The president said the country was ready for peace talks with its neighbour.",
    "The office announced a meeting with community leaders scheduled for next Monday.",
    "The parties that signed the declaration were urged to act.",
    "The conflict has resulted in over 3,000 deaths, the ministry said.",
    "The deaths come amid growing concern over the peace process.",
    "The deaths of the two fighters highlight the need to speed up disarmament.",
    "The ministry said the step comes as a protest against repeated violations of the truce.",
]


@pytest.mark.parametrize("body", NOT_INCIDENTS)
def test_terms_plans_and_comments_are_no_incident(body):
    assert incidents(body) == []


def test_what_a_deal_ended_is_background_but_the_handover_stays():
    found = incidents("The army entered the district on Friday under the truce that ended heavy fighting last year.")
    assert "armed_clash" not in [i.type for i in found]


@pytest.mark.parametrize(
    ("body", "kind", "not_kind"),
    [
        ("Armenia returned one prisoner of war in exchange for five Armenians on Monday.", "prisoner_exchange",
         "detainee_release"),
        ("The exchange took place on Wednesday with each side releasing ten soldiers.", "prisoner_exchange",
         "detainee_release"),
    ],
)
def test_exchanges_are_typed_by_the_whole_event(body, kind, not_kind):
    types = [i.type for i in incidents(body)]
    assert kind in types and not_kind not in types


def test_deaths_in_combat_are_a_clash_and_its_casualties() -> None:
    """A clash no longer suppresses its casualties (the recall round measured it on the fresh set's halves)."""
    found = {i.type: i for i in incidents("Two rebels were killed in combat with the army on Wednesday.")}
    assert "armed_clash" in found and found["casualties"].counts.get("killed") == 2


def test_soldiers_handed_over_for_maps_stay_a_release():
    types = [i.type for i in incidents("Azerbaijan handed over 10 captive soldiers to Armenia in exchange for maps.")]
    assert "prisoner_exchange" not in types


def test_a_region_after_in_is_the_place_whatever_verb_follows():
    [found] = incidents("The ceasefire in Nagorno-Karabakh has been broken for the first time, the ministry said.")
    assert found.place_id == "nagorno-karabakh"


def test_a_capital_accused_or_handed_a_district_is_no_place():
    [found] = incidents("Kalbajar was turned over to Baku on November 25.")
    assert found.place_id == "kalbajar"
    found = incidents("Azerbaijan pulled back troops from a Karabakh village after Moscow accused Baku of violations.")
    assert {i.place_id for i in found} == {"nagorno-karabakh"}


def test_the_border_between_armenia_and_azerbaijan_is_a_place():
    found = incidents("Two soldiers were killed in heavy fighting along the Armenia-Azerbaijan border on Monday.")
    assert {i.place_id for i in found} == {"armenia-azerbaijan-border"}


def test_a_place_after_the_speaker_is_where_it_was_said():
    body = ("“Israeli forces have withdrawn from parts of Gaza,” said UN spokesman John Smith at the daily briefing in "
            "New York.")
    doc = document(body, "2025-01-20", "en")
    start = body.index("John Smith")
    said = Statement(doc_id=doc.id, kind="direct", start=1, end=body.index("”"), text=body[1 : body.index("”")],
                     speaker_text="John Smith", speaker_start=start, speaker_end=start + 10)
    found = extract_incidents(doc, split_sentences(doc), load_registry(), load_gazetteer(), [said])
    assert {i.place_id for i in found} == {"gaza-strip"}
