"""Typed records that flow between the stages.

Data flows one way: sources -> documents -> sentences -> statements/events ->
evidence links -> assessments -> views. Every stage is a plain function over
these records; only :mod:`trucewatch.store` turns them into rows.

Offsets are character offsets into ``Document.body`` unless a field says
otherwise; :meth:`Document.raw_offset` maps them back to the original text.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Literal

ContentType = Literal["text", "html"]


def stable_id(kind: str, *parts: object) -> str:
    """An id derived from what an item is and where it comes from, never from a row number.

    The document id already hashes the source's path, locator and content, so the same
    analysis of the same text yields the same ids, and an analyst's correction keyed by
    such an id finds its item again after any re-run.
    """
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode()).hexdigest()[:20]
    return f"{kind}_{digest}"


@dataclass(frozen=True)
class SourceItem:
    """One readable unit found in a source: a file, a JSONL record or a WARC record.

    ``key`` identifies the unit by where it came from and what it contained, so
    re-reading an unchanged file yields the same key (idempotent ingest).
    """

    key: str
    source_path: str
    locator: str  # "" for a whole file, "line 12" for JSONL, "record 3" for WARC
    content_type: ContentType
    raw_text: str
    hints: dict[str, str] = field(default_factory=dict)  # title, published, outlet, url from the container


@dataclass(frozen=True)
class Skip:
    """A unit that could not be read, with the reason shown in the ingest report."""

    source_path: str
    locator: str
    reason: str
    key: str | None = None  # set when the unit is known, so a re-run skips it without re-reading

    def __str__(self) -> str:
        """``skipped PATH[ LOCATOR]: REASON``, the line every command prints for it."""
        return f"skipped {self.source_path}{' ' + self.locator if self.locator else ''}: {self.reason}"


SkipOrItem = SourceItem | Skip


@dataclass(frozen=True)
class RemovedBlock:
    """A block of the original text that is not body, kept so nothing is silently lost."""

    kind: str  # e.g. title, dateline, caption, credit, boilerplate, related, disclaimer
    text: str
    raw_start: int  # offsets into raw_text; -1 when the block does not occur verbatim there (HTML)
    raw_end: int
    reason: str = ""


@dataclass(frozen=True)
class BodySpan:
    """Maps ``body[body_start:body_start+length]`` to ``raw_text[raw_start:raw_start+length]``."""

    body_start: int
    raw_start: int
    length: int


@dataclass
class Document:
    id: str
    source_key: str
    source_path: str
    locator: str
    content_type: ContentType
    raw_text: str
    body: str
    body_spans: list[BodySpan]
    title: str | None = None
    published: str | None = None  # ISO 8601 date or datetime
    published_source: str | None = None  # dateline, title, meta, hint, url, inferred
    outlet: str | None = None
    wire: str | None = None
    language: str | None = None
    url: str | None = None
    duplicate_of: str | None = None
    duplicate_reason: str | None = None  # similarity and the rule that grouped it with (or kept it apart from) another
    removed: list[RemovedBlock] = field(default_factory=list)

    @classmethod
    def of_text(cls, text: str, *, doc_id: str = "d1", **fields) -> Document:
        """A document whose body is ``text`` as it is (no cleaning): a record that is already plain text (a PLOVER
        snippet, a note entered by hand) or a test's own sentences. ``fields``: title, published, language..."""
        return cls(id=doc_id, source_key=fields.pop("source_key", doc_id), source_path=fields.pop("source_path", ""),
                   locator="", content_type="text", raw_text=text, body=text, body_spans=[BodySpan(0, 0, len(text))],
                   **fields)

    def raw_offset(self, body_offset: int, end: bool = False) -> int | None:
        """Offset in ``raw_text`` of a body offset, or None where the body was not copied verbatim.

        Spans of HTML pages are piecewise (a tag or an entity between two spans), so a
        boundary offset is ambiguous: a start offset (the default) maps through the span
        holding the character at it, an end offset (``end=True``) through the span holding
        the character before it; then ``raw_text[raw_offset(s):raw_offset(e, end=True)]``
        is the original of ``body[s:e]``, tags included. Failing that, a span that merely
        touches the offset is used: a body character with no span of its own (a decoded
        entity, a collapsed whitespace run) maps, as a start, to where the preceding span
        ends and, as an end, to where the following span starts, i.e. to the bounds of
        the entity or run in the page when nothing else sits between. An offset more than
        one character away from every span gives None.
        """
        touching = None
        for span in self.body_spans:
            inside = body_offset - span.body_start
            if (0 < inside <= span.length) if end else (0 <= inside < span.length):
                return span.raw_start + inside
            if touching is None and 0 <= inside <= span.length:
                touching = span.raw_start + inside
        return touching


@dataclass(frozen=True)
class Sentence:
    doc_id: str
    index: int
    start: int
    end: int
    text: str


StatementKind = Literal["direct", "partial", "indirect"]


@dataclass
class Statement:
    """Who said what, when: one quotation or reported statement in a document."""

    doc_id: str
    kind: StatementKind
    start: int  # content span in the body
    end: int
    text: str
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    speaker: str | None = None  # actor id from the registry (or a provisional id)
    speaker_name: str | None = None  # the actor's canonical name
    speaker_text: str | None = None  # the speaker as written ("he", "the Azerbaijani leader")
    speaker_start: int | None = None
    speaker_end: int | None = None
    said_on: str | None = None  # ISO date the statement was made
    said_on_precision: Literal["day", "month", "year"] | None = None
    sentence_index: int | None = None

    @property
    def id(self) -> str:
        return stable_id("st", self.doc_id, self.kind, self.start, self.end)


@dataclass(frozen=True)
class EvidenceLink:
    """A sentence or statement that bears on one provision of an agreement."""

    agreement_id: str
    provision: str  # provision number as written in the agreement file, e.g. "6"
    doc_id: str
    start: int  # sentence (or statement) span in the body
    end: int
    text: str
    score: float
    reason: str  # human-readable: which indicators or which similarity
    statement_id: str | None = None
    speaker: str | None = None
    said_on: str | None = None
    signal: str | None = None  # what the evidence says: done, advanced, started, not_done, violated, disputed
    reported_on: str | None = None  # ISO date of the document that carries the evidence
    sentence_index: int | None = None  # index of the (first) sentence the span lies in

    @property
    def id(self) -> str:
        return evidence_id(self.doc_id, self.agreement_id, self.provision, self.start, self.end)


def evidence_id(doc_id: str, agreement_id: str, provision: str, start: int, end: int) -> str:
    """An evidence link's stable id, from where it is and what it is about (views rebuild it from records)."""
    return stable_id("ev", doc_id, agreement_id, provision, start, end)


@dataclass
class Incident:
    """One report of an incident (a shelling, a release, a handover...) in one sentence of a document.

    ``type`` is the ceasefire-monitoring type; PLOVER and ACLED codes sit beside it so the
    incidents export to either. The place is kept as written even when the gazetteer does not
    know it (then it has no coordinates); ``reported_by`` is who tells of it, ``actors`` who took
    part, each with a role (``actor`` or ``target``) and a side.
    """

    doc_id: str
    start: int  # the sentence's span in the body
    end: int
    sentence: str
    type: str
    plover_type: str
    plover_mode: str | None = None
    acled_event_type: str = ""
    acled_sub_event_type: str = ""
    date: str | None = None
    date_precision: str | None = None
    place: str | None = None  # as written
    place_id: str | None = None
    admin1: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    actors: list[dict] = field(default_factory=list)  # {name, side, role}
    reported_by: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    fatalities: int = 0
    confidence: float = 0.5
    cue: str | None = None
    sentence_index: int | None = None

    @property
    def id(self) -> str:
        return stable_id("in", self.doc_id, self.type, self.start, self.end)
