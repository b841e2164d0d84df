"""Evidence linking: which sentences and statements bear on which provision, and why.

Precision first: an analyst reads every link. A provision is linked when its
indicators (from the agreement file) add up to at least ``THRESHOLD`` and
include a phrase, or a place together with a context word (context words,
places or actors alone never link):

==========  ======  ==================================================
indicator   weight  example
==========  ======  ==================================================
phrase      1.0     "prisoners of war", "peacekeep*"
place       0.6     Kalbajar (any gazetteer variant: Kelbajar, Karvachar)
context     0.5     "return*", "handed over"
actor       0.4     "Border Guard Service"
==========  ======  ==================================================

Text matching an ``exclude`` phrase is ignored for that provision (the
"humanitarian ceasefires" of October 2020 are not point 1; a "peacekeeping
centre" is point 5, not the peacekeepers of point 3). A sentence that names the
agreement as a whole ("the trilateral statement") and no provision is linked to
the agreement level, provision ``"*"``, when it says how the agreement fares (signed, in force, implemented,
disputed; not "violated": a violation is of a provision the sentence does not name). Documents outside the agreement's
``scope`` (its conflict), or naming other agreements and conflicts more often than it, get no links at all;
evidence must fall in the agreement's window, from the signing to an agreement-wide termination (the report's
date, the statement's, the sentence's written years); a sentence naming another agreement or conflict
(``background``) is not evidence, and one restating the terms ("under the terms", "must"), forecasting
("could", "expected to") or asking ("asked whether") is evidence only when it also reports how
implementation went (a status cue: "entered ... under the terms"); so is a sentence in the future ("will",
"would") that nobody is reported announcing and that names no day: a plan or the terms, not a step announced.
A report of unknown date is read with more care: it must name the agreement's conflict twice as often as other
conflicts, the paragraph around a sentence (not just the sentence) must name no other conflict or agreement, and
its links weigh less and say "report undated" with the latest year it writes. A provision's ``outside`` places
veto it: fire on the state border is not the ceasefire in the conflict zone. Phrases say who and what
happened with ``&`` and ``|`` ("peacekeep*|Russian troops & arriv*|left"), not the mere mention of either.
Indicators and cues are plain phrases, so an agreement file can carry them in several languages (the
Karabakh statement has Russian ones beside the English).

Speed: a phrase can only match a text that contains its first word (or the prefix of a
``word*``), so every text is scanned for its words once and a phrase's regex runs only
when that word is there; a first pass on the first words of all phrases and places
skips the many sentences that cannot link. Patterns and per-agreement tables are built
once per process.

Each link also carries the status ``signal`` its text expresses (done, started,
not_done...), read from the agreement's cues: the longest cue wins where cues
overlap ("being deployed" over "deployed"), a negated cue ("has not been
returned") reads as not_done, a negated negative ("no violations") is
dropped, and a cue under a modal ("will be returned", "will be terminated") is a plan, not evidence
(those words, and the time clauses that date a cue elsewhere, are in ``data/lang/*/status.yaml``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from trucewatch.agreements import AGREEMENT_LEVEL, SIGNALS, Agreement, Place, Provision
from trucewatch.lang import alternation, lexicons, literal_alternation
from trucewatch.records import Document, EvidenceLink, Sentence, Statement
from trucewatch.text.dates import context_day, date_mentions, find_dates
from trucewatch.text.spans import Overlaps

THRESHOLD = 1.0
WEIGHTS = {"phrase": 1.0, "place": 0.6, "context": 0.5, "actor": 0.4}
UNDATED_WEIGHT = 0.8  # a link from a report of unknown date: the window check rests on the dates it writes
UNDATED_SCOPE_MARGIN = 2  # an undated report names the agreement's conflict twice as often as others, or is not read
# Strongest first: a sentence saying both "began" and "not yet completed" reports that it is not done.
SIGNAL_PRIORITY = ("disputed", "terminated", "reversed", "violated", "not_done", "done", "advanced", "started")
# What a sentence naming only the agreement cannot say of it as a whole: a violation is of something it requires
# (fire, a road cut, troops left in place), so "in violation of the ceasefire deal" with no provision named is a
# charge nobody can place; the provision comes from the paragraph around it, which one sentence does not give
NOT_AGREEMENT_WIDE = ("violated",)
_WORD = re.compile(r"\w+")
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
# a year ahead of the writing: the words before it ("until 2025", "by 2030", "will be extended ... to 2026")
_SIZE = {"day": 10, "month": 7, "year": 4}  # how much of an ISO date a mention of that precision fixes

# "A ... B": B within fifteen words after A. Possessive and atomic, since ' ’ - are both word and gap characters:
# backtracking over their splits was exponential (a run of ’ hung linking, fuzz seed 756097).
_GAP = r"\W++(?:(?>[\w'’-]+)\W++){0,15}?"


def _pattern(phrase: str) -> re.Pattern[str]:
    """A phrase as a regex: case-insensitive, whole words, flexible spaces.

    A word ending in ``*`` allows any ending ("withdr*", "hand* over"); `` ... `` allows up to
    fifteen words in between.
    """
    parts = [r"\s+".join(_word(w) for w in part.split()) for part in phrase.split(" ... ")]
    start = r"(?<!\w)" if phrase[:1].isalnum() else ""
    end = "" if phrase.endswith("*") else r"(?!\w)"
    return re.compile(start + _GAP.join(parts) + end, re.IGNORECASE)


def _word(word: str) -> str:
    return re.escape(word[:-1]) + r"[\w'’-]*" if word.endswith("*") else re.escape(word)


def _key(phrase: str) -> tuple[str | None, str | None]:
    """(word, prefix): the whole word, or the prefix of a word, that any text the phrase matches contains."""
    first = phrase.split()[0].lower() if phrase.split() else ""
    tokens = _WORD.findall(first)
    if not tokens:
        return None, None
    return (None, tokens[0]) if first.endswith("*") and len(tokens) == 1 else (tokens[0], None)


@dataclass(frozen=True)
class Part:
    """A compiled phrase (or one ``&`` part of one, with its ``|`` alternatives) and the words a text needs
    for it to match: one of ``words``, or a word starting with one of ``prefixes``."""

    pattern: re.Pattern[str]
    words: frozenset[str]
    prefixes: tuple[str, ...]
    keyless: bool  # an alternative with no such word: always try the pattern


@cache
def _part(phrase: str) -> Part:
    alternatives = [a.strip() for a in phrase.split("|")]
    keys = [_key(a) for a in alternatives]
    pattern = (
        _pattern(phrase)
        if len(alternatives) == 1
        else re.compile("|".join(f"(?:{_pattern(a).pattern})" for a in alternatives), re.IGNORECASE)
    )
    return Part(
        pattern,
        frozenset(w for w, _ in keys if w is not None),
        tuple(p for w, p in keys if w is None and p is not None),
        any(k == (None, None) for k in keys),
    )


@cache
def _parts(phrase: str) -> tuple[Part, ...]:
    return tuple(_part(p.strip()) for p in phrase.split("&"))


class Text:
    """A text with its lower-case form and words, computed once and shared by every phrase tested on it."""

    __slots__ = ("lower", "text", "words")

    def __init__(self, text: str, *, like: Text | None = None) -> None:
        self.text = text
        if like is None:
            self.lower = text.lower()
            self.words = frozenset(_WORD.findall(self.lower))
        else:  # ``text`` is ``like`` with words blanked out: its words are a subset, a valid filter
            self.lower, self.words = like.lower, like.words

    def may_match(self, part: Part) -> bool:
        return part.keyless or not part.words.isdisjoint(self.words) or any(p in self.lower for p in part.prefixes)

    def search(self, phrase: str) -> re.Match[str] | None:
        """First match of ``phrase``; ``A & B`` matches when every part is present."""
        parts = _parts(phrase)
        if not all(self.may_match(p) for p in parts):
            return None
        first = None
        for part in parts:
            if not (m := part.pattern.search(self.text)):
                return None
            first = first or m
        return first

    def words_matched(self, phrase: str) -> list[str]:
        """What each ``&`` part of a phrase matched, for a reason a reader can check ('peacekeepers' & 'left')."""
        return [m.group(0) for part in _parts(phrase) if (m := part.pattern.search(self.text))]


# The same sentences are linked against every agreement: their words are read once (bounded, so memory stays flat).
_text = lru_cache(maxsize=2048)(Text)


def find(phrase: str, text: str) -> re.Match[str] | None:
    """First match of ``phrase``; ``A & B`` matches when every part is present."""
    return Text(text).search(phrase)


@dataclass(frozen=True)
class Match:
    provision: str
    score: float
    reasons: tuple[str, ...]


class _PartIndex:
    """Parts indexed by their words and prefixes: which of them may match a text, in order, without testing each."""

    def __init__(self, parts: Iterable[Part]) -> None:
        self.by_word: dict[str, list[int]] = {}
        self.by_prefix: dict[str, list[int]] = {}
        self.always: list[int] = []
        for n, part in enumerate(parts):
            for word in part.words:
                self.by_word.setdefault(word, []).append(n)
            for prefix in part.prefixes:
                self.by_prefix.setdefault(prefix, []).append(n)
            if part.keyless:
                self.always.append(n)
        self.words = frozenset(self.by_word)

    def candidates(self, text: Text) -> list[int]:
        """Indexes (in order) of the parts whose word or prefix ``text`` has: the same as testing each."""
        found = list(self.always)
        for word in self.words.intersection(text.words):
            found.extend(self.by_word[word])
        for prefix, indexes in self.by_prefix.items():
            if prefix in text.lower:
                found.extend(indexes)
        return sorted(set(found))  # a part with alternatives is found under several words


class Phrases(_PartIndex):
    """Phrases in reading order, indexed by their first words (the others are checked by ``Text.search``)."""

    def __init__(self, phrases: Iterable[str]) -> None:
        self.phrases = tuple(phrases)
        super().__init__(_parts(phrase)[0] for phrase in self.phrases)


@dataclass(frozen=True)
class Scorer:
    """A provision's indicators compiled for scoring: kinds and labels beside one phrase index."""

    provision: Provision
    exclude: tuple[Part, ...]
    outside: Phrases  # names of places outside the provision's zone
    phrases: Phrases
    labels: tuple[tuple[str, str], ...]  # per phrase: (kind, place id or "")

    @classmethod
    def of(cls, provision: Provision, places: dict[str, Place]) -> Scorer:
        ind = provision.indicators
        items = [
            (kind, phrase, "")
            for kind, phrases in (("phrase", ind.phrases), ("context", ind.context), ("actor", ind.actors))
            for phrase in phrases
        ]
        items += [("place", name, pid) for pid in ind.places for name in places[pid].names]
        return cls(
            provision,
            tuple(_part(x) for x in ind.exclude),
            Phrases(name for pid in ind.outside for name in places[pid].names),
            Phrases(x for _, x, _ in items),
            tuple((kind, pid) for kind, _, pid in items),
        )

    def score(self, text: Text, places: dict[str, Place]) -> Match | None:
        """The indicators found in ``text``, or None if they do not reach the threshold."""
        blanked = text.text
        for part in self.exclude:
            if text.may_match(part):
                blanked = part.pattern.sub(lambda m: " " * len(m.group(0)), blanked)
        if blanked is not text.text:
            text = Text(blanked, like=text)
        score, reasons, kinds, placed = 0.0, [], set(), set()
        for n in self.phrases.candidates(text):
            kind, place_id = self.labels[n]
            if place_id in placed:
                continue  # one name of a place is enough
            phrase = self.phrases.phrases[n]
            if m := text.search(phrase):
                score += WEIGHTS[kind]
                if place_id:
                    placed.add(place_id)
                    reasons.append(f"place {places[place_id].name} ({m.group(0)!r})")
                elif "|" in phrase:  # name what matched, not every alternative
                    reasons.append(f"{kind} " + " & ".join(repr(w) for w in text.words_matched(phrase)))
                else:
                    reasons.append(f"{kind} '{phrase}' ({m.group(0)!r})")
                kinds.add(kind)
        if score < THRESHOLD or not ("phrase" in kinds or {"place", "context"} <= kinds):
            return None
        if self.elsewhere(text):
            return None  # it happened somewhere else: the state border, not the line of contact
        return Match(self.provision.number, round(score, 2), tuple(reasons))

    def elsewhere(self, text: Text) -> bool:
        """Whether ``text`` names a place outside the provision's zone."""
        return any(text.search(self.outside.phrases[n]) for n in self.outside.candidates(text))


def detect_signal(text: str, cues: dict[str, tuple[str, ...]]) -> tuple[str | None, str | None]:
    """(signal, cue) of what ``text`` says about implementation, or (None, None)."""
    return _signal(Text(text), cues)


class _Cues(_PartIndex):
    """A provision's status cues in the order ``_signal`` tries them (by kind in ``SIGNALS``, then as listed), indexed
    like :class:`Phrases`: the cues a text may match come out in that order without testing every cue."""

    def __init__(self, cues: tuple[tuple[str, tuple[str, ...]], ...]) -> None:
        listed = dict(cues)
        self.items = tuple((kind, _part(cue)) for kind in SIGNALS for cue in listed.get(kind, ()))
        super().__init__(part for _, part in self.items)


@lru_cache(maxsize=256)
def _cue_index(cues: tuple[tuple[str, tuple[str, ...]], ...]) -> _Cues:
    return _Cues(cues)


def _signal(text: Text, cues: dict[str, tuple[str, ...]]) -> tuple[str | None, str | None]:
    hits: list[tuple[int, int, str]] = []
    index = _cue_index(tuple((kind, tuple(listed)) for kind, listed in cues.items()))
    for n in index.candidates(text):
        kind, part = index.items[n]
        hits.extend((m.start(), m.end(), kind) for m in part.pattern.finditer(text.text))
    nested = _nested(hits)
    found: dict[str, str] = {}
    words = _status_words()
    for n, (start, end, kind) in enumerate(hits):
        if n in nested:
            continue  # inside a longer cue
        before = text.text[:start]
        negated = words.negation.search(before)
        if kind in ("done", "advanced", "started"):
            if negated:
                found.setdefault("not_done", "not " + text.text[start:end])
                continue
            if words.modal.search(before) or words.time_clause.search(before):
                continue
        elif negated:  # "no violations", "did not dispute": not evidence of trouble
            continue
        elif (kind in ("reversed", "terminated") and words.modal.search(before)) or (
            kind in ("reversed", "terminated", "violated") and words.modal_far.search(before)
        ):
            continue  # "will be terminated": a plan or a threat, the status does not go down yet
        found.setdefault(kind, text.text[start:end])
    for signal in SIGNAL_PRIORITY:
        if signal in found:
            return signal, found[signal]
    return None, None


def _nested(hits: list[tuple[int, int, str]]) -> set[int]:
    """Indexes of the hits that lie inside a longer hit: one sweep in start order, not all pairs."""
    nested: set[int] = set()
    reach = -1  # the furthest end of the hits before the current span (all start at or before it)
    order = sorted(range(len(hits)), key=lambda n: (hits[n][0], -hits[n][1]))
    i = 0
    while i < len(order):
        start, end = hits[order[i]][:2]
        same = i
        while same < len(order) and hits[order[same]][:2] == (start, end):
            same += 1  # an identical span (another kind) is not longer
        if reach >= end:
            nested.update(order[i:same])
        reach = max(reach, end)
        i = same
    return nested


def in_scope(doc: Document, agreement: Agreement) -> bool:
    """Whether the document is about the agreement's conflict: it names it (its ``scope`` phrases) at least as
    often as it names other agreements and conflicts (its ``background``): a report on Idlib that mentions
    Azerbaijan once is about Idlib."""
    return _in_scope(Text(f"{doc.title or ''}\n{doc.body}"), linker(agreement))


def _in_scope(text: Text, linking: Linker, *, margin: int = 1) -> bool:
    """``margin``: how many times as often as other conflicts the text must name the agreement's (at least as
    often by default; an undated report, whose time cannot rule it out, ``UNDATED_SCOPE_MARGIN`` times)."""
    if not linking.scope.phrases:
        return True
    own = _count(text, linking.scope)
    return own > 0 and own >= margin * _count(text, linking.background)


def _count(text: Text, phrases: Phrases) -> int:
    """How many times ``text`` uses any of ``phrases``."""
    return sum(len(_parts(phrases.phrases[n])[0].pattern.findall(text.text)) for n in phrases.candidates(text))


def names_agreement(text: str, agreement: Agreement, *, generic: bool) -> str | None:
    """The reference phrase naming the agreement as a whole in ``text``, if any."""
    return _names(Text(text), linker(agreement), generic=generic)


def _names(text: Text, linking: Linker, *, generic: bool) -> str | None:
    refs, own = linking.references, len(linking.agreement.references)
    for n in refs.candidates(text):
        if (generic or n < own) and (m := text.search(refs.phrases[n])):
            return m.group(0)
    return None


@dataclass(frozen=True)
class Trigger:
    """The first words of a set of phrases: a cheap test that a text may match one of them."""

    words: frozenset[str]
    prefixes: re.Pattern[str] | None  # from wildcards: "peacekeep*", as one alternation at word starts

    @classmethod
    def of(cls, phrases: Iterable[str]) -> Trigger:
        words, prefixes = set(), set()
        for phrase in phrases:
            for part in _parts(phrase):
                words.update(part.words)
                prefixes.update(part.prefixes)
        alternation = "|".join(re.escape(p) for p in sorted(prefixes, key=lambda p: (-len(p), p)))
        return cls(frozenset(words), re.compile(rf"(?<!\w)(?:{alternation})") if prefixes else None)

    def fires(self, text: Text) -> bool:
        """Whether some phrase may match ``text`` (one of its words, or a word starting with a prefix)."""
        return not self.words.isdisjoint(text.words) or (
            self.prefixes is not None and self.prefixes.search(text.lower) is not None
        )


@dataclass(frozen=True)
class Linker:
    """What linking needs of one agreement, built once per process: triggers, places and status cues."""

    agreement: Agreement
    places: dict[str, Place]
    anything: Trigger  # any link at all
    provisions: tuple[tuple[Scorer, Trigger], ...]  # links need a phrase or a place: their first words
    cues: dict[str, dict[str, tuple[str, ...]]]  # provision (or the agreement level) -> signal -> cues
    references: Phrases  # the agreement's references, then its generic ones
    scope: Phrases
    background: Phrases  # other agreements, earlier ceasefires, other conflicts
    terms: Phrases  # restating the text: "must", "under the terms"
    signed: str  # YYYY-MM-DD: the evidence window opens here
    ended: str | None  # YYYY-MM-DD of an agreement-wide termination: the window closes here
    past_events: tuple[tuple[str, Phrases], ...]  # (YYYY-MM-DD, how reports name it), latest first

    @classmethod
    def of(cls, agreement: Agreement) -> Linker:
        places = agreement.places()

        def phrases(p: Provision) -> list[str]:
            return [*p.indicators.phrases, *(name for pid in p.indicators.places for name in places[pid].names)]

        refs = [*agreement.references, *agreement.generic_references]
        ends = [a.date.isoformat() for a in agreement.amendments if a.kind == "termination" and a.provision is None]
        numbers = [p.number for p in agreement.provisions] + [AGREEMENT_LEVEL]
        dated = [(a.date, a.mentions) for a in agreement.amendments]
        dated += [(i.date, i.mentions) for i in agreement.instruments]
        dated += [(e.date, e.mentions) for i in agreement.instruments for e in i.events]
        return cls(
            agreement,
            places,
            Trigger.of([*refs, *(x for p in agreement.provisions for x in phrases(p))]),
            tuple((Scorer.of(p, places), Trigger.of(phrases(p))) for p in agreement.provisions),
            {n: agreement.signals_for(n) for n in numbers},
            Phrases(refs),
            Phrases(agreement.scope),
            Phrases(agreement.background),
            Phrases(agreement.terms),
            agreement.signed.isoformat(),
            min(ends, default=None),
            tuple((day.isoformat(), Phrases(mentions)) for day, mentions in sorted(dated, reverse=True) if mentions),
        )

    def elsewhere(self, provision: str, text: Text) -> bool:
        """Whether ``text`` names a place outside the zone of ``provision``."""
        return any(scorer.provision.number == provision and scorer.elsewhere(text) for scorer, _ in self.provisions)

    def outside_window(self, day: str | None) -> bool:
        """Whether a YYYY-MM-DD (or a prefix of one) falls before the signing or after the agreement ended."""
        if not day:
            return False
        size = len(day)  # "2022" is not after an end in February 2022, but 2022-03-01 is
        return day < self.signed[:size] or (
            self.ended is not None and (day >= self.ended if size >= len(self.ended) else day > self.ended[:size])
        )


_LINKERS: dict[int, Linker] = {}


def linker(agreement: Agreement) -> Linker:
    """The agreement's :class:`Linker`, cached while the same agreement object lives."""
    cached = _LINKERS.get(id(agreement))
    if cached is None or cached.agreement is not agreement:
        cached = _LINKERS[id(agreement)] = Linker.of(agreement)
    return cached


def match_text(text: str, agreement: Agreement, *, generic: bool = False) -> list[Match]:
    """Provisions ``text`` bears on; failing any, the agreement level when the text names it."""
    return _match(Text(text), linker(agreement), generic=generic)


def _match(text: Text, linking: Linker, *, generic: bool) -> list[Match]:
    if not linking.anything.fires(text):
        return []
    matches = [
        m for scorer, trigger in linking.provisions if trigger.fires(text) and (m := scorer.score(text, linking.places))
    ]
    if (
        not matches
        and (ref := _names(text, linking, generic=generic))
        and _signal(text, linking.cues[AGREEMENT_LEVEL])[0] not in (None, *NOT_AGREEMENT_WIDE)
    ):  # naming it is not evidence; saying how it fares is
        matches.append(Match(AGREEMENT_LEVEL, WEIGHTS["phrase"], (f"names the agreement ({ref!r})",)))
    return matches


def link_document(
    doc: Document, sentences: list[Sentence], statements: list[Statement], agreement: Agreement
) -> list[EvidenceLink]:
    """Links from a document's sentences to the provisions of ``agreement`` (pure).

    The sentence is the unit of evidence, so a long quotation never drags its
    neighbours along. Where a statement covers part of a sentence and the
    indicators are found inside its content, the link cites just that content and
    carries the statement's id, speaker and date; otherwise it cites the sentence.
    """
    whole = _text(f"{doc.title or ''}\n{doc.body}")
    linking = linker(agreement)
    reported_on = (doc.published or "")[:10] or None
    if (
        linking.outside_window(reported_on)
        or not _in_scope(whole, linking, margin=1 if reported_on else UNDATED_SCOPE_MARGIN)
        or (not reported_on and _written_after_end(whole, linking))
    ):
        return []  # written before the signing or after the agreement ended: background, whatever it says
    undated = None if reported_on else _undated(whole, linking)
    generic = _names(whole, linking, generic=False) is not None
    links: list[EvidenceLink] = []
    by_start = Overlaps([(st.start, st.end) for st in statements])
    for sentence in sentences:
        text = _text(sentence.text)
        if not linking.anything.fires(text) or background(text, linking, doc.published):
            continue
        if undated and _names_background(_text(_paragraph(doc.body, sentence)), linking):
            continue  # a report of unknown date needs its paragraph, not just the sentence, free of other conflicts
        statement = _overlapping(statements, by_start, sentence)
        # a sentence nobody is reported saying that speaks of the future and names no day states a plan or the terms
        restates = _restates(text, linking) or (None if statement else _plan(text))
        if statement and linking.outside_window((statement.said_on or "")[:10]):
            continue  # said before the signing (or after the end), whenever it was reported
        if statement and _speakers_in(statements, by_start, sentence) > 1:
            statement = None  # two speakers' accounts side by side ("Yerevan said A; Baku said B"): the sentence
        attributed: set[str] = set()
        if statement:
            start, end = max(sentence.start, statement.start), min(sentence.end, statement.end)
            segment = Text(doc.body[start:end])
            for m in _match(segment, linking, generic=generic):
                if linking.elsewhere(m.provision, text):
                    continue  # the sentence around the quotation places it outside the provision's zone
                attributed.add(m.provision)
                if link := _link(
                    linking, m, doc.id, start, end, segment, reported_on, statement, sentence.index, restates, undated
                ):
                    links.append(link)
        for m in _match(text, linking, generic=generic):
            if (
                m.provision not in attributed
                and not (attributed and m.provision == AGREEMENT_LEVEL)
                and (
                    link := _link(
                        linking,
                        m,
                        doc.id,
                        sentence.start,
                        sentence.end,
                        text,
                        reported_on,
                        None,
                        sentence.index,
                        restates,
                        undated,
                    )
                )
            ):
                links.append(link)
    return links


def _written_after_end(text: Text, linking: Linker) -> bool:
    """Whether an undated report shows it was written after the agreement ended: the latest full date it writes
    falls on or after the end, the latest year it writes of the past or present ("in 2023", not "until 2025")
    comes after the end's year, or it names as past an event of the agreement dated on or after the end ("the
    full-scale invasion"). A text is written on or after every day it reports and every event it recalls."""
    if not linking.ended:
        return False
    after = _written_after(text, linking)
    return (
        (_latest_day(text.text) or "") >= linking.ended
        or (_latest_year(text.text) or "") > linking.ended[:4]
        or (after is not None and after[0] >= linking.ended)
    )


def _undated(text: Text, linking: Linker) -> str:
    """Why a link from an undated report weighs less: when it was written is known only from what it writes,
    the latest event of the agreement it recalls first."""
    if after := _written_after(text, linking):
        return f"report undated, written after {after[1]!r} ({after[0]})"
    year = _latest_year(text.text)
    return f"report undated (latest year written: {year})" if year else "report undated (no year written)"


def _written_after(text: Text, linking: Linker) -> tuple[str, str] | None:
    """(day, words) of the latest dated event of the agreement (its ``mentions``) the text names as past: not
    after a word that puts it ahead ("could lead to an offensive", "before the withdrawal"; the
    ``years_ahead_after`` of ``data/lang/*/dates.yaml`` and the ``modals`` of ``status.yaml``)."""
    for day, phrases in linking.past_events:
        for n in phrases.candidates(text):
            phrase = phrases.phrases[n]
            if not text.search(phrase):
                continue  # its other parts ("x & y") are missing: whatever the first part's matches, no mention
            for m in _parts(phrase)[0].pattern.finditer(text.text):
                before = re.split(r"[.!?;\n]", text.text[max(0, m.start() - 80):m.start()])[-1]
                if not _not_past().search(before):
                    return day, m.group(0)
    return None


@cache
def _not_past() -> re.Pattern[str]:
    """The words that put an event named after them ahead of the writing, then up to four words."""
    words = {w for lexicon in lexicons("dates").values() for w in lexicon.get("years_ahead_after", ())}
    words |= {w for lexicon in lexicons("status").values() for w in lexicon.get("modals", ())}
    stems = sorted(words, key=len, reverse=True)
    return re.compile(rf"\b{literal_alternation(stems)}\W+(?:[\w'’-]+\W+){{0,4}}$", re.I)


@lru_cache(maxsize=64)
def _latest_day(text: str) -> str | None:
    """The latest full date an undated report writes (cached: every agreement asks of the same document)."""
    return context_day(text)


@cache
def _ahead() -> re.Pattern[str]:
    """The words of every language that put a year after them ahead of the writing (``years_ahead_after`` in
    ``data/lang/*/dates.yaml``; a stem ends in "*"), then up to three words before the year."""
    stems = sorted({w for lexicon in lexicons("dates").values() for w in lexicon.get("years_ahead_after", ())},
                   key=len, reverse=True)
    return re.compile(rf"\b{literal_alternation(stems)}\W+(?:[\w'’-]+\W+){{0,3}}$", re.I)


@dataclass(frozen=True)
class _StatusWords:
    """What the words before a status cue make of it (``data/lang/*/status.yaml``, every language's together)."""

    negation: re.Pattern[str]  # "has not been returned": not done; "no violations": no trouble
    modal: re.Pattern[str]  # "will be returned", "to be returned": a plan
    modal_far: re.Pattern[str]  # "will monitor and report the ceasefire violations": trouble in prospect reaches
    # further (but "continued to violate" does report it: no "to" here)
    time_clause: re.Pattern[str]  # "since the conflict began", "until the process is completed": dates something else


@cache
def _status_words() -> _StatusWords:
    def listed(key: str) -> list[str]:
        return list(dict.fromkeys(w for data in lexicons("status").values() for w in data.get(key, ())))

    modals = listed("modals")
    return _StatusWords(
        negation=re.compile(rf"(?:\b{literal_alternation(listed('negation'))}|{literal_alternation(listed('negation_endings'))})"
                            r"\W+(?:\w+\W+){0,2}$", re.I),
        modal=re.compile(rf"\b{literal_alternation(modals + listed('modals_near'))}\W+(?:\w+\W+){{0,2}}$", re.I),
        modal_far=re.compile(rf"\b{literal_alternation(modals)}\W+(?:\w+\W+){{0,6}}$", re.I),
        time_clause=re.compile(rf"\b{literal_alternation(listed('time_clause'))}\W+(?:\w+\W+){{0,4}}$", re.I),
    )


@lru_cache(maxsize=64)
def _latest_year(text: str) -> str | None:
    """The latest year an undated report writes, leaving out the years ahead of it ("until 2025", "by 2030",
    "extended to 2026", "will ... in 2027", "до 2025 года"): those are no floor for when it was written."""
    years = [m.group(0) for m in _YEAR.finditer(text) if not _ahead().search(text, max(0, m.start() - 60), m.start())]
    return max(years, default=None)


def _paragraph(body: str, sentence: Sentence) -> str:
    """The paragraph (between blank lines) that holds ``sentence``."""
    start = body.rfind("\n\n", 0, sentence.start)
    end = body.find("\n\n", sentence.end)
    return body[start + 2 if start >= 0 else 0:end if end >= 0 else len(body)]


def _names_background(text: Text, linking: Linker) -> str | None:
    """The ``background`` phrase (another agreement, an earlier ceasefire, another conflict) ``text`` names, if any."""
    for n in linking.background.candidates(text):
        if m := text.search(linking.background.phrases[n]):
            return m.group(0)
    return None


def background(text: Text, linking: Linker, published: str | None) -> str | None:
    """Why a sentence is not evidence of implementing the agreement, or None.

    It names another agreement, an earlier ceasefire or another conflict (the agreement's ``background``),
    or every date it speaks of falls before the signing (or after the agreement ended).
    """
    if named := _names_background(text, linking):
        return f"names {named!r}"
    # only dates with a written year: "by 1 December" in a plan must not resolve to last December
    if not _YEAR.search(text.text):
        return None  # no year written: no date to read (and date_mentions is the costliest step here)
    dates = [d for d in date_mentions(text.text, published) if _YEAR.search(text.text, d.start, d.end)]
    if dates and all(linking.outside_window(d.value[: _SIZE[d.precision]]) for d in dates):
        return f"speaks of {dates[-1].value}, outside the agreement's time"
    return None


def _restates(text: Text, linking: Linker) -> str | None:
    """The ``terms`` phrase ("must", "under the terms") by which a sentence may restate what the agreement provides."""
    for n in linking.terms.candidates(text):
        if m := text.search(linking.terms.phrases[n]):
            return m.group(0)
    return None


def _speakers_in(statements: Sequence[Statement], overlaps: Overlaps, sentence: Sentence) -> int:
    """How many speakers have a statement wholly inside ``sentence``."""
    return len({st.speaker or st.speaker_text for n in overlaps.of(sentence.start, sentence.end)
                if sentence.start <= (st := statements[n]).start and st.end <= sentence.end})


def _overlapping(statements: Sequence[Statement], overlaps: Overlaps, sentence: Sentence) -> Statement | None:
    """The statement sharing most characters with ``sentence`` (the earliest listed of equals), or None."""
    best, overlap = None, 0
    for n in overlaps.of(sentence.start, sentence.end):
        st = statements[n]
        size = min(st.end, sentence.end) - max(st.start, sentence.start)
        if size > overlap:
            best, overlap = st, size
    return best


def _link(
    linking: Linker,
    m: Match,
    doc_id: str,
    start: int,
    end: int,
    text: Text,
    reported_on: str | None,
    statement: Statement | None,
    sentence_index: int | None,
    restates: str | None,
    undated: str | None,
) -> EvidenceLink | None:
    """The link, or None when the text restates the terms ("under the terms", "must") or states a plan ("will")
    and reports nothing of how implementation went (no status cue). From an undated report (``undated`` says
    why) it weighs ``UNDATED_WEIGHT`` of its score: the analyst reads it as weaker evidence."""
    signal, cue = _signal(text, linking.cues[m.provision])
    if signal is None and restates:
        return None
    notes = [f"signal {signal} ({cue!r})"] if signal else []
    reason = "; ".join([*m.reasons, *notes, *([undated] if undated else [])])
    return EvidenceLink(
        agreement_id=linking.agreement.id,
        provision=m.provision,
        doc_id=doc_id,
        start=start,
        end=end,
        text=text.text,
        score=round(m.score * UNDATED_WEIGHT, 2) if undated else m.score,
        reason=reason,
        statement_id=statement.id if statement else None,
        speaker=statement.speaker if statement else None,
        said_on=statement.said_on if statement else None,
        signal=signal,
        reported_on=reported_on,
        sentence_index=sentence_index,
    )


def _plan(text: Text) -> str | None:
    """The future word ("will", "would": ``future_words`` in ``data/lang/*/dates.yaml``) by which a sentence states
    a plan or the terms ("the centre will monitor the ceasefire"), not how implementation went. Someone's
    announcement ("..., the president said") or a day ("Kalbajar will follow on November 25") makes it a step
    announced, which is evidence."""
    if not (m := _future().search(text.text)) or find_dates(text.text) or _said(text.text):
        return None
    return m.group(0)


def _said(text: str) -> bool:
    """Whether a speech verb frames ``text`` ("said", "announced"; "заявил")."""
    from trucewatch.statements.cues import cue_offsets  # here: the statements package loads the parser

    return bool(cue_offsets(text)) or _speech_cues().search(text) is not None


@cache
def _speech_cues() -> re.Pattern[str]:
    """The speech verbs of the languages read by pattern frames (``cues`` in ``data/lang/*/speech.yaml``)."""
    words = {w for lexicon in lexicons("speech").values() for w in lexicon.get("cues", ())}
    return re.compile(rf"(?<!\w){alternation(words)}(?!\w)", re.I)


@cache
def _future() -> re.Pattern[str]:
    """The future words of every language, as whole words."""
    words = {w for lexicon in lexicons("dates").values() for w in lexicon.get("future_words", ())}
    return re.compile(rf"(?<!\w){alternation(words)}(?!\w)", re.I)
