"""Which clause's subject speaks: the speaker span and the governing cue chosen from the parse."""

from __future__ import annotations

from trucewatch.records import Document
from trucewatch.statements import extract_statements


def _statements(text: str):
    return extract_statements(Document.of_text(text, language="en"))


def _speakers_of(text: str, words: str) -> set[str | None]:
    return {s.speaker_text for s in _statements(text) if words in s.text}


def test_quoted_words_inside_a_reported_clause_are_the_reporters_source():
    text = "Smith said on Friday that Jones once described the plan as “a real disaster” for the region."
    assert _speakers_of(text, "a real disaster") == {"Smith"}


def test_a_parenthetical_cue_reports_the_clause_around_it():
    statements = _statements("The ceasefire, Smith said, had been violated twice on Sunday night near the border.")
    assert [(s.kind, s.speaker_text) for s in statements] == [("indirect", "Smith")]
    assert "violated twice" in statements[0].text


def test_a_cue_in_brackets_reports_the_clause_around_it():
    statements = _statements("The troops withdrew after the talks (the ministry said) and the roads were reopened.")
    assert [s.speaker_text for s in statements] == ["the ministry"]
    assert statements[0].text.startswith("The troops withdrew")


def test_a_participle_that_tells_which_ones_speak_stays_in_the_speaker_phrase():
    text = "Several judges handling the lawsuits have cited the election as a reason to speed up the release."
    assert [s.speaker_text for s in _statements(text)] == ["Several judges handling the lawsuits"]


def test_a_participle_that_tells_where_is_no_part_of_the_speaker_phrase():
    text = "The mission dispatched to the region reported that only a few hundred residents remained in the town."
    assert [s.speaker_text for s in _statements(text)] == ["The mission"]


def test_a_quotation_before_a_name_with_a_long_appositive_is_that_persons():
    text = ("“The region has never been as close to peace as it is today,” Anna Berg, the executive director at "
            "the Center of Regional Studies and whose also featured in the film, told The Daily Herald.")
    statements = _statements(text)
    assert [(s.kind, s.cue) for s in statements] == [("direct", "told")]
    assert statements[0].speaker_text.startswith("Anna Berg")


def test_a_second_frame_after_while_gives_its_quotation_its_own_speaker():
    text = "The debate was heated.\n\n“He is unfit,” Clinton said, while Trump replied, “She has no stamina.”"
    assert _speakers_of(text, "He is unfit") == {"Clinton"}
    assert _speakers_of(text, "She has no stamina") == {"Trump"}


def test_a_frame_after_and_has_the_subject_after_and_as_speaker():
    text = "The debate was heated. Clinton spoke first and Trump said: “We are winning in every state.”"
    assert _speakers_of(text, "We are winning") == {"Trump"}


def test_a_lone_article_is_no_speaker() -> None:
    """ "... - a charge that ..." once gave the speaker "a"; an article or possessive alone names nobody."""
    from trucewatch.statements.frames import _plausible_speaker

    assert not _plausible_speaker("a")
    assert not _plausible_speaker("The")
    assert _plausible_speaker("he")
    assert _plausible_speaker("the ministry")
