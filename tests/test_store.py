"""The store on both backends: migrations, round trips, idempotent replaces."""

from __future__ import annotations

import subprocess
import sys

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from trucewatch.dedup import Candidate
from trucewatch.records import BodySpan, Document, EvidenceLink, RemovedBlock, Skip, Statement
from trucewatch.store import MIGRATIONS, AnalysisRows, Store, head_revisions, resolve_url
from trucewatch.store.tables import SEARCH_SCHEMA_NAMES, metadata


def make_document(doc_id: str = "d1", key: str = "k1", body: str = "A ceasefire was announced.") -> Document:
    raw = f"Title\n\n{body}\n\nAccept cookies"
    return Document(
        id=doc_id, source_key=key, source_path="/corpus/a.txt", locator="", content_type="text", raw_text=raw,
        body=body, body_spans=[BodySpan(0, raw.index(body), len(body))], title="Title",
        published="2020-11-10T13:44:00+03:00", published_source="dateline", outlet="Example", wire="TASS",
        language="en", removed=[RemovedBlock("boilerplate", "Accept cookies", len(raw) - 14, len(raw), "consent")],
    )


def test_schema_matches_tables(store: Store) -> None:
    with store.engine.connect() as connection:
        # The full-text index (FTS5 tables and their shadow tables, GIN indexes) is not a Core table: skipped by name.
        context = MigrationContext.configure(connection, opts={"include_name": lambda name, kind, _parent: (
            kind not in ("table", "index") or name not in SEARCH_SCHEMA_NAMES)})
        diff = compare_metadata(context, metadata)
    assert diff == []


def test_reopening_migrates_idempotently(db_url: str) -> None:
    Store(db_url).close()
    again = Store(db_url)
    assert again.count_documents()["documents"] == 0
    again.close()


def _alembic() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def test_head_revisions_read_from_the_scripts_are_alembics() -> None:
    assert head_revisions() == frozenset(ScriptDirectory.from_config(_alembic()).get_heads())


def test_an_older_store_is_upgraded_when_opened(db_url: str) -> None:
    Store(db_url).close()
    old = Store(db_url)
    with old.engine.begin() as connection:
        config = _alembic()
        config.attributes["connection"] = connection
        command.downgrade(config, "0006")
    assert old.schema_revisions() == {"0006"}
    old.close()
    reopened = Store(db_url)
    assert reopened.schema_revisions() == head_revisions()
    assert reopened.count_documents()["documents"] == 0  # the tables of later migrations are back
    reopened.close()


def test_opening_an_up_to_date_store_does_not_load_alembic(tmp_path) -> None:
    path = tmp_path / "store.db"
    Store(str(path)).close()
    probe = ("import sys; from trucewatch.store import Store, head_revisions; s = Store(sys.argv[1]); "
             "print(s.schema_revisions() == head_revisions(), 'alembic' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", probe, str(path)], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["True", "False"]
    new = subprocess.run([sys.executable, "-c", probe, str(tmp_path / "new.db")], capture_output=True, text=True,
                         check=True).stdout
    assert new.split()[-1] == "True"  # a new store is created by the migrations


def test_document_round_trip(store: Store) -> None:
    doc = make_document()
    assert store.add_documents([(doc, b"\x01" * 8, [1, 2])]) == {doc.id}
    back = store.document("d1")
    assert back == doc
    assert back.raw_text[back.raw_offset(2) : back.raw_offset(11)] == doc.body[2:11]
    assert store.ledger(["k1", "nope"]) == {"k1": ("ingested", None)}


def test_adding_the_same_source_twice_adds_nothing(store: Store) -> None:
    doc = make_document()
    store.add_documents([(doc, b"sig", [])])
    assert store.add_documents([(make_document(doc_id="d1"), b"sig", [])]) == set()
    assert store.count_documents()["documents"] == 1


def test_skips_are_recorded_in_the_ledger(store: Store) -> None:
    store.record_skips([Skip("/x.bin", "", "binary content, not text", key="kx")])
    store.record_skips([Skip("/x.bin", "", "binary content, not text", key="kx")])
    assert store.ledger(["kx"]) == {"kx": ("skipped", "binary content, not text")}


def test_duplicates_and_counts(store: Store) -> None:
    store.add_documents([(make_document("a", "ka"), b"1", [10, 11]), (make_document("b", "kb"), b"2", [11, 12])])
    store.set_duplicate_of("b", "a")
    assert store.count_documents() == {"documents": 2, "duplicates": 1, "duplicate_groups": 1}
    assert [d.id for d in store.documents(include_duplicates=False)] == ["a"]
    assert store.duplicate_candidates([99]) == []
    assert sorted(store.duplicate_candidates([11, 12])) == [Candidate("a", None, b"1"), Candidate("b", "a", b"2")]


def test_statements_replace_is_idempotent(store: Store) -> None:
    items = [Statement("d1", "direct", 5, 20, "the ceasefire holds", cue="said", speaker="ilham-aliyev",
                       said_on="2020-12-18", said_on_precision="day")]
    store.write_analysis("r1", [AnalysisRows("d1", {"statements": "v1"}, statements=items)])
    store.write_analysis("r1", [AnalysisRows("d1", {"statements": "v1"}, statements=items)])
    assert store.statements("d1") == items
    store.write_analysis("r2", [AnalysisRows("d1", {"statements": "v1"}, statements=[])])
    assert store.statements() == []


def test_evidence_replace_is_per_document_and_a_stage_not_run_keeps_its_rows(store: Store) -> None:
    link = EvidenceLink("karabakh-2020", "2", "d1", 0, 10, "Aghdam was returned", 0.9, "indicator 'returned'")
    other = EvidenceLink("karabakh-2020", "8", "d2", 0, 10, "detainees exchanged", 0.8, "indicator 'exchange'")
    said = Statement("d1", "direct", 5, 20, "the ceasefire holds")
    store.write_analysis("r1", [AnalysisRows("d1", {}, statements=[said], links={"karabakh-2020": [link]}),
                                AnalysisRows("d2", {}, links={"karabakh-2020": [other]})])
    store.write_analysis("r2", [AnalysisRows("d1", {}, links={"karabakh-2020": [link]})])
    assert store.evidence("karabakh-2020") == [link, other]
    assert store.statements() == [said]  # the statements stage did not run again: its rows stay
    store.forget_analysis(["d1"])
    assert store.evidence("karabakh-2020") == [other] and store.statements() == []


def test_resolve_url(tmp_path, monkeypatch) -> None:
    monkeypatch.delenv("TRUCEWATCH_DB", raising=False)
    monkeypatch.chdir(tmp_path)
    assert resolve_url() == f"sqlite:///{tmp_path / 'trucewatch.db'}"
    assert resolve_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    monkeypatch.setenv("TRUCEWATCH_DB", "other.db")
    assert resolve_url() == f"sqlite:///{tmp_path / 'other.db'}"


def test_a_run_finishes_no_earlier_than_it_started_even_within_one_second(store: Store) -> None:
    store.start_run("r1", code_version="v", data_hash="d", agreements_hash="a", stages={})
    store.finish_run("r1", {"documents": 0})
    run = store.runs()[0]
    assert run["finished_at"] >= run["started_at"]  # both ISO in UTC, to the same precision
