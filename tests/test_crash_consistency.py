"""Crash consistency: ``ingest`` and ``analyse`` killed (SIGKILL) at random moments, again and again, then let
finish, give the store of a clean run: nothing lost, nothing doubled. Two concurrent ``analyse`` give the store of one.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from trucewatch.evaluation.synthetic import generate, write_corpus
from trucewatch.ingest import ingest
from trucewatch.store import Store

pytestmark = pytest.mark.slow
# The suite kills each run 6 times; the documented run of issue 12 sets 50 kills and corpora 5 times larger
# (TRUCEWATCH_CRASH_KILLS=50 TRUCEWATCH_CRASH_SCALE=5, docs/fuzzing.md).
KILLS = int(os.environ.get("TRUCEWATCH_CRASH_KILLS", "6"))
SCALE = int(os.environ.get("TRUCEWATCH_CRASH_SCALE", "1"))
AGREEMENT = "karabakh-2020-11-10"


def _command(*args: str) -> list[str]:
    return [sys.executable, "-m", "trucewatch", *args]


def _kill_repeatedly(command: list[str], rng: random.Random, kills: int = KILLS) -> int:
    """Start ``command`` and SIGKILL it after a random 0.5-8 s, ``kills`` times (fewer if it finishes first)."""
    killed = 0
    for _ in range(kills):
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            process.wait(timeout=rng.uniform(0.5, 8.0))
        except subprocess.TimeoutExpired:
            os.kill(process.pid, signal.SIGKILL)
            process.wait()
            killed += 1
            continue
        break  # it finished before the kill: nothing left to interrupt
    return killed


def _kill_after_progress(command: list[str], db: Path, rng: random.Random, kills: int = KILLS) -> int:
    """Start ``command`` and SIGKILL it at a random moment (0-0.3 s) after each new batch of analysis results
    lands, ``kills`` times (fewer if it finishes first): mid-run however fast the machine is."""
    killed, seen = 0, _count(db)
    for _ in range(kills):
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 300
        while process.poll() is None and _count(db) <= seen and time.monotonic() < deadline:
            time.sleep(0.02)
        time.sleep(rng.uniform(0.0, 0.3))
        if process.poll() is not None:
            break  # it finished before the kill: nothing left to interrupt
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        killed += 1
        seen = _count(db)
    return killed


def _count(db: Path) -> int:
    try:
        return _rows(db, "SELECT count(*) FROM analysis_state")[0][0]
    except sqlite3.Error:  # the writer holds the file: try again
        return 0


def _rows(db: Path | str, query: str) -> list[tuple]:
    """Rows of ``query`` on a SQLite file (read-only, while a writer may be killed) or a PostgreSQL URL."""
    if isinstance(db, str) and "://" in db:
        store = Store(db)
        try:
            with store.engine.connect() as connection:
                return [tuple(row) for row in connection.execute(text(query))]
        finally:
            store.close()
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as connection:
        return connection.execute(query).fetchall()


def _documents(db: Path | str) -> list[tuple]:
    return sorted(_rows(db, "SELECT id, source_key, body, duplicate_of FROM documents"))


def _analysis(db: Path | str) -> tuple[list, list]:
    statements = sorted(_rows(db, "SELECT id, doc_id, kind, start, \"end\", speaker, said_on FROM statements"))
    links = sorted(_rows(db, "SELECT id, provision, doc_id, start, \"end\", score FROM evidence_links"))
    return statements, links


def test_ingest_killed_at_random_moments_loses_and_doubles_nothing(tmp_path: Path) -> None:
    corpus = write_corpus(generate(1200 * SCALE, seed=21, duplicate_rate=0.2), tmp_path / "corpus", jsonl_share=0.2)
    killed, clean = tmp_path / "killed.db", tmp_path / "clean.db"
    command = _command("ingest", str(corpus), "--db", str(killed), "--quiet")
    kills = _kill_repeatedly(command, random.Random(21))
    subprocess.run(command, capture_output=True, check=True)
    subprocess.run(_command("ingest", str(corpus), "--db", str(clean), "--quiet"), capture_output=True, check=True)
    assert kills >= min(KILLS, 1), "at least one kill should land mid-run"
    print(f"ingest killed {kills} times")
    documents = _documents(killed)
    assert len({d[1] for d in documents}) == len(documents)  # no source unit stored twice
    assert documents == _documents(clean)
    assert sorted(_rows(killed, "SELECT key, status FROM ingest_log")) == \
        sorted(_rows(clean, "SELECT key, status FROM ingest_log"))


def test_analyse_killed_at_random_moments_gives_the_clean_analysis(tmp_path: Path) -> None:
    corpus = write_corpus(generate(300 * SCALE, seed=23), tmp_path / "corpus")
    killed, clean = tmp_path / "killed.db", tmp_path / "clean.db"
    for db in (killed, clean):
        ingest([corpus], Store(str(db)))
    command = _command("analyse", "--db", str(killed))
    kills = _kill_after_progress(command, killed, random.Random(23))
    subprocess.run(command, capture_output=True, check=True)
    subprocess.run(_command("analyse", "--db", str(clean)), capture_output=True, check=True)
    assert kills >= min(KILLS, 1), "at least one kill should land mid-run"
    print(f"analyse killed {kills} times")
    statements, links = _analysis(killed)
    assert len({s[0] for s in statements}) == len(statements) and len({x[0] for x in links}) == len(links)
    assert (statements, links) == _analysis(clean)
    canonical = len(Store(str(killed)).document_ids(include_duplicates=False))
    assert _rows(killed, "SELECT count(*) FROM analysis_state")[0][0] == canonical


def test_two_concurrent_analyses_give_the_store_of_one(tmp_path: Path, db_url: str) -> None:
    """On SQLite (a file lock) and PostgreSQL (row conflicts), two ``analyse`` at once leave one run's rows."""
    corpus = write_corpus(generate(150, seed=29), tmp_path / "corpus")
    shared, single = db_url, str(tmp_path / "single.db")
    for db in (shared, single):
        ingest([corpus], Store(db))
    processes = [subprocess.Popen(_command("analyse", "--db", shared), stdout=subprocess.DEVNULL,
                                  stderr=subprocess.PIPE, text=True) for _ in range(2)]
    deadline = time.monotonic() + 600
    results = [(p.wait(timeout=max(1.0, deadline - time.monotonic())), p.stderr.read()) for p in processes]
    assert [code for code, _ in results] == [0, 0], [err[-2000:] for _, err in results]
    subprocess.run(_command("analyse", "--db", single), capture_output=True, check=True)
    assert _analysis(shared) == _analysis(Path(single))
    assert all(run["status"] == "finished" for run in Store(shared).runs())


def test_two_concurrent_ingests_give_the_store_of_one(tmp_path: Path, db_url: str) -> None:
    """Two ``ingest`` processes over one corpus and one store: both exit 0, every unit stored once."""
    corpus = write_corpus(generate(300, seed=31, duplicate_rate=0.2), tmp_path / "corpus", jsonl_share=0.2)
    single = tmp_path / "single.db"
    Store(db_url).close()  # created and migrated once, as the first `ingest` would
    command = _command("ingest", str(corpus), "--db", db_url, "--quiet")
    processes = [subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
                 for _ in range(2)]
    results = [(p.wait(timeout=600), p.stderr.read()) for p in processes]
    assert [code for code, _ in results] == [0, 0], [err[-2000:] for _, err in results]
    subprocess.run(_command("ingest", str(corpus), "--db", str(single), "--quiet"), capture_output=True, check=True)
    documents = _documents(db_url)
    assert len({d[1] for d in documents}) == len(documents)  # no source unit stored twice
    assert documents == _documents(single)
    assert sorted(_rows(db_url, "SELECT key, status FROM ingest_log")) == \
        sorted(_rows(single, "SELECT key, status FROM ingest_log"))
