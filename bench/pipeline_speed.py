"""The whole pipeline (ingest -> statements -> evidence -> status) against ingest alone, in one run.

    .venv/bin/python bench/pipeline_speed.py [--docs 1000] [--workers 0]

Generates a corpus of news-like articles (plain text and HTML), ingests it into a fresh SQLite
store (timed: the baseline), then runs the analysis stages and computes every bundled agreement's
status (timed). Reports documents per second of each part and the whole pipeline's cost as a
multiple of ingest alone.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from trucewatch.agreements import load_agreements
from trucewatch.assess.status import assess
from trucewatch.evaluation.synthetic import generate, write_corpus
from trucewatch.ingest import ingest
from trucewatch.parallel import Mapper
from trucewatch.pipeline import analyse
from trucewatch.store import Store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=0)
    args = parser.parse_args()
    agreements = load_agreements()
    with tempfile.TemporaryDirectory() as tmp, Mapper(workers=args.workers) as mapper:
        corpus = write_corpus(generate(args.docs, seed=13), Path(tmp) / "corpus")
        store = Store(str(Path(tmp) / "bench.db"))
        start = time.perf_counter()
        ingested = ingest([corpus], store, mapper=mapper)
        ingest_seconds = time.perf_counter() - start

        start = time.perf_counter()
        analysis = analyse(store, agreements=list(agreements.values()), mapper=mapper)
        analyse_seconds = time.perf_counter() - start

        start = time.perf_counter()
        provisions = sum(len(assess(a, store.evidence(a.id))) for a in agreements.values())
        status_seconds = time.perf_counter() - start
    total = ingest_seconds + analyse_seconds + status_seconds
    print(json.dumps({
        "documents": ingested.ingested,
        "canonical_documents_analysed": analysis.documents,
        "words": sum(a.words for a in generate(args.docs, seed=13)),
        "statements": analysis.statements,
        "evidence_links": sum(analysis.links.values()),
        "provisions_assessed": provisions,
        "workers": args.workers,
        "ingest_docs_per_s": round(ingested.ingested / ingest_seconds, 1),
        "analyse_docs_per_s": round(analysis.documents / analyse_seconds, 1),
        "status_seconds": round(status_seconds, 3),
        "pipeline_docs_per_s": round(ingested.ingested / total, 1),
        "pipeline_cost_vs_ingest": round(total / ingest_seconds, 2),
    }, indent=2))


if __name__ == "__main__":
    main()
