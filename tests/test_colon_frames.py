"""Frames opening a quotation with a colon (any verb after a name, a transcript label) or "as X put it"."""

from __future__ import annotations

from trucewatch.records import Document
from trucewatch.statements import extract_statements


def _speakers(text: str) -> list[tuple[str | None, str]]:
    return [(s.speaker_text, s.text) for s in extract_statements(Document.of_text(text, language="en"))]


def test_a_name_and_any_verb_before_a_colon_frame_the_quotation():
    text = "Trump spoke first. Trump said: “We will win this time.” Clinton disagreed: “They will lose this race.”"
    assert _speakers(text) == [("Trump", "We will win this time."), ("Clinton", "They will lose this race.")]


def test_a_verb_that_is_no_cue_frames_a_quotation_after_its_colon():
    assert [s for s, _ in _speakers("Smith tweeted: “Big win tonight for all of us.”")] == ["Smith"]


def test_a_name_its_verb_and_the_verb_s_object_before_a_colon_frame_the_quotation():
    for text in ("Clinton had a simple message for voters on Monday: “We will win this election.”",
                 "Trump summed it up: “We will win this election.”"):
        assert [s for s, _ in _speakers(text)] == [text.split()[0]]


def test_a_colon_after_a_clause_that_is_no_frame_names_no_speaker():
    speakers = [s for s, _ in _speakers("The result of the long count was clear: “We lost the town to them.”")]
    assert speakers in ([], [None])


def test_as_someone_put_it_frames_the_quotation_after_it():
    for text in ("Voters were angry. As Smith put it, “Nobody listens to us anymore.”",
                 "Voters were angry. As Smith put it: “Nobody listens to us anymore.”"):
        assert _speakers(text) == [("Smith", "Nobody listens to us anymore.")]


def test_that_was_how_someone_put_it_frames_the_quotation_before_it():
    text = "Voters were angry. “Nobody listens to us anymore.” That was how Smith put it."
    assert _speakers(text) == [("Smith", "Nobody listens to us anymore.")]


def test_a_transcript_label_before_a_quotation_is_its_speaker():
    text = "The debate went on.\nTRUMP: “We will build the wall.”\nMr. Smith: “That is not true at all.”"
    assert _speakers(text) == [("TRUMP", "We will build the wall."), ("Mr. Smith", "That is not true at all.")]
