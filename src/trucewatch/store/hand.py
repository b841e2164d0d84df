"""Records a monitor enters by hand: a document, a statement or an incident no news source carries.

They are stored as extracted items are (same tables, same stable ids, so status, search, reports and
exports count them alike) and marked with who entered them and when (``entered_by``/``entered_at``).
Analysis never deletes or overwrites such a row; a document entered by hand is analysed like any other.
Corrections afterwards are revisions, as for machine items.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import TYPE_CHECKING

from sqlalchemy import Engine, delete, insert, select, update

from trucewatch.store.tables import documents, evidence_links, incidents, statements

if TYPE_CHECKING:
    from trucewatch.agreements import Agreement
    from trucewatch.records import Document, EvidenceLink, Incident, Statement

HAND_SOURCE = "hand:"  # the source path of a document entered by hand: "hand:<user>"


class ByHand:
    """Store methods that add records entered by hand (mixed into ``Store``)."""

    engine: Engine

    def add_document_by_hand(self, user: str, *, text: str, title: str | None, outlet: str | None,
                             published: str | None, url: str | None = None) -> Document:
        """Store a document whose body is ``text`` as given (a field report, call notes, a bulletin);
        near-duplicates of stored documents are grouped as at ingest. Returns it."""
        from trucewatch.dedup import DuplicateIndex, signature
        from trucewatch.records import Document
        from trucewatch.store import _now
        from trucewatch.text.language import detect_language

        body = "\n".join(line.rstrip() for line in text.strip().replace("\r\n", "\n").split("\n"))
        at = _now()
        key = hashlib.sha256("\x1f".join(["hand", user, at, title or "", body]).encode()).hexdigest()
        doc = Document.of_text(body, doc_id=key[:16], source_key=key, source_path=HAND_SOURCE + user, title=title,
                               published=published, published_source="hand" if published else None, outlet=outlet,
                               language=detect_language(body), url=url)
        data = signature(body)
        assigned = DuplicateIndex(self.duplicate_candidates, self.documents_by_id).assign(doc, data)  # type: ignore[attr-defined]
        doc.duplicate_of, doc.duplicate_reason = assigned.duplicate_of, assigned.reason
        self.add_documents([(doc, data, assigned.buckets)])  # type: ignore[attr-defined]
        with self.engine.begin() as connection:
            connection.execute(update(documents).where(documents.c.id == doc.id).values(entered_by=user,
                                                                                        entered_at=at))
        return doc

    def add_statement_by_hand(self, user: str, statement: Statement,
                              agreements: Iterable[Agreement] = ()) -> list[EvidenceLink]:
        """Store a statement and the evidence links drawn from it for ``agreements`` (as analysis links a
        statement covering a sentence); an item the machine made with the same id is replaced."""
        from trucewatch.linking import link_document
        from trucewatch.records import Sentence
        from trucewatch.store import _link_row, _statement_row

        doc = self.document(statement.doc_id)  # type: ignore[attr-defined]
        sentence = Sentence(statement.doc_id, statement.sentence_index or 0, statement.start, statement.end,
                            statement.text)
        links = [x for a in agreements for x in link_document(doc, [sentence], [statement], a)]
        self._insert_by_hand(user, statements, [_statement_row(statement)])
        self._insert_by_hand(user, evidence_links, [_link_row(x) for x in links])
        return links

    def add_incident_by_hand(self, user: str, incident: Incident) -> None:
        from trucewatch.store import _incident_row

        self._insert_by_hand(user, incidents, [_incident_row(incident)])

    def entered_by_hand(self, table_name: str, ids: list[str]) -> dict[str, dict]:
        """id -> {"by", "at"} of the rows among ``ids`` entered by hand."""
        table = {"documents": documents, "statements": statements, "evidence": evidence_links,
                 "incidents": incidents}[table_name]
        if not ids:
            return {}
        query = select(table.c.id, table.c.entered_by, table.c.entered_at).where(
            table.c.id.in_(ids[:1000]), table.c.entered_by.is_not(None))
        with self.engine.connect() as connection:
            return {i: {"by": by, "at": at} for i, by, at in connection.execute(query)}

    def _insert_by_hand(self, user: str, table, rows: list[dict]) -> None:
        from trucewatch.store import _now

        if not rows:
            return
        at = _now()
        with self.engine.begin() as connection:
            connection.execute(delete(table).where(table.c.id.in_([r["id"] for r in rows])))
            connection.execute(insert(table), [{**r, "run_id": None, "entered_by": user, "entered_at": at}
                                               for r in rows])
