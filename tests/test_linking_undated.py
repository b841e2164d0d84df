"""Undated reports: the years a text writes of its past and present date it after an agreement's end; years
ahead of it ("until 2025") do not. So do the agreement's dated events it names as past (their ``mentions``):
"the full-scale invasion" but not "could become a full-scale invasion"."""

from __future__ import annotations

import pytest

from trucewatch.agreements import load_agreements
from trucewatch.linking import link_document, linker
from trucewatch.records import Document
from trucewatch.text.sentences import split_sentences

SWAP = "Ukraine and Russia exchanged prisoners of war near Donetsk, the Ukrainian ministry said."


@pytest.fixture(scope="module")
def minsk():
    return load_agreements()["minsk-2015-02-12"]  # ended on 22 February 2022 (agreement-wide termination)


def provisions(text: str, agreement, title: str | None = None) -> set[str]:
    doc = Document.of_text(text, title=title, published=None)
    return {x.provision for x in link_document(doc, split_sentences(doc), [], agreement)}


def test_an_undated_report_with_no_year_is_evidence(minsk):
    assert provisions(SWAP, minsk) == {"6"}


def test_a_year_after_the_end_dates_an_undated_report_after_it(minsk):
    """Written in 2023 or later (it speaks of 2023 as past), so after Minsk II ended: its swap is not point 6."""
    assert provisions(f"{SWAP} Fighting in 2023 destroyed the bridge.", minsk) == set()
    assert provisions(SWAP, minsk, title="Prisoner swap: the war in 2024") == set()  # the title is the text too


@pytest.mark.parametrize(
    "ahead",
    [
        "The monitors' mandate runs until 2025.",
        "Kyiv wants the checkpoints rebuilt by 2030.",
        "The programme will be extended to 2026.",
    ],
)
def test_a_year_ahead_does_not_date_the_report(minsk, ahead):
    assert provisions(f"{SWAP} {ahead}", minsk) == {"6"}


def test_the_end_year_itself_is_not_after_the_end(minsk):
    """Minsk II ended in February 2022: a report speaking of 2022 may be from January."""
    assert provisions(f"{SWAP} Talks resumed in 2022.", minsk) == {"6"}


def test_an_event_after_the_end_named_as_past_dates_an_undated_report_after_it(minsk):
    """The full-scale invasion (24 February 2022) came after Minsk II ended: a report recalling it is later."""
    assert provisions(f"Since the full-scale invasion, shelling has not stopped. {SWAP}", minsk) == set()


@pytest.mark.parametrize(
    "ahead",
    [
        "Analysts warned the build-up could become a full-scale invasion.",
        "Before a full-scale invasion, monitors counted the guns.",
    ],
)
def test_an_event_named_ahead_does_not_date_the_report(minsk, ahead):
    assert provisions(f"{ahead} {SWAP}", minsk) == {"6"}


def test_an_event_before_the_end_does_not_date_the_report_after_it(minsk):
    """Russia recognised the "DPR" on 21 February 2022, a day before Minsk II was declared dead: not after."""
    assert provisions(f"After the recognition of the DPR, families fled. {SWAP}", minsk) == {"6"}


def test_the_latest_event_named_as_past_is_the_reason_of_an_undated_link():
    karabakh = load_agreements()["karabakh-2020-11-10"]
    patrol = "Russian peacekeepers patrolled the line of contact in Karabakh."
    text = f"{patrol} Since the anti-terrorist measures and the 2023 exodus, the villages stand empty."
    doc = Document.of_text(text, published=None)
    [link] = link_document(doc, split_sentences(doc), [], karabakh)
    assert "written after '2023 exodus' (2023-09-30)" in link.reason
    [plan] = link_document(d := Document.of_text(f"{patrol} Baku would launch anti-terrorist measures."),
                           split_sentences(d), [], karabakh)
    assert "written after" not in plan.reason


def test_event_mentions_are_read_latest_first(minsk):
    days = [day for day, _ in linker(minsk).past_events]
    assert days == sorted(days, reverse=True) and "2022-02-24" in days
