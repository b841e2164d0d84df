"""Recording by hand what no news source carries, shared by the API and the forms (``store.hand`` stores it).

A statement or an incident cites a document: one already stored (``doc_id``) or, failing that, one
made from ``source`` and the attachment ``text`` in the same request. Its span is where its text
occurs in that document's body (the whole body when no text is given).
"""

from __future__ import annotations

from datetime import date
from datetime import date as Day  # a field is named date

from fastapi import HTTPException
from pydantic import BaseModel, Field

from trucewatch.agreements import Agreement
from trucewatch.records import Document, Incident, Statement
from trucewatch.store import Store


class Source(BaseModel):
    """Where a record comes from: a field report, a call with a party, a bulletin received by email..."""

    title: str = Field(..., min_length=1, max_length=300)
    outlet: str = Field(..., min_length=1, max_length=200, description="Who or what the source is.")
    published: date | None = Field(None, description="When it was written or received.")
    url: str | None = Field(None, max_length=2000)
    text: str = Field(..., min_length=1, max_length=200_000, description="The text (of its attachments).")


class Cited(BaseModel):
    doc_id: str | None = Field(None, max_length=32, description="A stored document; else give `source`.")
    source: Source | None = None


class StatementRecord(Cited):
    text: str = Field(..., min_length=1, max_length=20_000, description="What was said (found in the document).")
    speaker: str = Field(..., min_length=1, max_length=200)
    said_on: date | None = None


class IncidentRecord(Cited):
    sentence: str | None = Field(None, max_length=20_000, description="The report's words (in the document).")
    type: str = Field(..., max_length=32)
    date: Day | None = None
    place: str | None = Field(None, max_length=200)
    fatalities: int = Field(0, ge=0, le=1_000_000)
    actors: list[dict] = Field(default_factory=list, description="Each {name, side, role: actor|target}.")


def record_document(store: Store, user: dict, source: Source) -> Document:
    return store.add_document_by_hand(user["name"], text=source.text, title=source.title, outlet=source.outlet,
                                      published=source.published.isoformat() if source.published else None,
                                      url=source.url)


def _cited(store: Store, user: dict, record: Cited, text: str | None) -> tuple[Document, int, int]:
    """The cited document and the span of ``text`` in its body."""
    if record.doc_id:
        doc = store.document(record.doc_id)
        if doc is None:
            raise HTTPException(404, f"no document {record.doc_id}")
    elif record.source is not None:
        doc = record_document(store, user, record.source)
    else:
        raise HTTPException(422, "give the doc_id of a stored document or a source")
    if not text:
        return doc, 0, len(doc.body)
    start = doc.body.find(text.strip())
    if start < 0:
        raise HTTPException(422, "the text does not occur in the document: quote it as written there")
    return doc, start, start + len(text.strip())


def record_statement(store: Store, agreements: dict[str, Agreement], user: dict, record: StatementRecord) -> dict:
    """Store a statement (speaker resolved against the registry) and the evidence it gives."""
    from trucewatch.actors import load_registry
    from trucewatch.statements.speakers import PROVISIONAL, slug

    doc, start, end = _cited(store, user, record, record.text)
    registry = load_registry()
    actor = registry.get(registry.lookup(record.speaker))
    said_on = record.said_on.isoformat() if record.said_on else (doc.published or "")[:10] or None
    statement = Statement(doc.id, "direct", start, end, doc.body[start:end],
                          speaker=actor.id if actor else PROVISIONAL + slug(record.speaker.strip()),
                          speaker_name=actor.name if actor else record.speaker.strip(),
                          speaker_text=record.speaker.strip(), said_on=said_on,
                          said_on_precision="day" if said_on else None)
    links = store.add_statement_by_hand(user["name"], statement, agreements.values())
    return {"id": statement.id, "doc_id": doc.id, "evidence": [x.id for x in links]}


def record_incident(store: Store, user: dict, record: IncidentRecord) -> dict:
    """Store an incident report, coded like extracted ones (PLOVER and ACLED codes from its type)."""
    from trucewatch.incidents.rules import incident_rules

    rule = next((t for t in incident_rules().types if t.name == record.type), None)
    if rule is None:
        raise HTTPException(422, f"no incident type {record.type}")
    doc, start, end = _cited(store, user, record, record.sentence)
    when = record.date.isoformat() if record.date else (doc.published or "")[:10] or None
    incident = Incident(doc.id, start, end, doc.body[start:end], record.type, rule.plover_type, rule.plover_mode,
                        rule.acled_event_type, rule.acled_sub_event_type, date=when,
                        date_precision="day" if when else None, place=record.place,
                        actors=[{k: a.get(k) for k in ("name", "side", "role")} for a in record.actors],
                        fatalities=record.fatalities, confidence=1.0)
    store.add_incident_by_hand(user["name"], incident)
    return {"id": incident.id, "doc_id": doc.id}
