"""Where the whole pipeline's CPU time goes, stage by stage, timed in place (no profiler).

    PYTHONPATH=src .venv/bin/python bench/stage_costs.py [--corpus polnear real-dev] [--repeats 3]

Runs ingest -> analyse -> status over each corpus as ``whole_pipeline.py`` does (after the same warm-up), with
``time.process_time`` around the ingest, the analysis, the status, and inside the analysis around the sentence
splitter, the statements stage (and within it the parse and the NER of speaker phrases), evidence linking,
incident extraction and the analysis writes. Each corpus runs ``--repeats`` times into fresh stores in one
process; the fastest run is printed (later runs find the process's caches warm: spaCy's vocabulary, remembered
dates), as shares of its total. cProfile inflates Python-heavy code several times over; this does not.
"""

from __future__ import annotations

import argparse
import functools
import json
import tempfile
import time
from pathlib import Path

from whole_pipeline import WARM_TEXTS, corpus_files  # bench/ is on sys.path when run as a script

import trucewatch.incidents as incidents_stage
import trucewatch.linking as linking_stage
import trucewatch.statements as statements_stage
import trucewatch.text.sentences as sentences_stage
from trucewatch.agreements import load_agreements
from trucewatch.assess.status import assess
from trucewatch.evaluation.synthetic import generate, write_corpus
from trucewatch.ingest import ingest
from trucewatch.pipeline import analyse
from trucewatch.store import Store

SPENT: dict[str, float] = {}


def _timed(owner, name: str, key: str) -> None:
    """Replace ``owner.name`` by the same function adding its CPU time to ``SPENT[key]`` (before the pipeline is
    built, so the stages' factories pick up the timed one)."""
    function = getattr(owner, name)

    @functools.wraps(function)
    def timed(*args, **kwargs):
        began = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            SPENT[key] = SPENT.get(key, 0.0) + time.process_time() - began

    setattr(owner, name, timed)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", nargs="+", default=["polnear", "real-dev"], choices=["polnear", "real-dev"])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    _timed(statements_stage, "parse", "statements: parse")
    _timed(statements_stage, "entities", "statements: NER of speaker phrases")
    _timed(statements_stage, "extract_many", "statements (all)")
    _timed(linking_stage, "link_document", "evidence links")
    _timed(incidents_stage, "extract_incidents", "incidents")
    _timed(sentences_stage, "split_sentences", "sentences")
    _timed(Store, "write_analysis", "analysis writes")
    agreements = list(load_agreements().values())
    with tempfile.TemporaryDirectory() as tmp:
        warm = Store(str(Path(tmp) / "warm.db"))
        folder = write_corpus(generate(4, seed=1), Path(tmp) / "warm")
        for name, text in WARM_TEXTS.items():
            (folder / name).write_text(text, encoding="utf-8")
        ingest([folder], warm)
        analyse(warm)
        for name in args.corpus:
            files = [str(p) for p in corpus_files(name, 0, Path(tmp))]
            runs = []
            for n in range(args.repeats):
                SPENT.clear()
                store = Store(str(Path(tmp) / f"{name}-{n}.db"))
                began = time.process_time()
                ingest(files, store)
                SPENT["ingest"] = time.process_time() - began
                analysed = time.process_time()
                analyse(store)
                SPENT["analyse (all)"] = time.process_time() - analysed
                assessed = time.process_time()
                for agreement in agreements:
                    assess(agreement, store.evidence(agreement.id))
                SPENT["status"] = time.process_time() - assessed
                SPENT["total"] = time.process_time() - began
                store.close()
                runs.append(dict(SPENT))
            best = min(runs, key=lambda run: run["total"])
            shares = {key: [round(value, 3), round(100 * value / best["total"], 1)]
                      for key, value in sorted(best.items(), key=lambda item: -item[1])}
            print(name, json.dumps(shares), flush=True)


if __name__ == "__main__":
    main()
