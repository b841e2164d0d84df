"""Character offsets from text extracted out of an HTML page back into the page itself.

trafilatura returns the text of a page without its markup: tags are gone, entities
decoded ("&amp;" is "&"), whitespace collapsed. To keep provenance down to the
character, :func:`align` finds each extracted paragraph in the page again:

1. The page is scanned once into a *stream*: its text outside tags, comments and
   ``<script>``/``<style>``/``<noscript>``/``<template>`` elements, with entities
   decoded, every whitespace run collapsed to one space (across tags too) and a space
   where a block element (a paragraph, a list item, a cell, a line break) starts or
   ends. The stream is a list of segments; a *verbatim* segment is a slice of the page
   as is, the others (a decoded entity, a collapsed whitespace run, a block's space)
   have no raw counterpart of the same length.
2. Each paragraph is searched in the stream, forward from where the previous one
   ended (then anywhere, for a paragraph the extractor moved). Marks the extractor
   adds ("- " before a list item, " | " between table cells) and double spaces (left
   where it dropped something, such as a script inside a paragraph) cut a paragraph
   into chunks searched one after the other. A chunk that is not there as a whole is
   cut in two halves, recursively: a half found anchors the other, which is searched
   right next to it, then (for text the extractor dropped in between) further on.
3. Where a match overlaps a verbatim segment, the body maps to the page one to one:
   that overlap is one :class:`~trucewatch.records.BodySpan`. Decoded entities and
   reflowed whitespace get no span, so every span is exact:
   ``html[raw_start:raw_start+length] == body[body_start:body_start+length]``.

One regex pass over the page plus one ``str.find`` per paragraph, so aligning costs
far less than extracting. Malformed markup never raises: what cannot be found gets no span.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from html import unescape

from trucewatch.records import BodySpan

# One pass over the page finds, in order: markup whose content is not text (comments, CDATA,
# declarations, raw-text elements, tags, whose quoted attribute values may hold ">"; unclosed markup
# runs to the end of the page, as in a browser), entities, and whitespace runs other than one space.
# Possessive quantifiers keep it linear on any input and fast on pages that are mostly tags.
_TOKEN = re.compile(
    r"<(?:!--(?:[^-]++|-(?!->))*+(?:-->)?"
    r"|!\[CDATA\[(?:[^\]]++|\](?!\]>))*+(?:\]\]>)?"
    r"|(script|style|noscript|template)\b(?:[^>\"']++|\"[^\"]*+\"|'[^']*+')*+>"
    r"[^<]*+(?:<(?!/\1\s*>)[^<]*+)*+(?:</\1\s*>)?"
    r"|/?([A-Za-z][A-Za-z0-9]*+)(?:[^>\"']++|\"[^\"]*+\"|'[^']*+')*+>?"
    r"|[!?/][^>]*+>?)"
    r"|&(?:#[0-9]{1,8};?|#[xX][0-9a-fA-F]{1,8};?|[A-Za-z][A-Za-z0-9]{0,31};?)"
    r"|[^\S ]\s*+| \s++",
    re.S | re.I)
# Elements that end a line of text: the extractor writes a space or a line break where they are.
_BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure", "footer",
    "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section",
    "table", "td", "th", "tr", "ul"})
_ODD_SPACE = re.compile(r"[^\S ]")  # whitespace the stream writes as a plain space
# Where extracted text differs from the page by construction: list bullets, table cell bars, gaps.
_SEAM = re.compile(r"\|(?<!\S\|)(?!\S)|\s\s+|^- ")

SLACK = 40  # stream characters a piece may sit away from the neighbour that anchors it
MIN_ANCHOR = 24  # shortest piece searched far from any anchor (a shorter one may match anywhere)
MIN_PIECE = 8  # shortest piece searched next to an anchor
# Searches far from an anchor per paragraph, plus one per BUDGET_CHARS of it: a long paragraph may have
# many gaps, and an unalignable one on a huge page still stays cheap.
BUDGET, BUDGET_CHARS = 32, 50


class _Stream:
    """The text of a page, as segments that know where they come from."""

    def __init__(self, html: str) -> None:
        self.html = html
        self.parts: list[str] = []
        self.starts: list[int] = []  # stream offset of each segment
        self.raw: list[int] = []  # page offset of each segment
        self.raw_len: list[int] = []  # page characters of each segment
        self.verbatim: list[bool] = []  # the segment is the page's text as is
        size = 0
        space = True  # the stream ends with a space (or is empty): a space that follows is collapsed
        done = 0  # page offset up to which everything is in the stream or skipped

        def add(text: str, raw: int, raw_len: int, verbatim: bool) -> None:
            nonlocal size
            self.parts.append(text)
            self.starts.append(size)
            self.raw.append(raw)
            self.raw_len.append(raw_len)
            self.verbatim.append(verbatim)
            size += len(text)

        for token in _TOKEN.finditer(html):
            start, first = token.start(), html[token.start()]
            if first == "&":
                decoded = unescape(token.group())
                if decoded == token.group():  # "AT&T", "&foo;": not an entity, plain text
                    continue
            if start > done:  # plain text up to the token
                if space and html[done] == " ":
                    done += 1
                if start > done:
                    add(html[done:start], done, start - done, True)
                    space = html[start - 1] == " "
            done = token.end()
            if first == "<":
                name = token.group(2)
                if name and not space and name.lower() in _BLOCKS:  # a space that is in no page character
                    add(" ", start, 0, False)
                    space = True
                continue
            if first != "&" or decoded.isspace():
                if not space:
                    add(" ", start, done - start, False)
                    space = True
            elif decoded:
                add(decoded, start, done - start, False)
                space = decoded[-1].isspace()
        if done < len(html) and space and html[done] == " ":
            done += 1
        if done < len(html):
            add(html[done:], done, len(html) - done, True)
        self.size = size
        self.text = "".join(self.parts)

    def spans(self, at: int, length: int, body: str, body_start: int) -> list[BodySpan]:
        """Exact spans of ``body[body_start:body_start+length]``, found at stream offset ``at``."""
        found: list[BodySpan] = []
        index = bisect_right(self.starts, at) - 1
        end = at + length
        while index < len(self.starts) and self.starts[index] < end:
            seg = self.starts[index]
            lo, hi = max(at, seg), min(end, seg + len(self.parts[index]))
            raw = self.raw[index] + lo - seg
            b = body_start + lo - at
            if self.verbatim[index] or (self.raw_len[index] == 1 == hi - lo and body[b] == self.html[raw]):
                _extend(found, BodySpan(b, raw, hi - lo))
            index += 1
        return found


def _extend(spans: list[BodySpan], span: BodySpan) -> None:
    """Append, merging with the previous span when both sides continue it."""
    last = spans[-1] if spans else None
    if last and last.body_start + last.length == span.body_start and last.raw_start + last.length == span.raw_start:
        spans[-1] = BodySpan(last.body_start, last.raw_start, last.length + span.length)
    else:
        spans.append(span)


class _Aligner:
    """Places the paragraphs of one body in one page's stream, collecting their spans."""

    def __init__(self, stream: _Stream, body: str) -> None:
        self.stream = stream
        self.body = body
        self.spans: list[BodySpan] = []
        self.budget = 0  # searches far from an anchor left for the current paragraph
        self.ceiling = 0  # where the current paragraph's window ends

    def paragraph(self, start: int, end: int, cursor: int) -> int | None:
        """Align ``body[start:end]``; the stream offset where it ends, or None when it is not there."""
        body, stream = self.body, self.stream
        while start < end and body[start].isspace():
            start += 1
        while end > start and body[end - 1].isspace():
            end -= 1
        if start == end:
            return None
        text = body[start:end]
        if _ODD_SPACE.search(text):
            text = _ODD_SPACE.sub(" ", text)  # one for one, so offsets stay those of the body
        at = stream.text.find(text, cursor)
        if at < 0:
            at = stream.text.find(text)
        if at >= 0:
            self._emit(at, len(text), start)
            return at + len(text)
        self.budget = BUDGET + len(text) // BUDGET_CHARS
        self.ceiling = stream.size
        found = self._piece(text, start, cursor, stream.size)
        if found is None:
            self.ceiling = cursor
            found = self._piece(text, start, 0, cursor)
        return found[1] if found else None

    def _piece(self, text: str, base: int, lo: int, hi: int) -> tuple[int, int] | None:
        """Place ``text`` (body offset ``base``) within stream[lo:hi], whole or in parts.

        A right half not next to its left half is searched up to ``self.ceiling``, the end of
        the paragraph's window, as its parts may lie beyond ``hi`` when the extractor dropped text.
        """
        size = len(text)
        near = hi - lo <= size + 2 * SLACK
        if size < (MIN_PIECE if near else MIN_ANCHOR) or hi - lo < size or not (near or self.budget):
            return None
        self.budget -= not near
        at = self.stream.text.find(text, lo, hi)
        if at >= 0:
            self._emit(at, size, base)
            return at, at + size
        cut = _cut(text)
        if cut is None:
            return None
        left, right = text[:cut].rstrip(" "), text[cut:].lstrip(" ")
        skip = size - len(right)
        placed = self._piece(left, base, lo, hi)
        if placed:  # the right half follows, next to the left one or (the extractor dropped text) further on
            after = (self._piece(right, base + skip, placed[1], min(hi, placed[1] + len(right) + SLACK))
                     or self._piece(right, base + skip, placed[1], self.ceiling))
            return placed[0], after[1] if after else placed[1]
        after = self._piece(right, base + skip, lo, hi)
        if after:
            before = (self._piece(left, base, max(lo, after[0] - len(left) - SLACK), after[0])
                      or self._piece(left, base, lo, after[0]))
            return before[0] if before else after[0], after[1]
        return None

    def _emit(self, at: int, length: int, base: int) -> None:
        for span in self.stream.spans(at, length, self.body, base):
            if self.body[span.body_start:span.body_start + span.length] == \
                    self.stream.html[span.raw_start:span.raw_start + span.length]:
                self.spans.append(span)
            else:  # the body had other whitespace than the page (a tab, a no-break space)
                self.spans.extend(_exact(self.body, self.stream.html, span))


def _cut(text: str) -> int | None:
    """Where to cut a piece that is not found whole: the space nearest the middle.

    A word is not cut (its halves would match inside other words), unless it is long
    enough for halves to be distinctive: text in a script written without spaces.
    """
    middle = len(text) // 2
    before, after = text.rfind(" ", 0, middle), text.find(" ", middle)
    candidates = [c for c in (before, after) if 0 < c < len(text) - 1]
    if candidates:
        return min(candidates, key=lambda c: abs(c - middle))
    return middle if len(text) >= 2 * MIN_ANCHOR else None


def _exact(body: str, html: str, span: BodySpan) -> list[BodySpan]:
    """The parts of ``span`` where body and page hold the same characters."""
    parts: list[BodySpan] = []
    for i in range(span.length):
        if body[span.body_start + i] == html[span.raw_start + i]:
            _extend(parts, BodySpan(span.body_start + i, span.raw_start + i, 1))
    return parts


def _chunks(body: str, start: int, end: int) -> list[tuple[int, int]]:
    """The ranges of ``body[start:end]`` between seams (see ``_SEAM``)."""
    text = body[start:end]
    if "|" not in text and "  " not in text and not text.startswith("- ") and not _ODD_SPACE.search(text):
        return [(start, end)]  # the common case, without the slower regex
    chunks = []
    done = start
    for seam in _SEAM.finditer(text):
        chunks.append((done, start + seam.start()))
        done = start + seam.end()
    chunks.append((done, end))
    return chunks


def align(body: str, paragraphs: Iterable[tuple[int, int]], html: str) -> list[BodySpan]:
    """Spans from ``body`` into ``html`` for the body ranges ``paragraphs`` (in reading order).

    Each range is a paragraph or line of text extracted from ``html``; ranges that
    cannot be found in the page get no span. The spans come out sorted by body offset.
    """
    return align_texts(html, [(body, paragraphs)])[0]


def align_texts(html: str, texts: Iterable[tuple[str, Iterable[tuple[int, int]]]]) -> list[list[BodySpan]]:
    """:func:`align` for several texts extracted from one page (the body, the removed blocks): the page is
    scanned once."""
    stream = _Stream(html)
    return [_align(stream, body, paragraphs) for body, paragraphs in texts]


def _align(stream: _Stream, body: str, paragraphs: Iterable[tuple[int, int]]) -> list[BodySpan]:
    aligner = _Aligner(stream, body)
    cursor = 0
    for start, end in paragraphs:
        for chunk_start, chunk_end in _chunks(body, start, end):
            found = aligner.paragraph(chunk_start, chunk_end, cursor)
            if found is not None and found > cursor:
                cursor = found
    return sorted(aligner.spans, key=lambda span: span.body_start)
