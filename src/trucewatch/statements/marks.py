"""Quote marks: the quotations of a document, paired once and passed to every later step.

The scanner knows every mark style, nesting, apostrophes and paragraph continuation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from trucewatch.text.spans import SpanIndex

MARKS = re.compile(r"[\"“”„«»‟]")
_PARAGRAPH = re.compile(r"\n[ \t]*\n\s*")
_PAIRS: dict[str, str] = {"«": "»", "„": "“”\"", "“": "”\"", "‟": "”\"", '"': '"”', "”": "”\""}
_SINGLE = re.compile(r"['‘’]")
# An apostrophe at a word's start: a year or decade ('90s, '21), an elision ('em, 'tis, rock 'n' roll).
_ELISION = re.compile(r"['‘’](?:\d\ds?\b|em\b|tis\b|twas\b|n\b|cause\b)", re.I)
_POSSESSIVE = re.compile(r"[sz]['’]\s+[a-z]")  # "the soldiers' rights": maybe no closing mark


@dataclass(frozen=True)
class Quote:
    """A quotation: ``start``/``end`` is the content inside the marks; ``open``/``close`` include them."""

    start: int
    end: int
    open: int
    close: int
    closed: bool = True  # False when the paragraph ended before a closing mark


def opens(text: str, i: int) -> bool:
    """Could the straight or ambiguous mark at ``i`` open a quotation?"""
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-:,;/" or i == 0) and not after.isspace()


def _closes(text: str, i: int) -> bool:
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and (after.isspace() or not after.isalnum())


def find_quotes(text: str) -> list[Quote]:
    """Pair the quote marks of ``text`` (straight, curly, « », „ “, and single ones British style).

    Single marks inside a double quotation stay inside it (nested ‘quotes’, apostrophes);
    outside, they quote only when they open and close like marks (see :func:`_single_quotes`).
    A double quotation still open at a paragraph end continues when the next paragraph opens
    with a mark (the typographic convention) or closes one before opening another; otherwise
    it ends with its paragraph.
    """
    paragraphs = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text)]
    bounds = [0, *(e for _, e in paragraphs)]
    ends = [*(s for s, _ in paragraphs), len(text)]
    # A text cut off inside a quotation (no mark after the last opening one, no final stop) goes on quoting.
    last_mark = max((m.start() for m in MARKS.finditer(text)), default=-1)
    last_straight = text.rfind('"')  # after it, an open straight mark is never closed
    cut = _cut_off(text)
    quotes: list[Quote] = []
    opener: tuple[int, str] | None = None  # (offset, mark)
    depth = 0  # quotations opened inside the current one
    for n, (p_start, p_end) in enumerate(zip(bounds, ends, strict=True)):
        marks = [m.start() for m in MARKS.finditer(text, p_start, p_end)]
        k = 0
        if opener is not None:  # a quotation carried over from the previous paragraph
            first = marks[0] if marks else None
            closes_here = first is not None and text[first] in "”»\"" and _closes(text, first)
            if first is not None and text[first] != "»" and first == p_start and text[first] != "”":
                k = 1  # the continuation mark: the quotation goes on
            elif closes_here and text[opener[0]] != "\n":
                pass  # no continuation mark, but this paragraph closes the quotation
            elif closes_here or (first is None and ((p_start > last_mark and cut)
                                                    or _closed_later(text, bounds, ends, n))):
                # Unmarked paragraphs between an opening and a later closing mark: a quotation per paragraph
                # (the part before, then this one, unmarked where it starts: its "open" is the line break).
                quotes.append(_quote(text, opener[0], ends[n - 1], closed=False))
                opener = (p_start - 1, opener[1])
            else:
                end = ends[n - 1]
                quotes.append(_quote(text, opener[0], end, closed=False))
                opener = None
        while k < len(marks):
            i = marks[k]
            mark = text[i]
            if opener is None:
                if mark in "«„“‟" or (mark in "\"”" and opens(text, i)):
                    opener, depth = (i, mark), 0
            elif mark == "“" and opener[1] == '"' and not depth and opens(text, i) and not _closes(text, i) \
                    and i > last_straight:
                opener = (i, mark)  # a straight mark no straight one closes, then curly ones: a stray mark
            elif mark in "«„“‟" and mark != '"' and opens(text, i) and not _closes(text, i):
                depth += 1  # a quotation inside the quotation, in double marks too
            elif depth and (mark in "»”" or (mark in '"“' and _closes(text, i))):
                depth -= 1
            elif (mark in _PAIRS.get(opener[1], "”\"") and (mark != '"' or _closes(text, i) or not opens(text, i))) \
                    or (mark == opener[1] == "“" and _closes(text, i)):  # “ used both ways
                quotes.append(_quote(text, opener[0], i + 1))
                opener = None
            k += 1
        if opener is not None and p_end == len(text):
            quotes.append(_quote(text, opener[0], p_end, closed=False))
            opener = None
    quotes += _single_quotes(text, paragraphs, quotes)
    return sorted((q for q in quotes if q.end > q.start), key=lambda q: q.open)


def _cut_off(text: str) -> bool:
    """Does ``text`` end mid-sentence, its last line some words long (not a signature, "News.Az")? Cut off."""
    last = text.rstrip().rpartition("\n")[2]
    return len(last.split()) >= 5 and (last[-1].isalnum() or last[-1] in ",;-–")


def _closed_later(text: str, bounds: list[int], ends: list[int], n: int, look: int = 4) -> bool:
    """Does a quotation left open go on through the unmarked paragraph ``n``?

    Yes when one of the next few paragraphs, after only unmarked ones, first closes a quotation.
    """
    for start, end in zip(bounds[n + 1:n + 1 + look], ends[n + 1:n + 1 + look], strict=True):
        first = MARKS.search(text, start, end)
        if first is not None:
            return text[first.start()] in "”»\"" and _closes(text, first.start()) and first.start() > start
    return False


def _single_quotes(text: str, paragraphs: list[tuple[int, int]], doubles: list[Quote]) -> list[Quote]:
    """Quotations in single marks ('...,' he said), British style, outside the double quotations.

    An opening mark follows a space or an opening punctuation and precedes a word that is no
    elision ('90s, 'em); the closing mark is the first one after it in the paragraph that ends a
    word, passing over a plural possessive ("the soldiers' rights") when a later mark can close.
    Unclosed, a single mark is an apostrophe.
    """
    inside = SpanIndex(sorted((q.open, q.close) for q in doubles))
    bounds = [0, *(e for _, e in paragraphs)]
    ends = [*(s for s, _ in paragraphs), len(text)]
    found: list[Quote] = []
    for p_start, p_end in zip(bounds, ends, strict=True):
        here = [(inside.starts[n], inside.ends[n]) for n in inside.near(p_start, p_end)]
        marks = [m.start() for m in _SINGLE.finditer(text, p_start, p_end)
                 if not any(s <= m.start() < e for s, e in here)]
        k = 0
        while k < len(marks):
            i = marks[k]
            k += 1
            if text[i] == "’" or not opens(text, i) or not text[i + 1:i + 2].isalnum() or _ELISION.match(text, i):
                continue
            closers = [c for c in marks[k:] if text[c] != "‘" and _closes(text, c)]
            plain = [c for c in closers if not _POSSESSIVE.match(text, c - 1)]
            close = plain[0] if plain else (closers[0] if closers else None)
            if close is None:
                continue
            found.append(_quote(text, i, close + 1))
            k = marks.index(close) + 1
    return found


def _quote(text: str, open_at: int, close_end: int, closed: bool = True) -> Quote:
    start = open_at + 1
    end = close_end - 1 if closed else close_end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Quote(start, end, open_at, close_end, closed)

