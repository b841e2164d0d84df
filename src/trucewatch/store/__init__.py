"""The store: the only module that speaks SQL.

SQLite by default (a file, zero set-up); PostgreSQL for a shared server, through the
same SQLAlchemy Core code. The schema is created and upgraded by versioned Alembic
migrations when a store is opened, so an old database file keeps working; a store already
at the newest version is recognised with one query, without importing Alembic (about half
a second of every command).
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, column, create_engine, delete, event, func, insert, select, table, update
from sqlalchemy.exc import DatabaseError, IntegrityError, OperationalError, ProgrammingError

from trucewatch.records import BodySpan, Document, EvidenceLink, Incident, RemovedBlock, Skip, Statement
from trucewatch.store.browse import Browse
from trucewatch.store.hand import ByHand
from trucewatch.store.reviews import (
    Conflict,
    Reviews,
    apply_incident_reviews,
    apply_link_reviews,
    apply_statement_review,
)
from trucewatch.store.tables import (
    SEARCH_COLUMNS,
    analysis_runs,
    analysis_state,
    assessments,
    documents,
    evidence_links,
    incidents,
    ingest_log,
    lsh_buckets,
    revisions,
    signatures,
    statements,
)

__all__ = ["DEFAULT_DB", "AnalysisRows", "Conflict", "Store", "resolve_url"]

if TYPE_CHECKING:
    from trucewatch.dedup import Candidate

DEFAULT_DB = "trucewatch.db"
LISTED = (
    "id",
    "published",
    "published_source",
    "outlet",
    "wire",
    "language",
    "duplicate_of",
    "title",
    "source_path",
    "duplicate_reason",
)  # the fields of a document listing (``documents`` as a table)
MIGRATIONS = Path(__file__).parent / "migrations"
_ALEMBIC_VERSION = table("alembic_version", column("version_num"))
_REVISION = re.compile(r"""^(down_revision|revision)\s*(?::[^=]*)?=\s*(?:["']([^"']+)["']|None)""", re.M)


@cache
def head_revisions() -> frozenset[str]:
    """The newest revisions of the migration scripts (those no other script follows), read from their text.

    Reading two assignments per file is all the up-to-date check needs; Alembic's own script
    directory imports every script and costs more than the check saves.
    """
    revisions: set[str] = set()
    followed: set[str] = set()
    for script in (MIGRATIONS / "versions").glob("*.py"):
        found = dict((m.group(1), m.group(2)) for m in _REVISION.finditer(script.read_text(encoding="utf-8")))
        if found.get("revision"):
            revisions.add(found["revision"])
        if found.get("down_revision"):
            followed.add(found["down_revision"])
    return frozenset(revisions - followed)


def resolve_url(db: str | None = None) -> str:
    """A SQLAlchemy URL from ``--db``, ``$TRUCEWATCH_DB`` or the default file.

    Plain paths become SQLite files; ``postgresql://`` URLs use the psycopg 3 driver.
    """
    db = db or os.environ.get("TRUCEWATCH_DB") or DEFAULT_DB
    if db.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + db.split("://", 1)[1]
    if "://" in db:
        return db
    return f"sqlite:///{Path(db).expanduser().resolve()}"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


class Store(Reviews, Browse, ByHand):
    """Typed reads and writes over the schema; callers never see SQL."""

    def __init__(self, db: str | None = None) -> None:
        self.url = resolve_url(db)
        # A second writer on a SQLite file waits for the lock instead of failing at once.
        self.engine: Engine = create_engine(
            self.url, **({"connect_args": {"timeout": 120}} if self.url.startswith("sqlite") else {})
        )
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self.migrate()

    def __repr__(self) -> str:
        return f"Store({self.engine.url.render_as_string(hide_password=True)})"

    @property
    def location(self) -> str:
        """Where the data lives, for people: a file path or a server URL."""
        if self.engine.dialect.name == "sqlite":
            return str(self.engine.url.database)
        return self.engine.url.render_as_string(hide_password=True)

    def schema_revisions(self) -> frozenset[str]:
        """The schema versions stamped in the store (none for a new store)."""
        try:
            with self.engine.connect() as connection:
                return frozenset(connection.execute(select(_ALEMBIC_VERSION.c.version_num)).scalars())
        except DatabaseError:  # no alembic_version table yet
            return frozenset()

    def migrate(self, attempts: int = 3) -> None:
        """Bring the schema to the newest version (nothing to do, and no Alembic, when it is there already).

        Two processes opening a new store at once race to create it; the loser
        retries and finds the work done.
        """
        if self.schema_revisions() == head_revisions():
            return
        from alembic import command
        from alembic.config import Config

        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        for attempt in range(attempts):
            try:
                with self.engine.begin() as connection:
                    config.attributes["connection"] = connection
                    command.upgrade(config, "head")
                return
            except (OperationalError, ProgrammingError, IntegrityError):
                if attempt == attempts - 1:
                    raise
                time.sleep(0.5 * (attempt + 1))

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        with self.engine.begin() as connection:
            yield connection

    # -- ingest ledger ---------------------------------------------------------------

    def ledger(self, keys: Iterable[str]) -> dict[str, tuple[str, str | None]]:
        """(status, reason) of the keys among ``keys`` already in the ledger."""
        keys = list(keys)
        found: dict[str, tuple[str, str | None]] = {}
        query = select(ingest_log.c.key, ingest_log.c.status, ingest_log.c.reason)
        with self.engine.connect() as connection:
            for i in range(0, len(keys), 500):
                for key, status, reason in connection.execute(query.where(ingest_log.c.key.in_(keys[i : i + 500]))):
                    found[key] = (status, reason)
        return found

    def record_skips(self, skips: Iterable[Skip]) -> None:
        """Remember skipped units that have a key, in one transaction, so a re-run reports them without re-reading."""
        now = _now()
        rows = {
            s.key: dict(
                key=s.key,
                source_path=s.source_path,
                locator=s.locator,
                status="skipped",
                reason=s.reason,
                doc_id=None,
                at=now,
            )
            for s in skips
            if s.key is not None
        }
        if not rows:
            return
        with self.transaction() as connection:
            connection.execute(delete(ingest_log).where(ingest_log.c.key.in_(list(rows))))
            connection.execute(insert(ingest_log), list(rows.values()))

    # -- documents -------------------------------------------------------------------

    def add_documents(self, docs: Iterable[tuple[Document, bytes, list[int]]]) -> set[str]:
        """Insert documents with their MinHash signatures, LSH buckets and ledger rows in one transaction; the
        ids of those this call inserted.

        Documents whose source key is already stored (a replayed batch, or another ingest's) are ignored.
        """
        fresh: dict[str, tuple[Document, bytes, list[int]]] = {}
        for entry in docs:
            fresh.setdefault(entry[0].source_key, entry)
        if not fresh:
            return set()
        now = _now()
        with self.transaction() as connection:
            stored = set(
                connection.scalars(select(documents.c.source_key).where(documents.c.source_key.in_(list(fresh))))
            )
            entries = [entry for key, entry in fresh.items() if key not in stored]
            if not entries:
                return set()
            # Another ingest of the same files may have written some of them since: insert-or-ignore,
            # and add signatures and buckets only for the documents this transaction inserted.
            inserted = set(
                connection.scalars(
                    self._insert_ignoring_conflicts(documents).returning(documents.c.id),
                    [_document_row(doc, now) for doc, _, _ in entries],
                )
            )
            entries = [entry for entry in entries if entry[0].id in inserted]
            if not entries:
                return set()
            connection.execute(insert(signatures), [{"doc_id": doc.id, "minhash": sig} for doc, sig, _ in entries])
            buckets = [{"bucket": b, "doc_id": doc.id} for doc, _, ids in entries for b in ids]
            if buckets:
                connection.execute(insert(lsh_buckets), buckets)
            keys = [doc.source_key for doc, _, _ in entries]
            connection.execute(delete(ingest_log).where(ingest_log.c.key.in_(keys)))
            connection.execute(
                insert(ingest_log),
                [
                    {
                        "key": doc.source_key,
                        "source_path": doc.source_path,
                        "locator": doc.locator,
                        "status": "ingested",
                        "reason": None,
                        "doc_id": doc.id,
                        "at": now,
                    }
                    for doc, _, _ in entries
                ],
            )
        return inserted

    def _insert_ignoring_conflicts(self, table):
        if self.engine.dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import insert as dialect_insert
        else:
            from sqlalchemy.dialects.sqlite import insert as dialect_insert
        return dialect_insert(table).on_conflict_do_nothing()

    def duplicate_candidates(self, bucket_ids: list[int]) -> list[Candidate]:
        """Stored documents sharing at least one LSH bucket with ``bucket_ids``."""
        found = self.candidates_by_bucket(bucket_ids)
        return list({c.doc_id: c for bucket in bucket_ids for c in found.get(bucket, ())}.values())

    def candidates_by_bucket(self, bucket_ids: Iterable[int]) -> dict[int, list[Candidate]]:
        """The stored documents in each of ``bucket_ids`` (one query per 500 buckets): a whole ingest batch's
        candidates at once, instead of a query per document."""
        from trucewatch.dedup import Candidate  # MinHash loads SciPy: only ingest needs it, not reads

        bucket_ids = sorted(set(bucket_ids))
        found: dict[int, list[Candidate]] = {}
        with self.engine.connect() as connection:
            for i in range(0, len(bucket_ids), 500):
                query = (
                    select(lsh_buckets.c.bucket, documents.c.id, documents.c.duplicate_of, signatures.c.minhash)
                    .join(documents, documents.c.id == lsh_buckets.c.doc_id)
                    .join(signatures, signatures.c.doc_id == documents.c.id)
                    .where(lsh_buckets.c.bucket.in_(bucket_ids[i : i + 500]))
                )
                for bucket, doc_id, duplicate_of, minhash in connection.execute(query):
                    found.setdefault(bucket, []).append(Candidate(doc_id, duplicate_of, bytes(minhash)))
        return found

    def document(self, doc_id: str) -> Document | None:
        with self.engine.connect() as connection:
            row = connection.execute(select(documents).where(documents.c.id == doc_id)).mappings().first()
        return _row_document(row) if row else None

    def documents(self, *, include_duplicates: bool = True) -> Iterator[Document]:
        """Documents in publication order (undated last), streamed."""
        query = select(documents).order_by(documents.c.published.is_(None), documents.c.published, documents.c.id)
        if not include_duplicates:
            query = query.where(documents.c.duplicate_of.is_(None))
        with self.engine.connect() as connection:
            for row in connection.execution_options(yield_per=200).execute(query).mappings():
                yield _row_document(row)

    def document_listing(self, *, include_duplicates: bool = True, limit: int | None = None) -> Iterator[dict]:
        """The listed fields of documents in publication order, streamed: no text, no offsets (what a table shows)."""
        columns = [documents.c[name] for name in LISTED]
        query = select(*columns).order_by(documents.c.published.is_(None), documents.c.published, documents.c.id)
        if not include_duplicates:
            query = query.where(documents.c.duplicate_of.is_(None))
        with self.engine.connect() as connection:
            for row in connection.execution_options(yield_per=500).execute(query.limit(limit)).mappings():
                yield dict(row)

    def document_ids(self, *, include_duplicates: bool = True) -> list[str]:
        query = select(documents.c.id).order_by(documents.c.id)
        if not include_duplicates:
            query = query.where(documents.c.duplicate_of.is_(None))
        with self.engine.connect() as connection:
            return list(connection.scalars(query))

    def count_documents(self) -> dict[str, int]:
        with self.engine.connect() as connection:
            total = connection.scalar(select(func.count()).select_from(documents))
            dups = connection.scalar(select(func.count()).where(documents.c.duplicate_of.is_not(None)))
            groups = connection.scalar(select(func.count(func.distinct(documents.c.duplicate_of))))
        return {"documents": total or 0, "duplicates": dups or 0, "duplicate_groups": groups or 0}

    def set_duplicate_of(self, doc_id: str, canonical_id: str | None) -> None:
        with self.transaction() as connection:
            connection.execute(update(documents).where(documents.c.id == doc_id).values(duplicate_of=canonical_id))

    def documents_by_id(self, doc_ids: Iterable[str]) -> list[Document]:
        """The documents of ``doc_ids`` (one query per 500), in the order given; unknown ids are left out."""
        doc_ids = list(doc_ids)
        if not doc_ids:
            return []
        found: dict[str, Document] = {}
        with self.engine.connect() as connection:
            for i in range(0, len(doc_ids), 500):
                query = select(documents).where(documents.c.id.in_(doc_ids[i : i + 500]))
                for row in connection.execute(query).mappings():
                    found[row["id"]] = _row_document(row)
        return [found[i] for i in doc_ids if i in found]

    def document_summaries(self, doc_ids: Iterable[str]) -> dict[str, dict]:
        """Id, title, outlet, publication date, URL and number of copies of ``doc_ids``: what a citation shows.

        Bodies are not read, so a view citing a few hundred documents of a large store stays cheap.
        """
        doc_ids = sorted(set(doc_ids))
        columns = (documents.c.id, documents.c.title, documents.c.outlet, documents.c.published, documents.c.url)
        found: dict[str, dict] = {}
        with self.engine.connect() as connection:
            for i in range(0, len(doc_ids), 500):
                chunk = doc_ids[i : i + 500]
                for row in connection.execute(select(*columns).where(documents.c.id.in_(chunk))).mappings():
                    found[row["id"]] = {**row, "copies": 0}
                copies = (
                    select(documents.c.duplicate_of, func.count())
                    .where(documents.c.duplicate_of.in_(chunk))
                    .group_by(documents.c.duplicate_of)
                )
                for canonical, n in connection.execute(copies):
                    if canonical in found:
                        found[canonical]["copies"] = n
        return found

    def count_evidence_documents(self, agreement_id: str) -> int:
        """How many documents give evidence on ``agreement_id``."""
        query = select(func.count(func.distinct(evidence_links.c.doc_id))).where(
            evidence_links.c.agreement_id == agreement_id
        )
        with self.engine.connect() as connection:
            return connection.scalar(query) or 0

    # -- analysis runs and state -------------------------------------------------------

    def start_run(
        self, run_id: str, *, code_version: str, data_hash: str, agreements_hash: str, stages: dict[str, str]
    ) -> None:
        # to the microsecond: runs of a few documents start within one second and are listed newest first
        with self.transaction() as connection:
            connection.execute(
                insert(analysis_runs).values(
                    id=run_id,
                    started_at=datetime.now(UTC).isoformat(timespec="microseconds"),
                    finished_at=None,
                    code_version=code_version,
                    data_hash=data_hash,
                    agreements_hash=agreements_hash,
                    stages=stages,
                    counts={},
                    status="running",
                )
            )

    def finish_run(self, run_id: str, counts: dict, status: str = "finished") -> None:
        with self.transaction() as connection:
            connection.execute(
                update(analysis_runs)
                .where(analysis_runs.c.id == run_id)
                .values(finished_at=datetime.now(UTC).isoformat(timespec="microseconds"), counts=counts,
                        status=status)  # as precise as started_at, so never before it
            )

    def runs(self, limit: int = 50) -> list[dict]:
        """The newest analysis runs first."""
        query = select(analysis_runs).order_by(analysis_runs.c.id.desc()).limit(limit)  # ids sort by start time
        with self.engine.connect() as connection:
            return [dict(row) for row in connection.execute(query).mappings()]

    def analysis_versions(self) -> tuple[dict[str, dict[str, str]], list[str]]:
        """(versions per canonical document, ids of analysed documents that are no longer canonical).

        Canonical documents never analysed have no entry. Only ids and small version maps
        are read, so this stays cheap on a large store.
        """
        query = select(documents.c.id, documents.c.duplicate_of, analysis_state.c.versions).outerjoin(
            analysis_state, analysis_state.c.doc_id == documents.c.id
        )
        versions: dict[str, dict[str, str]] = {}
        orphaned: list[str] = []
        with self.engine.connect() as connection:
            for doc_id, duplicate_of, state in connection.execute(query):
                if duplicate_of is not None:
                    if state is not None:
                        orphaned.append(doc_id)
                    continue
                versions[doc_id] = state or {}
            orphaned += list(
                connection.scalars(
                    select(analysis_state.c.doc_id).where(analysis_state.c.doc_id.not_in(select(documents.c.id)))
                )
            )
        return versions, orphaned

    def write_analysis(self, run_id: str, results: Iterable[AnalysisRows]) -> None:
        """Write a batch of per-document results in one transaction (the unit a killed run can lose).

        Only the stages that ran replace their rows; items keep their content-derived ids, so
        anything keyed by an id (a reviewer's correction) finds them again.
        """
        results = list(results)
        if not results:
            return
        for attempt in range(3):  # a concurrent `analyse` may have written the same ids first: redo on top
            try:
                return self._write_analysis(run_id, results)
            except (IntegrityError, OperationalError):
                if attempt == 2:
                    raise
                time.sleep(0.2 * (attempt + 1))

    def _write_analysis(self, run_id: str, results: list[AnalysisRows]) -> None:
        deferred = self._defers_search()
        with self.transaction() as connection:
            if deferred:  # the insert triggers stand aside; the batch's FTS rows are added below (0010)
                connection.exec_driver_sql("INSERT INTO search_deferred (writer) VALUES ('analysis')")
            for table, items_of, row_of in _PRODUCTS:
                redo = [r.doc_id for r in results if items_of(r) is not None]
                by_hand: set[str] = set()  # rows a monitor recorded: never deleted, never overwritten
                if redo:
                    by_hand = set(
                        connection.scalars(
                            select(table.c.id).where(table.c.doc_id.in_(redo), table.c.entered_by.is_not(None))
                        )
                    )
                    connection.execute(delete(table).where(table.c.doc_id.in_(redo), table.c.entered_by.is_(None)))
                rows: dict[str, dict] = {}  # one row per stable id (an id is a hash: computed once per item)
                for result in results:
                    for item in items_of(result) or ():
                        row = row_of(item)
                        if row["id"] not in by_hand:
                            rows[row["id"]] = row | {"run_id": run_id}
                if rows:
                    connection.execute(insert(table), list(rows.values()))
                    if deferred:
                        _index_for_search(connection, table.name, list(rows))
            if deferred:
                connection.exec_driver_sql("DELETE FROM search_deferred")
            connection.execute(delete(analysis_state).where(analysis_state.c.doc_id.in_([r.doc_id for r in results])))
            connection.execute(
                insert(analysis_state),
                [{"doc_id": r.doc_id, "versions": r.versions, "run_id": run_id, "skipped": r.skipped} for r in results],
            )

    def _defers_search(self) -> bool:
        """Whether this store's analysis tables take their FTS rows a batch at a time (SQLite with FTS5, 0010)."""
        if getattr(self, "_deferred_search", None) is None:
            with self.engine.connect() as connection:
                self._deferred_search = self.engine.dialect.name == "sqlite" and connection.exec_driver_sql(
                    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'search_deferred'").first() is not None
        return self._deferred_search

    def forget_analysis(self, doc_ids: Iterable[str]) -> None:
        """Remove the results of documents that are no longer analysed (now copies, or gone)."""
        doc_ids = list(doc_ids)
        with self.transaction() as connection:
            for i in range(0, len(doc_ids), 500):
                chunk = doc_ids[i : i + 500]
                for table in (statements, evidence_links, incidents):
                    connection.execute(delete(table).where(table.c.doc_id.in_(chunk), table.c.entered_by.is_(None)))
                connection.execute(delete(analysis_state).where(analysis_state.c.doc_id.in_(chunk)))

    def analysis_skips(self) -> list[tuple[str, str]]:
        """(document id, reason) of documents some stage did not analyse."""
        query = (
            select(analysis_state.c.doc_id, analysis_state.c.skipped)
            .where(analysis_state.c.skipped.is_not(None))
            .order_by(analysis_state.c.doc_id)
        )
        with self.engine.connect() as connection:
            return [(doc_id, reason) for doc_id, reason in connection.execute(query)]

    def evidence_version(self, agreement_id: str) -> str:
        """A token that changes whenever the evidence of ``agreement_id`` may have changed, reviews included."""
        query = select(func.count(), func.max(evidence_links.c.run_id), func.max(evidence_links.c.entered_at)).where(
            evidence_links.c.agreement_id == agreement_id
        )
        with self.engine.connect() as connection:
            count, newest, by_hand = connection.execute(query).one()
            reviewed = connection.scalar(_NEWEST_ITEM_REVISION)
        return f"{count}:{newest}:{by_hand}:{reviewed}"  # run ids sort by time; revisions only grow

    def statements_version(self) -> str:
        """A token that changes whenever the statements may have changed (what stance and claims read)."""
        query = select(func.count(), func.max(statements.c.run_id), func.max(statements.c.entered_at))
        with self.engine.connect() as connection:
            count, newest, by_hand = connection.execute(query).one()
            reviewed = connection.scalar(_NEWEST_ITEM_REVISION)
        return f"{count}:{newest}:{by_hand}:{reviewed}"

    def newest_evidence_date(self, agreement_id: str | None = None) -> str | None:
        """The newest date evidence was given (said_on, else reported_on), of one agreement or of all."""
        when = func.coalesce(evidence_links.c.said_on, evidence_links.c.reported_on)
        query = select(func.max(func.substr(when, 1, 10)))
        if agreement_id is not None:
            query = query.where(evidence_links.c.agreement_id == agreement_id)
        with self.engine.connect() as connection:
            return connection.scalar(query)

    # -- assessments -----------------------------------------------------------------

    def save_assessment(
        self,
        agreement_id: str,
        kind: str,
        as_of: str,
        evidence_version: str,
        payload: object,
        run_id: str | None = None,
    ) -> None:
        key = (assessments.c.agreement_id == agreement_id, assessments.c.kind == kind, assessments.c.as_of == as_of)
        with self.transaction() as connection:
            connection.execute(delete(assessments).where(*key))
            connection.execute(
                insert(assessments).values(
                    agreement_id=agreement_id,
                    kind=kind,
                    as_of=as_of,
                    evidence_version=evidence_version,
                    run_id=run_id,
                    computed_at=_now(),
                    payload=payload,
                )
            )

    def assessment(self, agreement_id: str, kind: str, as_of: str, evidence_version: str) -> object | None:
        """A stored assessment computed from the same evidence, or None (then it must be computed)."""
        query = select(assessments.c.payload).where(
            assessments.c.agreement_id == agreement_id,
            assessments.c.kind == kind,
            assessments.c.as_of == as_of,
            assessments.c.evidence_version == evidence_version,
        )
        with self.engine.connect() as connection:
            return connection.scalar(query)

    # -- statements ------------------------------------------------------------------

    def statements(
        self, doc_id: str | None = None, *, doc_ids: Iterable[str] | None = None, reviewed: bool = True
    ) -> list[Statement]:
        """Statements in document order, with reviewers' corrections of speaker and date unless ``reviewed=False``."""
        query = select(statements).order_by(statements.c.doc_id, statements.c.start)
        if doc_id is not None:
            query = query.where(statements.c.doc_id == doc_id)
        if doc_ids is not None:
            query = query.where(statements.c.doc_id.in_(list(doc_ids)))
        with self.engine.connect() as connection:
            rows = connection.execute(query).mappings().all()
        found = [_row_statement(r) for r in rows]
        if not reviewed:
            return found
        reviews = self.current_reviews("statement", [s.id for s in found])
        return [apply_statement_review(s, reviews) for s in found]

    def iter_statements(self) -> Iterator[Statement]:
        """Every statement with reviewers' corrections, streamed in document order."""
        reviews = self.current_reviews("statement")
        query = select(statements).order_by(statements.c.doc_id, statements.c.start)
        with self.engine.connect() as connection:
            for row in connection.execution_options(yield_per=1000).execute(query).mappings():
                yield apply_statement_review(_row_statement(row), reviews)

    def speakers(self) -> list[tuple[str, str | None, int]]:
        """(actor id, name as stored, number of statements) for every resolved speaker, most quoted first."""
        count = func.count().label("n")
        query = (
            select(statements.c.speaker, func.max(statements.c.speaker_name), count)
            .where(statements.c.speaker.is_not(None))
            .group_by(statements.c.speaker)
            .order_by(count.desc(), statements.c.speaker)
        )
        with self.engine.connect() as connection:
            return [(speaker, name, n) for speaker, name, n in connection.execute(query)]

    # -- evidence --------------------------------------------------------------------

    def evidence(self, agreement_id: str, *, reviewed: bool = True) -> list[EvidenceLink]:
        """The agreement's evidence links; unless ``reviewed=False``, as reviewers left them.

        Reviewed: rejected links are left out, moved links carry their new provision, and links
        from a statement whose speaker or date was corrected carry the correction.
        """
        query = (
            select(evidence_links)
            .where(evidence_links.c.agreement_id == agreement_id)
            .order_by(
                evidence_links.c.provision,
                func.coalesce(evidence_links.c.said_on, evidence_links.c.reported_on),
                evidence_links.c.id,
            )
        )
        with self.engine.connect() as connection:
            rows = connection.execute(query).mappings().all()
        links = [_row_link(r) for r in rows]
        if not reviewed:
            return links
        said = self.current_reviews("statement", [x.statement_id for x in links if x.statement_id])
        return apply_link_reviews(links, self.current_reviews("evidence", [x.id for x in links]), said)

    # -- incidents -------------------------------------------------------------------

    def incidents(
        self,
        *,
        doc_id: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        types: Iterable[str] = (),
        reviewed: bool = True,
    ) -> Iterator[Incident]:
        """Stored incident reports in date order (undated last), streamed; ``date_from``/``date_to`` inclusive
        (on the machine's date). Unless ``reviewed=False``, as reviewers left them (``apply_incident_reviews``)."""
        if reviewed:
            yield from apply_incident_reviews(
                self.incidents(doc_id=doc_id, date_from=date_from, date_to=date_to, types=types, reviewed=False),
                self.current_reviews("incident"),
            )
            return
        query = select(incidents).order_by(
            incidents.c.date.is_(None), incidents.c.date, incidents.c.doc_id, incidents.c.start, incidents.c.type
        )
        if doc_id is not None:
            query = query.where(incidents.c.doc_id == doc_id)
        if date_from:
            query = query.where(incidents.c.date >= date_from)
        if date_to:
            query = query.where(func.substr(incidents.c.date, 1, 10) <= date_to)
        types = list(types)
        if types:
            query = query.where(incidents.c.type.in_(types))
        with self.engine.connect() as connection:
            for row in connection.execution_options(yield_per=1000).execute(query).mappings():
                yield Incident(**{name: row[name] for name in _INCIDENT_FIELDS})


@dataclass
class AnalysisRows:
    """What the analysis of one document writes: ``None`` for a stage that did not run (its rows stay)."""

    doc_id: str
    versions: dict[str, str]
    statements: list[Statement] | None = None
    links: dict[str, list[EvidenceLink]] | None = None  # agreement id -> links
    incidents: list[Incident] | None = None
    skipped: str | None = None


# What the computations read: reviews of links and statements. Reviews of incidents, contradictions and
# statuses are applied over computed results (assess.views.reviewed) and must not recompute them.
_NEWEST_ITEM_REVISION = select(func.max(revisions.c.id)).where(revisions.c.target_kind.in_(("evidence", "statement")))
_STATEMENT_FIELDS = [f.name for f in fields(Statement)]
_LINK_FIELDS = [f.name for f in fields(EvidenceLink)]
_INCIDENT_FIELDS = [f.name for f in fields(Incident)]


def _incident_row(incident: Incident) -> dict:
    return {"id": incident.id, **{name: getattr(incident, name) for name in _INCIDENT_FIELDS}}


def _statement_row(statement: Statement) -> dict:
    return {"id": statement.id, **{name: getattr(statement, name) for name in _STATEMENT_FIELDS}}


def _link_row(link: EvidenceLink) -> dict:
    return {"id": link.id, **{name: getattr(link, name) for name in _LINK_FIELDS}}


def _all_links(result: AnalysisRows) -> list[EvidenceLink] | None:
    return None if result.links is None else [link for links in result.links.values() for link in links]


# The stored products of an analysis: their table, the items a result carries (None: the stage did not run,
# its rows stay) and the row of one item.
def _index_for_search(connection: Connection, name: str, ids: list[str]) -> None:
    """The FTS rows of the rows ``ids`` of table ``name`` just inserted, as the insert trigger writes them one by one
    (``name`` is one of the fixed table names of ``SEARCH_COLUMNS``, never user text)."""
    columns = ", ".join(SEARCH_COLUMNS[name])
    for start in range(0, len(ids), 500):  # under SQLite's limit on bound parameters
        chunk = ids[start : start + 500]
        connection.exec_driver_sql(
            f"INSERT INTO {name}_fts(rowid, {columns}) SELECT rowid, {columns} FROM {name} "
            f"WHERE id IN ({', '.join('?' * len(chunk))}) ORDER BY rowid", tuple(chunk))


_PRODUCTS = (
    (statements, lambda r: r.statements, _statement_row),
    (evidence_links, _all_links, _link_row),
    (incidents, lambda r: r.incidents, _incident_row),
)


def _row_statement(row) -> Statement:
    return Statement(**{name: row[name] for name in _STATEMENT_FIELDS})


def _row_link(row) -> EvidenceLink:
    return EvidenceLink(**{name: row[name] for name in _LINK_FIELDS})


_DOCUMENT_FIELDS = tuple(f.name for f in fields(Document))
_REMOVED_FIELDS = tuple(f.name for f in fields(RemovedBlock))


def _document_row(doc: Document, ingested_at: str) -> dict:
    row = {name: getattr(doc, name) for name in _DOCUMENT_FIELDS}  # asdict would deep-copy every span and block
    row["body_spans"] = [[s.body_start, s.raw_start, s.length] for s in doc.body_spans]
    row["removed"] = [{name: getattr(block, name) for name in _REMOVED_FIELDS} for block in doc.removed]
    row["ingested_at"] = ingested_at
    return row


def _row_document(row) -> Document:
    values = {k: v for k, v in row.items() if k not in ("ingested_at", "entered_by", "entered_at")}
    values["body_spans"] = [BodySpan(*span) for span in row["body_spans"]]
    values["removed"] = [RemovedBlock(**block) for block in row["removed"]]
    return Document(**values)
