"""Paged listings and search for the workspace: bounded queries, so a page costs the same on any store size.

Search is a case-insensitive substring match with the user's text bound as a parameter (``%``
and ``_`` escaped), over document titles and bodies, statement and evidence text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import Engine, func, select

from trucewatch.store.tables import documents, evidence_links, statements

if TYPE_CHECKING:
    from trucewatch.records import EvidenceLink, Statement

_SUMMARY = (documents.c.id, documents.c.title, documents.c.outlet, documents.c.published, documents.c.url,
            documents.c.duplicate_of, documents.c.language)


def _pattern(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


class Browse:
    """Store methods for paged listings and search (mixed into ``Store``)."""

    engine: Engine

    def document_page(self, *, limit: int, offset: int) -> tuple[list[dict], int]:
        """(summaries of one page of documents, newest first; how many there are)."""
        query = (select(*_SUMMARY).order_by(documents.c.published.is_(None), documents.c.published.desc(),
                                            documents.c.id).limit(limit).offset(offset))
        with self.engine.connect() as connection:
            total = connection.scalar(select(func.count()).select_from(documents)) or 0
            return [dict(r) for r in connection.execute(query).mappings()], total

    def statement_page(self, *, speaker: str | None, limit: int, offset: int, since: str | None = None,
                       until: str | None = None) -> tuple[list[Statement], int]:
        """(one page of statements, reviewed, of ``speaker`` and said between ``since`` and ``until`` if given;
        how many match).

        The filters are on the machine's speaker and date; a correction shows on the page.
        """
        from trucewatch.store import _row_statement
        from trucewatch.store.reviews import apply_statement_review

        where = [] if speaker is None else [statements.c.speaker == speaker]
        if since is not None:
            where.append(func.substr(statements.c.said_on, 1, 10) >= since)
        if until is not None:
            where.append(func.substr(statements.c.said_on, 1, 10) <= until)
        query = (select(statements).where(*where).order_by(statements.c.said_on.desc(), statements.c.id)
                 .limit(limit).offset(offset))
        with self.engine.connect() as connection:
            total = connection.scalar(select(func.count()).select_from(statements).where(*where)) or 0
            rows = [_row_statement(r) for r in connection.execute(query).mappings()]
        reviews = self.current_reviews("statement", [s.id for s in rows])  # type: ignore[attr-defined]
        return [apply_statement_review(s, reviews) for s in rows], total

    def document_evidence(self, doc_id: str) -> list[EvidenceLink]:
        """Every evidence link of one document, as the machine made it (the page shows reviews beside them)."""
        from trucewatch.store import _row_link

        query = select(evidence_links).where(evidence_links.c.doc_id == doc_id).order_by(evidence_links.c.start)
        with self.engine.connect() as connection:
            return [_row_link(r) for r in connection.execute(query).mappings()]

    def evidence_of_provision(self, agreement_id: str, provision: str) -> list[EvidenceLink]:
        """The machine links of one provision (reviews not applied: the page shows them beside each link)."""
        from trucewatch.store import _row_link

        query = select(evidence_links).where(evidence_links.c.agreement_id == agreement_id,
                                             evidence_links.c.provision == provision)
        with self.engine.connect() as connection:
            return [_row_link(r) for r in connection.execute(query).mappings()]

    def links(self, link_ids: list[str]) -> dict[str, EvidenceLink]:
        """The machine links of ``link_ids`` (one query per 500), by id; unknown ids are left out."""
        from trucewatch.store import _row_link

        found: dict[str, EvidenceLink] = {}
        with self.engine.connect() as connection:
            for i in range(0, len(link_ids), 500):
                query = select(evidence_links).where(evidence_links.c.id.in_(link_ids[i : i + 500]))
                found |= {r["id"]: _row_link(r) for r in connection.execute(query).mappings()}
        return found

    def statement(self, statement_id: str) -> Statement | None:
        from trucewatch.store import _row_statement

        with self.engine.connect() as connection:
            row = connection.execute(select(statements).where(statements.c.id == statement_id)).mappings().first()
        return _row_statement(row) if row else None

    def link(self, link_id: str) -> EvidenceLink | None:
        from trucewatch.store import _row_link

        with self.engine.connect() as connection:
            row = connection.execute(select(evidence_links).where(evidence_links.c.id == link_id)).mappings().first()
        return _row_link(row) if row else None

    def search(self, text: str, *, limit: int, offset: int) -> dict[str, list[dict]]:
        """Documents, statements and evidence containing ``text`` (each list one page long)."""
        pattern = _pattern(text)
        queries = {
            "documents": select(*_SUMMARY).where(documents.c.title.ilike(pattern, escape="\\")
                                                 | documents.c.body.ilike(pattern, escape="\\"))
            .order_by(documents.c.published.desc(), documents.c.id),
            "statements": select(statements.c.id, statements.c.doc_id, statements.c.text, statements.c.speaker,
                                 statements.c.speaker_name, statements.c.said_on)
            .where(statements.c.text.ilike(pattern, escape="\\")).order_by(statements.c.said_on.desc(),
                                                                             statements.c.id),
            "evidence": select(evidence_links.c.id, evidence_links.c.doc_id, evidence_links.c.agreement_id,
                               evidence_links.c.provision, evidence_links.c.text, evidence_links.c.said_on)
            .where(evidence_links.c.text.ilike(pattern, escape="\\")).order_by(evidence_links.c.id),
        }
        with self.engine.connect() as connection:
            return {kind: [dict(r) for r in connection.execute(q.limit(limit).offset(offset)).mappings()]
                    for kind, q in queries.items()}
