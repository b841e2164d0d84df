"""Sentences of a document body, with body offsets: the unit of citation.

The rules are spaCy's sentencizer over its English tokenizer (a sentence ends after a
token ".", "!" or "?" and the punctuation that follows it; abbreviations such as "Mr.",
"Jan." or "(D-Mo.)" are tokens of their own), reproduced with a regex and a character
scan: same boundaries on the PolNeAR dev and seed articles, at a fraction of the cost,
since every word of every document goes through here.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from functools import cache

from trucewatch import lang
from trucewatch.records import Document, Sentence

_PARAGRAPH = re.compile(r"\n\s*\n")
# Sentence-final marks (a period only when not part of an ellipsis), when they are tokens.
_TERMINAL = re.compile(r"[!?‼‽⁇⁈⁉。！？｡]|(?<!\.)\.(?!\.)")
# spaCy's English abbreviations, from a data file: importing spaCy costs a read command over a second.
_ABBREVIATIONS: frozenset[str] = frozenset(lang.lexicon("en", "sentences")["abbreviations"])
_QUOTES = "'\"‘’“”«»„"


@cache
def _punct(char: str) -> bool:
    """spaCy's ``is_punct``: a Unicode punctuation category."""
    return unicodedata.category(char).startswith("P")


def _ends_sentence(text: str, i: int, start: int, end: int) -> bool:
    """Is the mark at ``i`` a token of its own (so it ends a sentence) rather than part of a word?"""
    a = i
    while a > start and not text[a - 1].isspace():
        a -= 1
    b = i + 1
    while b < end and not text[b].isspace():
        b += 1
    before, after = text[a:i], text[i + 1:b]
    suffix = all(_punct(c) for c in after)
    if text[i] != ".":  # split off at either end of a word, never inside one ("ok?!no")
        return suffix or all(_punct(c) for c in before)
    word = text[a:i + 1]
    while len(word) > 1 and _punct(word[0]):  # opening brackets and quotes
        word = word[1:]
    if word in _ABBREVIATIONS or any(word[k - 1] in "-/" and word[k:] in _ABBREVIATIONS
                                     for k in range(1, len(word) - 1)):  # "Mr.", "(D-Mo.)"
        return False
    last = before[-1:]
    if not suffix:  # inside a word: only "end.The" splits
        return bool(last) and (last.islower() or last in _QUOTES) and (after[0].isupper() or after[0] in _QUOTES)
    if not last or last.islower() or last.isdigit() or last in "%²-+" or _punct(last):
        return True
    return len(before) > 1 and last.isupper() and before[-2].isupper()  # "NATO." but not "U.S." or "A."


def _next_start(text: str, i: int, end: int) -> int:
    """Where the sentence after the mark at ``i`` starts: its first token that is not punctuation.

    Closing quotes, and opening ones after a single space, stay with the sentence before, as in spaCy.
    """
    j, spaced = i + 1, False
    while j < end:
        char = text[j]
        if char == " " and j + 1 < end and not text[j + 1].isspace():
            j, spaced = j + 1, True
        elif char.isspace():
            return j
        elif not _punct(char):
            return j if spaced else i + 1
        else:
            j += 1
    return end


def _spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans of ``text[start:end]``, unstripped."""
    spans, cursor = [], start
    for match in _TERMINAL.finditer(text, start, end):
        i = match.start()
        if i < cursor or not _ends_sentence(text, i, start, end):
            continue
        j = _next_start(text, i, end)
        if j >= end:
            break
        spans.append((cursor, j))
        cursor = j
    spans.append((cursor, end))
    return spans


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text``, stripped; sentences never cross a paragraph break."""
    spans: list[tuple[int, int]] = []
    position = 0
    for paragraph in _PARAGRAPH.split(text):
        start = text.index(paragraph, position) if paragraph else position
        position = start + len(paragraph)
        for s, e in _spans(text, start, position):
            chunk = text[s:e]
            stripped = chunk.strip()
            if stripped:
                offset = s + len(chunk) - len(chunk.lstrip())
                spans.append((offset, offset + len(stripped)))
    return spans


def split_sentences(doc: Document) -> list[Sentence]:
    """The sentences of ``doc.body`` (:func:`sentence_spans`); offsets are into the body."""
    body = doc.body
    return [Sentence(doc.id, index, start, end, body[start:end])
            for index, (start, end) in enumerate(sentence_spans(body))]


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
