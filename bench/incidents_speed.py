"""What the incident stage adds to ``analyse``: the same corpus analysed with and without it.

    PYTHONPATH=src .venv/bin/python bench/incidents_speed.py [--corpus real-dev|generated] [--docs 500] [--rounds 3]

Each round ingests the corpus into two fresh SQLite stores (not timed), then analyses one with the
default stages minus ``incidents`` and the other with every default stage (timed), alternating which
goes first so the shared machine's load falls on both alike. Reported: seconds of each, the stage's
share of the whole analysis, and the incidents found.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from pathlib import Path

from trucewatch.evaluation.synthetic import generate, write_corpus
from trucewatch.ingest import ingest
from trucewatch.pipeline import Pipeline, PipelineConfig, analyse
from trucewatch.store import Store

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("TRUCEWATCH_SHARED", ROOT.parent / "shared"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default="real-dev", choices=["real-dev", "generated"])
    parser.add_argument("--docs", type=int, default=500, help="generated documents")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    full = PipelineConfig()
    without = PipelineConfig(stages=tuple(s for s in full.stages if s != "incidents"))
    Pipeline(full)  # warm-up: imports, registry, agreements, spaCy
    with tempfile.TemporaryDirectory() as tmp:
        if args.corpus == "real-dev":
            files = sorted((SHARED / "corpus" / "real-dev").glob("*.txt"))
        else:
            files = sorted(p for p in write_corpus(generate(args.docs, seed=13), Path(tmp) / "c").rglob("*")
                           if p.is_file())
        seconds = {"without": 0.0, "with": 0.0}
        incidents = 0
        for n in range(args.rounds):
            order = [("without", without), ("with", full)]
            for name, config in order if n % 2 == 0 else reversed(order):
                store = Store(str(Path(tmp) / f"{name}{n}.db"))
                ingest([str(p) for p in files], store)
                began = time.perf_counter()
                report = analyse(store, config=config)
                seconds[name] += time.perf_counter() - began
                incidents = report.incidents or incidents
                store.close()
    added = seconds["with"] / seconds["without"] - 1
    print(json.dumps({"corpus": args.corpus, "files": len(files), "rounds": args.rounds,
                      "analyse_without_s": round(seconds["without"] / args.rounds, 2),
                      "analyse_with_s": round(seconds["with"] / args.rounds, 2),
                      "added": f"{added:.1%}", "incidents": incidents}))


if __name__ == "__main__":
    main()
