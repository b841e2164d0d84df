"""Table definitions (SQLAlchemy Core). The migrations create them; the store queries them.

Keep this file and the newest migration in step: a test compares them.
"""

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    Float,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData()

documents = Table(
    "documents",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("source_key", String(64), nullable=False, unique=True),
    Column("source_path", Text, nullable=False),
    Column("locator", Text, nullable=False),
    Column("content_type", String(8), nullable=False),
    Column("url", Text),
    Column("title", Text),
    Column("published", String(32)),
    Column("published_source", String(16)),
    Column("outlet", Text),
    Column("wire", Text),
    Column("language", String(8)),
    Column("duplicate_of", String(32), index=True),
    Column("duplicate_reason", Text),  # similarity and the rule that grouped it, or kept it apart
    Column("body", Text, nullable=False),
    Column("body_spans", JSON, nullable=False),
    Column("removed", JSON, nullable=False),
    Column("raw_text", Text, nullable=False),
    Column("ingested_at", String(32), nullable=False),
    Column("entered_by", String(64)),  # who recorded it by hand (None: ingested or extracted)
    Column("entered_at", String(32)),
    Index("ix_documents_published", "published"),
    Index("ix_documents_outlet", "outlet"),
)

# One row per source unit seen, read or skipped: the ledger that makes ingest idempotent and resumable.
ingest_log = Table(
    "ingest_log",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("source_path", Text, nullable=False),
    Column("locator", Text, nullable=False),
    Column("status", String(16), nullable=False),  # ingested | skipped
    Column("reason", Text),
    Column("doc_id", String(32)),
    Column("at", String(32), nullable=False),
)

# MinHash signatures, so near-duplicate detection is incremental across runs.
signatures = Table(
    "signatures",
    metadata,
    Column("doc_id", String(32), primary_key=True),
    Column("minhash", LargeBinary, nullable=False),
)

# LSH band buckets of each signature: candidates for near-duplicates are found by SQL, not in memory.
lsh_buckets = Table(
    "lsh_buckets",
    metadata,
    Column("bucket", BigInteger, nullable=False, index=True),
    Column("doc_id", String(32), nullable=False),
)

statements = Table(
    "statements",
    metadata,
    Column("id", String(80), primary_key=True),
    Column("doc_id", String(32), nullable=False, index=True),
    Column("kind", String(16), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("cue", Text),
    Column("cue_start", Integer),
    Column("cue_end", Integer),
    Column("speaker", String(128), index=True),
    Column("speaker_name", Text),
    Column("speaker_text", Text),
    Column("speaker_start", Integer),
    Column("speaker_end", Integer),
    Column("said_on", String(32)),
    Column("said_on_precision", String(8)),
    Column("sentence_index", Integer),
    Column("run_id", String(32)),
    Column("entered_by", String(64)),  # who recorded it by hand (None: ingested or extracted)
    Column("entered_at", String(32)),
    Index("ix_statements_said_on", "said_on"),
)

evidence_links = Table(
    "evidence_links",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("agreement_id", String(64), nullable=False, index=True),
    Column("provision", String(16), nullable=False),
    Column("doc_id", String(32), nullable=False, index=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("score", Float, nullable=False),
    Column("reason", Text, nullable=False),
    Column("statement_id", String(80)),
    Column("speaker", String(128)),
    Column("said_on", String(32)),
    Column("signal", String(32)),
    Column("reported_on", String(32)),
    Column("sentence_index", Integer),
    Column("run_id", String(32)),
    Column("entered_by", String(64)),  # who recorded it by hand (None: ingested or extracted)
    Column("entered_at", String(32)),
    Index("ix_evidence_links_agreement_provision", "agreement_id", "provision"),
    Index("ix_evidence_links_version", "agreement_id", "run_id", "entered_at"),
)

# One row per report of an incident (a sentence and a type); reports of one incident are grouped at read time.
incidents = Table(
    "incidents",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("doc_id", String(32), nullable=False, index=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("sentence", Text, nullable=False),
    Column("sentence_index", Integer),
    Column("type", String(32), nullable=False, index=True),
    Column("plover_type", String(16), nullable=False),
    Column("plover_mode", String(32)),
    Column("acled_event_type", String(64), nullable=False),
    Column("acled_sub_event_type", String(64), nullable=False),
    Column("date", String(32), index=True),
    Column("date_precision", String(8)),
    Column("place", Text),
    Column("place_id", String(64)),
    Column("admin1", Text),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("actors", JSON, nullable=False),
    Column("reported_by", Text),
    Column("counts", JSON, nullable=False),
    Column("fatalities", Integer, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("cue", Text),
    Column("run_id", String(32)),
    Column("entered_by", String(64)),  # who recorded it by hand (None: ingested or extracted)
    Column("entered_at", String(32)),
)

# One row per analysis run: what ran, with which code and data, and what it produced.
analysis_runs = Table(
    "analysis_runs",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("started_at", String(32), nullable=False),
    Column("finished_at", String(32)),
    Column("code_version", String(64), nullable=False),
    Column("data_hash", String(64), nullable=False),  # actors, places, language data
    Column("agreements_hash", String(64), nullable=False),
    Column("stages", JSON, nullable=False),  # {stage: version}
    Column("counts", JSON, nullable=False),
    Column("status", String(16), nullable=False),  # running | finished | failed
)

# The analysis version of each analysed document, per stage: what makes `analyse` incremental.
analysis_state = Table(
    "analysis_state",
    metadata,
    Column("doc_id", String(32), primary_key=True),
    Column("versions", JSON, nullable=False),  # {stage: version}
    Column("run_id", String(32), nullable=False),
    Column("skipped", Text),  # why stages did not run (a language with no rules), or the error
)

# Assessments (status, stance, contradictions) materialised per agreement and as-of date, so reads are queries.
assessments = Table(
    "assessments",
    metadata,
    Column("agreement_id", String(64), primary_key=True),
    Column("kind", String(32), primary_key=True),
    Column("as_of", String(10), primary_key=True),
    Column("evidence_version", String(64), nullable=False),  # the analysis state it was computed from
    Column("run_id", String(32)),
    Column("computed_at", String(32), nullable=False),
    Column("payload", JSON, nullable=False),
)

# People who use the workspace: a bearer token each, stored only as its SHA-256 (tokens are 32 random bytes).
users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(64), nullable=False, unique=True),
    Column("role", String(16), nullable=False),  # viewer | reviewer | admin
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("created_at", String(32), nullable=False),
)

# Every human decision, append-only: who, when, which item (by stable id), the review state before and after, why.
# (target_kind, target_id, version) is unique, so two reviewers writing on the same version cannot both succeed.
revisions = Table(
    "revisions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("user", String(64), nullable=False),
    Column("at", String(32), nullable=False),
    Column("target_kind", String(16), nullable=False),  # evidence | statement | incident | contradiction | provision
    Column("target_id", String(80), nullable=False),
    Column("version", Integer, nullable=False),  # the target's revision number, from 1
    Column("action", String(32), nullable=False),
    Column("before", JSON),
    Column("after", JSON, nullable=False),
    Column("note", Text),
    UniqueConstraint("target_kind", "target_id", "version", name="uq_revisions_target_version"),
    Index("ix_revisions_target", "target_kind", "target_id"),
    Index("ix_revisions_kind_id", "target_kind", "id"),
)

# -- full-text search (migration 0008) ----------------------------------------------------------------------------
# The searched text of each table, in the order it is concatenated. SQLite indexes it in an FTS5 table
# ``<table>_fts`` (with FTS5's shadow tables); PostgreSQL in a GIN index ``ix_<table>_search``. Neither
# is a Core table: the schema comparison skips exactly the names below.
SEARCH_COLUMNS: dict[str, tuple[str, ...]] = {
    "documents": ("title", "body"),
    "statements": ("text", "speaker_name"),
    "evidence_links": ("text",),
    "incidents": ("sentence",),
}
SEARCH_SCHEMA_NAMES: frozenset[str] = frozenset(
    [f"{t}_fts{shadow}" for t in SEARCH_COLUMNS for shadow in ("", "_data", "_idx", "_docsize", "_config")]
    + [f"ix_{t}_search" for t in SEARCH_COLUMNS] + ["search_deferred"])  # 0010: the analysis writer's flag
