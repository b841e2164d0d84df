"""Paged listings and search for the workspace: bounded queries, so a page costs the same on any store size.

Search is full-text (migration 0008): SQLite FTS5, PostgreSQL ``to_tsvector('simple', ...)`` over the
columns of ``tables.SEARCH_COLUMNS``; every word of the query must occur (case and accents ignored),
in id order on PostgreSQL. On SQLite the ``SEARCH_CANDIDATES`` most recently stored matches of a kind (FTS5
reads them in rowid order without ranking the rest) come first, best first (``bm25``), then any further
matches newest first: a word found in every document costs what a rare one does, and a word found fewer
times is ranked whole. The user's text is never FTS
syntax: each word is a quoted phrase (SQLite) or goes through ``plainto_tsquery`` (PostgreSQL), and is
always a bound parameter. A SQLite without FTS5 (or another backend) falls back to a case-insensitive
substring match.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import (
    ColumnElement,
    Engine,
    Select,
    Table,
    Text,
    cast,
    func,
    inspect,
    literal_column,
    or_,
    select,
    text,
)

from trucewatch.records import Incident
from trucewatch.store.tables import (
    SEARCH_COLUMNS,
    analysis_runs,
    documents,
    evidence_links,
    incidents,
    revisions,
    statements,
)

if TYPE_CHECKING:
    from trucewatch.records import EvidenceLink, Statement

_SUMMARY = (
    documents.c.id,
    documents.c.title,
    documents.c.outlet,
    documents.c.published,
    documents.c.url,
    documents.c.duplicate_of,
    documents.c.language,
)


_FOUND = {
    "documents": _SUMMARY,
    "statements": (
        statements.c.id,
        statements.c.doc_id,
        statements.c.text,
        statements.c.speaker,
        statements.c.speaker_name,
        statements.c.said_on,
    ),
    "evidence": (
        evidence_links.c.id,
        evidence_links.c.doc_id,
        evidence_links.c.agreement_id,
        evidence_links.c.provision,
        evidence_links.c.text,
        evidence_links.c.speaker,
        evidence_links.c.said_on,
    ),
    "incidents": (
        incidents.c.id,
        incidents.c.doc_id,
        incidents.c.sentence,
        incidents.c.type,
        incidents.c.date,
        incidents.c.place,
    ),
}
_SEARCHED: dict[str, Table] = {
    "documents": documents,
    "statements": statements,
    "evidence": evidence_links,
    "incidents": incidents,
}
SEARCH_CANDIDATES = 1000  # matches of one kind ranked per search (SQLite; see the module's docstring)


@dataclass(frozen=True)
class Filters:
    """What a listing or a search is narrowed to; None (or empty) is no filter.

    ``speakers`` is a set of actor ids (an actor, or every actor of a side); ``kinds`` the kinds of item
    (documents, statements, evidence, incidents); dates compare the first ten characters (a day).
    """

    kinds: frozenset[str] = frozenset()
    speakers: frozenset[str] | None = None
    provision: str | None = None
    agreement: str | None = None
    outlet: str | None = None
    types: frozenset[str] = frozenset()
    side: str | None = None  # incidents: an actor of this side took part
    since: str | None = None
    until: str | None = None


_DATES = {
    "documents": documents.c.published,
    "statements": statements.c.said_on,
    "evidence": func.coalesce(evidence_links.c.said_on, evidence_links.c.reported_on),
    "incidents": incidents.c.date,
}


def _where(kind: str, filters: Filters) -> list[ColumnElement[bool]] | None:
    """The conditions of ``filters`` on a kind of item, or None when a filter excludes that kind altogether."""
    table = _SEARCHED[kind]
    if filters.kinds and kind not in filters.kinds:
        return None
    where: list[ColumnElement[bool]] = []
    if filters.speakers is not None:
        if kind not in ("statements", "evidence"):
            return None
        where.append(table.c.speaker.in_(sorted(filters.speakers)))
    if filters.provision is not None or filters.agreement is not None:
        if kind != "evidence":
            return None
        where += [
            c
            for c in (
                filters.provision is not None and evidence_links.c.provision == filters.provision,
                filters.agreement is not None and evidence_links.c.agreement_id == filters.agreement,
            )
            if c is not False
        ]
    if filters.types:
        if kind != "incidents":
            return None
        where.append(incidents.c.type.in_(sorted(filters.types)))
    if filters.side is not None:
        if kind != "incidents":
            return None  # statements and evidence filter a side through ``speakers``
        # actors is JSON written by json.dumps on both backends: match its text, the value JSON-escaped
        side = json.dumps({"side": filters.side})[1:-1]
        where.append(cast(incidents.c.actors, Text).like(_pattern(side), escape="\\"))
    if filters.outlet is not None:
        outlet = documents.c.outlet == filters.outlet
        where.append(outlet if kind == "documents" else table.c.doc_id.in_(select(documents.c.id).where(outlet)))
    day = func.substr(_DATES[kind], 1, 10)
    if filters.since is not None:
        where.append(day >= filters.since)
    if filters.until is not None:
        where.append(day <= filters.until)
    return where


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

    def document_page(self, *, limit: int, offset: int, filters: Filters | None = None) -> tuple[list[dict], int]:
        """(summaries of one page of documents, newest first; how many match ``filters``)."""
        where = _where("documents", filters or Filters())
        if where is None:  # a filter this list cannot meet
            return [], 0
        query = (
            select(*_SUMMARY, documents.c.entered_by)
            .where(*where)
            .order_by(documents.c.published.desc().nulls_last(), documents.c.id)
            .limit(limit)
            .offset(offset)
        )
        with self.engine.connect() as connection:
            total = connection.scalar(select(func.count()).select_from(documents).where(*where)) or 0
            return [dict(r) for r in connection.execute(query).mappings()], total

    def data_version(self) -> str:
        """A token of everything a page may show, from a few counts and newest ids (each read from an index).

        Rows are added by ingest, analysis and records by hand (counts), analysis runs replace them (the
        newest run, its state and end), reviews append revisions (the newest). A run that replaces a
        batch by as many rows shows at its end.
        """
        counts = [select(func.count()).select_from(t).scalar_subquery() for t in _SEARCHED.values()]
        newest = (
            select(analysis_runs.c.id, analysis_runs.c.status, analysis_runs.c.finished_at)
            .order_by(analysis_runs.c.id.desc())
            .limit(1)
        )
        with self.engine.connect() as connection:
            found = connection.execute(select(*counts, select(func.max(revisions.c.id)).scalar_subquery())).one()
            run = connection.execute(newest).first()
        return ":".join(map(str, [*found, *(run or ())]))

    def outlets(self) -> list[str]:
        """Every outlet named by a document, for a filter's choices."""
        query = (
            select(documents.c.outlet).where(documents.c.outlet.is_not(None)).distinct().order_by(documents.c.outlet)
        )
        with self.engine.connect() as connection:
            return list(connection.scalars(query))

    def incident_page(self, *, limit: int, offset: int, filters: Filters | None = None) -> tuple[list[Incident], int]:
        """(one page of incident reports as the machine made them, newest first; how many match ``filters``)."""
        from trucewatch.store import _INCIDENT_FIELDS

        where = _where("incidents", filters or Filters())
        if where is None:  # a filter this list cannot meet
            return [], 0
        query = (
            select(incidents)
            .where(*where)
            .order_by(incidents.c.date.desc().nulls_last(), incidents.c.id)
            .limit(limit)
            .offset(offset)
        )
        with self.engine.connect() as connection:
            total = connection.scalar(select(func.count()).select_from(incidents).where(*where)) or 0
            rows = connection.execute(query).mappings().all()
        return [Incident(**{name: r[name] for name in _INCIDENT_FIELDS}) for r in rows], total

    def incidents_by_id(self, ids: list[str]) -> list[Incident]:
        """The machine reports of ``ids`` (one query per 500), in date order."""
        from trucewatch.store import _INCIDENT_FIELDS

        found: list[Incident] = []
        with self.engine.connect() as connection:
            for i in range(0, len(ids), 500):
                query = select(incidents).where(incidents.c.id.in_(ids[i : i + 500]))
                found += [Incident(**{n: r[n] for n in _INCIDENT_FIELDS}) for r in connection.execute(query).mappings()]
        return sorted(found, key=lambda x: (x.date or "", x.doc_id, x.start))

    def incidents_version(self, *, reviews: bool = True) -> str:
        """A token that changes whenever the incident reports (and, with ``reviews``, their reviews) may have."""
        query = select(func.count(), func.max(incidents.c.run_id), func.max(incidents.c.entered_at))
        with self.engine.connect() as connection:
            count, newest, by_hand = connection.execute(query).one()
            reviewed = (
                connection.scalar(select(func.max(revisions.c.id)).where(revisions.c.target_kind == "incident"))
                if reviews
                else None
            )
        return f"{count}:{newest}:{by_hand}:{reviewed}"

    def statement_page(self, *, limit: int, offset: int, filters: Filters | None = None) -> tuple[list[Statement], int]:
        """(one page of statements, reviewed, matching ``filters``; how many match).

        The filters are on the machine's speaker and date; a correction shows on the page.
        """
        from trucewatch.store import _row_statement
        from trucewatch.store.reviews import apply_statement_review

        where = _where("statements", filters or Filters())
        if where is None:  # a filter this list cannot meet
            return [], 0
        query = (
            select(statements)
            .where(*where)
            .order_by(statements.c.said_on.desc(), statements.c.id)
            .limit(limit)
            .offset(offset)
        )
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

        query = select(evidence_links).where(
            evidence_links.c.agreement_id == agreement_id, evidence_links.c.provision == provision
        )
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

    def search(self, words: str, *, limit: int, offset: int, filters: Filters | None = None) -> dict[str, list[dict]]:
        """Documents, statements, evidence and incidents containing every word of ``words`` and matching
        ``filters`` (each list one page long; a kind a filter cannot apply to, or not asked for, is empty)."""
        filters = filters or Filters()
        found: dict[str, list[dict]] = {}
        with self.engine.connect() as connection:
            if self.search_method() == "postgresql":
                # The planner prices to_tsvector as cheap and, on a small or unanalysed table, would rather
                # re-tokenise every row than read the GIN index: not in this transaction.
                connection.exec_driver_sql("SET LOCAL enable_seqscan = off")
            for kind in _SEARCHED:
                where = _where(kind, filters)
                found[kind] = (
                    []
                    if where is None
                    else [
                        dict(r)
                        for query in self._search_queries(kind, words, where, limit, offset)
                        for r in connection.execute(query).mappings()
                    ]
                )
        return found

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

    def _search_queries(
        self, kind: str, words: str, where: list[ColumnElement[bool]], limit: int, offset: int
    ) -> list[Select]:
        """The queries giving one page of ``kind`` matching ``words`` and ``where``, in order."""
        table, method = _SEARCHED[kind], self.search_method()
        query = select(*_FOUND[kind]).where(*where)
        if method == "postgresql":
            # Ordered by id, not ts_rank: ranking would re-tokenise every match (a body each) per request.
            wanted = func.plainto_tsquery(literal_column("'simple'"), words)
            return [
                query.where(literal_column(tsvector_sql(table.name)).op("@@")(wanted))
                .order_by(table.c.id)
                .limit(limit)
                .offset(offset)
            ]
        if method == "like":
            return [query.where(_like(table, words)).order_by(table.c.id).limit(limit).offset(offset)]
        fts = literal_column(f"{table.name}_fts")  # a fixed name from SEARCH_COLUMNS, never user text
        rowid = literal_column(f"{table.name}_fts.rowid")
        newest = (
            query.join(text(f"{table.name}_fts"), rowid == literal_column(f"{table.name}.rowid"))
            .where(fts.op("MATCH")(fts5_query(words)))
            .order_by(rowid.desc())
        )
        queries = []
        if offset < SEARCH_CANDIDATES:
            ranked = (
                newest.add_columns(literal_column(f"{table.name}_fts.rank").label("score"))
                .limit(SEARCH_CANDIDATES)
                .subquery()
            )
            queries.append(
                select(*(ranked.c[c.name] for c in _FOUND[kind]))
                .order_by(ranked.c.score, ranked.c.id)
                .limit(min(limit, SEARCH_CANDIDATES - offset))
                .offset(offset)
            )
        if offset + limit > SEARCH_CANDIDATES:
            start = max(offset, SEARCH_CANDIDATES)
            queries.append(newest.limit(offset + limit - start).offset(start))
        return queries
