"""LSH buckets in the store, so duplicate lookup needs no in-memory index of the corpus.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "lsh_buckets",
        sa.Column("bucket", sa.BigInteger, nullable=False, index=True),
        sa.Column("doc_id", sa.String(32), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("lsh_buckets")
