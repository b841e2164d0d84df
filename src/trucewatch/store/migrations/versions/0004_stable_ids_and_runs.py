"""Stable item ids, recorded analysis runs, per-document analysis versions, stored assessments.

Statement and evidence ids become content-derived (see ``records.stable_id``); the old
rows carry row-number ids, so they are dropped: the next ``analyse`` finds no analysis
state and redoes every document.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("DELETE FROM statements")
    with op.batch_alter_table("statements") as batch:
        batch.add_column(sa.Column("run_id", sa.String(32)))
    op.drop_table("evidence_links")
    op.create_table(
        "evidence_links",
        sa.Column("id", sa.String(32), primary_key=True),
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
        sa.Column("reported_on", sa.String(32)),
        sa.Column("sentence_index", sa.Integer),
        sa.Column("run_id", sa.String(32)),
    )
    op.create_table(
        "analysis_runs",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("started_at", sa.String(32), nullable=False),
        sa.Column("finished_at", sa.String(32)),
        sa.Column("code_version", sa.String(64), nullable=False),
        sa.Column("data_hash", sa.String(64), nullable=False),
        sa.Column("agreements_hash", sa.String(64), nullable=False),
        sa.Column("stages", sa.JSON, nullable=False),
        sa.Column("counts", sa.JSON, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
    )
    op.create_table(
        "analysis_state",
        sa.Column("doc_id", sa.String(32), primary_key=True),
        sa.Column("versions", sa.JSON, nullable=False),
        sa.Column("run_id", sa.String(32), nullable=False),
        sa.Column("skipped", sa.Text),
    )
    op.create_table(
        "assessments",
        sa.Column("agreement_id", sa.String(64), primary_key=True),
        sa.Column("kind", sa.String(32), primary_key=True),
        sa.Column("as_of", sa.String(10), primary_key=True),
        sa.Column("evidence_version", sa.String(64), nullable=False),
        sa.Column("run_id", sa.String(32)),
        sa.Column("computed_at", sa.String(32), nullable=False),
        sa.Column("payload", sa.JSON, nullable=False),
    )


def downgrade() -> None:
    for table in ("assessments", "analysis_state", "analysis_runs"):
        op.drop_table(table)
