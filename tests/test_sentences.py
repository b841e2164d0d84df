"""The sentence splitter: spaCy's sentencizer rules, without spaCy's tokenizer."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import spacy

from trucewatch import lang
from trucewatch.documents import build_document
from trucewatch.evaluation.polnear import read_polnear
from trucewatch.records import BodySpan, Document, SourceItem
from trucewatch.sources import read_sources
from trucewatch.text.sentences import split_sentences


def doc(text: str) -> Document:
    return Document(id="t", source_key="t", source_path="t", locator="", content_type="text", raw_text=text,
                    body=text, body_spans=[BodySpan(0, 0, len(text))])


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(doc(text))]


def test_the_abbreviations_are_spacys() -> None:
    from spacy.lang.en import English

    ours = lang.lexicon("en", "sentences")["abbreviations"]
    assert set(ours) == {k for k in English.Defaults.tokenizer_exceptions if k.endswith(".")} and "Jan." in ours


@pytest.mark.parametrize(("text", "expected"), [
    ("Mr. Aliyev spoke. Then he left.", ["Mr. Aliyev spoke.", "Then he left."]),
    ("U.S. officials met. NATO. It ended.", ["U.S. officials met.", "NATO.", "It ended."]),
    ("Ilham A. Aliyev spoke on Jan. 10 in Baku.", ["Ilham A. Aliyev spoke on Jan. 10 in Baku."]),
    ("Sen. Claire McCaskill (D-Mo.) said so. Next.", ["Sen. Claire McCaskill (D-Mo.) said so.", "Next."]),
    ("Rates rose 3.5 percent... Or did they? Yes!", ["Rates rose 3.5 percent... Or did they?", "Yes!"]),
    ("It ended.The talks resumed.", ["It ended.", "The talks resumed."]),
    ("Is it ok?!no, it is not.", ["Is it ok?!no, it is not."]),
])
def test_boundaries(text, expected):
    assert texts(text) == expected


def test_closing_marks_stay_and_the_next_opening_mark_follows_spacy():
    # As spaCy's sentencizer does: punctuation after the full stop stays with the sentence before.
    assert texts('He said: "We agree." "So do we," she said.') == ['He said: "We agree." "', 'So do we," she said.']


def test_sentences_never_cross_paragraphs_and_offsets_point_into_the_body():
    text = "  First line without a stop\n\nSecond paragraph. Third sentence.\n \n\nLast"
    sentences = split_sentences(doc(text))
    assert [s.text for s in sentences] == ["First line without a stop", "Second paragraph.", "Third sentence.", "Last"]
    assert all(text[s.start:s.end] == s.text for s in sentences)
    assert [s.index for s in sentences] == [0, 1, 2, 3]


@pytest.mark.parametrize("text", ["", "   \n\n  ", '"' * 40 + "." * 30 + "?!" * 20, "\n\n".join(["x." * 50] * 3)])
def test_hostile_input(text):
    assert all(text[s.start:s.end] == s.text and s.text for s in split_sentences(doc(text)))


def _spacy_sentences(document: Document, nlp) -> list[tuple[int, int]]:
    """The reference: spaCy's tokenizer and sentencizer per paragraph, as the stage used to run them."""
    spans, position = [], 0
    for paragraph in re.split(r"\n\s*\n", document.body):
        start = document.body.index(paragraph, position) if paragraph else position
        position = start + len(paragraph)
        for sent in nlp(paragraph).sents:
            text = sent.text.strip()
            if text:
                offset = start + sent.start_char + len(sent.text) - len(sent.text.lstrip())
                spans.append((offset, offset + len(text)))
    return spans


def test_same_boundaries_as_spacy_on_the_seed_articles_and_polnear_dev(shared: Path):
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    documents = [build_document(i) for i in read_sources([shared / "corpus" / "karabakh-seeds"])
                 if isinstance(i, SourceItem)]
    polnear = shared / "eval" / "polnear" / "data" / "dev"
    if polnear.is_dir():
        documents += [doc(d.text) for d in read_polnear(polnear)]
    assert len(documents) > 5
    for document in documents:
        assert [(s.start, s.end) for s in split_sentences(document)] == _spacy_sentences(document, nlp)
