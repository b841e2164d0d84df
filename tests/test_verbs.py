"""One inflection of verbs for every stage: regular spelling rules and the language's irregular forms."""

from __future__ import annotations

import pytest

from trucewatch.text.verbs import forms, past_forms


@pytest.mark.parametrize(
    ("lemma", "expected"),
    [
        ("say", {"say", "says", "said", "saying"}),
        ("agree", {"agree", "agrees", "agreed", "agreeing"}),
        ("release", {"release", "releases", "released", "releasing"}),
        ("deny", {"deny", "denies", "denied", "denying"}),
        ("stress", {"stress", "stresses", "stressed", "stressing"}),
        ("admit", {"admit", "admits", "admitted", "admitting"}),
        ("signal", {"signals", "signalled", "signaled", "signalling"}),
        ("withdraw", {"withdraws", "withdrew", "withdrawn", "withdrawing"}),
    ],
)
def test_every_form_a_text_may_use_is_generated(lemma, expected):
    assert expected <= set(forms(lemma))


def test_the_lemma_and_its_third_person_come_first_as_the_forms_a_noun_shares():
    assert forms("report")[:2] == ("report", "reports") and forms("tell")[:2] == ("tell", "tells")


def test_past_forms_hold_the_irregular_participles_and_not_the_present():
    assert {"hit", "struck"} <= set(past_forms("hit")) | set(past_forms("strike"))
    assert "strikes" not in past_forms("strike") and "told" in past_forms("tell")


def test_stages_share_the_forms():
    from trucewatch.assess.contradictions import _account_words
    from trucewatch.statements.cues import CUE_FORMS

    speech = _account_words()["speech"]
    assert speech.fullmatch("told") and speech.fullmatch("stated") and not speech.fullmatch("state")
    assert {"told", "stated", "withdrew"} - CUE_FORMS == {"withdrew"}
