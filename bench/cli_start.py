"""Start-up of the command line, and the read commands on a large store.

    .venv/bin/python bench/cli_start.py [--repeat 7] [--docs 1000 | --db STORE]

Wall time (median of ``--repeat`` runs, alternating) of ``trucewatch --help`` and ``--version`` against
``python -c pass`` (the interpreter's own start), then of the read commands (``status``, ``stance``,
``contradictions``, ``documents``) on a store of ``--docs`` generated documents (ingested and analysed
first, untimed) or on ``--db``; each read runs once untimed first (it materialises its view).
Bytecode is cached (in a temporary folder) as for an installed package, even where the environment
sets PYTHONDONTWRITEBYTECODE: otherwise every run compiles every module again.
"""

from __future__ import annotations

import argparse
import atexit
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
AGREEMENT = "karabakh-2020-11-10"


PYCACHE = tempfile.mkdtemp(prefix="trucewatch-pycache-")
atexit.register(shutil.rmtree, PYCACHE, True)


def wall(args: list[str]) -> float:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]),
           "PYTHONPYCACHEPREFIX": PYCACHE}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    began = time.perf_counter()
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    return time.perf_counter() - began


def medians(commands: dict[str, list[str]], repeat: int) -> dict[str, float]:
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(repeat):  # alternating, so a neighbour's load hits every command alike
        for name, args in commands.items():
            times[name].append(wall(args))
    return {name: statistics.median(values) for name, values in times.items()}


def build_store(db: str, docs: int) -> None:
    from trucewatch.evaluation.synthetic import generate, write_corpus
    from trucewatch.ingest import ingest
    from trucewatch.pipeline import analyse
    from trucewatch.store import Store

    store = Store(db)
    ingest([write_corpus(generate(docs, seed=13), Path(db).parent / "corpus")], store)
    analyse(store)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--db", default=None, help="an existing store to read instead of a generated one")
    args = parser.parse_args()
    tw = [sys.executable, "-m", "trucewatch"]
    wall([*tw, "--version"])  # fills the bytecode cache
    start = medians({"python -c pass": [sys.executable, "-c", "pass"], "--help": [*tw, "--help"],
                     "--version": [*tw, "--version"]}, args.repeat)
    base = start["python -c pass"]
    results: dict = {"start": {name: {"seconds": round(t, 3), "vs_python": round(t / base, 1)}
                               for name, t in start.items()}}
    print(json.dumps(results["start"]), flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or str(Path(tmp) / "large.db")
        if args.db is None:
            build_store(db, args.docs)
        commands = {
            "status": [*tw, "status", "--agreement", AGREEMENT, "--db", db],
            "status --format json": [*tw, "status", "--agreement", AGREEMENT, "--db", db, "--format", "json"],
            "stance": [*tw, "stance", "--db", db],
            "contradictions": [*tw, "contradictions", "--agreement", AGREEMENT, "--db", db],
            "documents": [*tw, "documents", "--db", db],
            "documents --format jsonl": [*tw, "documents", "--db", db, "--format", "jsonl"],
        }
        for name in ("status", "stance", "contradictions"):
            materialised = time.perf_counter()
            wall(commands[name])
            print(f"first {name} (computes and stores its view): {time.perf_counter() - materialised:.2f} s",
                  flush=True)
        reads = medians(commands, max(3, args.repeat // 2))
    results["reads"] = {"store": args.db or f"{args.docs} generated documents",
                        **{name: {"seconds": round(t, 2), "vs_python": round(t / base, 1)}
                           for name, t in reads.items()}}
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
