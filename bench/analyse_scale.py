"""Scale of the analysis: peak memory against corpus size, incremental re-runs, Dask workers.

    .venv/bin/python bench/analyse_scale.py [--small 1000] [--large 5000] [--workers 2]

1. Peak memory: ``analyse`` of a store of ``--small`` and of ``--large`` generated documents, each in a
   fresh child process (its max RSS is its own); the ratio large/small should stay near 1 (flat).
2. Incremental: the full run (ingest + analyse of ``--small`` documents) is the baseline; then 10% more
   documents are added to the folder and the same two commands re-run (ingest re-reads every file, the
   ledger skips what it has), then a re-run with nothing new.
3. Dask: ``analyse --all`` of the large store inline, then with ``--workers`` local processes (cluster
   started and warmed up before timing; its start-up time is reported apart).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from trucewatch.evaluation.synthetic import generate, write_corpus
from trucewatch.ingest import ingest
from trucewatch.parallel import Mapper
from trucewatch.pipeline import analyse
from trucewatch.store import Store


def child_analyse(db: str) -> None:
    """In a child process: analyse the store, print documents, seconds and peak RSS (MB)."""
    store = Store(db)
    began = time.perf_counter()
    report = analyse(store)
    seconds = time.perf_counter() - began
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"documents": report.documents, "seconds": round(seconds, 2), "peak_mb": round(peak)}))


def corpus(count: int, folder: Path) -> Path:
    return write_corpus(generate(count, seed=13), folder)


def peak_memory(count: int, tmp: Path) -> dict:
    db = str(tmp / f"mem{count}.db")
    ingest([corpus(count, tmp / f"mem{count}")], Store(db))
    out = subprocess.run([sys.executable, __file__, "--child-analyse", db], capture_output=True, text=True,
                         check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def incremental(count: int, tmp: Path) -> dict:
    articles = generate(count + count // 10, seed=17)
    folder = tmp / "incremental"
    store = Store(str(tmp / "incremental.db"))

    def step() -> tuple[float, int]:
        began = time.perf_counter()
        ingest([folder], store)
        report = analyse(store)
        return time.perf_counter() - began, report.documents

    write_corpus(articles[:count], folder / "first")
    full, analysed_full = step()
    write_corpus(articles[count:], folder / "more")
    more, analysed_more = step()
    nothing, analysed_nothing = step()
    return {"full_seconds": round(full, 2), "full_documents_analysed": analysed_full,
            "plus_10pct_seconds": round(more, 2), "plus_10pct_documents_analysed": analysed_more,
            "plus_10pct_vs_full": round(more / full, 3),
            "nothing_new_seconds": round(nothing, 2), "nothing_new_documents_analysed": analysed_nothing,
            "nothing_new_vs_full": round(nothing / full, 3)}


def dask_speedup(db: str, workers: int) -> dict:
    store = Store(db)
    began = time.perf_counter()
    inline = analyse(store, force=True)
    inline_seconds = time.perf_counter() - began
    began = time.perf_counter()
    with Mapper(workers=workers) as mapper:
        warm = Store(str(Path(db).with_suffix(".warm.db")))
        ingest([corpus(4 * workers, Path(db).with_suffix(".warm"))], warm)
        analyse(warm, mapper=mapper)  # the workers load spaCy and the data files before timing
        startup = time.perf_counter() - began
        began = time.perf_counter()
        parallel = analyse(store, force=True, mapper=mapper)
        parallel_seconds = time.perf_counter() - began
    assert parallel.statements == inline.statements and parallel.links == inline.links
    return {"documents": inline.documents, "inline_seconds": round(inline_seconds, 2), "workers": workers,
            "cluster_startup_seconds": round(startup, 2), "workers_seconds": round(parallel_seconds, 2),
            "speedup": round(inline_seconds / parallel_seconds, 2)}


def main() -> None:
    if sys.argv[1:2] == ["--child-analyse"]:
        child_analyse(sys.argv[2])
        return
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--small", type=int, default=1000)
    parser.add_argument("--large", type=int, default=5000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--skip", nargs="*", default=[], choices=["memory", "incremental", "dask"])
    parser.add_argument("--keep", type=Path, default=None, metavar="DIR",
                        help="keep the stores here (e.g. the large one for bench/cli_start.py --db)")
    args = parser.parse_args()
    results: dict = {}
    with tempfile.TemporaryDirectory() as name:
        tmp = args.keep or Path(name)
        tmp.mkdir(parents=True, exist_ok=True)
        if "memory" not in args.skip:
            small, large = peak_memory(args.small, tmp), peak_memory(args.large, tmp)
            results["memory"] = {"small": small, "large": large,
                                 "peak_ratio": round(large["peak_mb"] / small["peak_mb"], 2)}
            print("memory", json.dumps(results["memory"]), flush=True)
        if "incremental" not in args.skip:
            results["incremental"] = incremental(args.small, tmp)
            print("incremental", json.dumps(results["incremental"]), flush=True)
        if "dask" not in args.skip:
            db = tmp / f"mem{args.large}.db"
            if not db.exists():
                ingest([corpus(args.large, tmp / "dask")], Store(str(db)))
            results["dask"] = dask_speedup(str(db), args.workers)
            print("dask", json.dumps(results["dask"]), flush=True)
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
