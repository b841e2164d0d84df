"""Incident precision on text that speaks of violence without reporting an incident: violence counted over a long
period or over a whole war is a statistic, violence judged or named in general an opinion, not an event; an event
compared with the past, or condemned, is still one."""

from __future__ import annotations

import pytest

from tests.test_incidents import incidents


@pytest.mark.parametrize(
    "body",
    [
        "The war has killed more than 14,000 people since 2014.",
        "The conflict has killed thousands of civilians over the past decade.",
        "More than 300,000 people have been killed in the civil war.",
        "Attacks have wounded hundreds in nearly ten years of insurgency.",
    ],
)
def test_violence_counted_over_a_long_period_is_no_incident(body):
    assert incidents(body) == []


@pytest.mark.parametrize(
    "body, kind",
    [
        ("Government forces shelled the village on Tuesday, the heaviest shelling since 2012.", "shelling"),
        ("Two soldiers were killed in the conflict zone on Monday.", "casualties"),
        ("Forty soldiers have been killed since hostilities began on Tuesday morning.", "casualties"),
    ],
)
def test_an_event_compared_with_the_past_is_still_reported(body, kind):
    assert kind in [i.type for i in incidents(body)]


def test_an_agreement_in_a_long_war_is_still_reported():
    found = incidents("The two sides agreed on a cessation of hostilities in the two-year conflict on Wednesday.")
    assert found


@pytest.mark.parametrize(
    "body",
    [
        "Attacks on civilians must stop, the minister said.",
        "The minister condemned attacks on civilians.",
        "Shelling of residential areas is a war crime, the envoy said.",
        "Such attacks are unacceptable.",
        "Clashes between the two sides are common.",
        "Drone strikes have become a daily reality for residents.",
        "Exhausted by bombardment, families fled south.",
        "Residents fear renewed shelling.",
        "Officials warned of more attacks in the coming days.",
        "The group is capable of launching attacks across the region.",
        "The militants have a history of attacks on schools.",
        "The government has banned all protests.",
        "Any withdrawal of troops must be coordinated.",
        "The White House announced new actions targeting Russia.",
        "Civilian casualties have been reduced by two-thirds, the envoy said.",
        "Ceasefire violations rose by 40 percent.",
        "In the event of an attack, the alliance will respond.",
        "The attack never took place, officials insisted.",
    ],
)
def test_violence_in_general_is_no_incident(body):
    assert incidents(body) == []


def test_a_condemned_attack_is_still_reported():
    assert [i.type for i in incidents("The minister condemned the attack on the village on Tuesday.")] == ["attack"]


def test_a_protest_against_a_ban_is_still_reported():
    assert [i.type for i in incidents("Thousands protested against the ban on protests on Monday.")] == ["protest"]


def test_a_demonstration_named_for_a_bill_is_still_reported():
    found = incidents("Dozens were arrested at a Kill The Bill demonstration in Bristol on Sunday.")
    assert "protest" in [i.type for i in found]
