"""Relaying sources are not speakers: "X told TASS", "according to Reuters, X said", "..., Interfax reported,
citing X".

A frame whose speaker is a news agency or outlet (``data/outlets.yaml``, or a relay noun of
``data/lang/en/speakers.yaml``: "the daily", "local media") gives way to the speaker it relays:
the one it cites or quotes, or the one framing its content. The agency stays the speaker only
when nobody else is named.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from trucewatch.cleaning.credits import registry as outlets
from trucewatch.records import Sentence
from trucewatch.statements.attribution import Attribution
from trucewatch.statements.frames import frame_tail, speaker_before_cue
from trucewatch.statements.lexicon import alternation, words

# "..., TASS reported, citing sources in the ministry" / "AZERTAC quoted the president as saying"
_CITES = alternation(words("speakers", "citing"))
_CITING = re.compile(rf"(?:\s+{alternation(words('speakers', 'citing_time_openers'))}\b[^,.;:\"“”()]{{1,30}}?)?"
                     rf"\s*,?\s*(?:{_CITES})\s+(?P<who>[^,.;:\"“”()]{{2,80}}?)"  # "reported on Friday, citing X"
                     rf"(?=\s*(?:[,.;:(]|$)|\s+{alternation(words('speakers', 'citing_ends'))}\b)", re.I)
_CITED = re.compile(rf"(?:{_CITES})\s*$", re.I)  # a parse that took the cited source for the content
_AFTER_CITED = re.compile(rf"[\s,]*(?:{alternation(words('speakers', 'citing_content_openers'))}\s+)?")
_DOMAIN = re.compile(r"\w\.(?:[a-z]{2,4})\b")  # a website named by its address: AzVision.az, news.am
# "Interfax quoted X as saying": X speaks (case-sensitive, as written)
_QUOTING_STEMS: tuple[str, ...] = tuple(words("speakers", "quoting_stems"))  # "quoted", "quoting", "quotes"
_QUOTED = re.compile(rf"\s+(?P<who>[^,.;:\"“”]{{2,80}}?)\s+{alternation(words('speakers', 'quoting_tails'))}\b")
_QUOTED_AS = re.compile(rf"\s+[^,.;:\"“”]{{2,80}}?\s+{alternation(words('speakers', 'quoted_as_saying'))}\b")


@cache
def _relay_pattern() -> re.Pattern[str]:
    names = alternation(frozenset(a for o in outlets().outlets for a in (o.name, *o.aliases)))
    nouns = alternation(words("speakers", "relay_nouns"))
    return re.compile(rf"(?<![\w-])(?:{names}|(?i:{nouns}))(?![\w-])")


def is_relay(phrase: str) -> bool:
    """Does ``phrase`` name a news agency or outlet rather than someone speaking?"""
    return _relay_pattern().search(phrase) is not None or _DOMAIN.search(phrase) is not None


def reattribute(text: str, items: Sequence[Attribution]) -> list[Attribution]:
    """``items`` with each relay's statement given to the speaker it relays, or dropped for one already found or
    for the outlet signing its own news ("..., APA reports."); "Interfax reported that ..." stays the agency's."""
    speakers = [a for a in items if a.speaker_start is not None and not _relayed(text, a)]
    result: list[Attribution] = []
    for item in items:
        if item.speaker_start is None or not _relayed(text, item):
            result.append(item)
            continue
        relayed = _relayed_speaker(text, item)
        if relayed is not None:
            result.append(relayed)
            continue
        inner = [a for a in speakers if a is not item and a.cue_start is not None
                 and item.start <= a.cue_start < item.end]
        if item.kind == "indirect" and (inner or _CITED.search(text, max(0, item.start - 12), item.start)):
            continue  # "According to Reuters, X said ...": X's statement is already there
        if item.kind == "indirect" and item.cue_start is not None and item.cue_start >= item.end:
            continue  # "..., APA reports.": the outlet signing its own news, nobody's words
        result.append(item)
    cited = [(a.speaker_start, a.speaker_end) for a in result if a.speaker_start is not None
             and a.start >= (a.speaker_end or 0) and a not in items]  # speakers a relay cited, before the content
    return [a for a in result if not any(s <= a.start and a.end <= e for s, e in cited)]  # no statement of their own


@cache
def _document_pattern() -> re.Pattern[str]:
    nouns = alternation(words("quotes", "relay_documents"))  # the phrase's head: nothing or "by/of ..." after it
    makers = alternation(words("quotes", "relay_document_makers"))
    return re.compile(rf"^[^,;:]*?\b(?:{nouns})\s*(?:$|{makers}\b)", re.I)


def names_document(phrase: str) -> bool:
    """Does ``phrase`` name a document ("a recent Reuters survey of voter lists", "a new report by Politico")? Its
    outlet made it: the document speaks for itself, no one relayed."""
    return _document_pattern().match(phrase) is not None


def _relayed(text: str, item: Attribution) -> bool:
    if item.speaker_start is None:
        return False
    phrase = text[item.speaker_start:item.speaker_end]
    return (is_relay(phrase) and not names_document(phrase)) or _quotes_someone(text, item)


def _quotes_someone(text: str, item: Attribution) -> bool:
    """"The agency quoted X as saying": whoever quotes relays X, whether or not it is an outlet we know."""
    if item.cue_start is None or item.cue_end is None \
            or not text[item.cue_start:item.cue_end].lower().startswith(_QUOTING_STEMS):
        return False
    return _QUOTED_AS.match(text, max(item.speaker_end or 0, item.cue_end)) is not None


def _relayed_speaker(text: str, item: Attribution) -> Attribution | None:
    """The statement with the speaker the relay cites, quotes or reports framing its content."""
    assert item.speaker_start is not None and item.speaker_end is not None
    after = max(item.speaker_end, item.cue_end or 0)
    cited = _CITING.match(text, after)
    if cited is not None and len(cited.group("who").split()) <= 10 and not is_relay(cited.group("who")):
        found = replace(item, speaker_start=cited.start("who"), speaker_end=cited.end("who"))
        if item.start <= cited.end("who") < item.end:  # "reported, citing X, that <content>": the content after it
            start = _AFTER_CITED.match(text, cited.end("who")).end()
            if len(text[start:item.end].split()) >= 3:
                found = replace(found, start=start)
        return found
    cue = text[item.cue_start:item.cue_end] if item.cue_start is not None else ""
    quoted = _QUOTED.match(text, after) if cue.lower().startswith(_QUOTING_STEMS) else None
    if quoted is not None and not is_relay(quoted.group("who")):
        return replace(item, speaker_start=quoted.start("who"), speaker_end=quoted.end("who"))
    if item.kind == "direct":
        return None
    content = Sentence("", item.sentence_index or 0, item.start, item.end, text[item.start:item.end])
    tail = frame_tail(text, content, [])  # "<content>, X said", AzVision reports
    if tail is not None and tail.speaker_start is not None and not _relayed(text, tail):
        return replace(tail, sentence_index=item.sentence_index)
    leading = speaker_before_cue(text, item.start, item.end)  # "X called the deal '...'", according to Reuters
    if leading is not None and not is_relay(text[leading[1][0]:leading[1][1]]):
        (c_start, c_end), (s_start, s_end) = leading
        return replace(item, start=_skip_space(text, c_end, item.end), cue_start=c_start, cue_end=c_end,
                       speaker_start=s_start, speaker_end=s_end)
    return None


def _skip_space(text: str, start: int, end: int) -> int:
    while start < end and (text[start].isspace() or text[start] in ",:"):
        start += 1
    return start
