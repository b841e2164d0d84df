"""Ingest and analyse on PostgreSQL against SQLite, the same generated corpus in the same run.

    PYTHONPATH=src .venv/bin/python bench/postgres_ratio.py [--docs 500] [--rounds 2]
        [--postgres postgresql://postgres@127.0.0.1:5432/test]

Each round ingests and analyses the corpus into a fresh SQLite file and a fresh PostgreSQL schema,
alternating which goes first so the shared machine's load falls on both alike. Reported: seconds
of each and PostgreSQL / SQLite (the issue's aim: at most 1.5).
"""

from __future__ import annotations

import argparse
import tempfile
import time
import uuid
from pathlib import Path

import psycopg

from trucewatch.evaluation.synthetic import generate, write_corpus
from trucewatch.ingest import ingest
from trucewatch.pipeline import analyse
from trucewatch.store import Store


def _timed(url: str, corpus: Path) -> tuple[float, float]:
    store = Store(url)
    started = time.perf_counter()
    ingest([corpus], store)
    ingested = time.perf_counter()
    analyse(store)
    done = time.perf_counter()
    store.close()
    return ingested - started, done - ingested


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--postgres", default="postgresql://postgres@127.0.0.1:5432/test")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        corpus = write_corpus(generate(args.docs, seed=3), Path(folder) / "corpus")
        totals = {"sqlite": [0.0, 0.0], "postgresql": [0.0, 0.0]}
        for round_ in range(args.rounds):
            schema = f"bench_{uuid.uuid4().hex[:10]}"
            with psycopg.connect(args.postgres, autocommit=True) as connection:
                connection.execute(f'CREATE SCHEMA "{schema}"')
            urls = {"sqlite": str(Path(folder) / f"r{round_}.db"),
                    "postgresql": f"{args.postgres}?options=-csearch_path%3D{schema}"}
            order = ["sqlite", "postgresql"] if round_ % 2 == 0 else ["postgresql", "sqlite"]
            try:
                for backend in order:
                    ingest_s, analyse_s = _timed(urls[backend], corpus)
                    totals[backend][0] += ingest_s
                    totals[backend][1] += analyse_s
            finally:
                with psycopg.connect(args.postgres, autocommit=True) as connection:
                    connection.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
    for step, i in (("ingest", 0), ("analyse", 1)):
        sqlite, postgres = totals["sqlite"][i], totals["postgresql"][i]
        print(f"{step}: SQLite {sqlite:.1f} s, PostgreSQL {postgres:.1f} s, ratio {postgres / sqlite:.2f}")


if __name__ == "__main__":
    main()
