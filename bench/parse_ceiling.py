"""The most the whole pipeline can gain on spaCy while it parses what it parses: the parse alone against stock spaCy.

    PYTHONPATH=src .venv/bin/python bench/parse_ceiling.py [--corpus polnear real-dev]

Ingests and analyses each corpus once, keeping the candidate sentences the statements stage hands to the parser
(``statements.parse``), then times in one process (CPU, best of 3) stock spaCy's full pipeline over every stored
body, as ``whole_pipeline.py`` does, and the stages' parse (tok2vec, tagger, parser) over those sentences alone.
Their ratio bounds the whole pipeline's ratio: with every other part free it would reach that and no more.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import spacy
from whole_pipeline import analysed_corpus  # bench/ is on sys.path when run as a script

import trucewatch.statements as statements_stage
from trucewatch.nlp import MODEL


def _cpu(run: Callable[[], object], repeats: int = 3) -> float:
    best = float("inf")
    for _ in range(repeats):
        began = time.process_time()
        run()
        best = min(best, time.process_time() - began)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", nargs="+", default=["polnear", "real-dev"], choices=["polnear", "real-dev"])
    args = parser.parse_args()
    stock = spacy.load(MODEL)
    list(stock.pipe(["Warm-up."]))
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.corpus:
            store, sentences = analysed_corpus(name, Path(tmp))
            bodies = [d.body for d in store.documents()]
            store.close()
            full = _cpu(lambda bodies=bodies: [None for _ in stock.pipe(bodies, batch_size=64)])
            ours = _cpu(lambda sentences=sentences: statements_stage.parse(sentences))
            words, parsed = sum(len(b.split()) for b in bodies), sum(len(s.split()) for s in sentences)
            print(name, json.dumps({"words": words, "parsed_sentences": len(sentences), "parsed_words": parsed,
                                    "spacy_full_cpu_s": round(full, 2), "parse_cpu_s": round(ours, 2),
                                    "ceiling_ratio": round(full / ours, 1)}), flush=True)


if __name__ == "__main__":
    main()
