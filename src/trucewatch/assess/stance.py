"""Stance: how an actor assesses a target (the peacekeepers, the agreement...) over time.

Targets and a graded lexicon live in ``data/stance/*.yaml``. Each statement is cut
into sentences; a sentence that names a target, and the sentences after it up to the
next one naming another target, are that target's scope. Lexicon terms in scope
score -2..+2; modifiers before them ("very", "sometimes certain", "not") and
sentence-wide hedges ("in general", "can be considered") scale the score. The
observation keeps every cue with its offsets and the rule that scored it, so an
analyst can see why "very successfully" is +2 and "sometimes certain problems
arise ... in general satisfactory" is +1.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from functools import cache
from typing import Any

from trucewatch import datafiles
from trucewatch.datafiles import DataFileError
from trucewatch.records import Document, Statement
from trucewatch.text.sentences import SentenceIndex, sentence_spans, split_sentences

_WORD = re.compile(r"\w+(?:['’]\w+)*")
_CLAUSE_BREAK = re.compile(r"[,;:.!?()]")


class StanceDataError(DataFileError):
    """A stance data file that cannot be read or does not follow its schema."""


@dataclass(frozen=True)
class Target:
    id: str
    name: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Modifier:
    words: tuple[str, ...]
    factor: float
    kind: str  # intensifier | downtoner | negation | hedge
    scope: str  # local | sentence


@dataclass(frozen=True)
class Lexicon:
    terms: dict[tuple[str, ...], float]
    modifiers: dict[tuple[str, ...], Modifier]
    labels: tuple[tuple[float, str], ...]
    window: int
    low: float
    high: float
    opponents: frozenset[tuple[str, ...]] = frozenset()  # "revise", "revanchist": the criticised are not the target

    def label(self, score: float) -> str:
        return next((label for lowest, label in self.labels if score >= lowest), self.labels[-1][1])


@dataclass(frozen=True)
class Cue:
    """One scored word or phrase: body offsets, its score, and how the score was reached."""

    text: str
    start: int
    end: int
    score: float
    rule: str


@dataclass(frozen=True)
class StanceObservation:
    actor: str
    actor_name: str | None
    target: str
    target_name: str
    date: str | None
    score: float
    label: str
    statement_id: str
    doc_id: str
    start: int  # the scored text's span in the body
    end: int
    text: str
    mention: str  # how the target was named
    cues: tuple[Cue, ...]

    @property
    def explanation(self) -> str:
        return "; ".join(c.rule for c in self.cues)


# -- data ---------------------------------------------------------------------------------


def _load_yaml(path: str | None, default: str, schema: str) -> dict[str, Any]:
    """A stance data file (the bundled one unless ``path``), checked against its schema."""
    if path:
        return datafiles.read(path, schema, StanceDataError)
    return datafiles.bundled(f"data/stance/{default}", schema, StanceDataError)


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(w.lower().replace("’", "'") for w in _WORD.findall(phrase))


@cache
def load_targets(path: str | None = None) -> tuple[Target, ...]:
    """Targets from ``data/stance/targets.yaml``, or from a user file of the same schema."""
    data = _load_yaml(path, "targets.yaml", "stance-targets")
    return tuple(Target(t["id"], t["name"], tuple(t["aliases"])) for t in data["targets"])


@cache
def load_lexicon(path: str | None = None) -> Lexicon:
    """The graded lexicon from ``data/stance/lexicon.yaml``, or from a user file of the same schema."""
    return lexicon_from(_load_yaml(path, "lexicon.yaml", "stance-lexicon"))


def lexicon_from(data: Mapping[str, Any]) -> Lexicon:
    terms = {_words(form): float(entry["score"]) for entry in data["terms"] for form in entry["forms"]}
    modifiers = {}
    for scope in ("local", "sentence"):
        for entry in data["modifiers"].get(scope, []):
            for form in entry["forms"]:
                words = _words(form)
                modifiers[words] = Modifier(words, float(entry["factor"]), entry["kind"], scope)
    labels = tuple(sorted(((float(e["min"]), e["label"]) for e in data["labels"]), reverse=True))
    return Lexicon(terms, modifiers, labels, int(data.get("window", 3)),
                   float(data["scale"]["min"]), float(data["scale"]["max"]),
                   frozenset(_words(form) for form in data.get("opponents", [])))


# -- scoring ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Token:
    word: str
    start: int
    end: int


def _tokens(text: str) -> list[_Token]:
    return [_Token(m.group().lower().replace("’", "'"), m.start(), m.end()) for m in _WORD.finditer(text)]


def _phrases(tokens: list[_Token], table: Mapping[tuple[str, ...], Any]) -> list[tuple[int, int, Any]]:
    """Longest-first, non-overlapping matches of ``table``'s word tuples: (first token, last+1, value)."""
    longest = max((len(k) for k in table), default=0)
    found, i = [], 0
    while i < len(tokens):
        for size in range(min(longest, len(tokens) - i), 0, -1):
            key = tuple(t.word for t in tokens[i : i + size])
            if key in table:
                found.append((i, i + size, table[key]))
                i += size
                break
        else:
            i += 1
    return found


def _is_negator(word: str) -> bool:
    return word.endswith("n't")


def score_sentence(text: str, offset: int, lexicon: Lexicon, skip: Iterable[tuple[int, int]] = ()) -> list[Cue]:
    """Cues in one sentence; ``offset`` maps ``text`` offsets to body offsets; ``skip`` spans are not scored
    (the target's own name: "peacekeeping" in "peacekeeping mission" is no judgement)."""
    tokens = _tokens(text)
    blocked = [(s - offset, e - offset) for s, e in skip]
    terms = [(i, j, v) for i, j, v in _phrases(tokens, lexicon.terms)
             if not any(tokens[i].start < e and s < tokens[j - 1].end for s, e in blocked)]
    term_starts = {i for i, _, _ in terms}
    modifiers = [(i, j, m) for i, j, m in _phrases(tokens, lexicon.modifiers) if i not in term_starts]
    for index, token in enumerate(tokens):
        if _is_negator(token.word) and (token.word,) not in lexicon.modifiers:
            modifiers.append((index, index + 1, Modifier((token.word,), -0.5, "negation", "local")))
    cues = []
    for i, j, base in terms:
        applied: dict[str, tuple[float, str]] = {}  # kind -> strongest factor, words
        for mi, mj, modifier in modifiers:
            if mj > i:
                continue
            if modifier.scope == "local":
                between = text[tokens[mj - 1].end : tokens[i].start]
                if i - mj >= lexicon.window or _CLAUSE_BREAK.search(between):
                    continue
            words = text[tokens[mi].start : tokens[mj - 1].end]
            previous = applied.get(modifier.kind)
            if previous is None or abs(modifier.factor - 1) > abs(previous[0] - 1):
                applied[modifier.kind] = (modifier.factor, words)
        score = base
        for factor, _ in applied.values():
            score *= factor
        score = max(lexicon.low, min(lexicon.high, score))
        phrase = text[tokens[i].start : tokens[j - 1].end]
        rule = f"{phrase!r} {base:+g}"
        for kind, (factor, words) in sorted(applied.items()):
            rule += f" × {factor:g} ({kind} {words!r})"
        if applied:
            rule += f" = {score:+g}"
        cues.append(Cue(phrase, offset + tokens[i].start, offset + tokens[j - 1].end, score, rule))
    return cues


def _alias_pattern(targets: Iterable[Target]) -> tuple[re.Pattern[str], dict[str, Target]]:
    by_alias = {a.lower(): t for t in targets for a in t.aliases}
    alternatives = "|".join(re.escape(a) for a in sorted(by_alias, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.I), by_alias


def _context(statement: Statement, doc: Document | None, index: SentenceIndex | None = None) -> tuple[str, int]:
    """The statement's text, or the sentence around it (within its line) when the quote itself names no target."""
    if doc is None or doc.body[statement.start : statement.end] != statement.text:
        return statement.text, statement.start
    body = doc.body
    index = index or SentenceIndex(split_sentences(doc))
    first, last = index.at(statement.start), index.at(max(statement.start, statement.end - 1))
    start = max(body.rfind("\n", 0, statement.start) + 1, first.start if first else statement.start)
    newline = body.find("\n", statement.end)
    end = min(last.end if last else statement.end, newline if newline >= 0 else len(body))
    while start < end and body[start].isspace():
        start += 1
    return body[start:end], start


def observe(statement: Statement, doc: Document | None = None, *, targets: Iterable[Target] | None = None,
            lexicon: Lexicon | None = None, sentences: SentenceIndex | None = None) -> list[StanceObservation]:
    """Stance observations of one statement: at most one per target it names.

    ``sentences`` is the document's sentence index when the caller has it (it is built once per document).
    """
    if not statement.speaker:
        return []
    targets = tuple(targets if targets is not None else load_targets())
    lexicon = lexicon or load_lexicon()
    pattern, by_alias = _alias_pattern(targets)
    text, offset = statement.text, statement.start
    if not pattern.search(text):
        text, offset = _context(statement, doc, sentences)
    scopes: dict[str, list[tuple[int, int, list[re.Match[str]]]]] = defaultdict(list)
    current: str | None = None
    carried = 0
    for start, end in sentence_spans(text):
        found = list(pattern.finditer(text, start, end))
        named = {by_alias[m.group().lower()].id for m in found}
        if named:
            for target_id in named:
                scopes[target_id].append((start, end, found))
            current, carried = (next(iter(named)) if len(named) == 1 else None), 0
        elif current is not None and carried < 2:
            scopes[current].append((start, end, []))
            carried += 1
    date = statement.said_on or (doc.published[:10] if doc and doc.published else None)
    observations = []
    for target in targets:
        if target.id not in scopes:
            continue
        cues: list[Cue] = []
        mention = ""
        for start, end, found in scopes[target.id]:
            names = [(offset + m.start(), offset + m.end()) for m in found]
            mention = mention or next((m.group() for m in found if by_alias[m.group().lower()] is target), "")
            found_cues = score_sentence(text[start:end], offset + start, lexicon, names)
            if _phrases(_tokens(text[start:end]), dict.fromkeys(lexicon.opponents)):
                found_cues = [c for c in found_cues if c.score > 0]  # the blame is aimed at the target's opponents
            cues += found_cues
        if not cues:
            continue
        score = round(max(lexicon.low, min(lexicon.high, sum(c.score for c in cues))), 2) + 0.0
        label = lexicon.label(score)
        if any(c.score > 0 for c in cues) and any(c.score < 0 for c in cues):
            label += ", with reservations" if score > 0 else ", mixed" if score == 0 else ", with some praise"
        first, last = scopes[target.id][0][0], scopes[target.id][-1][1]
        observations.append(StanceObservation(
            actor=statement.speaker, actor_name=statement.speaker_name, target=target.id, target_name=target.name,
            date=date, score=score, label=label, statement_id=statement.id, doc_id=statement.doc_id,
            start=offset + first, end=offset + last, text=text[first:last], mention=mention, cues=tuple(cues)))
    return observations


def stance(statements: Iterable[Statement], documents: Mapping[str, Document]) -> list[StanceObservation]:
    """Observations of every statement whose document is given, in date order.

    Pass only canonical documents so a syndicated copy does not count twice.
    """
    targets, lexicon = load_targets(), load_lexicon()
    indexes: dict[str, SentenceIndex] = {}
    observations = []
    for s in statements:
        doc = documents.get(s.doc_id)
        if doc is None:
            continue
        if doc.id not in indexes:
            indexes = {doc.id: SentenceIndex(split_sentences(doc))}  # statements come grouped by document
        observations += observe(s, doc, targets=targets, lexicon=lexicon, sentences=indexes[doc.id])
    return sorted(observations, key=order)


def order(observation: StanceObservation) -> tuple:
    """The order of a stance listing: actor, target, date (undated last), position."""
    return observation.actor, observation.target, observation.date or "9999", observation.start


def observation_record(observation: StanceObservation) -> dict:
    """An observation as plain data, with its explanation: what the views print and store."""
    return {**asdict(observation), "explanation": observation.explanation}


def observation_from_record(record: Mapping[str, Any]) -> StanceObservation:
    """The observation back from its record (a stored assessment)."""
    values = {k: v for k, v in record.items() if k != "explanation"}
    return StanceObservation(**{**values, "cues": tuple(Cue(**c) for c in record["cues"])})


def series(observations: Iterable[StanceObservation]) -> dict[tuple[str, str], list[StanceObservation]]:
    """Observations grouped per (actor, target), each group in date order."""
    grouped: dict[tuple[str, str], list[StanceObservation]] = defaultdict(list)
    for obs in sorted(observations, key=lambda o: (o.date or "9999", o.doc_id, o.start)):
        grouped[(obs.actor, obs.target)].append(obs)
    return dict(grouped)
