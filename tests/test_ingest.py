"""Ingest end to end: idempotent, incremental, resumable, parallel, and honest about bad input."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from trucewatch.cli import main
from trucewatch.evaluation.synthetic import generate, layout, write_corpus
from trucewatch.ingest import ingest
from trucewatch.parallel import Mapper
from trucewatch.store import Store


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return write_corpus(generate(60, seed=3, duplicate_rate=0.2), tmp_path_factory.mktemp("corpus"), jsonl_share=0.2)


def test_ingest_is_idempotent_and_incremental(store: Store, corpus: Path, tmp_path: Path) -> None:
    first = ingest([corpus], store)
    assert first.ingested == 60 and first.skipped == []
    again = ingest([corpus], store)
    assert (again.ingested, again.unchanged) == (0, 60)
    extra = tmp_path / "extra.txt"
    extra.write_text("A new report: the ceasefire held overnight, officials said.\n")
    third = ingest([corpus, extra], store)
    assert (third.ingested, third.unchanged) == (1, 60)
    assert store.count_documents()["documents"] == 61


def test_syndicated_copies_are_grouped(store: Store, corpus: Path) -> None:
    """Documents are grouped exactly by the story they tell, across .txt, .html and JSONL copies."""
    placed = layout(generate(60, seed=3, duplicate_rate=0.2), corpus, jsonl_share=0.2)
    copy_of = {a.name: a.copy_of for a in placed.values()}

    def root(name: str) -> str:
        return root(copy_of[name]) if copy_of[name] else name

    ingest([corpus], store)
    docs = list(store.documents())
    story = {d.id: root(placed[(d.source_path, d.locator)].name) for d in docs}
    groups: dict[str, set[str]] = {}
    for d in docs:
        groups.setdefault(d.duplicate_of or d.id, set()).add(story[d.id])
    assert all(len(stories) == 1 for stories in groups.values())  # no unrelated story grouped in
    assert len(groups) == len(set(story.values()))  # every copy found
    for d in docs:
        if d.duplicate_of:
            assert store.document(d.duplicate_of).duplicate_of is None  # links point at the canonical copy


def test_interrupted_run_resumes_without_loss_or_doubles(tmp_path: Path, corpus: Path) -> None:
    store = Store(str(tmp_path / "s.db"))
    seen = 0

    def interrupt(count: int) -> None:
        nonlocal seen
        seen += count
        if seen >= 20:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        ingest([corpus], store, on_progress=interrupt, batch_size=10)
    assert store.count_documents()["documents"] == 20
    resumed = ingest([corpus], store, batch_size=10)
    assert (resumed.ingested, resumed.unchanged) == (40, 20)
    assert store.count_documents()["documents"] == 60


def _rows(db: Path, table: str = "documents") -> int:
    """Rows of ``table`` in a SQLite store, read without migrating it (the writer may be creating it)."""
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as connection:
            return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    except sqlite3.Error:
        return 0


@pytest.mark.slow
def test_killed_process_resumes(tmp_path: Path) -> None:
    big = write_corpus(generate(1500, seed=5), tmp_path / "big")
    db = tmp_path / "killed.db"
    command = [sys.executable, "-m", "trucewatch", "ingest", str(big), "--db", str(db), "--quiet"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if _rows(db) > 0:
            break
        time.sleep(0.2)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    partial = Store(str(db)).count_documents()["documents"]
    assert 0 < partial < 1500, "the kill should land mid-run"
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    store = Store(str(db))
    assert store.count_documents()["documents"] == 1500
    assert f"{1500 - partial} ingested" in result.stderr


@pytest.mark.slow
def test_dask_workers_give_the_same_documents(tmp_path: Path, corpus: Path) -> None:
    inline = Store(str(tmp_path / "inline.db"))
    ingest([corpus], inline)
    parallel = Store(str(tmp_path / "dask.db"))
    with Mapper(workers=2) as mapper:
        ingest([corpus], parallel, mapper=mapper)
    strip = lambda d: (d.id, d.body, d.title, d.published, d.duplicate_of)  # noqa: E731
    assert sorted(map(strip, inline.documents())) == sorted(map(strip, parallel.documents()))


def test_cli_exit_code_and_report(tmp_path: Path) -> None:
    runner = CliRunner()
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "x.txt").write_bytes(b"\x00\x01\x02" * 100)
    result = runner.invoke(main, ["ingest", str(bad), "--db", str(tmp_path / "a.db"), "--quiet"])
    assert result.exit_code == 1
    assert "binary content, not text" in result.output
    (bad / "ok.txt").write_text("The ceasefire held overnight, the ministry said in a statement.\n")
    result = runner.invoke(main, ["ingest", str(bad), "--db", str(tmp_path / "a.db"), "--quiet"])
    assert result.exit_code == 0
    assert "1 ingested" in result.output and "1 skipped" in result.output
    listing = runner.invoke(main, ["documents", "--db", str(tmp_path / "a.db"), "--format", "jsonl"])
    assert '"source_path"' in listing.output and "ceasefire held overnight" in listing.output


@pytest.mark.slow
def test_killed_analysis_resumes_where_it_stopped(tmp_path: Path) -> None:
    corpus = write_corpus(generate(400, seed=11), tmp_path / "corpus")
    killed, clean = tmp_path / "killed.db", tmp_path / "clean.db"
    for db in (killed, clean):
        ingest([corpus], Store(str(db)))
    command = [sys.executable, "-m", "trucewatch", "analyse", "--db", str(killed)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and process.poll() is None and _rows(killed, "analysis_state") == 0:
        time.sleep(0.1)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    done = _rows(killed, "analysis_state")
    canonical = len(Store(str(killed)).document_ids(include_duplicates=False))
    assert 0 < done < canonical, "the kill should land mid-run"
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    assert f"analysed {canonical - done} documents" in result.stderr  # only what the killed run had not written
    subprocess.run([sys.executable, "-m", "trucewatch", "analyse", "--db", str(clean)], capture_output=True, check=True)
    resumed, full = Store(str(killed)), Store(str(clean))
    assert resumed.statements() == full.statements()
    assert resumed.evidence("karabakh-2020-11-10") == full.evidence("karabakh-2020-11-10")
    assert [r["status"] for r in resumed.runs()] == ["finished", "running"]  # the killed run stays on record


def test_a_batchs_candidates_read_at_once_give_the_same_copies(
    tmp_path: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One candidate query per batch (``DuplicateIndex.prefetch``) groups exactly as a query per document."""
    batched = Store(str(tmp_path / "batched.db"))
    ingest([corpus], batched, batch_size=16)  # copies found in the store and among the batch's pending documents
    monkeypatch.setattr("trucewatch.dedup.DuplicateIndex.prefetch", lambda self, signatures: None)
    one_by_one = Store(str(tmp_path / "one.db"))
    ingest([corpus], one_by_one, batch_size=16)

    def verdicts(store: Store) -> dict[str, tuple[str | None, str | None]]:
        return {d.id: (d.duplicate_of, d.duplicate_reason) for d in store.documents()}

    found = verdicts(batched)
    assert found == verdicts(one_by_one)
    assert sum(copy is not None for copy, _ in found.values()) >= 5


def test_documents_another_ingest_stored_meanwhile_count_as_in_the_store(store: Store, corpus: Path) -> None:
    """Two ingests of one folder: the second checked the ledger before the first committed, so its insert
    finds every document there. They are "already in the store", not nothing read (which exits 1)."""
    from sqlalchemy import delete

    from trucewatch.store.tables import ingest_log

    first = ingest([corpus], store)
    with store.engine.begin() as connection:  # as the second ingest saw it: the ledger not yet written
        connection.execute(delete(ingest_log).where(ingest_log.c.status == "ingested"))
    second = ingest([corpus], store)
    assert first.ingested > 0 and second.ingested == 0 and second.duplicates == 0
    assert second.unchanged == first.ingested and second.read == first.read


def test_a_page_cleaned_to_nothing_says_what_was_removed_and_why() -> None:
    from trucewatch.ingest import prepare
    from trucewatch.records import Skip, SourceItem

    skip = prepare(SourceItem("k", "menu.html", "", "html", "<p>Home<p>World news<p>Contact us", {}))
    assert isinstance(skip, Skip)
    assert skip.reason.startswith("no article text found after cleaning: 3 blocks removed (")
