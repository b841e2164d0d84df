"""Incidents: one row per report of an incident (sentence and type), written by the incident stage.

Revision ID: 0006
Revises: 0005d
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005d"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "incidents",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("doc_id", sa.String(32), nullable=False, index=True),
        sa.Column("start", sa.Integer, nullable=False),
        sa.Column("end", sa.Integer, nullable=False),
        sa.Column("sentence", sa.Text, nullable=False),
        sa.Column("sentence_index", sa.Integer),
        sa.Column("type", sa.String(32), nullable=False, index=True),
        sa.Column("plover_type", sa.String(16), nullable=False),
        sa.Column("plover_mode", sa.String(32)),
        sa.Column("acled_event_type", sa.String(64), nullable=False),
        sa.Column("acled_sub_event_type", sa.String(64), nullable=False),
        sa.Column("date", sa.String(32), index=True),
        sa.Column("date_precision", sa.String(8)),
        sa.Column("place", sa.Text),
        sa.Column("place_id", sa.String(64)),
        sa.Column("admin1", sa.Text),
        sa.Column("latitude", sa.Float),
        sa.Column("longitude", sa.Float),
        sa.Column("actors", sa.JSON, nullable=False),
        sa.Column("reported_by", sa.Text),
        sa.Column("counts", sa.JSON, nullable=False),
        sa.Column("fatalities", sa.Integer, nullable=False),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("cue", sa.Text),
        sa.Column("run_id", sa.String(32)),
    )


def downgrade() -> None:
    op.drop_table("incidents")
