"""The statements stage: every quotation and reported statement of a document, with who and when.

Pure: a :class:`Document` in, :class:`Statement` records out (offsets into ``doc.body``),
so it maps over Dask like the other stages. The package, by concern: :mod:`.marks` (quote
marks), :mod:`.cues` (cue words), :mod:`.frames` (frames read by patterns), :mod:`.parsed`
(frames read by the parser), :mod:`.attribution` (merging), :mod:`.document` (all of them over
a document), :mod:`.speakers` (who a speaker phrase is); their words are ``data/lang/en/*.yaml``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from datetime import date, timedelta

from trucewatch import nlp
from trucewatch.actors import ActorRegistry, load_registry
from trucewatch.records import Document, Sentence, Statement
from trucewatch.statements.attribution import Attribution
from trucewatch.statements.document import Pending, finish_attributions, prepare_attributions
from trucewatch.statements.marks import MARKS, Quote, find_quotes
from trucewatch.statements.speakers import SpeakerResolver, name_span
from trucewatch.statements.speech import languages as speech_languages
from trucewatch.statements.speech import speech_attributions
from trucewatch.text.dates import DateMention, context_day, date_mentions, named_today, publication_day
from trucewatch.text.sentences import SentenceIndex, split_sentences
from trucewatch.text.spans import SpanIndex

_CAPITALISED = re.compile(r"\b[A-ZÀ-ÖØ-Þ]\w")  # the NER reads only phrases that may hold a name of several words

# A long interview holds a few hundred quotation marks; tens of thousands are a flood, not an article, and pairing
# them costs seconds. Counted before pairing (one regex pass).
MAX_MARKS = 10_000


class TooManyQuotes(ValueError):
    """A document over the quotation budget: refused with the reason, so the run goes on."""


# Tags and dependencies are all the frames need: no entities, lemmas or coarse POS mapping.
_PARSER = ("tok2vec", "tagger", "parser")


def parse(texts: Sequence[str]):
    """Tag and parse the candidate sentences (the only place the statistical model runs)."""
    return list(nlp.pipe(texts, only=_PARSER))


def entities(phrases: Sequence[str]) -> dict[str, list[tuple[str, str]]]:
    """Named entities (label, text) of each speaker phrase: the NER alone, on a few words each.

    Its model has its own token vectors, so nothing else runs, and only on speaker phrases
    (a few words per statement), not on the sentences the parser reads.
    """
    unique = list(dict.fromkeys(p for p in phrases if p.strip()))
    if not unique:
        return {}
    return {phrase: [(e.label_, e.text) for e in doc.ents]
            for phrase, doc in zip(unique, nlp.pipe(unique, only=("ner",), batch_size=256), strict=True)}


def extract_statements(doc: Document, registry: ActorRegistry | None = None,
                       sentences: Sequence[Sentence] | None = None) -> list[Statement]:
    """Quotations and reported statements in ``doc.body``, attributed and dated.

    ``sentences`` are ``split_sentences(doc)``, for a caller that has them already.
    """
    return extract_many([(doc, sentences)], registry)[0]


def extract_many(items: Sequence[tuple[Document, Sequence[Sentence] | None]],
                 registry: ActorRegistry | None = None) -> list[list[Statement]]:
    """:func:`extract_statements` of each ``(document, sentences)``, with one parser call for them all.

    spaCy is faster on many texts at once than on a few texts many times, so the candidate sentences
    of every document are collected first, parsed together, then handed back to their documents;
    likewise one NER call reads the speaker phrases of all of them.
    """
    registry = registry if registry is not None else load_registry()
    prepared = [_prepare(doc, sentences) for doc, sentences in items]
    texts = [t for p in prepared if p is not None for t in p[2].texts]
    parsed = iter(parse(texts) if texts else ())
    read = [finish_attributions(p[2], [next(parsed) for _ in p[2].texts]) if p is not None else []
            for p in prepared]
    named = entities([phrase for (doc, _), attributions in zip(items, read, strict=True)
                      for phrase in _names(doc.body, attributions)])
    return [_statements(doc, registry, p[0], p[1], attributions, named) if p is not None else []
            for (doc, _), p, attributions in zip(items, prepared, read, strict=True)]


def _prepare(doc: Document, sentences: Sequence[Sentence] | None
             ) -> tuple[Sequence[Sentence], list[Quote], Pending] | None:
    if not doc.body.strip():
        return None
    marks = sum(1 for _ in MARKS.finditer(doc.body))
    if marks > MAX_MARKS:
        raise TooManyQuotes(f"{marks:,} quotation marks, over the budget of {MAX_MARKS:,} a document may hold")
    sentences = split_sentences(doc) if sentences is None else sentences
    found = find_quotes(doc.body)  # once per document: the frames and the resolver both need them
    if doc.language in speech_languages():  # no parser for it: its frames are read by patterns alone
        read = speech_attributions(doc.body, sentences, found, doc.language)
        return sentences, found, Pending(doc.body, found, read, set(), [], [], parsing=False)
    return sentences, found, prepare_attributions(doc.body, sentences, found)


def _names(text: str, attributions: Sequence[Attribution]) -> list[str]:
    """Speaker phrases that may hold a name of several words: the only ones the NER reads."""
    return [phrase for a in attributions if a.speaker_start is not None and len(_CAPITALISED.findall(
        phrase := text[slice(*name_span(text, a.speaker_start, a.speaker_end))])) >= 2]


def _statements(doc: Document, registry: ActorRegistry, sentences: Sequence[Sentence], found: list[Quote],
                attributions: list[Attribution], named: dict[str, list[tuple[str, str]]]) -> list[Statement]:
    """The statements of one document from its attributions and the entities of speaker phrases."""
    text = doc.body
    index = SentenceIndex(sentences)
    quotes = [(q.start, q.end) for q in found]
    quoted = SpanIndex(sorted(quotes))
    resolver = SpeakerResolver(registry, text, index, quotes, named)
    published_on, published_precision = publication_day(doc.published)
    if published_precision != "day" and (today := named_today(text)) is not None:
        # no publication day printed, but the text names its day: "..., today 2 June 2022"
        published_on, published_precision = today, "day"
    # Relative dates ("on Tuesday") are read against the publication day, else the first date the page writes.
    reference = published_on if published_precision == "day" else context_day(doc.raw_text)
    lead = _lead_date(text, quotes, reference) if reference else None
    if lead is not None:  # "... signed on Friday, Trump said": the day the reported event happened
        published_on, published_precision = lead.value, lead.precision
    statements: list[Statement] = []
    breaks = [m.end() for m in re.finditer("\n\n", text)]
    dated_by_cue: dict[int, tuple[str, str, str | None, int]] = {}  # paragraph -> (date, precision, speaker, at)
    sentence_dates: dict[tuple[int, int], list[DateMention]] = {}  # several frames may share a sentence
    for item in sorted(attributions, key=lambda a: min(a.start, a.speaker_start or a.start)):
        speaker = resolver.resolve(item.speaker_start, item.speaker_end, published_on) \
            if item.speaker_start is not None else None
        actor_id = speaker.actor_id if speaker else None
        paragraph = bisect_right(breaks, item.start)  # the "\n\n" before it
        said_on, precision = published_on, published_precision
        cue_date = _frame_date(text, item, index, quoted, reference, sentence_dates)
        if cue_date is not None:
            said_on, precision = cue_date.value, cue_date.precision
            dated_by_cue[paragraph] = (said_on, precision, actor_id, item.end)
        else:
            for back in (paragraph, paragraph - 1):
                earlier = dated_by_cue.get(back)
                if earlier and actor_id is not None and earlier[2] == actor_id:
                    said_on, precision = earlier[0], earlier[1]
                    break
        statements.append(Statement(
            doc_id=doc.id, kind=item.kind, start=item.start, end=item.end, text=text[item.start:item.end],
            cue=text[item.cue_start:item.cue_end] if item.cue_start is not None else None,
            cue_start=item.cue_start, cue_end=item.cue_end,
            speaker=actor_id, speaker_name=speaker.name if speaker else None,
            speaker_text=text[item.speaker_start:item.speaker_end] if item.speaker_start is not None else None,
            speaker_start=item.speaker_start, speaker_end=item.speaker_end,
            said_on=said_on, said_on_precision=precision,
            sentence_index=item.sentence_index if item.sentence_index is not None
            else getattr(index.at(item.start), "index", None),
        ))
    return sorted(statements, key=lambda s: s.start)


_LEAD_WORDS = 8  # the lead: the first line of at least this many words ending a sentence (no dateline, byline, title)
_LEAD_DAYS = 7  # a lead's date is news: within a week before publication, else it is background


def _lead_date(text: str, quotes: list[tuple[int, int]], published: str | None) -> DateMention | None:
    """The day the lead says the news happened ("signed a roadmap on Friday"), outside quotations.

    Statements with no date of their own were made then rather than on the publication day.
    """
    day = publication_day(published)[0]
    if day is None:
        return None
    for match in re.finditer(r"[^\n]+", text):
        if len(match.group().split()) < _LEAD_WORDS or not match.group().rstrip().endswith((".", "!", "?", '"', "”")):
            continue
        earliest = (date.fromisoformat(day) - timedelta(days=_LEAD_DAYS)).isoformat()
        for mention in date_mentions(text, published, match.start(), match.end()):
            if mention.precision == "day" and earliest <= mention.value <= day \
                    and not any(s <= mention.start < e for s, e in quotes):
                return mention
        return None
    return None


def _frame_date(text: str, item: Attribution, index: SentenceIndex, quoted: SpanIndex,
                published: str | None, dates: dict[tuple[int, int], list[DateMention]] | None = None
                ) -> DateMention | None:
    """A date said of the speaking, not of what was said: in the cue's sentence, outside any quotation.

    ``dates``: the dates of the sentences read so far for this ``text`` and ``published``, by (start, end).
    """
    anchor = item.cue_start if item.cue_start is not None else item.speaker_start
    if anchor is None or (item.speaker_start is not None and item.speaker_start < item.start - 2000):
        return None
    sentence = index.at(anchor)
    if sentence is None:
        return None
    near = quoted.near(sentence.start - 1, sentence.end + 1)
    blocked = [*((quoted.starts[n], quoted.ends[n]) for n in near), (item.start, item.end)]
    mentions = dates.get((sentence.start, sentence.end)) if dates is not None else None
    if mentions is None:
        mentions = date_mentions(text, published, sentence.start, sentence.end)
        if dates is not None:
            dates[sentence.start, sentence.end] = mentions
    candidates = [d for d in mentions if not any(s <= d.start < e for s, e in blocked)]
    if not candidates:
        return None
    return min(candidates, key=lambda d: abs(d.start - anchor))
