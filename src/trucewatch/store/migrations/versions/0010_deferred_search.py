"""SQLite: the analysis tables' full-text rows written once per batch instead of once per inserted row.

The insert triggers of 0008 add one FTS5 row per inserted statement, evidence link or incident: about 60%
of the cost of writing an analysis batch. They now stand aside while ``search_deferred`` holds a row, which
only the analysis writer sets, inside its own transaction: it inserts the batch, then adds the batch's FTS
rows in one ``INSERT ... SELECT`` and clears the flag before committing, so no other connection ever sees
the flag set and every other writer keeps the per-row triggers. The index holds the same rows either way.
Nothing changes on PostgreSQL (its GIN indexes need no triggers) or on a SQLite without FTS5.

Revision ID: 0010
Revises: 0009
"""

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

# As ``tables.SEARCH_COLUMNS`` was at this revision, for the tables the analysis writes.
ANALYSIS_SEARCH_COLUMNS = {"statements": ("text", "speaker_name"), "evidence_links": ("text",),
                           "incidents": ("sentence",)}


def _has_fts() -> bool:
    found = op.get_bind().exec_driver_sql("SELECT name FROM sqlite_master WHERE name = 'statements_fts'").first()
    return found is not None


def _insert_trigger(table: str, columns: tuple[str, ...], when: str) -> None:
    fts, names = f"{table}_fts", ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    op.execute(f"DROP TRIGGER IF EXISTS {fts}_insert")
    op.execute(f"CREATE TRIGGER {fts}_insert AFTER INSERT ON {table} {when}"
               f"BEGIN INSERT INTO {fts}(rowid, {names}) VALUES (new.rowid, {new}); END")


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite" or not _has_fts():
        return
    op.execute("CREATE TABLE search_deferred (writer TEXT NOT NULL)")
    for table, columns in ANALYSIS_SEARCH_COLUMNS.items():
        _insert_trigger(table, columns, "WHEN NOT EXISTS (SELECT 1 FROM search_deferred) ")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite" or not _has_fts():
        return
    for table, columns in ANALYSIS_SEARCH_COLUMNS.items():
        _insert_trigger(table, columns, "")
    op.execute("DROP TABLE IF EXISTS search_deferred")
