"""Why a document was grouped as a copy (or kept apart from a near-identical one): similarity and rule.

Revision ID: 0005d
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005d"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("duplicate_reason", sa.Text))


def downgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("duplicate_reason")
