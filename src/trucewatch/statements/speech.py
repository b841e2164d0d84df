"""Reported speech in a language the parser does not read (Russian): frames found by patterns alone.

The frames are the commonest of wire copy: "X заявил, что <content>", "<content>, заявил X",
"Об этом сообщило X" after the sentence it reports, "По словам X, <content>", "X призвал Y <infinitive>",
and quotations framed after ("«...», — сказал X"), before ("X заявил:") or by the sentence before them.
Their words are ``data/lang/<language>/speech.yaml``; speakers are resolved as in English (registry aliases).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from trucewatch import lang
from trucewatch.records import Sentence
from trucewatch.statements.attribution import Attribution
from trucewatch.statements.marks import Quote
from trucewatch.text.sentences import SentenceIndex

_LETTERS = r"[^\W\d_]"


def languages() -> tuple[str, ...]:
    """The languages read by these patterns."""
    return lang.languages(having="speech")


@cache
def _frames(language: str) -> dict[str, re.Pattern[str]]:
    words = lang.lexicon(language, "speech")
    cue = lang.alternation(words["cues"])
    end = r"\s*[.!?…]*\s*$"
    return {
        "said_that": re.compile(rf"(?P<speaker>\S.{{1,150}}?)\s+(?P<cue>{cue})\b[^,«»\"“”]{{0,80}}?,\s+что\s+"
                                rf"(?P<content>\S.*?){end}", re.I | re.S),
        "tail": re.compile(rf"(?P<content>[^«»\"“”\s][^«»\"“”]{{14,}}?),\s+(?:[—–-]\s+)?(?P<cue>{cue})\s+"
                           rf"(?P<speaker>\S.*?){end}", re.I | re.S),
        "this_news": re.compile(rf"(?:{lang.alternation(words['this_news'])})\s+(?P<cue>{cue})\s+"
                                rf"(?P<speaker>[^.,;:]+)", re.I),
        "according": re.compile(rf"(?P<cue>{lang.alternation(words['according'])})\s*(?P<speaker>[^,]*),\s+"
                                rf"(?P<content>\S.*?){end}", re.I | re.S),
        "request": re.compile(rf"(?P<speaker>\S.{{1,120}}?)\s+(?P<cue>{lang.alternation(words['requests'])})\s+"
                              rf"(?:{_LETTERS}+\s+)?(?P<content>{_LETTERS}+(?:ть|ти|чь)(?:ся|сь)?\s.*?){end}",
                              re.I | re.S),
        "after_quote": re.compile(rf"\s*[,.!?]?\s*[—–-]+\s*(?P<cue>{cue})\s+(?P<speaker>[^,.;:\n]+)", re.I),
        "before_quote": re.compile(rf"(?P<speaker>\S.{{1,120}}?)\s+(?P<cue>{cue})[^:\n]{{0,60}}:\s*$", re.I | re.S),
    }


def speech_attributions(text: str, sentences: Sequence[Sentence], quotes: Sequence[Quote],
                        language: str) -> list[Attribution]:
    """Every quotation and reported statement of ``text`` that the patterns of ``language`` read."""
    frames = _frames(language)
    index = SentenceIndex(list(sentences))
    found = [_quotation(text, quote, index, frames) for quote in quotes]
    inside = [(q.open, q.close) for q in quotes]
    previous: Sentence | None = None
    for sentence in sentences:
        if not any(s <= sentence.start < e for s, e in inside):
            item = _reported(text, sentence, previous, frames)
            if item is not None:
                found.append(item)
        previous = sentence
    return sorted(found, key=lambda a: a.start)


def _quotation(text: str, quote: Quote, index: SentenceIndex, frames: dict[str, re.Pattern[str]]) -> Attribution:
    sentence = index.at(quote.open)
    opens_sentence = sentence is None or not text[sentence.start:quote.open].strip(" «\"“„")
    kind = "direct" if opens_sentence else "partial"
    after = frames["after_quote"].match(text, quote.close, min(len(text), quote.close + 200))
    if after is not None:
        return Attribution(kind, quote.start, quote.end, after.start("cue"), after.end("cue"),
                           after.start("speaker"), after.end("speaker"), sentence.index if sentence else None)
    before = index.last_before(quote.open)
    if before is not None and quote.open - before.end < 10:
        for name in ("before_quote", "this_news", "said_that", "tail"):
            match = frames[name].search(text, before.start, before.end) if name == "this_news" \
                else frames[name].match(text, before.start, before.end)
            if match is not None:
                return Attribution(kind, quote.start, quote.end, match.start("cue"), match.end("cue"),
                                   match.start("speaker"), match.end("speaker"),
                                   sentence.index if sentence else None, inherited=name != "before_quote")
    return Attribution(kind, quote.start, quote.end, sentence_index=sentence.index if sentence else None)


def _reported(text: str, sentence: Sentence, previous: Sentence | None,
              frames: dict[str, re.Pattern[str]]) -> Attribution | None:
    start, end = sentence.start, sentence.end
    for name in ("according", "said_that", "request", "tail"):
        match = frames[name].match(text, start, end)
        if match is not None and match.group("content").strip():
            s_start, s_end = match.span("speaker")
            return Attribution("indirect", match.start("content"), match.end("content"), match.start("cue"),
                               match.end("cue"), s_start if s_end > s_start else None,
                               s_end if s_end > s_start else None, sentence.index)
    match = frames["this_news"].match(text, start, end)
    if match is not None and previous is not None and "\n\n" not in text[previous.end:start]:
        content_end = previous.end
        while content_end > previous.start and text[content_end - 1] in " .!?\n":
            content_end -= 1
        return Attribution("indirect", previous.start, content_end, match.start("cue"), match.end("cue"),
                           match.start("speaker"), match.end("speaker"), sentence.index)
    return None
