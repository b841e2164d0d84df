"""Which sentences go to the parser: only those whose parse the statements stage could use."""

from __future__ import annotations

from trucewatch.records import Document
from trucewatch.statements.document import prepare_attributions
from trucewatch.statements.marks import find_quotes
from trucewatch.text.sentences import split_sentences


def _parsed(body: str) -> list[str]:
    doc = Document(id="t", source_key="t", source_path="t", locator="", content_type="text", raw_text=body,
                   body=body, body_spans=[])
    return prepare_attributions(body, split_sentences(doc), find_quotes(body)).texts


def test_an_unframed_direct_quotation_with_no_cue_word_is_not_parsed() -> None:
    assert _parsed('The valley was quiet. "The guns are silent and the roads are open again for all of us."') == []


def test_cue_words_inside_a_quotation_do_not_send_it_to_the_parser() -> None:
    assert _parsed('The valley was quiet. "They said we would be home by spring, and we believed them."') == []


def test_an_unframed_partial_quotation_is_parsed_for_its_governing_verb() -> None:
    body = 'The minister called the truce "a fragile but real opportunity for the valley" during the visit.'
    assert _parsed(body) == [body]


def test_a_cue_word_outside_quotations_that_no_pattern_reads_is_parsed() -> None:
    body = 'The envoy and her deputy both told reporters the corridor would stay open.'
    assert _parsed(body) == [body]
