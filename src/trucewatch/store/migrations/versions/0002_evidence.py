"""Evidence links: the date of the reporting document and the sentence index.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("evidence_links") as batch:
        batch.add_column(sa.Column("reported_on", sa.String(32)))
        batch.add_column(sa.Column("sentence_index", sa.Integer))


def downgrade() -> None:
    with op.batch_alter_table("evidence_links") as batch:
        batch.drop_column("sentence_index")
        batch.drop_column("reported_on")
