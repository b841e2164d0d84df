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
the agreement level, provision ``"*"``. Documents outside the agreement's
``scope`` (its conflict) get no links at all. A first pass on the first words of
all phrases and places skips the many sentences that cannot link.

Each link also carries the status ``signal`` its text expresses (done, started,
not_done...), read from the agreement's cues: the longest cue wins where cues
overlap ("being deployed" over "deployed"), a negated cue ("has not been
returned") reads as not_done, a negated negative ("no violations") is
dropped, and a cue under a modal ("will be returned") is a plan, not evidence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from trucewatch.agreements import AGREEMENT_LEVEL, SIGNALS, Agreement, Place, Provision
from trucewatch.records import Document, EvidenceLink, Sentence, Statement

THRESHOLD = 1.0
WEIGHTS = {"phrase": 1.0, "place": 0.6, "context": 0.5, "actor": 0.4}
# Strongest first: a sentence saying both "began" and "not yet completed" reports that it is not done.
SIGNAL_PRIORITY = ("disputed", "violated", "not_done", "done", "advanced", "started")
_NEGATION = re.compile(r"(?:\b(?:not|never|no|yet to|failed to|without|refus\w*)|n't)\W+(?:\w+\W+){0,2}$", re.I)
_MODAL = re.compile(r"\b(?:will|would|shall|should|must|could|can|may|might|to)\W+(?:\w+\W+){0,2}$", re.I)


_GAP = r"\W+(?:[\w'’-]+\W+){0,15}?"  # "A ... B": B within fifteen words after A


@cache
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


def find(phrase: str, text: str) -> re.Match[str] | None:
    """First match of ``phrase``; ``A & B`` matches when every part is present."""
    parts = [p.strip() for p in phrase.split("&")]
    matches = [_pattern(p).search(text) for p in parts]
    return matches[0] if all(matches) else None


@dataclass(frozen=True)
class Match:
    provision: str
    score: float
    reasons: tuple[str, ...]


def score_provision(text: str, provision: Provision, places: dict[str, Place]) -> Match | None:
    """The indicators of ``provision`` found in ``text``, or None if they do not reach the threshold."""
    ind = provision.indicators
    for phrase in ind.exclude:
        text = _pattern(phrase).sub(lambda m: " " * len(m.group(0)), text)
    score, reasons, kinds = 0.0, [], set()
    for kind, phrases in (("phrase", ind.phrases), ("context", ind.context), ("actor", ind.actors)):
        for phrase in phrases:
            if m := find(phrase, text):
                score += WEIGHTS[kind]
                reasons.append(f"{kind} '{phrase}' ({m.group(0)!r})")
                kinds.add(kind)
    for place_id in ind.places:
        place = places[place_id]
        for name in place.names:
            if m := find(name, text):
                score += WEIGHTS["place"]
                reasons.append(f"place {place.name} ({m.group(0)!r})")
                kinds.add("place")
                break
    if score < THRESHOLD or not ("phrase" in kinds or {"place", "context"} <= kinds):
        return None
    return Match(provision.number, round(score, 2), tuple(reasons))


def detect_signal(text: str, cues: dict[str, tuple[str, ...]]) -> tuple[str | None, str | None]:
    """(signal, cue) of what ``text`` says about implementation, or (None, None)."""
    hits: list[tuple[int, int, str]] = []
    for kind in SIGNALS:
        for cue in cues.get(kind, ()):
            hits.extend((m.start(), m.end(), kind) for m in _pattern(cue).finditer(text))
    found: dict[str, str] = {}
    for start, end, kind in hits:
        if any(s <= start and end <= e and e - s > end - start for s, e, _ in hits):
            continue  # inside a longer cue
        before = text[:start]
        negated = _NEGATION.search(before)
        if kind in ("done", "advanced", "started"):
            if negated:
                found.setdefault("not_done", "not " + text[start:end])
                continue
            if _MODAL.search(before):
                continue
        elif negated:  # "no violations", "did not dispute": not evidence of trouble
            continue
        found.setdefault(kind, text[start:end])
    for signal in SIGNAL_PRIORITY:
        if signal in found:
            return signal, found[signal]
    return None, None


def in_scope(doc: Document, agreement: Agreement) -> bool:
    """Whether the document is about the agreement's conflict at all (its ``scope`` phrases)."""
    if not agreement.scope:
        return True
    text = f"{doc.title or ''}\n{doc.body}"
    return any(find(phrase, text) for phrase in agreement.scope)


def names_agreement(text: str, agreement: Agreement, *, generic: bool) -> str | None:
    """The reference phrase naming the agreement as a whole in ``text``, if any."""
    for phrase in agreement.references + (agreement.generic_references if generic else ()):
        if m := find(phrase, text):
            return m.group(0)
    return None


_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Trigger:
    """The first words of a set of phrases: a cheap test that a text may match one of them."""

    words: frozenset[str]
    prefixes: tuple[str, ...]  # from wildcards: "peacekeep*"

    @classmethod
    def of(cls, phrases: Iterable[str]) -> Trigger:
        words, prefixes = set(), set()
        for phrase in phrases:
            for part in phrase.split("&"):
                first = part.split()[0].lower() if part.split() else ""
                tokens = _WORD.findall(first)
                if not tokens:
                    continue
                wildcard = first.endswith("*") and len(tokens) == 1
                (prefixes if wildcard else words).add(tokens[0])
        return cls(frozenset(words), tuple(sorted(prefixes)))

    def fires(self, words: set[str]) -> bool:
        """Whether some phrase may match a text with these (lower-case) ``words``."""
        return not self.words.isdisjoint(words) or (
            bool(self.prefixes) and any(w.startswith(self.prefixes) for w in words))


def words_of(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))


def _provision_phrases(provision: Provision, places: dict[str, Place]) -> list[str]:
    ind = provision.indicators
    return [*ind.phrases, *(name for pid in ind.places for name in places[pid].names)]


_TRIGGERS: dict[int, tuple[Agreement, Trigger, dict[str, Trigger]]] = {}


def triggers(agreement: Agreement) -> tuple[Trigger, dict[str, Trigger]]:
    """Per agreement: a trigger for any link at all, and one per provision (links need a phrase or a place)."""
    cached = _TRIGGERS.get(id(agreement))
    if cached is None or cached[0] is not agreement:
        places = agreement.places()
        per = {p.number: Trigger.of(_provision_phrases(p, places)) for p in agreement.provisions}
        refs = [*agreement.references, *agreement.generic_references]
        anything = Trigger.of([*refs, *(x for p in agreement.provisions for x in _provision_phrases(p, places))])
        cached = _TRIGGERS[id(agreement)] = (agreement, anything, per)
    return cached[1], cached[2]


def match_text(text: str, agreement: Agreement, *, generic: bool = False) -> list[Match]:
    """Provisions ``text`` bears on; failing any, the agreement level when the text names it."""
    anything, per_provision = triggers(agreement)
    words = words_of(text)
    if not anything.fires(words):
        return []
    places = agreement.places()
    matches = [m for p in agreement.provisions
               if per_provision[p.number].fires(words) and (m := score_provision(text, p, places))]
    if not matches and (ref := names_agreement(text, agreement, generic=generic)):
        matches.append(Match(AGREEMENT_LEVEL, WEIGHTS["phrase"], (f"names the agreement ({ref!r})",)))
    return matches


def link_document(doc: Document, sentences: list[Sentence], statements: list[Statement],
                  agreement: Agreement) -> list[EvidenceLink]:
    """Links from a document's sentences to the provisions of ``agreement`` (pure).

    The sentence is the unit of evidence, so a long quotation never drags its
    neighbours along. Where a statement covers part of a sentence and the
    indicators are found inside its content, the link cites just that content and
    carries the statement's id, speaker and date; otherwise it cites the sentence.
    """
    if not in_scope(doc, agreement):
        return []
    generic = names_agreement(f"{doc.title or ''}\n{doc.body}", agreement, generic=False) is not None
    reported_on = (doc.published or "")[:10] or None
    anything, _ = triggers(agreement)
    links: list[EvidenceLink] = []
    for sentence in sentences:
        if not anything.fires(words_of(sentence.text)):
            continue
        statement = _overlapping(statements, sentence)
        attributed: set[str] = set()
        if statement:
            start, end = max(sentence.start, statement.start), min(sentence.end, statement.end)
            segment = doc.body[start:end]
            for m in match_text(segment, agreement, generic=generic):
                links.append(_link(agreement, m, doc.id, start, end, segment, reported_on, statement,
                                   sentence.index))
                attributed.add(m.provision)
        for m in match_text(sentence.text, agreement, generic=generic):
            if m.provision not in attributed and not (attributed and m.provision == AGREEMENT_LEVEL):
                links.append(_link(agreement, m, doc.id, sentence.start, sentence.end, sentence.text,
                                   reported_on, None, sentence.index))
    return links


def _overlapping(statements: list[Statement], sentence: Sentence) -> Statement | None:
    best, overlap = None, 0
    for st in statements:
        size = min(st.end, sentence.end) - max(st.start, sentence.start)
        if size > overlap:
            best, overlap = st, size
    return best


def _link(agreement: Agreement, m: Match, doc_id: str, start: int, end: int, text: str,
          reported_on: str | None, statement: Statement | None, sentence_index: int | None) -> EvidenceLink:
    signal, cue = detect_signal(text, agreement.signals_for(m.provision))
    reason = "; ".join(m.reasons) + (f"; signal {signal} ({cue!r})" if signal else "")
    return EvidenceLink(
        agreement_id=agreement.id, provision=m.provision, doc_id=doc_id, start=start, end=end, text=text,
        score=m.score, reason=reason, statement_id=statement.id if statement else None,
        speaker=statement.speaker if statement else None, said_on=statement.said_on if statement else None,
        signal=signal, reported_on=reported_on, sentence_index=sentence_index,
    )
