"""ACLED codes of text that is no event of political violence: a crime among gangs or robbers, a collision, an
incident said to be unrelated to the conflict, a sentence saying who is responsible for an attack."""

from __future__ import annotations

import pytest

from trucewatch.incidents.acled import acled_code


@pytest.mark.parametrize(
    "kind, sentence",
    [
        ("casualties", "two men were killed in a shootout between members of a drug gang."),
        ("attack", "the tanker was struck by a bulk carrier off the coast."),
        ("attack", "the blast killed two people and was not related to the ongoing conflict."),
        ("attack", "the minister said iran is responsible for the attacks on the oil facilities."),
        ("attack", "officials were cautious about holding the group responsible for the attack."),
        ("other_event", "police arrested ten people and recovered counterfeit notes worth millions."),
        ("other_event", "the military mobilized to evacuate residents trapped by torrential flooding."),
    ],
)
def test_no_acled_event(kind, sentence):
    assert acled_code("en", kind, sentence) == ("", "")


@pytest.mark.parametrize(
    "kind, sentence",
    [
        ("attack", "militants attacked a market in the town, killing five civilians."),
        ("other_event", "a shop was looted in the area during the covid-19 lockdown."),
        ("casualties", "gunmen killed two soldiers at a checkpoint, in a clash with a smuggling network's fighters."),
    ],
)
def test_still_an_acled_event(kind, sentence):
    code = acled_code("en", kind, sentence)
    assert code != ("", "")


def test_an_accident_told_just_before_makes_the_deaths_no_acled_event():
    before = "a fire broke out at a chemical plant near the port. "
    assert acled_code("en", "casualties", "the blasts killed at least 50 people.", before) == ("", "")


def test_conflict_words_keep_an_event_after_an_accident():
    before = "a fire broke out at a chemical plant near the port. "
    assert acled_code("en", "casualties", "militants killed two guards at the gate.", before) != ("", "")
