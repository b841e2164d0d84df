"""Every quotation and reported statement of a document, with its cue and speaker span as written.

Cheap first, parser last: the quotations (found once, by :mod:`.marks`) get the frames the
patterns of :mod:`.frames` read; the dependency parser runs only on the candidate sentences
left (cue words or "according to" outside a quotation), and its readings are merged with the
quotations by :mod:`.attribution`. Speaker *resolution* (which actor) is :mod:`.speakers`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from trucewatch.records import Sentence
from trucewatch.statements.attribution import (
    Attribution,
    continue_previous_speaker,
    dedupe,
    join_split_quotes,
    merge,
    paragraph_breaks,
    paragraphs_take_the_frame,
    per_paragraph,
    quoted_share,
    reported_with_fragments,
    scare_quote,
    title_quote,
    without_nested,
)
from trucewatch.statements.cues import (
    ACCORDING_OPENERS,
    AGREEMENT_NOUNS,
    CUE_FORMS,
    cue_offsets,
    ends_with_cue,
    passive,
)
from trucewatch.statements.frames import (
    AS_FRAME_BEFORE,
    NESTED_THAT,
    frame_according,
    frame_after,
    frame_before,
    frame_in_words,
    frame_quoted_as,
    frame_said_that,
    frame_tail,
    frame_with,
    sentence_stop,
    speaker_before_cue,
)
from trucewatch.statements.lexicon import alternation, lexicon, words
from trucewatch.statements.marks import MARKS, Quote
from trucewatch.statements.parsed import Skeleton, governor, parse_attributions, skeleton
from trucewatch.statements.relays import reattribute
from trucewatch.text.marks import only_bullet
from trucewatch.text.sentences import SentenceIndex
from trucewatch.text.spans import SpanIndex

Parse = Callable[[list[str]], list]  # texts -> parsed spaCy Docs
_AUX = alternation(lexicon("quotes")["auxiliaries"])
# A longer "sentence" is a list, a table or garbage the splitter could not cut: parsing it costs seconds
# (a flood of quote marks: a minute) and reads no frame the patterns miss.
MAX_PARSED_CHARS = 5_000
_ABBREVIATION = rf"(?:\b(?:{alternation(lexicon('quotes')['abbreviations'])}|[A-Z])\.)$"

def find_attributions(text: str, sentences: Sequence[Sentence], quotes: Sequence[Quote],
                      parse: Parse | None = None) -> list[Attribution]:
    """Every quotation and reported statement in ``text`` with its cue and speaker span.

    ``quotes`` are ``find_quotes(text)``; ``parse`` maps a list of strings to parsed spaCy
    Docs: it is called once, for the candidate sentences only.
    """
    pending = prepare_attributions(text, sentences, quotes, parsing=parse is not None)
    return finish_attributions(pending, parse(pending.texts) if parse is not None and pending.texts else [])


@dataclass
class Pending:
    """A document's attributions before the parser: what the patterns read, and the sentences left to parse.

    Split from :func:`finish_attributions` so a caller can parse the candidates of many documents at once.
    """

    text: str
    quotes: Sequence[Quote]
    results: list[Attribution]
    framed_cues: set[int]
    read: list[Attribution]
    jobs: list[Skeleton]
    parsing: bool  # False: no parser, so the candidate sentences are not read either

    @property
    def texts(self) -> list[str]:
        """The candidate sentences to parse (their parses go to :func:`finish_attributions`, in order)."""
        return [j.text for j in self.jobs]


def prepare_attributions(text: str, sentences: Sequence[Sentence], quotes: Sequence[Quote],
                         parsing: bool = True) -> Pending:
    """The first pass of :func:`find_attributions`: everything up to the parse of the candidate sentences."""
    by_offset = SentenceIndex(list(sentences))
    results: list[Attribution] = []
    framed_cues: set[int] = set()
    previous: Attribution | None = None
    for quote in quotes:
        sentence = by_offset.at(quote.start) or by_offset.at(quote.open)
        close_sentence = by_offset.at(max(quote.close - 1, quote.start)) or sentence
        s_start = sentence.start if sentence else quote.open
        limit = _next_mark_or_end(text, quote, close_sentence)
        embedded = _is_embedded(text, quote, s_start)
        frame = frame_after(text, quote, limit) or (None if embedded else frame_before(text, quote, s_start))
        if frame is None and not embedded:  # a block quotation introduced in the paragraph before: "He said:"
            intro = _introduction(text, by_offset, quote, quotes)
            frame = frame_before(text, quote, intro.start) if intro is not None else None
        if frame is None and not embedded:  # "..., Schiff said. "The other factor ..."
            frame = _frame_of_previous_sentence(text, by_offset, quote)
        if frame is None and not embedded:  # "The ministry has issued a statement on the talks.\n\n“We ...”"
            frame = _issued_introduction(text, by_offset, quote)
        index = close_sentence.index if close_sentence else None
        if frame is not None:
            (c_start, c_end), (sp_start, sp_end) = frame
            framed_cues.add(c_start)
            item = Attribution("partial" if embedded else "direct", quote.start, quote.end, c_start, c_end,
                               sp_start, sp_end, index)
        elif previous is not None and previous.cue_start is not None and not previous.inherited \
                and _same_sentence(text, previous.end, quote.open):
            item = replace(previous, kind="direct" if previous.kind == "direct" else "partial", start=quote.start,
                           end=quote.end, sentence_index=index)
        else:
            item = Attribution("partial" if embedded else "direct", quote.start, quote.end, sentence_index=index)
            if not embedded and previous is not None and previous.speaker_start is not None and \
                    _adjacent(text, previous, quote):
                item = replace(item, cue_start=previous.cue_start, cue_end=previous.cue_end,
                               speaker_start=previous.speaker_start, speaker_end=previous.speaker_end,
                               inherited=True)
        results.append(item)
        previous = item
    results = paragraphs_take_the_frame(text, results, quotes)
    if not parsing:
        return Pending(text, quotes, results, framed_cues, [], [], parsing=False)
    return _candidates(text, sentences, quotes, results, framed_cues)


def finish_attributions(pending: Pending, parsed: Sequence) -> list[Attribution]:
    """The second pass of :func:`find_attributions`: ``parsed`` are the spaCy Docs of ``pending.texts``."""
    text = pending.text
    results = _with_parsed(pending, parsed) if pending.parsing else pending.results
    results = [a for a in reattribute(text, results) if not _terms_speak(text, a)]
    # "A; X said B" is B, beside A's frame; "X said A, adding that B": A, and B is reported speech of its own
    results = without_nested([_without_trailer(text, _after_semicolon(text, a)) for a in results])
    results = [_with_appositive(text, _without_leading_time(text, _speaker_after_quotation(text, a)))
               for a in results if not scare_quote(text, a) and not title_quote(text, a)]
    joined = join_split_quotes(text, sorted(dedupe(results), key=lambda a: a.start))
    reported = _without_quoted_tails(text, reported_with_fragments(text, joined, pending.quotes), pending.quotes)
    return _transcript_turns(text, per_paragraph(text, continue_previous_speaker(text, reported)))


def _terms_speak(text: str, item: Attribution) -> bool:
    """Reported speech whose "speaker" is an agreement ("The deal called for a buffer zone", "According to the deal,
    ..."): its terms, no one's words."""
    if item.kind != "indirect" or item.speaker_start is None:
        return False
    last = re.findall(r"[\w-]+", text[item.speaker_start:item.speaker_end])
    return bool(last) and last[-1].lower() in AGREEMENT_NOUNS


def _leading_time() -> re.Pattern[str]:
    dates = lexicon("dates")
    words = [w for forms in dates["weekdays"] for w in forms if len(w) > 3] + list(dates["relative"]["days_back"])
    return re.compile(rf"(?:{alternation(dates['time_openers'])}\s+)?(?:{alternation(words)})"
                      rf"(?:\s+{alternation(dates['day_parts'])})?\s*,?\s+(?:that\s+)?(?=\w)", re.I)


_LEADING_TIME = _leading_time()


# Between a speaker and its cue: "(D)", ", the police chief,", ", who lost the primaries," and auxiliaries.
_BETWEEN = re.compile(rf"(?:\s*\([^()]{{1,30}}\))?(?:,\s+[^\"“”«»„,]{{2,120}}){{1,3}},(?P<rest>\s+(?:{_AUX}\s+)*)",
                      re.I)


def _with_appositive(text: str, item: Attribution) -> Attribution:
    """The speaker as written with the appositive between it and the cue ("Kerr Putney, the police chief, said")."""
    if item.speaker_end is None or item.cue_start is None or item.cue_start <= item.speaker_end:
        return item
    match = _BETWEEN.fullmatch(text, item.speaker_end, item.cue_start)
    if match is None or "\n" in match.group():
        return item
    return replace(item, speaker_end=match.start("rest"))


_CLAUSE_STOP = re.compile(r";|[.!?](?=\s|$)")
_THAT = re.compile(r"\s*(?:that\s+)?")


def _after_semicolon(text: str, item: Attribution) -> Attribution:
    """"A; X said B": a frame after a semicolon reports B, never the clause before it (a parse may take A)."""
    if item.kind != "indirect" or item.speaker_start is None or item.cue_end is None \
            or item.end > item.speaker_start or ";" not in text[item.end:item.speaker_start]:
        return item
    start = _THAT.match(text, item.cue_end).end()
    stop = _CLAUSE_STOP.search(text, start)
    end = stop.start() if stop else len(text)
    if "\n" in text[start:end] or len(text[start:end].split()) < 3:
        return item
    return replace(item, start=start, end=end)


_QUOTATION_END = re.compile(r"[,.?!…]\s*[\"”’»]\s+")  # '..., was at the top of his game,” Rendell'
_CLOSED = re.compile(r"[,.?!…]\s*[\"”»]\s*$")  # a "speaker" that is the end of a quotation


def _speaker_after_quotation(text: str, item: Attribution) -> Attribution:
    """A speaker as written never holds the end of a quotation (its marks unpaired, so read as the reporter's
    words): '..., was at the top of his game,” Rendell said' is Rendell."""
    if item.speaker_start is None or item.speaker_end is None:
        return item
    if _CLOSED.search(text[item.speaker_start:item.speaker_end]):  # '“...,” the ministry noted, adding ...': no
        after = item.cue_start if item.cue_start is not None and item.cue_start > item.speaker_end else None
        frame = speaker_before_cue(text, item.speaker_end, after) if after is not None else None  # speaker but the
        return replace(item, speaker_start=frame[1][0], speaker_end=frame[1][1]) if frame else item  # frame's one
    ends = list(_QUOTATION_END.finditer(text, item.speaker_start, item.speaker_end))
    if not ends or ends[-1].end() >= item.speaker_end:
        return item
    return replace(item, speaker_start=ends[-1].end())


_TRAILER = re.compile(rf",\s+(?:{alternation(lexicon('quotes')['content_trailers'])})\b", re.I)


def _without_leading_time(text: str, item: Attribution) -> Attribution:
    """Reported speech without the day it was said ("said on Monday it had ...") and without an adjunct
    of the reporting after it ("..., a day after claiming ..."): both belong to the frame."""
    if item.kind != "indirect":
        return item
    match = _LEADING_TIME.match(text, item.start, item.end)
    if match is not None and len(text[match.end():item.end].split()) >= 3:
        item = replace(item, start=match.end())
    return _without_trailer(text, item)


def _without_trailer(text: str, item: Attribution) -> Attribution:
    """Reported speech without an adjunct of the reporting after a comma (", a day after ...", ", adding that ...",
    ", although ..."): cut before nested statements are dropped, so "adding that B" stays a statement of its own."""
    if item.kind != "indirect":
        return item
    trailer = _TRAILER.search(text, item.start, item.end)
    if trailer is not None and len(text[item.start:trailer.start()].split()) >= 3:
        item = replace(item, end=trailer.start())
    return item



_DETERMINER = alternation(lexicon("quotes")["determiners"])


def _quotation_tails() -> tuple[re.Pattern[str], re.Pattern[str]]:
    tails = lexicon("quotes")["quotation_tails"]
    verb = rf"(?:\w+(?:ed|ing)|{alternation(tails['verbs'])})"
    anywhere = re.compile(rf"\s*[—―–]\s|\s--?\s|,\s+(?:\w+ly\s+)?\w+ing\b"
                          rf"|,\s+(?:{alternation(tails['relatives'])})\b", re.I)
    # a second predicate only a few words on: "... “resolutely opposed” to the test and warned ...", not
    # "... “extremely important” because it ended the war and paved the way ..."
    coordinator = alternation(tails["coordinators"])
    # possessive: a word is never split to try again (a long run of letters made this match take minutes)
    near = re.compile(rf"(?:[^\w\n]*+\w++){{0,4}}?(?P<tail>,?\s+(?:{coordinator})\s+{verb}\b)", re.I)
    # the comma inside the closing mark, American style: '... was “partial,” meaning ...'
    inner_comma = re.compile(rf"\s+(?:\w+ly\s+)?\w+ing\b|\s+(?:{alternation(tails['relatives'])})\b", re.I)
    return anywhere, near, inner_comma


_TAIL, _SECOND_PREDICATE, _AFTER_INNER_COMMA = _quotation_tails()
_AS_QUOTED = re.compile(rf"\b(?:{alternation(lexicon('quotes')['quotation_tails']['naming'])})\s+(?:{_DETERMINER}\s+)?"
                        r"[\"“«„][^\"“”«»„\n]+[\"”»]$", re.I)
_CLOSING_MARK = re.compile(r"[”\"»](?=[\s,.;:)—―–-]|$)")


def _without_quoted_tails(text: str, items: list[Attribution], quotes: Sequence[Quote]) -> list[Attribution]:
    """:func:`_without_quoted_tail` of each; reported speech left, once its tail is cut, mostly of a quoted
    clause after a comma ('warned that despite the deal, “talks could fail,” referring to ...') is that
    clause's partial quotation, when that is there too, and nothing more."""
    partials = {(a.start, a.end) for a in items if a.kind == "partial"}
    out = []
    for item in items:
        cut = _without_quoted_tail(text, item)
        if cut.end < item.end and quoted_share(cut, quotes) >= 0.5 and any(
                cut.start <= s and e <= cut.end and text[cut.start:s].rstrip(" \"“«„").endswith(",")
                for s, e in partials):
            continue
        out.append(cut)
    return out


def _without_quoted_tail(text: str, item: Attribution) -> Attribution:
    """Reported speech with words quoted in it ends with its last quoted words' clause: what follows a dash,
    a participle or relative clause after a comma, or a second predicate ("said it was “resolutely opposed” to
    the test and warned ...") is the reporter's again, and so is all after quoted words that name ("slammed
    the law as a “crazy system” during a stop in Flint"). Only after a closing mark, where the quoted words
    show how far the speaker's words go; a parse's clause is kept elsewhere."""
    if item.kind != "indirect":
        return item
    close = max((m.end() for m in _CLOSING_MARK.finditer(text, item.start, item.end)), default=None)
    stop = quotation_tail(text, close, item.end) if close is not None else None
    if close is not None and _AS_QUOTED.search(text, item.start, close):
        stop = close  # "... slammed the law as a “crazy system” during a stop in Flint": the naming ends there
    if stop is None:
        return item
    end = len(text[:stop].rstrip(" ,;"))
    return replace(item, end=end) if end > item.start else item


def quotation_tail(text: str, close: int, end: int) -> int | None:
    """Where the reporter's words start again after quoted words closing at ``close`` (None: not before ``end``)."""
    second = _SECOND_PREDICATE.match(text, close, end)
    tail = _TAIL.search(text, close, end)
    stops = ([tail.start()] if tail else []) + ([second.start("tail")] if second else [])
    if text[:close].rstrip("”\"’»").endswith(",") and _AFTER_INNER_COMMA.match(text, close, end):
        stops.append(close)
    return min(stops, default=None)


_LABEL = re.compile(r"(?P<name>[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}):\s+")  # "WALLACE: ", "SEN. KAINE: "


def _transcript_turns(text: str, items: list[Attribution]) -> list[Attribution]:
    """A quoted transcript's paragraph opening with a speaker's label ('"PENCE: Well, look, ...') is that
    speaker's turn: the label is the speaker as written, and no part of what was said; the unlabelled
    paragraphs right after it go on with the turn."""
    out: list[Attribution] = []
    for item in items:
        label = _LABEL.match(text, item.start) if item.kind == "direct" else None
        last = out[-1] if out else None
        if label is not None and label.end() < item.end:
            item = replace(item, start=label.end(), cue_start=None, cue_end=None, speaker_start=label.start("name"),
                           speaker_end=label.end("name"), inherited=False)
        elif item.kind == "direct" and item.cue_start is None and last is not None and last.kind == "direct" \
                and last.cue_start is None and last.speaker_start is not None \
                and _is_label(text, last.speaker_start, last.speaker_end) \
                and _TURN_GOES_ON.fullmatch(text, last.end, item.start):
            item = replace(item, speaker_start=last.speaker_start, speaker_end=last.speaker_end, inherited=True)
        out.append(item)
    return out


def _is_label(text: str, start: int, end: int | None) -> bool:
    """Is the speaker span ``start``-``end`` a transcript's label ("PENCE" of "PENCE: ...")?"""
    label = _LABEL.match(text, start)
    return label is not None and label.end("name") == end


_TURN_GOES_ON = re.compile(r"[\s\"“”]*\n[\s\"“«„]*")


def _is_embedded(text: str, quote: Quote, sentence_start: int) -> bool:
    """A partial quotation: it starts inside a sentence, not after a colon, a dash or an inverted frame."""
    stop = quote.open
    while stop > sentence_start and text[stop - 1].isspace():
        stop -= 1
    before = text[max(sentence_start, stop - 200):stop]  # its end is all the tests read: no copy of a long sentence
    if not before or before.endswith((":", "—", "–", ".", "!", "?", "\"", "”", "»")) \
            or only_bullet(before):  # a list's item: "  • “We are pleased ...”"
        return False
    if ends_with_cue(before) or AS_FRAME_BEFORE.search(before):  # he said, "..." / as X put it, "..."
        return not text[quote.start:quote.start + 1].isupper()
    return True



def _frame_of_previous_sentence(text: str, index: SentenceIndex,
                                quote: Quote) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The frame closing the sentence just before a quotation in the same paragraph ("..., X said.")."""
    last = index.last_before(quote.open)
    if last is None or "\n" in text[last.end:quote.open]:
        return None
    tail = frame_tail(text, last, [])
    if tail is None or tail.speaker_start is None or tail.cue_start is None:
        return None
    return (tail.cue_start, tail.cue_end), (tail.speaker_start, tail.speaker_end)


def _introduction(text: str, index: SentenceIndex, quote: Quote, quotes: Sequence[Quote]) -> Sentence | None:
    """The sentence right before a quotation when it ends with a colon, and is not itself quoted: "the commissions
    agreed on the following:" inside an earlier quotation is the quoted speaker's words, not the writer's frame."""
    last = index.last_before(quote.open)
    if last is None:
        return None
    between = text[last.end:quote.open]
    if text[last.end - 1] != ":" or between.strip() or len(between) >= 10:
        return None
    return None if any(q.start <= last.start and last.end - 1 <= q.end for q in quotes if q is not quote) else last


# "The Azerbaijani Foreign Ministry has issued a statement regarding ...": its subject issued a document
_ISSUING = re.compile(rf"(?P<speaker>(?:[Tt]he\s+)?[A-ZÀ-ÖØ-Þ][\w’'.-]*(?:\s+[\w’'.-]+){{0,6}}?)\s+"
                      rf"(?:(?:has|have|had)\s+)?(?P<cue>{alternation(words('speakers', 'issuing_participles'))})\s+"
                      rf"(?:a|an|the|its|their)\s+(?:[\w-]+\s+){{0,2}}?"
                      rf"(?:{alternation(words('speakers', 'document_nouns'))})\b")


def _issued_introduction(text: str, index: SentenceIndex,
                         quote: Quote) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """A quotation opening its paragraph (after a bullet at most) right after a sentence whose subject issued a
    statement, with no quotation of its own: the statement's words, so its issuer's. (cue, speaker) spans."""
    line_start = text.rfind("\n", 0, quote.open) + 1
    if not quote.closed or not only_bullet(text[line_start:quote.open]):  # an open one takes its closing frame
        return None
    last = index.last_before(quote.open)
    if last is None or "\n" not in text[last.end:quote.open] or paragraph_breaks(text[last.end:quote.open]) > 1 \
            or MARKS.search(text, last.start, last.end):
        return None
    issued = _ISSUING.match(text, last.start, last.end)
    if issued is None:
        return None
    return issued.span("cue"), issued.span("speaker")


def _same_sentence(text: str, end: int, start: int) -> bool:
    """Only a frame between two parts of one quotation: no sentence end, no paragraph break."""
    gap = text[max(end - 1, 0):start]  # from the last character inside the first part
    if len(gap) >= 200 or "\n" in gap or re.search(r"[.!?]\s*$", gap.rstrip("\"“”«»„ ")):
        return False
    return not any(not re.search(_ABBREVIATION, gap[:m.start() + 1])
                   for m in re.finditer(r"[.!?][\"”»]?\s+[A-Z]", gap))



def _adjacent(text: str, previous: Attribution, quote: Quote) -> bool:
    """Two quotations with only their frame between them, within one or two paragraphs."""
    gap = text[previous.end:quote.open]
    return len(gap) < 400 and paragraph_breaks(gap) <= 1 and not MARKS.search(gap[1:-1] if len(gap) > 2 else "")


def _next_mark_or_end(text: str, quote: Quote, sentence: Sentence | None) -> int:
    """Where a frame after the quotation must end: its sentence, the next quotation or the paragraph.

    A sentence the splitter closed at the quotation ("...?” he asks") goes on when the quotation
    ends with ? or ! or the next word is lower case; after a full stop a new sentence starts.
    """
    end = sentence.end if sentence and sentence.end >= quote.close else quote.close + 200
    if end <= quote.close + 1:
        last = text[quote.end - 1:quote.end]
        following = text[quote.close:quote.close + 3].lstrip()
        if last in "?!,;:—–-" or (following[:1].islower()):
            end = quote.close + 200
    nxt = MARKS.search(text, quote.close, end)
    end = nxt.start() if nxt else end
    para = text.find("\n\n", quote.close, end)  # up to the next mark only: linear over a flood of quotations
    return para if para >= 0 else end



def _candidates(text: str, sentences: Sequence[Sentence], quotes: Sequence[Quote], results: list[Attribution],
                framed_cues: set[int]) -> Pending:
    """Reported speech, and frames the quote patterns did not read, in the candidate sentences.

    Plain said-that and according-to sentences are read by patterns, passive cues skipped;
    the parser gets the rest (the jobs). Pattern reads and parses merge with the quotations alike.
    """
    direct = {(a.start, a.end) for a in results if a.kind == "direct"}
    long_direct = [q for q in quotes if (q.start, q.end) in direct and len(text[q.start:q.end].split()) >= 6]
    inside = SpanIndex(sorted((q.start, q.end) for q in long_direct))
    marked = SpanIndex([(q.open, q.close) for q in long_direct])
    unframed = SpanIndex(sorted({(a.start, a.end) for a in results if a.speaker_start is None}))
    jobs: list[Skeleton] = []
    read: list[Attribution] = []  # frames the patterns read, merged with the quotations like parses
    may_read = _ParseMayRead(text, quotes, results, framed_cues)
    for sentence in sentences:
        around = _around(inside, sentence)
        if any(s <= sentence.start and sentence.end <= e for s, e in around):
            continue  # wholly inside a quotation
        outside = _outside(text, sentence, around)
        cues = [at for at in cue_offsets(outside) if sentence.start + at not in framed_cues]
        needs_frame = any(sentence.start <= s < sentence.end or sentence.start < e <= sentence.end
                          for s, e in _around(unframed, sentence))
        if not cues and not needs_frame:
            continue
        for with_frame in _with_frames(text, sentence, cues):  # the sentence's other cues are read below
            read.append(with_frame)
            framed_cues.add(with_frame.cue_start)
            cues.remove(with_frame.cue_start - sentence.start)
        tail = None if needs_frame else frame_tail(text, sentence, _around(marked, sentence))
        if tail is not None:
            results.append(tail)
            continue
        if not needs_frame and all(passive(outside, at) for at in cues):
            continue  # "is not mentioned", "was told": the parser would find no speaker
        said = _common_frame(text, sentence, cues, quotes) or _quoted_as(text, sentence, quotes)
        if said is not None:
            read.append(said)
            continue
        if sentence.end - sentence.start <= MAX_PARSED_CHARS and may_read(sentence):
            jobs.append(skeleton(text, sentence.start, sentence.end, long_direct))
    return Pending(text, quotes, results, framed_cues, read, jobs, parsing=True)


def _with_frames(text: str, sentence: Sentence, cues: list[int]) -> list[Attribution]:
    """"..., with Yerevan announcing that A; Baku, in turn, said B": in a sentence of several cues, each "with X
    <cue>ing" clause is reported speech of its own, which a parse of the sentence reads as an adjunct of the other."""
    if len(cues) < 2:
        return []
    return [found for at in cues if (found := frame_with(text, sentence, sentence.start + at)) is not None]


_LETTERS = re.compile(r"[A-Za-z]+")
_PARSE_TRIGGERS: frozenset[str] = CUE_FORMS | ACCORDING_OPENERS


def _around(index: SpanIndex, sentence: Sentence) -> list[tuple[int, int]]:
    """The spans of ``index`` that overlap, touch or hold ``sentence`` (in the index's order)."""
    return [(index.starts[n], index.ends[n]) for n in index.near(sentence.start - 1, sentence.end + 1)]


class _ParseMayRead:
    """Could the parse of a sentence add anything? Only from what :func:`_with_parsed` reads in it.

    It keeps a parse's frame only at a cue word (or "according") outside every quotation and not already
    framed, and a governing verb only for a partial quotation with no speaker yet; a sentence with neither
    (a direct quotation left without a frame, cue words only inside quotations) is not parsed. Words are
    letter runs, never fewer than spaCy's tokens, and with any capital, so the test errs towards parsing.
    The partial quotations are those of the quotations' own attributions (the only partial ones).
    """

    def __init__(self, text: str, quotes: Sequence[Quote], results: Sequence[Attribution],
                 framed_cues: set[int]) -> None:
        self.text, self.framed_cues = text, framed_cues
        self.unframed_partial = SpanIndex(sorted((a.start, a.end) for a in results
                                                 if a.kind == "partial" and a.speaker_start is None))
        self.quoted = SpanIndex([(q.start, q.end) for q in quotes])

    def __call__(self, sentence: Sentence) -> bool:
        if any(s < sentence.end and sentence.start < e for s, e in _around(self.unframed_partial, sentence)):
            return True
        quoted = [(s, e) for s, e in _around(self.quoted, sentence) if s < sentence.end and sentence.start < e]
        return any(word.group().lower() in _PARSE_TRIGGERS and word.start() not in self.framed_cues
                   and not any(s <= word.start() < e for s, e in quoted)
                   for word in _LETTERS.finditer(self.text, sentence.start, sentence.end))


def _with_parsed(pending: Pending, parsed: Sequence) -> list[Attribution]:
    """The quotations merged with the pattern reads and the parses of the candidate sentences."""
    text, quotes, results, framed_cues = pending.text, pending.quotes, pending.results, pending.framed_cues
    jobs, read = pending.jobs, pending.read
    if not jobs and not read:
        return results
    by_content = {(a.start, a.end): n for n, a in enumerate(results)}
    marks = SpanIndex([(q.open, q.close) for q in quotes])
    contents = SpanIndex([(q.start, q.end) for q in quotes])
    extra: list[Attribution] = []
    for found in read:
        merged = merge(text, found, quotes, results, by_content, marks)
        if merged is not None:
            extra.append(merged)
    for sk, doc in zip(jobs, parsed, strict=True):
        for found in parse_attributions(sk, doc, contents):
            if found.cue_start in framed_cues:
                continue
            merged = merge(text, found, quotes, results, by_content, marks)
            if merged is not None:
                extra.append(merged)
        low, high = sk.pieces[0][1], sk.pieces[-1][1] + sk.pieces[-1][2]
        for at in contents.near(low, high):  # partial quotations no cue verb frames: the verb that governs them
            quote = quotes[at]
            n = by_content.get((quote.start, quote.end))
            if n is None or results[n].speaker_start is not None or results[n].kind != "partial":
                continue
            governed = governor(sk, doc, quote)
            if governed is not None:
                results[n] = replace(governed, kind="partial", sentence_index=results[n].sentence_index)
    return results + extra



def _common_frame(text: str, sentence: Sentence, cues: list[int], quotes: Sequence[Quote]) -> Attribution | None:
    """A said-that or according-to frame, when it is the sentence's only cue and holds its one quotation."""
    if len(cues) != 1:
        return None
    cue = sentence.start + cues[0]
    said = (frame_said_that(text, sentence, cue) or frame_according(text, sentence, cue)
            or frame_with(text, sentence, cue) or frame_in_words(text, sentence, cue))
    if said is None:
        return None
    stop = sentence_stop(text, sentence)
    inner = [q for q in quotes if q.open < stop and sentence.start < q.close]
    if len(inner) > 1 or any(not (said.start <= q.open and q.close <= said.end) for q in inner):
        return None  # quotations in the speaker, reaching beyond, or several to merge: the parser decides
    if any(not any(q.open <= m.start() < q.close for q in inner)
           for m in NESTED_THAT.finditer(text, said.start, said.end)):
        return None
    return said



def _quoted_as(text: str, sentence: Sentence, quotes: Sequence[Quote]) -> Attribution | None:
    """"X was quoted as saying <content>.", when no quotation of the sentence reaches outside the content."""
    said = frame_quoted_as(text, sentence)
    if said is None or any(q.open < said.end and sentence.start < q.close and not (said.start <= q.open
                                                                                  and q.close <= said.end)
                           for q in quotes):
        return None
    return said


def _outside(text: str, sentence: Sentence, inside: Sequence[tuple[int, int]]) -> str:
    """The sentence with quoted text blanked out (same length, so offsets still hold)."""
    pieces, cursor = [], sentence.start
    for s, e in inside:
        if e <= sentence.start or s >= sentence.end:
            continue
        a, b = max(s, cursor), min(e, sentence.end)
        if a >= b:
            continue
        pieces += [text[cursor:a], " " * (b - a)]
        cursor = b
    pieces.append(text[cursor:sentence.end])
    return "".join(pieces)

