"""Paged listings and search for the workspace: bounded queries, so a page costs the same on any store size.

Search is full-text (migration 0008): SQLite FTS5, PostgreSQL ``to_tsvector('simple', ...)`` over the
columns of ``tables.SEARCH_COLUMNS``; every word of the query must occur (case and accents ignored),
best matches first on SQLite (``bm25``), in id order on PostgreSQL. The user's text is never FTS
syntax: each word is a quoted phrase (SQLite) or goes through ``plainto_tsquery`` (PostgreSQL), and is
always a bound parameter. A SQLite without FTS5 (or another backend) falls back to a case-insensitive
substring match.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import ColumnElement, Engine, Select, Table, func, inspect, literal_column, or_, select, text

from trucewatch.store.tables import SEARCH_COLUMNS, documents, evidence_links, incidents, statements

if TYPE_CHECKING:
    from trucewatch.records import EvidenceLink, Statement

_SUMMARY = (documents.c.id, documents.c.title, documents.c.outlet, documents.c.published, documents.c.url,
            documents.c.duplicate_of, documents.c.language)


_FOUND = {
    "documents": _SUMMARY,
    "statements": (statements.c.id, statements.c.doc_id, statements.c.text, statements.c.speaker,
                   statements.c.speaker_name, statements.c.said_on),
    "evidence": (evidence_links.c.id, evidence_links.c.doc_id, evidence_links.c.agreement_id,
                 evidence_links.c.provision, evidence_links.c.text, evidence_links.c.said_on),
    "incidents": (incidents.c.id, incidents.c.doc_id, incidents.c.sentence, incidents.c.type, incidents.c.date,
                  incidents.c.place),
}
_SEARCHED: dict[str, Table] = {"documents": documents, "statements": statements, "evidence": evidence_links,
                               "incidents": incidents}


def _pattern(words: str) -> str:
    return "%" + words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def fts5_query(words: str) -> str:
    """``words`` as an FTS5 query that is only words: each a quoted phrase (``"`` doubled), all required.

    Operators (AND, OR, NOT, NEAR), column filters, ``*`` and parentheses are then plain text.
    """
    return " ".join('"' + word.replace('"', '""') + '"' for word in words.split())


def _like(table: Table, words: str) -> ColumnElement[bool]:
    pattern = _pattern(words)
    return or_(*(table.c[name].ilike(pattern, escape="\\") for name in SEARCH_COLUMNS[table.name]))


def tsvector_sql(table: str) -> str:
    """The indexed expression of migration 0008, as SQL: a query must spell it the same to use the index."""
    joined = " || ' ' || ".join(f"coalesce({table}.{c}, '')" for c in SEARCH_COLUMNS[table])
    return f"to_tsvector('simple', {joined})"


class Browse:
    """Store methods for paged listings and search (mixed into ``Store``)."""

    engine: Engine
    _search_method: str | None = None  # found once per store, on first search

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

    def search(self, words: str, *, limit: int, offset: int) -> dict[str, list[dict]]:
        """Documents, statements, evidence and incidents containing every word of ``words`` (each list one page
        long)."""
        with self.engine.connect() as connection:
            if self.search_method() == "postgresql":
                # The planner prices to_tsvector as cheap and, on a small or unanalysed table, would rather
                # re-tokenise every row than read the GIN index: not in this transaction.
                connection.exec_driver_sql("SET LOCAL enable_seqscan = off")
            return {kind: [dict(r) for r in connection.execute(
                        self._search_query(kind, words).limit(limit).offset(offset)).mappings()]
                    for kind in _SEARCHED}

    def search_method(self) -> str:
        """How this store searches: ``fts5``, ``postgresql`` or ``like`` (no full-text index here)."""
        if self._search_method is None:
            dialect = self.engine.dialect.name
            if dialect == "sqlite":
                found = inspect(self.engine).get_table_names()
                self._search_method = "fts5" if all(f"{t}_fts" in found for t in SEARCH_COLUMNS) else "like"
            else:
                self._search_method = "postgresql" if dialect == "postgresql" else "like"
        return self._search_method

    def _search_query(self, kind: str, words: str) -> Select:
        table, method = _SEARCHED[kind], self.search_method()
        query = select(*_FOUND[kind])
        if method == "fts5":
            fts = literal_column(f"{table.name}_fts")  # a fixed name from SEARCH_COLUMNS, never user text
            return (query.join(text(f"{table.name}_fts"), literal_column(f"{table.name}_fts.rowid") ==
                               literal_column(f"{table.name}.rowid"))
                    .where(fts.op("MATCH")(fts5_query(words)))
                    .order_by(literal_column(f"{table.name}_fts.rank"), table.c.id))
        if method == "postgresql":
            # Ranked by id, not ts_rank: ranking would re-tokenise every match (a body each) per request.
            wanted = func.plainto_tsquery(literal_column("'simple'"), words)
            return query.where(literal_column(tsvector_sql(table.name)).op("@@")(wanted)).order_by(table.c.id)
        return query.where(_like(table, words)).order_by(table.c.id)
