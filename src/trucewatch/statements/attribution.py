"""Attributions: statements before speaker resolution, and how overlapping ones are merged.

Quotations, pattern-read frames and parses each propose attributions; the rules here keep
one statement per thing said: dedup of near-identical spans, nested reported speech,
scare quotes, split quotations joined, a parse merged into the quotation it frames.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from trucewatch.statements.cues import ACCORDING_OPENERS, NAMING_CUES, QUOTING_FORMS
from trucewatch.statements.lexicon import alternation, words
from trucewatch.statements.marks import MARKS, Quote
from trucewatch.text.spans import SpanIndex


@dataclass(frozen=True)
class Attribution:
    """A statement before speaker resolution: content, cue and speaker as written (body offsets)."""

    kind: str  # direct | partial | indirect
    start: int
    end: int
    cue_start: int | None = None
    cue_end: int | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    sentence_index: int | None = None
    inherited: bool = False  # speaker carried over from the previous quotation (no frame of its own)


def overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def dedupe(items: Iterable[Attribution]) -> list[Attribution]:
    """One of several attributions covering (80%) the same text: the first and longest.

    A sweep by start: only the kept ones still open where an item starts can overlap it or any later one.
    """
    kept: list[Attribution] = []
    open_kept: list[tuple[int, int]] = []  # heap of (end, index in kept)
    for item in sorted(items, key=lambda a: (a.start, -(a.end - a.start))):
        while open_kept and open_kept[0][0] <= item.start:
            heapq.heappop(open_kept)
        if any(overlap(item.start, item.end, kept[n].start, kept[n].end)
               > 0.8 * max(item.end - item.start, kept[n].end - kept[n].start) for _, n in open_kept):
            continue
        heapq.heappush(open_kept, (item.end, len(kept)))
        kept.append(item)
    return kept


def join_split_quotes(text: str, items: list[Attribution]) -> list[Attribution]:
    """One statement for a quotation split by its frame: "First part," he said, "second part."

    Both parts have the same speaker span, nothing but that frame lies between them and the second part
    goes on with the sentence (the guide counts '"A," he said. "B."' as two quotations).
    """
    joined: list[Attribution] = []
    for item in items:
        last = joined[-1] if joined else None
        if last is not None and split_by_frame(text, last, item) \
                and not _NEW_SENTENCE.search(text, last.end, item.start):
            joined[-1] = replace(last, end=item.end, inherited=False)
            continue
        joined.append(item)
    return joined


def split_by_frame(text: str, first, second) -> bool:
    """Are ``first`` and ``second`` (attributions or statements, in order) two parts of one quotation around
    its frame: the same speaker span, and nothing but that frame between them?"""
    return (second.kind != "indirect" and first.kind != "indirect"
            and second.speaker_start is not None and second.speaker_start == first.speaker_start
            and first.speaker_end is not None and "\n" not in text[first.end:second.start]
            and second.start - first.end < 150
            and (first.end <= first.speaker_start < second.start or second.speaker_start < first.start)
            and _only_frame(text, first, second))


_NEW_SENTENCE = re.compile(r"[.!?]\s+[\"“«„‘']?$")  # '"A," he said. "B."': two quotations, as the guide counts them


_NEW_CLAUSE = re.compile(r",\s+(?:\w+ly\s+)?\w+ing\b|\bthat\b", re.I)


def _only_frame(text: str, first, second, spare: int = 8) -> bool:
    """Between the two parts, little but the frame: not "“You winning?” she said, but Kevin was drifting off ...",
    nor a new clause after it ("“A,” the mayor said, adding that it would take “more hours”": its own report)."""
    frame_end = max(e for e in (first.speaker_end, first.cue_end, first.end) if e is not None)
    if frame_end < second.start and _NEW_CLAUSE.search(text, frame_end, second.start):
        return False
    gap = [(first.end, second.start)]
    for start, end in ((first.speaker_start, first.speaker_end), (first.cue_start, first.cue_end)):
        if start is None or end is None:
            continue
        gap = [piece for s, e in gap for piece in ((s, max(s, min(e, start))), (min(e, max(s, end)), e))
               if piece[0] < piece[1]]
    return sum(len(re.findall(r"\w+", text[s:e])) for s, e in gap) <= spare


def without_nested(items: Sequence[Attribution]) -> list[Attribution]:
    """``items`` less reported speech inside other reported speech ("According to X, the leaders agreed to ...").

    One is nested when another item (not itself) starts at or before both its cue and its content and ends
    after its cue and at or after its content's end. A sweep by start keeps the two furthest ends seen
    (of two different items), so an item is never compared with every other.
    """
    asks = sorted(((min(a.start, a.cue_start), n) for n, a in enumerate(items)
                   if a.kind == "indirect" and a.cue_start is not None))
    by_start = sorted(range(len(items)), key=lambda n: items[n].start)
    nested: set[int] = set()
    furthest: list[tuple[int, int]] = []  # up to two (end, id) of different items, furthest first
    seen = 0
    for low, n in asks:
        while seen < len(by_start) and items[by_start[seen]].start <= low:
            other = items[by_start[seen]]
            furthest = sorted([(other.end, id(other)), *(f for f in furthest if f[1] != id(other))],
                              reverse=True)[:2]
            seen += 1
        item = items[n]
        reach = next((end for end, who in furthest if who != id(item)), None)
        if reach is not None and reach > item.cue_start and reach >= item.end:
            nested.add(n)
    return [a for n, a in enumerate(items) if n not in nested]


def scare_quote(text: str, item: Attribution) -> bool:
    """A short quoted name or term with nobody saying it ("Iron Fist", 'Caucasian Knot', “3,210 victims”: a number
    is one word)."""
    return item.speaker_start is None and len(re.findall(r"\d+(?:[.,]\d+)*|\w+", text[item.start:item.end])) < 4



_TITLE_WORD = re.compile(r"[^\W\d_][\w’'.-]*")
_SMALL_WORDS: frozenset[str] = words("quotes", "title_small_words")


_BEFORE_NAME = re.compile(rf"(?:\b(?:{alternation(words('quotes', 'name_prepositions'))})|\w['’]s)\s+[\"“‘«„]$", re.I)


_TITLED = re.compile(rf"\b(?:{alternation(words('quotes', 'title_words'))}),?\s+[\"“‘«„]$", re.I)


def title_quote(text: str, item: Attribution) -> bool:
    """A quoted title or name in Title Case ("Face the Nation", "Coal Isn't the Villain."): no one's words, unless
    a cue frames it inside a clause (the “Comeback Kid” someone called him) or it holds sentences ("The Donald.").
    In the opening phrase of a frame after it, after a preposition or a possessive ('On CBS's “Face the
    Nation,” the mayor said'), it is a name too."""
    if item.kind not in ("direct", "partial"):
        return False
    if _TITLED.search(text, max(0, item.start - 30), item.start) and text[item.start:item.start + 1].isupper() \
            and not re.search(r"[.!?]\s", text[item.start:item.end]):
        return True  # 'a spot titled “Arrogant”'
    if item.kind == "partial" and item.speaker_start is not None and not (
            item.end <= item.speaker_start and _BEFORE_NAME.search(text, max(0, item.start - 40), item.start)):
        return False
    content = text[item.start:item.end].strip()
    if re.search(r"[.!?]\s", content):
        return False
    tokens = _TITLE_WORD.findall(content)
    if not 2 <= len(tokens) <= 12 or content.rstrip("”\"’'").endswith(("!", "?")):
        return False
    capitalised = [t for t in tokens if t[0].isupper()]
    return tokens[0][0].isupper() and len(capitalised) >= 2 and all(
        t[0].isupper() or t.lower() in _SMALL_WORDS for t in tokens)


def paragraphs_take_the_frame(text: str, items: list[Attribution], quotes: Sequence[Quote]) -> list[Attribution]:
    """The paragraphs of one quotation share its frame: the opening ones, left open, take the frame the
    last one closes with ("... the talks," the statement says.), unless they have one of their own.

    ``items`` are the attributions of ``quotes``, one each, in order.
    """
    out = list(items)
    for n in range(len(quotes) - 2, -1, -1):
        quote, following = quotes[n], quotes[n + 1]
        if quote.closed or text[quote.close:following.open].strip() or out[n].speaker_start is not None:
            continue
        later = out[n + 1]
        if later.speaker_start is not None and later.kind == out[n].kind == "direct":
            out[n] = replace(out[n], cue_start=later.cue_start, cue_end=later.cue_end,
                             speaker_start=later.speaker_start, speaker_end=later.speaker_end, inherited=True)
    return out


_BLANK_LINES = re.compile(r"\n[ \t]*\n\s*")


def paragraph_breaks(gap: str) -> int:
    """Paragraph breaks in ``gap``, a run of blank lines counting once (scraped pages often double them)."""
    return len(_BLANK_LINES.findall(gap))


def continue_previous_speaker(text: str, items: list[Attribution]) -> list[Attribution]:
    """An unframed quotation opening the paragraph right after one that ends with someone's reported speech
    ("Hajiyev said at a briefing that ...\n\n“The armed forces have asked ...") continues that speaker, and
    so does one opening the next sentence of the same paragraph. A document as speaker first takes in who issued
    it (:func:`with_issuer`)."""
    out = [with_issuer(text, item) for item in items]
    for n in range(1, len(out)):
        if out[n].kind == "partial" and not _speech_cue(text, out[n]):
            out[n] = _in_context(text, out[n], out[:n])
        item, before = out[n], out[n - 1]
        if item.kind != "direct" or item.speaker_start is not None or before.speaker_start is None:
            continue
        gap = text[before.end:item.start]
        paragraph_start = text.rfind("\n", 0, item.start) + 1
        near = paragraph_breaks(gap) <= 1 and len(gap) < 300
        if ((near or (paragraph_breaks(gap) <= 2 and len(gap) < 600 and not MARKS.search(gap[1:-1])
                      and not _LABELLED.search(text, max(0, before.start - 1), item.end)))
                and "\n" in gap
                and not text[paragraph_start:item.start].strip(" \"“”«»„‘'")) or (
                "\n" not in gap and len(gap) < 300 and _NEXT_SENTENCE.search(gap)):
            out[n] = replace(item, cue_start=before.cue_start, cue_end=before.cue_end,
                             speaker_start=before.speaker_start, speaker_end=before.speaker_end, inherited=True)
    return out


_DOCUMENT_END = re.compile(rf"\b(?:{alternation(words('speakers', 'document_nouns'))})$", re.I)


def _issued_by() -> re.Pattern[str]:
    """"..., according to an official statement published [late Friday] by the Armenian Ministry of Foreign
    Affairs [on ...]": the issuer after "by", up to punctuation or a word that ends it."""
    return re.compile(rf"\s+(?:{alternation(words('speakers', 'issuing_participles'))})\s+"
                      rf"(?:{alternation(words('dates', 'time_openers'))}\s+\w+\s+)?"
                      rf"by\s+(?P<issuer>[^,;:.!?\"“”«»\n()]{{3,80}}?)"
                      rf"(?=\s*(?:[,;:.!?\"“”«»\n()]|$|\s{alternation(words('speakers', 'issuer_stops'))}\s))")


_ISSUED_BY = _issued_by()


def with_issuer(text: str, item: Attribution) -> Attribution:
    """A speaker phrase naming a document is its issuer too ("a statement published by the ministry"): the guide's
    "a bulletin or statement speaks for the institution that issued it", and the phrase a reader would cite."""
    if item.speaker_start is None or item.speaker_end is None \
            or not _DOCUMENT_END.search(text, item.speaker_start, item.speaker_end):
        return item
    by = _ISSUED_BY.match(text, item.speaker_end)
    if by is None or overlap(item.start, item.end, item.speaker_end, by.end()) \
            or (item.cue_start is not None and item.speaker_end <= item.cue_start < by.end()):
        return item
    return replace(item, speaker_end=by.end("issuer"))


def _speech_cue(text: str, item: Attribution) -> bool:
    """Is the item's cue a word of speech ("said", "called", "according to"), not any verb governing the quotation
    ("the variation has been ... “diminishing notably”")?"""
    if item.cue_start is None or item.cue_end is None:
        return True
    cue = text[item.cue_start:item.cue_end].lower()
    return cue in QUOTING_FORMS or cue.startswith(tuple(ACCORDING_OPENERS))


_CONTEXT_REACH = 1_500  # characters back in which quoted words without a cue of speech find whose words they are


def _in_context(text: str, item: Attribution, before: Sequence[Attribution]) -> Attribution:
    """Quoted words whose clause has no cue of speech are the words of the source the text is reporting: the last
    statement before them framed by speech, in their paragraph or the two before; else the clause's subject, as read."""
    for earlier in reversed(before):
        if earlier.end > item.start or item.start - earlier.end > _CONTEXT_REACH:
            break
        if earlier.speaker_start is None or not _speech_cue(text, earlier) or earlier.cue_start is None:
            continue
        if paragraph_breaks(text[earlier.end:item.start]) > 2:
            break
        return replace(item, cue_start=earlier.cue_start, cue_end=earlier.cue_end,
                       speaker_start=earlier.speaker_start, speaker_end=earlier.speaker_end, inherited=True)
    return item


# a transcript's turn ('"PENCE: Well, ...'): its labels, not the paragraphs between, tell who speaks
_LABELLED = re.compile(r"(?:^|\n)[\s\"“]*[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}:\s")
_NEXT_SENTENCE = re.compile(r"[.!?][\"”’»]?\s+[\"“«„]$")  # "... she said, referencing X. “You went ...”"
_PARAGRAPH_BREAK = re.compile(r"[\s\"”’»]*\n[\s\"“‘«„]*")  # a paragraph's end, its marks and the next one's opening


def per_paragraph(text: str, items: list[Attribution]) -> list[Attribution]:
    """A direct quotation going on over several paragraphs is one statement per paragraph, each with the
    quotation's frame (the annotation guide's unit; a reader cites a paragraph)."""
    out = []
    for item in items:
        if item.kind != "direct" or "\n" not in text[item.start:item.end]:
            out.append(item)
            continue
        at = item.start
        for gap in _PARAGRAPH_BREAK.finditer(text, item.start, item.end):
            if gap.start() > at:
                out.append(replace(item, start=at, end=gap.start()))
            at = gap.end()
        if at < item.end:
            out.append(replace(item, start=at))
    return out


def quoted_share(item: Attribution, quotes: Sequence[Quote], index: SpanIndex | None = None) -> float:
    """How much of a statement's content lies inside quotation marks (``index``: of the quotes' contents)."""
    index = index or SpanIndex(sorted((q.start, q.end) for q in quotes))
    inside = sum(overlap(item.start, item.end, index.starts[n], index.ends[n])
                 for n in index.near(item.start, item.end))
    return inside / max(1, item.end - item.start)


def reported_with_fragments(text: str, items: Iterable[Attribution], quotes: Sequence[Quote]) -> list[Attribution]:
    """A partial quotation is the quoted words; a clause mostly of the reporter's words around a few quoted
    ones ("said the move reeks of “fear” and desperation") is reported speech: kind indirect; a whole quoted
    sentence after "said that" ("said that “We will ...”.") is direct speech."""
    out: list[Attribution] = []
    contents = SpanIndex(sorted((q.start, q.end) for q in quotes))
    whole = {(q.start, q.end) for q in quotes}
    for a in items:
        fragments = _named_fragments(text, a, contents)
        if fragments:
            out.extend(f for f in fragments if f not in out)
            continue
        if a.kind == "partial" and quoted_share(a, quotes, contents) < 0.5:
            a = replace(a, kind="indirect")
        elif a.kind == "partial" and (a.start, a.end) in whole \
                and text[a.start:a.start + 1].isupper() and _AFTER_THAT.search(text, max(0, a.start - 8), a.start) \
                and _WHOLE_SENTENCE.match(text, a.end):
            a = replace(a, kind="direct")
        out.append(a)
        if a.kind == "indirect":  # and its quoted words, each a partial quotation too (the guide counts both)
            out.extend(_quoted_inside(text, a, contents))
    return out


def _quoted_inside(text: str, item: Attribution, contents: SpanIndex) -> list[Attribution]:
    """The quoted words inside reported speech, names in quotation marks ("DPR", “Trump Route for ...”) aside."""
    return [replace(item, kind="partial", start=contents.starts[n], end=contents.ends[n])
            for n in contents.near(item.start, item.end)
            if item.start <= contents.starts[n] and contents.ends[n] <= item.end
            and not _A_NAME.fullmatch(text, contents.starts[n], contents.ends[n])]


_A_NAME = re.compile(r"\W*[A-Z][\w’'-]*(?:\W+(?:[A-Z][\w’'-]*|[a-z]{1,3}))*\W*")  # capitalised words, "of", "and"


def _named_fragments(text: str, item: Attribution, contents: SpanIndex) -> list[Attribution]:
    """The quoted words of a statement whose cue names rather than reports ("called the event a “significant
    milestone”", "described it as “a miracle”"): each a partial quotation; the reporter's words around them are
    nobody's statement. Empty when the cue reports a clause or nothing in the content is quoted."""
    if item.kind == "direct" or item.cue_start is None or text[item.cue_start:item.cue_end].lower() not in NAMING_CUES:
        return []
    inside = [(contents.starts[n], contents.ends[n]) for n in contents.near(item.start, item.end)]
    return [replace(item, kind="partial", start=s, end=e) for s, e in inside
            if item.start <= s < item.end and (s, e) != (item.start, item.end)]


_AFTER_THAT = re.compile(r"\bthat\s*[\"“«„‘']$")  # 'said that "We ...': the quotation opens the clause
_WHOLE_SENTENCE = re.compile(r"[\"”»’']?\s*[.!?]?\s*(?:$|\n|[\"“«„‘']?[A-Z])")  # and closes the sentence


def merge(text: str, found: Attribution, quotes: Sequence[Quote], results: list[Attribution],
          by_content: dict[tuple[int, int], int], marks: SpanIndex) -> Attribution | None:
    """Give an unframed quotation the parsed frame, or keep the parse as reported speech.

    ``marks`` indexes the quotes' (open, close), in their order (by open).
    """
    for at in marks.near(found.start, found.end):
        quote = quotes[at]
        covered = overlap(found.start, found.end, quote.open, quote.close)
        if covered == 0:
            continue
        n = by_content.get((quote.start, quote.end))
        if n is None:
            continue
        current = results[n]
        if covered >= 0.8 * (found.end - found.start):  # the content is the quotation itself
            if current.speaker_start is None or current.inherited:
                results[n] = replace(current, cue_start=found.cue_start, cue_end=found.cue_end,
                                     speaker_start=found.speaker_start, speaker_end=found.speaker_end,
                                     inherited=False)
            return None
        merged_before = (current.start, current.end) != (quote.start, quote.end)
        if merged_before and found.end - found.start >= current.end - current.start:
            return found  # an outer statement around one already merged: keep both
        if merged_before and current.speaker_start is not None and found.cue_start is not None \
                and current.start <= found.cue_start < current.end:
            return None  # "X said that Y described it as “...”": X's statement, Y's words only as X reports them
        if current.kind == "partial" or current.speaker_start is None:
            # A partial quotation inside reported speech: one statement, the innermost clause.
            results[n] = replace(current, kind="partial", start=min(found.start, quote.start),
                                 end=max(found.end, quote.end), cue_start=found.cue_start,
                                 cue_end=found.cue_end, speaker_start=found.speaker_start,
                                 speaker_end=found.speaker_end, inherited=False)
            return None
        return None  # the parse only re-read a framed direct quotation
    return found
