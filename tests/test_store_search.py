"""Full-text search on both backends: words found in every searched table, kept in step on writes, never syntax."""

from __future__ import annotations

import pytest

from tests.test_store import make_document
from trucewatch.records import EvidenceLink, Incident, Statement
from trucewatch.store import AnalysisRows, Store
from trucewatch.store.browse import fts5_query
from trucewatch.store.tables import SEARCH_COLUMNS

BODY = "Russian peacekeepers entered the Lachin corridor. Shelling near Shusha was reported."


def _analysed(store: Store) -> None:
    store.add_documents([(make_document("d1", "k1", BODY), b"1", []),
                         (make_document("d2", "k2", "Talks in Moscow went on about prisoners."), b"2", [])])
    quote = Statement("d1", "quote", 0, 49, BODY[:49], speaker="putin", speaker_name="Vladimir Putin")
    link = EvidenceLink("k", "6", "d1", 0, 49, BODY[:49], 0.9, "corridor")
    incident = Incident("d1", 50, len(BODY), BODY[50:], "shelling", "ASSAULT", place="Shusha")
    store.write_analysis("r1", [AnalysisRows("d1", {"statements": "1"}, statements=[quote], links={"k": [link]},
                                             incidents=[incident])])


def _ids(found: dict[str, list[dict]]) -> dict[str, set[str]]:
    return {kind: {x["id"] for x in rows} for kind, rows in found.items()}


def test_search_uses_the_full_text_index(store: Store) -> None:
    assert store.search_method() == ("fts5" if store.engine.dialect.name == "sqlite" else "postgresql")


def test_every_word_found_in_every_kind_case_insensitively(store: Store) -> None:
    _analysed(store)
    found = store.search("LACHIN corridor", limit=10, offset=0)
    assert [d["id"] for d in found["documents"]] == ["d1"]
    assert len(found["statements"]) == len(found["evidence"]) == 1 and found["incidents"] == []
    assert [x["place"] for x in store.search("shusha", limit=10, offset=0)["incidents"]] == ["Shusha"]
    assert [s["speaker"] for s in store.search("putin", limit=10, offset=0)["statements"]] == ["putin"]
    assert _ids(store.search("lachin prisoners", limit=10, offset=0)) == {
        "documents": set(), "statements": set(), "evidence": set(), "incidents": set()}
    assert [d["id"] for d in store.search("moscow", limit=10, offset=0)["documents"]] == ["d2"]


def test_index_follows_re_analysis_and_deletes(store: Store) -> None:
    _analysed(store)
    assert store.search("corridor", limit=10, offset=0)["statements"]
    store.write_analysis("r2", [AnalysisRows("d1", {"statements": "2"}, statements=[], links={"k": []},
                                             incidents=[])])
    found = store.search("corridor", limit=10, offset=0)
    assert found["statements"] == found["evidence"] == [] and found["documents"]


@pytest.mark.parametrize("query", ['"', "NEAR(a b)", "body:lachin", "a OR", "*", "(", "^x", "-x", "'",
                                   "x' OR 1=1 --", "NOT", "%", "_", "\\", "lachin NOT"])
def test_query_syntax_is_plain_text(store: Store, query: str) -> None:
    _analysed(store)
    found = store.search(query, limit=10, offset=0)  # no syntax error, and operators are words that must occur
    assert _ids(found) == {"documents": set(), "statements": set(), "evidence": set(), "incidents": set()}
    assert store.count_documents()["documents"] == 2


@pytest.mark.parametrize("query", ['lachin"', '"lachin', "(lachin)", "lachin*", "LACHIN,"])
def test_punctuation_around_a_word_is_ignored(store: Store, query: str) -> None:
    _analysed(store)
    assert [d["id"] for d in store.search(query, limit=10, offset=0)["documents"]] == ["d1"]


def test_operators_are_words() -> None:
    assert fts5_query('lachin OR "x" NEAR') == '"lachin" "OR" """x""" "NEAR"'
    assert fts5_query("  ") == ""


def test_upgrading_a_store_indexes_its_rows_and_downgrading_removes_the_index(store: Store) -> None:
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import inspect

    from trucewatch.store import MIGRATIONS
    from trucewatch.store.tables import SEARCH_SCHEMA_NAMES

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    _analysed(store)  # rows kept by the downgrade: then there before the index and its triggers
    with store.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0007")
    names = set(inspect(store.engine).get_table_names())
    names |= {i["name"] for t in SEARCH_COLUMNS for i in inspect(store.engine).get_indexes(t)}
    assert not names & SEARCH_SCHEMA_NAMES
    store.migrate()
    found = store.search("corridor", limit=10, offset=0)
    assert [d["id"] for d in found["documents"]] == ["d1"] and len(found["statements"]) == 1


def _fts_index(store: Store, table: str) -> list[tuple]:
    """Every token the FTS5 index holds for ``table`` (term, row, column, offset)."""
    with store.transaction() as connection:
        connection.exec_driver_sql(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab_{table} USING "
                                   f"fts5vocab(main, {table}_fts, 'instance')")
        return [tuple(r) for r in connection.exec_driver_sql(f"SELECT * FROM temp.vocab_{table} ORDER BY 1, 2, 3, 4")]


def test_analysis_batch_indexed_as_the_triggers_index_it(tmp_path) -> None:
    """The analysis writer adds a batch's FTS rows at once (0010): the index holds what the per-row triggers write,
    the flag is never left set, and any other writer still goes through the triggers."""
    deferred, per_row = Store(str(tmp_path / "a.db")), Store(str(tmp_path / "b.db"))
    assert deferred._defers_search()
    per_row._deferred_search = False  # the per-row triggers of 0008, as before 0010
    for store in (deferred, per_row):
        _analysed(store)
        with store.transaction() as connection:  # another writer: a row entered by hand
            connection.exec_driver_sql("INSERT INTO statements (id, doc_id, kind, start, \"end\", text, run_id) "
                                       "VALUES ('h1', 'd2', 'quote', 0, 5, 'Moscow handwritten', 'hand')")
    for table in ("statements", "evidence_links", "incidents"):
        assert _fts_index(deferred, table) == _fts_index(per_row, table) != []
    with deferred.transaction() as connection:
        assert connection.exec_driver_sql("SELECT count(*) FROM search_deferred").scalar() == 0
    assert {s["id"] for s in deferred.search("handwritten", limit=10, offset=0)["statements"]} == {"h1"}
