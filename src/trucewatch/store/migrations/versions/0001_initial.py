"""Initial schema: documents, ingest ledger, MinHash signatures, statements, evidence links.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("source_key", sa.String(64), nullable=False, unique=True),
        sa.Column("source_path", sa.Text, nullable=False),
        sa.Column("locator", sa.Text, nullable=False),
        sa.Column("content_type", sa.String(8), nullable=False),
        sa.Column("url", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.String(32)),
        sa.Column("published_source", sa.String(16)),
        sa.Column("outlet", sa.Text),
        sa.Column("wire", sa.Text),
        sa.Column("language", sa.String(8)),
        sa.Column("duplicate_of", sa.String(32), index=True),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("body_spans", sa.JSON, nullable=False),
        sa.Column("removed", sa.JSON, nullable=False),
        sa.Column("raw_text", sa.Text, nullable=False),
        sa.Column("ingested_at", sa.String(32), nullable=False),
    )
    op.create_table(
        "ingest_log",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("source_path", sa.Text, nullable=False),
        sa.Column("locator", sa.Text, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text),
        sa.Column("doc_id", sa.String(32)),
        sa.Column("at", sa.String(32), nullable=False),
    )
    op.create_table(
        "signatures",
        sa.Column("doc_id", sa.String(32), primary_key=True),
        sa.Column("minhash", sa.LargeBinary, nullable=False),
    )
    op.create_table(
        "statements",
        sa.Column("id", sa.String(80), primary_key=True),
        sa.Column("doc_id", sa.String(32), nullable=False, index=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("cue", sa.Text),
        sa.Column("cue_start", sa.Integer),
        sa.Column("cue_end", sa.Integer),
        sa.Column("speaker", sa.String(128), index=True),
        sa.Column("speaker_name", sa.Text),
        sa.Column("speaker_text", sa.Text),
        sa.Column("speaker_start", sa.Integer),
        sa.Column("speaker_end", sa.Integer),
        sa.Column("said_on", sa.String(32)),
        sa.Column("said_on_precision", sa.String(8)),
        sa.Column("sentence_index", sa.Integer),
    )
    op.create_table(
        "evidence_links",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("agreement_id", sa.String(64), nullable=False, index=True),
        sa.Column("provision", sa.String(16), nullable=False),
        sa.Column("doc_id", sa.String(32), nullable=False, index=True),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("statement_id", sa.String(80)),
        sa.Column("speaker", sa.String(128)),
        sa.Column("said_on", sa.String(32)),
        sa.Column("signal", sa.String(32)),
    )


def downgrade() -> None:
    for name in ("evidence_links", "statements", "signatures", "ingest_log", "documents"):
        op.drop_table(name)
