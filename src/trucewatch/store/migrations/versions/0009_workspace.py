"""The workspace's second part: records entered by hand, and the indexes its listings and filters read.

``entered_by``/``entered_at`` mark a document, statement, evidence link or incident a monitor recorded
(a field report, a call, a bulletin received by email); analysis never deletes or overwrites such a row.
Reviews of incidents, contradictions and provision statuses are revisions like the others (0007): no
new table. The indexes serve the paged, filtered listings (newest documents first, by outlet, statements
by date, links per provision, revisions of one kind) on a large store.

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

HAND_TABLES = ("documents", "statements", "evidence_links", "incidents")
INDEXES = {
    "ix_documents_published": ("documents", ["published"]),
    "ix_documents_outlet": ("documents", ["outlet"]),
    "ix_statements_said_on": ("statements", ["said_on"]),
    "ix_evidence_links_agreement_provision": ("evidence_links", ["agreement_id", "provision"]),
    # covers Store.evidence_version (count, newest run, newest hand entry per agreement): no row is read
    "ix_evidence_links_version": ("evidence_links", ["agreement_id", "run_id", "entered_at"]),
    "ix_revisions_kind_id": ("revisions", ["target_kind", "id"]),
}


def upgrade() -> None:
    for table in HAND_TABLES:  # plain ADD COLUMN: SQLite keeps the table (and its search triggers) as it is
        op.add_column(table, sa.Column("entered_by", sa.String(64)))
        op.add_column(table, sa.Column("entered_at", sa.String(32)))
    for name, (table, columns) in INDEXES.items():
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, (table, _) in INDEXES.items():
        op.drop_index(name, table)
    for table in HAND_TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("entered_at")
            batch.drop_column("entered_by")
