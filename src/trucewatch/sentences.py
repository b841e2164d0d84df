"""Sentences of a document body, with body offsets: the unit of citation."""

from __future__ import annotations

import re
from bisect import bisect_right

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


class SentenceIndex:
    """Sentences by offset in O(log n), so long documents with many quotations stay linear-ish."""

    def __init__(self, sentences: list[Sentence]) -> None:
        self.sentences = sentences
        self.starts = [s.start for s in sentences]

    def at(self, offset: int) -> Sentence | None:
        """The sentence containing ``offset``."""
        n = bisect_right(self.starts, offset) - 1
        if n >= 0 and offset < self.sentences[n].end:
            return self.sentences[n]
        return None

    def last_before(self, offset: int) -> Sentence | None:
        """The last sentence that ends at or before ``offset``."""
        n = bisect_right(self.starts, offset) - 1
        while n >= 0 and self.sentences[n].end > offset:
            n -= 1
        return self.sentences[n] if n >= 0 else None
