"""Full-text search: SQLite FTS5 tables kept in step by triggers, PostgreSQL GIN indexes on ``to_tsvector``.

SQLite: one external-content FTS5 table per searched table (the text is not stored twice; rows are
found by ``rowid``), filled from the existing rows and kept in step by insert/update/delete triggers,
so every writer (ingest, analyse, a future one) is covered without knowing about search. A SQLite built
without FTS5 gets nothing here and the store falls back to ``LIKE``. PostgreSQL: an expression index
per table, which the store's ``@@`` queries use. Both use language-neutral tokenising (``unicode61`` and
the ``simple`` configuration): the corpus mixes languages, and the two backends then find the same rows.

Revision ID: 0008
Revises: 0007
"""

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

# As ``tables.SEARCH_COLUMNS`` was at this revision (a migration is history: it must not follow later edits).
SEARCH_COLUMNS = {"documents": ("title", "body"), "statements": ("text", "speaker_name"),
                  "evidence_links": ("text",), "incidents": ("sentence",)}


def _fts5_available() -> bool:
    return bool(op.get_bind().exec_driver_sql("SELECT sqlite_compileoption_used('ENABLE_FTS5')").scalar())


def _sqlite_upgrade() -> None:
    if not _fts5_available():
        return
    for table, columns in SEARCH_COLUMNS.items():
        fts, names = f"{table}_fts", ", ".join(columns)
        old, new = ", ".join(f"old.{c}" for c in columns), ", ".join(f"new.{c}" for c in columns)
        op.execute(f"CREATE VIRTUAL TABLE {fts} USING fts5({names}, content='{table}', content_rowid='rowid', "
                   "tokenize='unicode61 remove_diacritics 2')")
        op.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")
        remove = f"INSERT INTO {fts}({fts}, rowid, {names}) VALUES ('delete', old.rowid, {old});"
        add = f"INSERT INTO {fts}(rowid, {names}) VALUES (new.rowid, {new});"
        op.execute(f"CREATE TRIGGER {fts}_insert AFTER INSERT ON {table} BEGIN {add} END")
        op.execute(f"CREATE TRIGGER {fts}_delete AFTER DELETE ON {table} BEGIN {remove} END")
        op.execute(f"CREATE TRIGGER {fts}_update AFTER UPDATE OF {names} ON {table} BEGIN {remove} {add} END")


def _postgresql_upgrade() -> None:
    for table, columns in SEARCH_COLUMNS.items():  # the expression browse.tsvector_sql queries with
        text = " || ' ' || ".join(f"coalesce({table}.{c}, '')" for c in columns)
        op.execute(f"CREATE INDEX ix_{table}_search ON {table} USING gin (to_tsvector('simple', {text}))")


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        _sqlite_upgrade()
    elif dialect == "postgresql":
        _postgresql_upgrade()


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for table in SEARCH_COLUMNS:
        if dialect == "sqlite":
            for action in ("insert", "delete", "update"):
                op.execute(f"DROP TRIGGER IF EXISTS {table}_fts_{action}")
            op.execute(f"DROP TABLE IF EXISTS {table}_fts")
        elif dialect == "postgresql":
            op.execute(f"DROP INDEX IF EXISTS ix_{table}_search")
