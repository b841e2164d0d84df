"""Incident rules meant to hold on reports never seen: clause boundaries, dates of a mention that names none,
places of the conflicts the bundled agreements belong to."""

from __future__ import annotations

import pytest

from tests.test_incidents import incidents


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        ("The army suffered no losses as a result of the enemy's ceasefire violations.", "ceasefire_violation_report"),
        ("There is no need for the centre because the peacekeeping contingent began to leave the region.",
         "troop_withdrawal"),
    ],
)
def test_a_negation_in_another_clause_does_not_block_the_cue(body, kind):
    assert kind in [i.type for i in incidents(body)]


@pytest.mark.parametrize(
    "body",
    [
        "Baku denied that its forces shelled Tegh.",
        "The ministry said no ceasefire violations were recorded.",
    ],
)
def test_a_negation_in_the_cues_own_clause_still_blocks_it(body):
    assert incidents(body) == []
