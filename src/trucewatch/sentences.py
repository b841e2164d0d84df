"""Sentences of a document body, with body offsets: the unit of citation."""

from __future__ import annotations

import re

from trucewatch.nlp import splitter
from trucewatch.records import Document, Sentence

_PARAGRAPH = re.compile(r"\n\s*\n")


def split_sentences(doc: Document) -> list[Sentence]:
    """Sentences never cross a paragraph break; offsets are into ``doc.body``."""
    nlp = splitter()
    sentences: list[Sentence] = []
    position = 0
    paragraphs: list[tuple[int, str]] = []
    for paragraph in _PARAGRAPH.split(doc.body):
        start = doc.body.index(paragraph, position) if paragraph else position
        position = start + len(paragraph)
        if paragraph.strip():
            paragraphs.append((start, paragraph))
    for (start, _), parsed in zip(paragraphs, nlp.pipe(p for _, p in paragraphs), strict=True):
        for sent in parsed.sents:
            text = sent.text.strip()
            if not text:
                continue
            offset = start + sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
            sentences.append(Sentence(doc.id, len(sentences), offset, offset + len(text), text))
    return sentences
