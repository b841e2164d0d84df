"""The store: the only module that speaks SQL.

SQLite by default (a file, zero set-up); PostgreSQL for a shared server, through the
same SQLAlchemy Core code. The schema is created and upgraded by versioned Alembic
migrations every time a store is opened, so an old database file keeps working.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, create_engine, delete, event, func, insert, select, update
from sqlalchemy.exc import IntegrityError, OperationalError, ProgrammingError

from trucewatch.dedup import Candidate
from trucewatch.records import BodySpan, Document, EvidenceLink, RemovedBlock, Skip, Statement
from trucewatch.store.tables import documents, evidence_links, ingest_log, lsh_buckets, signatures, statements

DEFAULT_DB = "trucewatch.db"
MIGRATIONS = Path(__file__).parent / "migrations"


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


class Store:
    """Typed reads and writes over the schema; callers never see SQL."""

    def __init__(self, db: str | None = None) -> None:
        self.url = resolve_url(db)
        self.engine: Engine = create_engine(self.url)
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

    def migrate(self, attempts: int = 3) -> None:
        """Bring the schema to the newest version.

        Two processes opening a new store at once race to create it; the loser
        retries and finds the work done.
        """
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

    def record_skip(self, skip: Skip, connection: Connection | None = None) -> None:
        """Remember a skipped unit that has a key, so a re-run reports it without re-reading."""
        if skip.key is None:
            return
        row = dict(key=skip.key, source_path=skip.source_path, locator=skip.locator, status="skipped",
                   reason=skip.reason, doc_id=None, at=_now())
        if connection is None:
            with self.transaction() as conn:
                self._upsert_ledger(conn, row)
        else:
            self._upsert_ledger(connection, row)

    @staticmethod
    def _upsert_ledger(connection: Connection, row: dict) -> None:
        connection.execute(delete(ingest_log).where(ingest_log.c.key == row["key"]))
        connection.execute(insert(ingest_log).values(**row))

    # -- documents -------------------------------------------------------------------

    def add_documents(self, docs: Iterable[tuple[Document, bytes, list[int]]]) -> int:
        """Insert documents with their MinHash signatures, LSH buckets and ledger rows in one transaction.

        Documents whose source key is already stored are ignored, so a batch can be replayed.
        """
        fresh: dict[str, tuple[Document, bytes, list[int]]] = {}
        for entry in docs:
            fresh.setdefault(entry[0].source_key, entry)
        if not fresh:
            return 0
        now = _now()
        with self.transaction() as connection:
            stored = set(connection.scalars(select(documents.c.source_key)
                                            .where(documents.c.source_key.in_(list(fresh)))))
            entries = [entry for key, entry in fresh.items() if key not in stored]
            if not entries:
                return 0
            connection.execute(insert(documents), [_document_row(doc, now) for doc, _, _ in entries])
            connection.execute(insert(signatures), [{"doc_id": doc.id, "minhash": sig} for doc, sig, _ in entries])
            buckets = [{"bucket": b, "doc_id": doc.id} for doc, _, ids in entries for b in ids]
            if buckets:
                connection.execute(insert(lsh_buckets), buckets)
            keys = [doc.source_key for doc, _, _ in entries]
            connection.execute(delete(ingest_log).where(ingest_log.c.key.in_(keys)))
            connection.execute(insert(ingest_log), [
                {"key": doc.source_key, "source_path": doc.source_path, "locator": doc.locator,
                 "status": "ingested", "reason": None, "doc_id": doc.id, "at": now} for doc, _, _ in entries])
        return len(entries)

    def duplicate_candidates(self, bucket_ids: list[int]) -> list[Candidate]:
        """Stored documents sharing at least one LSH bucket with ``bucket_ids``."""
        shared = select(lsh_buckets.c.doc_id).where(lsh_buckets.c.bucket.in_(bucket_ids)).distinct().subquery()
        query = (select(documents.c.id, documents.c.duplicate_of, signatures.c.minhash)
                 .join(shared, shared.c.doc_id == documents.c.id)
                 .join(signatures, signatures.c.doc_id == documents.c.id))
        with self.engine.connect() as connection:
            return [Candidate(i, d, bytes(m)) for i, d, m in connection.execute(query)]

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

    # -- statements ------------------------------------------------------------------

    def replace_statements(self, doc_id: str, items: Iterable[Statement]) -> int:
        """Replace a document's statements (re-running the stage is idempotent)."""
        rows = [{"id": s.id, **asdict(s)} for s in items]
        with self.transaction() as connection:
            connection.execute(delete(statements).where(statements.c.doc_id == doc_id))
            if rows:
                connection.execute(insert(statements), rows)
        return len(rows)

    def statements(self, doc_id: str | None = None) -> list[Statement]:
        query = select(statements).order_by(statements.c.doc_id, statements.c.start)
        if doc_id is not None:
            query = query.where(statements.c.doc_id == doc_id)
        with self.engine.connect() as connection:
            rows = connection.execute(query).mappings().all()
        return [Statement(**{k: v for k, v in r.items() if k != "id"}) for r in rows]

    def speakers(self) -> list[tuple[str, str | None, int]]:
        """(actor id, name as stored, number of statements) for every resolved speaker, most quoted first."""
        count = func.count().label("n")
        query = (select(statements.c.speaker, func.max(statements.c.speaker_name), count)
                 .where(statements.c.speaker.is_not(None)).group_by(statements.c.speaker)
                 .order_by(count.desc(), statements.c.speaker))
        with self.engine.connect() as connection:
            return [(speaker, name, n) for speaker, name, n in connection.execute(query)]

    # -- evidence --------------------------------------------------------------------

    def replace_evidence(self, agreement_id: str, doc_id: str, links: Iterable[EvidenceLink]) -> int:
        rows = [asdict(link) for link in links]
        with self.transaction() as connection:
            connection.execute(delete(evidence_links).where(
                evidence_links.c.agreement_id == agreement_id, evidence_links.c.doc_id == doc_id))
            if rows:
                connection.execute(insert(evidence_links), rows)
        return len(rows)

    def evidence(self, agreement_id: str) -> list[EvidenceLink]:
        query = (select(evidence_links).where(evidence_links.c.agreement_id == agreement_id)
                 .order_by(evidence_links.c.provision,
                           func.coalesce(evidence_links.c.said_on, evidence_links.c.reported_on), evidence_links.c.id))
        with self.engine.connect() as connection:
            rows = connection.execute(query).mappings().all()
        return [EvidenceLink(**{k: v for k, v in r.items() if k != "id"}) for r in rows]


def _document_row(doc: Document, ingested_at: str) -> dict:
    row = asdict(doc)
    row["body_spans"] = [[s.body_start, s.raw_start, s.length] for s in doc.body_spans]
    row["removed"] = [asdict(block) for block in doc.removed]
    row["ingested_at"] = ingested_at
    return row


def _row_document(row) -> Document:
    values = {k: v for k, v in row.items() if k != "ingested_at"}
    values["body_spans"] = [BodySpan(*span) for span in row["body_spans"]]
    values["removed"] = [RemovedBlock(**block) for block in row["removed"]]
    return Document(**values)
