"""Load on the workspace: mixed reads against a trivial page, then concurrent reviewers (lost updates).

    .venv/bin/python bench/web_load.py [--docs 1000] [--seconds 15] [--clients 16] [--reviewers 20] [--workers 4]
                                       [--db postgresql://...]

A store of ``--docs`` generated documents is ingested and analysed (into a temporary SQLite file, or into
``--db``, an empty store such as a PostgreSQL database made for the run), then ``trucewatch serve --workers N``
runs in a child process on a free loopback port (stopped at the end, whatever happens).
1. Baseline: ``--clients`` threads request the sign-in page (a template, no store query) for ``--seconds``.
2. Mixed reads, same threads and time: matrix, status API, provision, document list and pages,
   statements, search, audit, picked at random. Requests/s, p50, p99, errors, and search p99 apart.
3. ``--reviewers`` reviewer threads for ``--seconds``, each reading a link's review version and
   posting a verdict with it (a 409 means someone came first: read again). Every acknowledged write
   must be in the revisions, each target's versions contiguous and each ``before`` the previous ``after``:
   anything else is a lost update.
"""

from __future__ import annotations

import argparse
import json
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

import httpx

from trucewatch.evaluation.synthetic import generate, write_corpus
from trucewatch.ingest import ingest
from trucewatch.pipeline import analyse
from trucewatch.store import Store

AGREEMENT = "karabakh-2020-11-10"
TERMS = ["ceasefire", "Lachin", "peacekeepers", "prisoners", "corridor", "Aghdam", "withdrawal", "refugees"]


def build(docs: int, folder: Path, db: str | None = None) -> str:
    db = db or str(folder / "web.db")
    store = Store(db)
    ingest([write_corpus(generate(docs, seed=29), folder / "corpus")], store)
    analyse(store)
    store.close()
    return db


def serve(db: str, workers: int) -> tuple[subprocess.Popen, str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen([sys.executable, "-m", "trucewatch", "serve", "--db", db, "--port", str(port),
                                "--workers", str(workers)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/login", timeout=1).status_code == 200:
                return process, base
        except httpx.TransportError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError("the server did not start")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


def load(base: str, paths: list[tuple[str, str]], clients: int, seconds: float) -> dict:
    """``clients`` threads requesting random ``(kind, path)`` for ``seconds``; latency per kind."""
    latencies: dict[str, list[float]] = defaultdict(list)
    errors = [0]
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def worker(seed: int) -> None:
        rng = random.Random(seed)
        with httpx.Client(base_url=base, timeout=30) as client:
            while time.monotonic() < stop:
                kind, path = rng.choice(paths)
                began = time.perf_counter()
                try:
                    failed = client.get(path).status_code >= 400
                except httpx.HTTPError:
                    failed = True
                took = time.perf_counter() - began
                with lock:
                    latencies[kind].append(took)
                    errors[0] += failed

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(clients)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    every = [x for values in latencies.values() for x in values]
    return {"requests": len(every), "rps": round(len(every) / elapsed, 1), "errors": errors[0],
            "p50_ms": round(1000 * percentile(every, 0.5), 1), "p99_ms": round(1000 * percentile(every, 0.99), 1),
            "p99_ms_by_kind": {k: round(1000 * percentile(v, 0.99), 1) for k, v in sorted(latencies.items())}}


def reviewers(base: str, store: Store, count: int, seconds: float, targets: list[str]) -> dict:
    """``count`` reviewers deciding on the same few links; checks that no acknowledged decision was lost."""
    tokens = [(f"bench-{i}-{time.time_ns()}", None) for i in range(count)]
    tokens = [(name, store.add_user(name, "reviewer")) for name, _ in tokens]
    acknowledged: list[tuple[str, int, str, str]] = []  # (target, version, user, verdict)
    tallies = defaultdict(int)
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def worker(name: str, token: str, seed: int) -> None:
        rng = random.Random(seed)
        headers = {"Authorization": f"Bearer {token}"}
        with httpx.Client(base_url=base, timeout=60, headers=headers) as client:
            while time.monotonic() < stop:
                target = rng.choice(targets)
                verdict = rng.choice(["confirmed", "rejected"])
                try:
                    seen = client.get(f"/api/evidence/{target}").json()["version"]
                    answer = client.post(f"/api/evidence/{target}/review",
                                         json={"verdict": verdict, "expected_version": seen, "note": name})
                except (httpx.HTTPError, KeyError, ValueError):
                    with lock:
                        tallies["errors"] += 1
                    continue
                with lock:
                    if answer.status_code == 200:
                        tallies["written"] += 1
                        acknowledged.append((target, answer.json()["version"], name, verdict))
                    elif answer.status_code == 409:
                        tallies["conflicts"] += 1
                    else:
                        tallies["errors"] += 1

    threads = [threading.Thread(target=worker, args=(name, token, i)) for i, (name, token) in enumerate(tokens)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    stored = {(r["target_id"], r["version"]): r for t in targets for r in store.revisions(limit=100_000,
                                                                                              target_id=t)}
    lost = sum(1 for target, version, name, verdict in acknowledged
               if (target, version) not in stored or stored[(target, version)]["user"] != name
               or stored[(target, version)]["after"]["verdict"] != verdict)
    for target in targets:  # each decision was made on the one before it
        chain = sorted((r for (t, _), r in stored.items() if t == target), key=lambda r: r["version"])
        lost += sum(1 for i, r in enumerate(chain) if r["version"] != i + 1
                    or (i and r["before"] != chain[i - 1]["after"]))
    return {"reviewers": count, "seconds": seconds, "targets": len(targets), **tallies, "lost_updates": lost,
            "writes_per_s": round(tallies["written"] / seconds, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--reviewers", type=int, default=20)
    parser.add_argument("--workers", type=int, default=4, help="Server worker processes.")
    parser.add_argument("--db", help="An empty store to build into (e.g. a PostgreSQL URL); default a temp file.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        began = time.perf_counter()
        db = build(args.docs, Path(tmp), args.db)
        store = Store(db)
        links = store.evidence(AGREEMENT, reviewed=False)
        doc_ids = store.document_ids()
        provisions = sorted({x.provision for x in links})
        print(f"store: {len(doc_ids)} documents, {len(links)} links ({time.perf_counter() - began:.0f} s)",
              file=sys.stderr)
        process, base = serve(db, args.workers)
        try:
            reads = [("matrix", f"/agreements/{AGREEMENT}"), ("status_api", f"/api/agreements/{AGREEMENT}/status"),
                     *(("provision", f"/agreements/{AGREEMENT}/provisions/{p}") for p in provisions),
                     *(("documents", f"/documents?page={n}") for n in range(1, 6)),
                     *(("document", f"/documents/{d}") for d in random.Random(3).sample(doc_ids, 50)),
                     ("statements", "/statements"), ("audit", "/audit"),
                     *(("search", f"/api/search?q={t}") for t in TERMS)]
            load(base, reads, args.clients, 2)  # warm: assessments materialised, caches filled
            result = {"documents": len(doc_ids), "links": len(links), "clients": args.clients,
                      "workers": args.workers,
                      "baseline": load(base, [("login", "/login")], args.clients, args.seconds),
                      "mixed_reads": load(base, reads, args.clients, args.seconds),
                      "reviews": reviewers(base, store, args.reviewers, args.seconds,
                                           [x.id for x in links[:5]])}
        finally:
            process.terminate()
            process.wait(timeout=30)
        result["mixed_vs_baseline_rps"] = round(result["mixed_reads"]["rps"] / result["baseline"]["rps"], 2)
        print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
