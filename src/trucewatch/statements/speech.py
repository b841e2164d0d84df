"""Reported speech in a language the parser does not read (Russian): frames found by patterns alone.

The frames are the commonest of wire copy: "X заявил, что <content>", "<content>, заявил X",
"Об этом сообщило X" after the sentence it reports, "По словам X, <content>" ("По его мнению, ..."),
"Как сообщает X, <content>", "X призвал Y <infinitive>", the impersonal "Сообщается, что <content>",
and quotations framed after ("«...», — сказал X"), before ("X заявил: «...»", in the same sentence or
the one before) or by the sentence before them. A relaying agency gives way to the source it cites
("сообщает ТАСС со ссылкой на Минобороны"); an impersonal frame, or one naming a document alone
("— отмечается в сообщении"), names nobody, so the source reported just before keeps speaking.
Their words are ``data/lang/<language>/speech.yaml``; speakers are resolved as in English (registry aliases).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from trucewatch import lang
from trucewatch.records import Sentence
from trucewatch.statements.attribution import Attribution
from trucewatch.statements.marks import Quote
from trucewatch.statements.relays import is_relay
from trucewatch.text.sentences import SentenceIndex

_LETTERS = r"[^\W\d_]"
_INHERIT_REACH = 1000  # characters back in which an unnamed source is the one reported last
_Frames = dict[str, re.Pattern[str]]
_SEMICOLON = re.compile(r";\s*")
_MARKS_AND_SPACE = " \n«»\"“”„.,!?…"


def languages() -> tuple[str, ...]:
    """The languages read by these patterns."""
    return lang.languages(having="speech")


@cache
def _frames(language: str) -> _Frames:
    words = lang.lexicon(language, "speech")
    any_cue = lang.alternation([*words["cues"], *words["impersonal"]])
    requests = lang.alternation(words["requests"])
    connectors = lang.alternation(words["connectors"])
    end = r"\s*[.!?…]*\s*$"
    speaker = r"(?P<speaker>[^\s;][^;]{1,150}?)"  # a clause's subject: never across a semicolon
    return {
        "impersonal": re.compile(rf"(?:{connectors},?\s+)?(?P<cue>{lang.alternation(words['impersonal'])})"
                                 rf"(?![\w-])\s*(?P<speaker>[^,«»\"“”]{{0,80}}?),\s+что\s+(?P<content>\S.*?){end}",
                                 re.I | re.S),
        "said_that": re.compile(rf"{speaker}\s+(?P<cue>{any_cue})(?![\w-])[^,«»\"“”]{{0,80}}?,\s+что\s+"
                                rf"(?P<content>\S.*?){end}", re.I | re.S),
        "tail": re.compile(rf"(?P<dash>[—–-]\s+)?(?P<content>[^«»\"“”\s—–-][^«»\"“”]{{14,}}?),\s+(?:[—–-]\s+)?"
                           rf"(?P<cue>{any_cue})\s+(?P<speaker>\S.*?){end}", re.I | re.S),
        "this_news": re.compile(rf"(?:{lang.alternation(words['this_news'])})\s+(?:[^\s.,;:«»]+\s+){{0,3}}?"
                                rf"(?P<cue>{any_cue})(?![\w-])\s*"
                                rf"(?P<speaker>[^.,;:]+)", re.I),
        "according": re.compile(rf"(?:{connectors},?\s+)?по\s+(?:(?P<pronoun>{lang.alternation(words['possessives'])})"
                                rf"\s+)?(?P<cue>{lang.alternation(words['according'])})(?![\w-])\s*"
                                rf"(?P<speaker>[^,]*),\s+(?P<content>\S.*?){end}", re.I | re.S),
        "as_cue": re.compile(rf"(?:{lang.alternation(words['as_cue'])})\s+(?:{connectors}\s+)?(?P<cue>{any_cue})"
                             rf"(?![\w-])\s*(?P<speaker>[^,]*),\s+(?P<content>\S.*?){end}", re.I | re.S),
        "request": re.compile(rf"{speaker}\s+(?P<cue>{requests})\s+(?:{_LETTERS}+\s+)?"
                              rf"(?P<content>{_LETTERS}+(?:ть|ти|чь)(?:ся|сь)?\s.*?){end}", re.I | re.S),
        "after_quote": re.compile(rf"\s*(?:[,.!?]?\s*[—–-]+|,)\s*(?P<cue>{any_cue})\s+(?P<speaker>[^,.;:\n]+)",
                                  re.I),
        "before_quote": re.compile(rf"(?P<speaker>\S.{{1,120}}?)\s+(?P<cue>{any_cue})[^:\n]{{0,60}}:\s*$",
                                   re.I | re.S),
        "topic": re.compile(rf"{speaker}\s+(?P<cue>{any_cue})\s+(?:о|об|обо)\s", re.I | re.S),
        "topic_first": re.compile(rf"(?:о|об|обо)\s+[^.;:«»]{{1,150}}?\s+(?P<cue>{any_cue})(?![\w-])\s*"
                                  rf"(?P<speaker>[^.,;:]+)", re.I),
        "inner": re.compile(rf"[,.!?…]\s*[—–]\s*(?P<cue>{any_cue})\s+(?P<speaker>[^,.;:—–\n«»]+?)\s*[,.]?\s*[—–]\s",
                            re.I),
        "named_colon": re.compile(r"(?P<speaker>[^\s:;«»\"“”„]+(?:\s+[^\s:;«»\"“”„]+){0,5}?)\s*:\s*$"),
        "lead": re.compile(rf"{speaker}\s+(?P<cue>{lang.alternation([*words['cues'], *words['naming']])})(?![\w-])"
                           r"\s+[^«»\"“”„.!?\s][^«»\"“”„.!?]*$", re.I | re.S),  # "сообщает «Интерфакс»": its subject
        "citing": re.compile(rf"(?<![\w-])(?:{lang.alternation(words['citing'])})\s+", re.I),
        "unnamed": re.compile(rf"(?:(?:в|во|на)\s+)?(?:{_LETTERS}+\s+)?(?:{lang.alternation(words['unnamed_sources'])})"
                              r"\s*[.,]?\s*$", re.I),
        "contrast": re.compile(rf",\s+(?:{lang.alternation(words['contrast'])})\s+", re.I),
        "background": re.compile(rf"(?:{lang.alternation(words['background'])})", re.I),
        "connector_only": re.compile(rf"(?:{connectors})", re.I),
        "adding_cut": re.compile(rf",\s+(?:{lang.alternation(words['adding'])})(?![\w-])", re.I),
        "adding": re.compile(rf",\s+(?P<cue>{lang.alternation(words['adding'])})(?![\w-])[^,.;«»]{{0,60}}?,\s+что\s+"
                             rf"(?P<content>[^.!?;]*[^.!?;\s])", re.I),
        "connector": re.compile(rf"(?:{connectors}),?\s+", re.I),
        "trailing_connector": re.compile(rf"\s+(?:{connectors})[\s,.]*$", re.I),  # "Армянский премьер также"
    }


def speech_attributions(text: str, sentences: Sequence[Sentence], quotes: Sequence[Quote],
                        language: str) -> list[Attribution]:
    """Every quotation and reported statement of ``text`` that the patterns of ``language`` read, in reading
    order (an unnamed source is the one reported just before)."""
    frames = _frames(language)
    index = SentenceIndex(list(sentences))
    inside = [(q.open, q.close) for q in quotes]
    events: list[tuple[int, int, Quote | Sentence]] = [(q.open, 1, q) for q in quotes]
    events += [(s.start, 0, s) for s in sentences if not any(a <= s.start < b for a, b in inside)]
    found: list[Attribution] = []
    heard: list[tuple[int, int]] = []  # speaker spans in reading order, of statements and of topics reported
    framing: dict[int, Attribution] = {}  # quotation start -> the frame of its sentence ("По словам X, «...»")
    for _, _, item in sorted(events, key=lambda e: (e[0], e[1])):
        if isinstance(item, Quote):
            within = bool(found) and found[-1].kind == "indirect" and found[-1].start <= item.start < found[-1].end
            attribution: Attribution | None = _quotation(text, item, index, frames, heard, framing.get(item.start),
                                                         within)
        else:
            attribution = _reported(text, item, index.last_before(item.start), frames, heard)
            whole = _quoted_content(text, attribution, quotes) if attribution is not None else None
            if whole is not None and attribution is not None:  # the quotation is the statement, with this frame
                framing[whole.start] = attribution
                attribution = None
                continue
            topic = (frames["topic"].match(text, item.start, item.end)
                     or frames["topic_first"].match(text, item.start, item.end)) if attribution is None else None
            if topic is not None and (speaker := _speaker(text, *topic.span("speaker"), frames)) is not None:
                heard.append(speaker)  # "Минобороны сообщило о нарушении.": who "Сообщается, что" then is
        if attribution is not None:
            found.append(attribution)
            if attribution.speaker_start is not None and attribution.speaker_end is not None:
                heard.append((attribution.speaker_start, attribution.speaker_end))
                adding = _adding(text, attribution, item, index, frames)
                if adding is not None:
                    if adding.cue_start is not None and attribution.start < adding.cue_start < attribution.end:
                        cut = frames["adding_cut"].search(text, attribution.start, attribution.end)
                        found[-1] = replace(attribution, end=cut.start() if cut else attribution.end)
                    found.append(adding)
    return sorted(found, key=lambda a: a.start)


def _adding(text: str, said: Attribution, item: Quote | Sentence, index: SentenceIndex,
            frames: _Frames) -> Attribution | None:
    """"..., — заявил Алиев, добавив, что <content>": a second statement of the same speaker in the same sentence."""
    start = item.close if isinstance(item, Quote) else max(item.start, said.speaker_end or item.start)
    sentence = index.at(start - 1) if isinstance(item, Quote) else item
    if sentence is None:
        return None
    match = frames["adding"].search(text, start, sentence.end)
    if match is None or not match.group("content").strip():
        return None
    return Attribution("indirect", match.start("content"), match.end("content"), match.start("cue"), match.end("cue"),
                       said.speaker_start, said.speaker_end, sentence.index)


def _speaker(text: str, start: int, end: int, frames: _Frames) -> tuple[int, int] | None:
    """The source a speaker phrase names: after the agency's "со ссылкой на", without an opening connector;
    None for a document named alone ("в сообщении"), which names nobody."""
    cited = list(frames["citing"].finditer(text, start, end))
    if cited and text[cited[-1].end():end].strip():
        start = cited[-1].end()
    connector = frames["connector"].match(text, start, end)
    if connector is not None and text[connector.end():end].strip():
        start = connector.end()
    trailing = frames["trailing_connector"].search(text, start, end)
    if trailing is not None and trailing.start() > start:
        end = trailing.start()
    adding = frames["adding_cut"].search(text, start, end)  # "Песков, подчеркнув, что ...": no part of the name
    if adding is not None and adding.start() > start:
        end = adding.start()
    clauses = list(frames["contrast"].finditer(text, start, end))  # "Путин провел переговоры, а Песков заявил"
    if clauses and text[clauses[-1].end():end].strip():
        start = clauses[-1].end()
    start = _past_relay(text, start, end)
    while end > start and text[end - 1] in " ,.":
        end -= 1
    if end <= start or frames["unnamed"].fullmatch(text, start, end):
        return None
    return start, end


def _past_relay(text: str, start: int, end: int) -> int:
    """Where a speaker phrase starts after the agency the words were told to ("сказал ТАСС Песков",
    "рассказал РИА Новости источник в МИД"): the agency is no speaker when someone follows it."""
    words = list(re.finditer(r"\S+", text[start:end]))
    for n in range(1, min(4, len(words))):
        cut = start + words[n].start()
        if is_relay(text[start:start + words[n - 1].end()]) and not is_relay(text[cut:end]):
            return cut
    return start


def _inherited(heard: Sequence[tuple[int, int]], before: int) -> tuple[int, int] | None:
    """The last speaker span heard, not long before: the source that keeps speaking."""
    for start, end in reversed(heard):
        if before - _INHERIT_REACH <= start < before:
            return start, end
    return None


def _framed(kind: str, start: int, end: int, cue: tuple[int, int], speaker: tuple[int, int] | None,
            sentence: int | None, heard: Sequence[tuple[int, int]], inherited: bool = False) -> Attribution:
    """An attribution whose speaker, when the frame names none, is the source reported just before."""
    if speaker is None:
        speaker, inherited = _inherited(heard, start), True
    s_start, s_end = speaker if speaker is not None else (None, None)
    return Attribution(kind, start, end, cue[0], cue[1], s_start, s_end, sentence, inherited=inherited)


def _quoted_content(text: str, item: Attribution, quotes: Sequence[Quote]) -> Quote | None:
    """The quotation that is the whole content of a reported frame ("По словам X, «...»."), if one is."""
    start, end = item.start, item.end
    while start < end and text[start] in _MARKS_AND_SPACE:
        start += 1
    while end > start and text[end - 1] in _MARKS_AND_SPACE:
        end -= 1
    return next((q for q in quotes if q.start <= start and end <= q.end), None)


def _quotation(text: str, quote: Quote, index: SentenceIndex, frames: _Frames,
               heard: Sequence[tuple[int, int]], frame: Attribution | None = None,
               within: bool = False) -> Attribution:
    """A quotation with its frame; ``within``: it is part of reported speech already read (its fragment)."""
    sentence = index.at(quote.open)
    lead = text[sentence.start:quote.open].strip(" «\"“„") if sentence is not None else ""
    # it opens its sentence (one the splitter may not have cut before a guillemet) or follows a colon or a frame
    kind = "direct" if not lead or lead.endswith((":", ".", "!", "?", "…")) or frame is not None else "partial"
    number = sentence.index if sentence else None
    if frame is not None:
        return Attribution(kind, quote.start, quote.end, frame.cue_start, frame.cue_end, frame.speaker_start,
                           frame.speaker_end, number, inherited=frame.inherited)
    inner = frames["inner"].search(text, quote.start, quote.end)  # «Мы готовы, — сказал Алиев, — но ...»
    if inner is not None:
        return _framed(kind, quote.start, quote.end, inner.span("cue"),
                       _speaker(text, *inner.span("speaker"), frames), number, heard)
    after = frames["after_quote"].match(text, quote.close, min(len(text), quote.close + 200))
    if after is not None:
        return _framed(kind, quote.start, quote.end, after.span("cue"),
                       _speaker(text, *after.span("speaker"), frames), number, heard)
    if sentence is not None and lead.endswith(":"):  # "Алиев заявил: «...»", "Песков: «...»"
        match = frames["before_quote"].match(text, sentence.start, quote.open)
        if match is not None:
            return _framed(kind, quote.start, quote.end, match.span("cue"),
                           _speaker(text, *match.span("speaker"), frames), number, heard)
        named = frames["named_colon"].match(text, sentence.start, quote.open)
        if named is not None:
            return Attribution(kind, quote.start, quote.end, None, None, *named.span("speaker"), number)
    words = text[quote.start:quote.end].split()
    name = bool(words) and words[0][:1].isupper() and len(words) <= 3  # «Интерфакс», "Первому каналу": a name
    if sentence is not None and lead and kind == "partial" and not within and not name:  # назвал ее «тревожной»
        match = frames["lead"].match(text, sentence.start, quote.open)
        if match is not None:
            return _framed(kind, quote.start, quote.end, match.span("cue"),
                           _speaker(text, *match.span("speaker"), frames), number, heard)
    before = index.last_before(quote.open)
    if before is not None and quote.open - before.end < 10:
        for name in ("before_quote", "this_news", "said_that", "tail"):
            match = frames[name].search(text, before.start, before.end) if name == "this_news" \
                else frames[name].match(text, before.start, before.end)
            if match is not None:
                return _framed(kind, quote.start, quote.end, match.span("cue"),
                               _speaker(text, *match.span("speaker"), frames), number, heard,
                               inherited=name != "before_quote")
    return Attribution(kind, quote.start, quote.end, sentence_index=number)


def _clauses(text: str, sentence: Sentence) -> list[int]:
    """Where the clauses of a sentence start: the sentence's start and after each semicolon."""
    return [sentence.start, *(m.end() for m in _SEMICOLON.finditer(text, sentence.start, sentence.end))]


def _reported(text: str, sentence: Sentence, previous: Sentence | None, frames: _Frames,
              heard: Sequence[tuple[int, int]]) -> Attribution | None:
    end = sentence.end
    for start in _clauses(text, sentence):
        for name in ("impersonal", "according", "as_cue", "said_that", "request", "tail"):
            match = frames[name].match(text, start, end)
            if match is None or not match.group("content").strip():
                continue
            speaker = _speaker(text, *match.span("speaker"), frames)
            if frames["background"].fullmatch(match.group("cue")) and (
                    speaker is None or frames["connector_only"].fullmatch(text, *speaker)):
                return None  # "Ранее сообщалось, что ...": the outlet's earlier reporting
            if speaker is None and name == "according" and match.group("pronoun"):
                # "По его словам": the source reported just before (a ministry is "его" too), else the pronoun's
                speaker = _inherited(heard, start) or match.span("pronoun")
            kind = "direct" if "dash" in match.groupdict() and match.group("dash") else "indirect"  # a dialogue line
            return _framed(kind, match.start("content"), match.end("content"), match.span("cue"), speaker,
                           sentence.index, heard)
    match = frames["this_news"].match(text, sentence.start, end)
    if match is not None and previous is not None and "\n\n" not in text[previous.end:sentence.start] \
            and not any(previous.start <= start < previous.end for start, _ in heard):  # a report already: relayed
        content_end = previous.end
        while content_end > previous.start and text[content_end - 1] in " .!?\n":
            content_end -= 1
        return _framed("indirect", previous.start, content_end, match.span("cue"),
                       _speaker(text, *match.span("speaker"), frames), sentence.index, heard)
    return None
