"""Scope of a sentence's evidence: a cue inside a time clause is no signal; a quotation's surrounding sentence
can place it outside a provision's zone."""

from __future__ import annotations

import pytest

from trucewatch.agreements import load_agreements
from trucewatch.linking import detect_signal, link_document
from trucewatch.records import Document
from trucewatch.text.sentences import split_sentences

KARABAKH = "karabakh-2020-11-10"
CONTEXT = "Reports from Nagorno-Karabakh, Armenia and Azerbaijan on the trilateral statement."


@pytest.fixture(scope="module")
def agreement():
    return load_agreements()[KARABAKH]


@pytest.mark.parametrize(
    "text",
    [
        "All prisoners held since the conflict began are to be released.",
        "The border stays as it is until the delimitation is completed.",
        "No road may open before the withdrawal is completed.",
    ],
)
def test_a_cue_in_a_time_clause_is_no_signal(agreement, text):
    assert detect_signal(text, agreement.signals_for("8"))[0] is None


def test_a_cue_outside_a_time_clause_still_counts(agreement):
    assert detect_signal("The exchange of prisoners began on Monday.", agreement.signals_for("8"))[0] == "started"


def test_the_sentence_around_a_quotation_places_it_outside_the_zone():
    """Sochi point 3 is the state border: fire a Karabakh (Artsakh) ministry reports on "the border section" is the
    line of contact, whether or not a statement covers the words about the fire."""
    from trucewatch.records import Statement

    sochi = load_agreements()["karabakh-2021-11-26"]
    fire = "Azerbaijani forces fired on its positions in the border section."
    body = f"{CONTEXT}\n\nThe Artsakh Defense Ministry said {fire}"
    start = body.index("Azerbaijani forces")
    doc = Document.of_text(body, doc_id="d", published="2022-09-14")
    quoted = Statement(doc_id="d", kind="indirect", start=start, end=len(body) - 1, text=body[start:-1])
    assert [x for x in link_document(doc, split_sentences(doc), [quoted], sochi) if x.provision == "3"] == []
    elsewhere = body.replace("The Artsakh Defense Ministry", "The Armenian Defense Ministry")
    doc = Document.of_text(elsewhere, doc_id="d", published="2022-09-14")
    quoted = Statement(doc_id="d", kind="indirect", start=start, end=len(elsewhere) - 1, text=elsewhere[start:-1])
    assert [x.provision for x in link_document(doc, split_sentences(doc), [quoted], sochi)] == ["3"]
