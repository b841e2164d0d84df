"""Quote marks and pattern-read frames (no parser involved)."""

from __future__ import annotations

import pytest

from trucewatch.quotes import find_attributions, find_quotes
from trucewatch.records import BodySpan, Document
from trucewatch.sentences import split_sentences


def contents(text: str) -> list[str]:
    return [text[q.start:q.end] for q in find_quotes(text)]


@pytest.mark.parametrize("text", [
    'The envoy said "the line is calm" today.',
    "The envoy said “the line is calm” today.",
    "The envoy said « the line is calm » today.",
    "The envoy said „the line is calm“ today.",
    'The envoy said "the line is calm” today.',  # mixed marks, as pasted text often has
])
def test_every_quote_mark_style(text):
    assert contents(text) == ["the line is calm"]


def test_nested_quotes_stay_inside_the_outer_quotation():
    text = "“We reject the term ‘buffer zone’ and the “so-called” corridor,” the minister said."
    assert contents(text) == ["We reject the term ‘buffer zone’ and the “so-called” corridor,"]


def test_apostrophes_are_not_quotes():
    text = "“The peacekeepers’ work and today's talks matter,” he said. It’s the ministers’ view."
    assert contents(text) == ["The peacekeepers’ work and today's talks matter,"]


def test_quote_over_several_paragraphs_continues_when_the_next_opens_with_a_mark():
    text = ("“We are ready to help the sides.\n\n“We also support the talks,” it said.\n\n"
            "“A new quotation,” he added.")
    assert contents(text) == ["We are ready to help the sides.\n\n“We also support the talks,",
                              "A new quotation,"]


def test_unclosed_quote_ends_with_its_paragraph_when_nothing_continues_it():
    text = "He said: “We will return.\n\nThe talks resumed on Monday. “Next,” she said."
    assert contents(text) == ["We will return.", "Next,"]


def test_block_quote_after_a_colon_may_close_in_a_later_paragraph():
    text = ('The president stressed: "The mission is temporary. It has a mandate.\n\n'
            'Their presence helps the return of people."\n\nOther news.')
    assert contents(text) == ["The mission is temporary. It has a mandate.\n\n"
                              "Their presence helps the return of people."]


def _doc(text: str) -> Document:
    return Document("d", "k", "p", "", "text", text, text, [BodySpan(0, 0, len(text))])


def frames(text: str) -> list[tuple[str, str, str | None, str | None]]:
    doc = _doc(text)
    result = []
    for a in find_attributions(text, split_sentences(doc)):
        speaker = text[a.speaker_start:a.speaker_end] if a.speaker_start is not None else None
        cue = text[a.cue_start:a.cue_end] if a.cue_start is not None else None
        result.append((a.kind, text[a.start:a.end], cue, speaker))
    return result


def test_frames_after_and_before_a_quotation():
    text = ('"The ceasefire holds," the Azerbaijani leader said on Friday. '
            '"We will build roads," said Foreign Minister Jeyhun Bayramov at a briefing. '
            'The minister added: "Demining comes first."')
    assert frames(text) == [
        ("direct", "The ceasefire holds,", "said", "the Azerbaijani leader"),
        ("direct", "We will build roads,", "said", "Foreign Minister Jeyhun Bayramov"),
        ("direct", "Demining comes first.", "added", "The minister"),
    ]


def test_partial_quote_inside_a_sentence_and_continuation_of_a_framed_quote():
    text = ('"The border is quiet," Lavrov said, "and the talks go on." '
            'Critics called the plan "a trap for everyone involved in it" and left.')
    found = frames(text)
    # A quotation split by its frame is one statement.
    assert found[0] == ("direct", 'The border is quiet," Lavrov said, "and the talks go on.', "said", "Lavrov")
    assert found[1][0] == "partial" and found[1][1] == "a trap for everyone involved in it"
    assert len(found) == 2


def test_a_quoted_name_is_not_a_statement():
    assert frames('The operation, dubbed "Iron Fist", ended in November.') == []
