"""Plans and reports of unknown date (invented sentences): a sentence in the future that nobody is reported
announcing and that names no day is no evidence; an undated report needs the whole paragraph free of other
conflicts, and its links weigh less and say why."""

from __future__ import annotations

import pytest

from trucewatch.agreements import load_agreements
from trucewatch.lang import lexicon
from trucewatch.linking import UNDATED_WEIGHT, link_document
from trucewatch.records import Document
from trucewatch.text.sentences import split_sentences

PATROL = "Russian peacekeepers patrolled the line of contact in Karabakh."


@pytest.fixture(scope="module")
def agreements():
    return load_agreements()


def links(text: str, agreement, published: str | None = "2022-05-01"):
    doc = Document.of_text(text, published=published)
    return link_document(doc, split_sentences(doc), [], agreement)


def provisions(text: str, agreement, published: str | None = "2022-05-01") -> set[str]:
    return {x.provision for x in links(text, agreement, published)}


@pytest.mark.parametrize("published", ["2022-05-01", None])
@pytest.mark.parametrize(
    "plan",
    [
        "Russian peacekeepers will patrol the line of contact in Karabakh.",
        "Российские миротворцы будут патрулировать линию соприкосновения в Карабахе.",
    ],
)
def test_a_plan_nobody_announces_is_no_evidence(agreements, plan, published):
    assert provisions(plan, agreements["karabakh-2020-11-10"], published) == set()


@pytest.mark.parametrize(
    "step",
    [
        PATROL,
        "Российские миротворцы патрулировали линию соприкосновения в Карабахе.",
        # announced by someone: a step taken, which annotators count
        "Russian peacekeepers will patrol the line of contact in Karabakh, the Russian defence ministry said.",
        "Российские миротворцы будут патрулировать линию соприкосновения в Карабахе, заявили в Минобороны.",
        # announced for a day
        "Russian peacekeepers will patrol the line of contact in Karabakh from 12 December.",
    ],
)
def test_a_step_taken_or_announced_is_evidence(agreements, step):
    assert provisions(step, agreements["karabakh-2020-11-10"]) == {"3"}


def test_future_words_are_data():
    assert "will" in lexicon("en", "dates")["future_words"]
    assert "будут" in lexicon("ru", "dates")["future_words"]


def test_an_undated_report_needs_its_paragraph_free_of_other_conflicts(agreements):
    karabakh = agreements["karabakh-2020-11-10"]
    welcomed = "\n\nArmenia and Azerbaijan welcomed it."
    same_paragraph = f"{PATROL} The ceasefire in Syria held too.{welcomed}"
    assert provisions(same_paragraph, karabakh, published=None) == set()
    assert provisions(same_paragraph, karabakh) == {"3"}  # a dated report: the sentence alone is read
    assert provisions(f"{PATROL}\n\nThe ceasefire in Syria held too.{welcomed}", karabakh, published=None) == {"3"}


def test_a_link_from_an_undated_report_weighs_less_and_says_why(agreements):
    karabakh = agreements["karabakh-2020-11-10"]
    [dated] = links(PATROL, karabakh)
    [undated] = links(PATROL, karabakh, published=None)
    assert undated.score == round(dated.score * UNDATED_WEIGHT, 2) < dated.score
    assert "report undated (no year written)" in undated.reason
    assert "undated" not in dated.reason
    [later] = links(f"{PATROL} The road was rebuilt in 2023.", karabakh, published=None)
    assert "latest year written: 2023" in later.reason


def test_a_peace_treaty_is_another_agreement_for_the_sochi_statement(agreements):
    sochi = agreements["karabakh-2021-11-26"]
    assert provisions("The delimitation of the border between Armenia and Azerbaijan continued.", sochi) == {"4"}
    assert provisions("Work on a peace treaty and the delimitation of the border between Armenia and Azerbaijan "
                      "continued.", sochi) == set()


def test_an_undated_report_must_name_the_conflict_twice_as_often_as_others(agreements):
    """Three names of Karabakh's conflict against two of Syria: enough for a dated report, not an undated one."""
    karabakh = agreements["karabakh-2020-11-10"]
    text = f"{PATROL}\n\nArmenia and Azerbaijan welcomed it.\n\nThey compared it with Syria. Syria's truce is older."
    assert provisions(text, karabakh) == {"3"}
    assert provisions(text, karabakh, published=None) == set()
    assert provisions(text.replace("Syria's truce is older.", ""), karabakh, published=None) == {"3"}
