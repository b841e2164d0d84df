"""Load on the workspace: mixed reads against a trivial page, then concurrent reviewers (lost updates).

    .venv/bin/python bench/web_load.py [--docs 1000] [--seconds 15] [--clients 16] [--reviewers 20] [--workers 4]
                                       [--db postgresql://...] [--store built.db | --keep built.db] [--rate 200]

A store of ``--docs`` generated documents is ingested and analysed (into a temporary SQLite file, or into
``--db``, an empty store such as a PostgreSQL database made for the run); ``--store`` starts from a store
built before (a SQLite file, copied first: into a temporary file, or row by row into ``--db``), since
building 20,000 documents takes the 2-core machine most of an hour (``--keep FILE`` builds into FILE and keeps
it for the next run's ``--store``). Then ``trucewatch serve --workers N``
runs in a child process on a free loopback port (stopped at the end, whatever happens).
The reads come from one asyncio loop holding ``--clients`` keep-alive connections and speaking bare HTTP/1.1
(one thread, microseconds a request: it leaves the CPUs to the server, and reports the share it used).
1. Baseline: ``--clients`` requests back to back for the sign-in page (a template, no store query) for
   ``--seconds``.
2. Mixed reads, same connections and time: matrix, status API, provision, document list and pages (also by
   outlet), statements (also by side), incidents (also by type and side), an incident, stance,
   contradictions, search (also filtered), audit, picked at random; with ``--rate``, paced to that many
   requests/s in all (open loop: a late request is sent at once, and its wait counts). Requests/s, p50,
   p99, errors, and p99 by page.
3. ``--reviewers`` reviewer threads for ``--seconds``, each reading an item's review version and posting a
   decision with it (a 409 means someone came first: read again), on evidence links, incident reports and
   provision statuses. Every acknowledged write must be in the revisions, each target's versions
   contiguous and each ``before`` the previous ``after``: anything else is a lost update.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
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


def copy_store(source: str, folder: Path, db: str | None) -> str:
    """A working copy of the built store ``source``: a file copy, or its rows into the empty store ``db``;
    a server URL as ``source`` is used as it is (the reviewers' revisions stay in it)."""
    from sqlalchemy import insert, select

    from trucewatch.store.tables import metadata

    if "://" in source:
        return source
    if db is None:
        target = folder / "web.db"
        built = Store(source)  # brought to the newest schema, then checkpointed into one file
        with built.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        built.close()
        shutil.copy(source, target)
        return str(target)
    built, store = Store(source), Store(db)
    with built.engine.connect() as reading, store.engine.begin() as writing:
        for table in metadata.sorted_tables:
            rows = reading.execution_options(yield_per=2000).execute(select(table)).mappings()
            batch: list[dict] = []
            for row in rows:
                batch.append(dict(row))
                if len(batch) == 2000:
                    writing.execute(insert(table), batch)
                    batch = []
            if batch:
                writing.execute(insert(table), batch)
    if store.engine.dialect.name == "postgresql":  # as autovacuum leaves a store that has lived a while: the
        # visibility map set (index-only counts) and statistics read, not a vacuum of fresh rows during the run
        with store.engine.connect() as connection:
            connection.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("VACUUM ANALYZE")
    built.close()
    store.close()
    return db


def prewarm(store: Store) -> None:
    """Materialise what the first reader would otherwise wait for (as ``trucewatch status`` and a report do):
    the status, stance and contradictions of the default as-of date and the grouping of incidents."""
    from trucewatch.agreements import load_agreements
    from trucewatch.assess.views import contradictions_view, default_as_of, stance_view, status_view

    agreement = load_agreements()[AGREEMENT]
    when = default_as_of(store, AGREEMENT)[0]
    store.machine_incident_groups(store.incidents_version(reviews=False))
    for view in (status_view, stance_view, contradictions_view):
        view(store, agreement, when)


def serve(db: str, workers: int) -> tuple[subprocess.Popen, str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "trucewatch", "serve", "--db", db, "--port", str(port), "--workers", str(workers)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
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


def load(base: str, paths: list[tuple], clients: int, seconds: float, rate: float | None = None) -> dict:
    """Random ``(kind, path[, headers])`` requests for ``seconds`` from one asyncio loop holding ``clients``
    connections (so the load generator takes little of the CPU the server needs): ``clients`` loops back to
    back, or, with ``rate``, one request due every ``1/rate`` s (open loop: a request waits for a free
    connection if all are busy, and its latency counts from when it was due). ``client_cpu`` is the share of
    the machine's CPUs the generator used."""
    return asyncio.run(_load(base, paths, clients, seconds, rate))


class Connection:
    """One keep-alive HTTP/1.1 connection speaking just what a GET needs: a few microseconds of the client's
    CPU per request where httpx takes milliseconds, so the generator leaves the machine to the server."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.streams: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None

    async def get(self, path: str, headers: dict[str, str] | None = None) -> int:
        """The status of ``GET path`` (the body is read and dropped); reconnects once if the server closed."""
        extra = "".join(f"{k}: {v}\r\n" for k, v in (headers or {}).items())
        request = f"GET {path} HTTP/1.1\r\nHost: {self.host}\r\nAccept-Encoding: gzip\r\n{extra}\r\n".encode()
        for attempt in (0, 1):
            if self.streams is None:
                self.streams = await asyncio.open_connection(self.host, self.port)
            reader, writer = self.streams
            try:
                writer.write(request)
                head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
                break
            except (ConnectionError, asyncio.IncompleteReadError):
                writer.close()
                self.streams = None
                if attempt:
                    raise
        fields = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in head[1:] if line)}
        if fields.get("transfer-encoding") == "chunked":
            while size := int((await reader.readline()).strip(), 16):
                await reader.readexactly(size + 2)
            await reader.readline()
        else:
            await reader.readexactly(int(fields.get("content-length", 0)))
        if fields.get("connection") == "close":
            writer.close()
            self.streams = None
        return int(head[0].split()[1])


async def _load(base: str, paths: list[tuple], clients: int, seconds: float, rate: float | None) -> dict:
    latencies: dict[str, list[float]] = defaultdict(list)
    errors = [0]
    rng = random.Random(0)
    address = httpx.URL(base)
    paths = [(kind, httpx.URL(path).raw_path.decode(), *headers) for kind, path, *headers in paths]  # %-encoded
    idle: asyncio.Queue[Connection] = asyncio.Queue()
    for _ in range(clients):
        idle.put_nowait(Connection(address.host, address.port or 80))

    async def request(due: float) -> None:
        kind, path, *headers = rng.choice(paths)
        connection = await idle.get()
        try:
            failed = await asyncio.wait_for(connection.get(path, headers[0] if headers else None), 30) >= 400
        except (TimeoutError, OSError, ValueError, IndexError, asyncio.IncompleteReadError):
            failed, connection = True, Connection(address.host, address.port or 80)
        idle.put_nowait(connection)
        latencies[kind].append(time.perf_counter() - due)
        errors[0] += failed

    async def back_to_back() -> None:
        while time.perf_counter() < stop:
            await request(time.perf_counter())

    cpu, start = time.process_time(), time.perf_counter()
    stop = start + seconds
    if rate:
        sent = []
        for n in range(int(seconds * rate)):
            await asyncio.sleep(max(0.0, start + n / rate - time.perf_counter()))
            sent.append(asyncio.create_task(request(start + n / rate)))
        await asyncio.gather(*sent)
    else:
        await asyncio.gather(*(back_to_back() for _ in range(clients)))
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    while not idle.empty():
        streams = idle.get_nowait().streams
        if streams:
            streams[1].close()
    every = [x for values in latencies.values() for x in values]
    return {
        "requests": len(every),
        "rps": round(len(every) / elapsed, 1),
        "errors": errors[0],
        "p50_ms": round(1000 * percentile(every, 0.5), 1),
        "p99_ms": round(1000 * percentile(every, 0.99), 1),
        "client_cpu": round(cpu / elapsed / (os.cpu_count() or 1), 3),
        "p99_ms_by_kind": {k: round(1000 * percentile(v, 0.99), 1) for k, v in sorted(latencies.items())},
    }


def reviewers(base: str, store: Store, count: int, seconds: float, targets: list[tuple[str, str, str]]) -> dict:
    """``count`` reviewers deciding on the same few items ``(kind, id, decision url)``; checks that no
    acknowledged decision was lost."""
    tokens = [(f"bench-{i}-{time.time_ns()}", None) for i in range(count)]
    tokens = [(name, store.add_user(name, "reviewer")) for name, _ in tokens]
    acknowledged: list[tuple[str, str, int, str, dict]] = []  # (kind, target, version, user, decision)
    tallies: dict[str, int] = defaultdict(int)
    lock = threading.Lock()
    stop = time.monotonic() + seconds
    decisions = {
        "evidence": lambda rng: {"verdict": rng.choice(["confirmed", "rejected"])},
        "incident": lambda rng: rng.choice([{"verdict": "confirmed"}, {"fatalities": rng.randint(0, 9)}]),
        "provision": lambda rng: {"status": rng.choice([0, 1, 2, 3, "disputed"])},
    }

    def worker(name: str, token: str, seed: int) -> None:
        rng = random.Random(seed)
        headers = {"Authorization": f"Bearer {token}"}
        with httpx.Client(base_url=base, timeout=60, headers=headers) as client:
            while time.monotonic() < stop:
                kind, target, url = rng.choice(targets)
                decision = decisions[kind](rng)
                try:
                    seen = client.get(f"/api/reviews/{kind}/{target}").json()["version"]
                    answer = client.post(url, json={**decision, "expected_version": seen, "note": name})
                except (httpx.HTTPError, KeyError, ValueError):
                    with lock:
                        tallies["errors"] += 1
                    continue
                with lock:
                    if answer.status_code == 200:
                        tallies["written"] += 1
                        acknowledged.append((kind, target, answer.json()["version"], name, decision))
                    elif answer.status_code == 409:
                        tallies["conflicts"] += 1
                    else:
                        tallies["errors"] += 1

    threads = [threading.Thread(target=worker, args=(name, token, i)) for i, (name, token) in enumerate(tokens)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    stored = {
        (r["target_kind"], r["target_id"], r["version"]): r
        for kind, target, _ in targets
        for r in store.revisions(limit=100_000, target_kind=kind, target_id=target)
    }
    lost = sum(
        1
        for kind, target, version, name, decision in acknowledged
        if (kind, target, version) not in stored
        or stored[(kind, target, version)]["user"] != name
        or any(stored[(kind, target, version)]["after"].get(k) != v for k, v in decision.items())
    )
    for kind, target, _ in targets:  # each decision was made on the one before it
        chain = sorted((r for (k, t, _), r in stored.items() if (k, t) == (kind, target)), key=lambda r: r["version"])
        lost += sum(
            1 for i, r in enumerate(chain) if r["version"] != i + 1 or (i and r["before"] != chain[i - 1]["after"])
        )
    return {
        "reviewers": count,
        "seconds": seconds,
        "targets": len(targets),
        **tallies,
        "lost_updates": lost,
        "writes_per_s": round(tallies["written"] / seconds, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--review-seconds", type=float, help="How long the reviewers run (default --seconds).")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--rate", type=float, help="Pace the mixed reads to this many requests/s in all.")
    parser.add_argument("--reviewers", type=int, default=20)
    parser.add_argument("--workers", type=int, default=4, help="Server worker processes.")
    parser.add_argument("--db", help="An empty store to build into (e.g. a PostgreSQL URL); default a temp file.")
    parser.add_argument(
        "--store", help="A store built before: a SQLite file (copied, or into --db), or a server URL (used in place)."
    )
    parser.add_argument(
        "--warm",
        type=float,
        default=5,
        help="Seconds of unpaced mixed reads first, so each worker has computed its views.",
    )
    parser.add_argument("--keep", help="Build the store into this SQLite file and keep it (for a later --store).")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        began = time.perf_counter()
        if args.keep and not args.store:
            args.store = build(args.docs, Path(tmp), args.keep)
            print(f"built {args.keep} ({time.perf_counter() - began:.0f} s)", file=sys.stderr)
        if args.store:
            built = Store(args.store)
            prewarm(built)  # into the built store, so the next run with the same code finds them
            built.close()
            print(f"views materialised ({time.perf_counter() - began:.0f} s)", file=sys.stderr)
        db = copy_store(args.store, Path(tmp), args.db) if args.store else build(args.docs, Path(tmp), args.db)
        store = Store(db)
        links = store.evidence(AGREEMENT, reviewed=False)
        doc_ids = store.document_ids()
        provisions = sorted({x.provision for x in links})
        counts = Counter(x.provision for x in links)
        small = sorted(provisions, key=counts.__getitem__)[: max(1, len(provisions) // 2)]  # the lesser half
        reports = store.incident_page(limit=500, offset=0)[0]
        incidents = sorted(set(store.machine_incident_groups(store.incidents_version(reviews=False)).values()))
        outlets = store.outlets()[:5]
        types = sorted({r.type for r in reports})[:5]
        print(
            f"store: {len(doc_ids)} documents, {len(links)} links ({time.perf_counter() - began:.0f} s)",
            file=sys.stderr,
        )
        prewarm(store)
        process, base = serve(db, args.workers)
        status_tag = httpx.get(f"{base}/api/agreements/{AGREEMENT}/status", timeout=300).headers["etag"]
        try:
            rng = random.Random(3)
            reads = [
                ("matrix", f"/agreements/{AGREEMENT}"),
                # a dashboard polling the whole status (tens of MB on a large store) with its ETag,
                # and the status of one provision at a time
                ("status_api", f"/api/agreements/{AGREEMENT}/status", {"If-None-Match": status_tag}),
                *(("status_api", f"/api/agreements/{AGREEMENT}/status?provision={p}") for p in small),
                *(("provision", f"/agreements/{AGREEMENT}/provisions/{p}") for p in provisions),
                *(("documents", f"/documents?page={n}") for n in range(1, 6)),
                *(("documents", f"/documents?outlet={o}") for o in outlets),
                *(("document", f"/documents/{d}") for d in rng.sample(doc_ids, 50)),
                ("statements", "/statements"),
                ("statements", "/statements?side=AZ&page=2"),
                ("incidents", "/incidents"),
                *(("incidents", f"/incidents?type={t}") for t in types),
                ("incidents", "/incidents?side=AM"),
                *(("incident", f"/incidents/{g}") for g in rng.sample(incidents, min(20, len(incidents)))),
                ("stance", f"/agreements/{AGREEMENT}/stance"),
                ("stance", f"/agreements/{AGREEMENT}/stance?side=AZ"),
                ("contradictions", f"/agreements/{AGREEMENT}/contradictions"),
                ("audit", "/audit"),
                *(("search", f"/api/search?q={t}") for t in TERMS),
                *(("search", f"/api/search?q={t}&type=statements&side=AZ") for t in TERMS[:3]),
                *(("search", f"/search?q={t}&outlet={o}") for t, o in zip(TERMS[3:], outlets, strict=False)),
            ]
            load(base, reads, args.clients, args.warm)  # warm: assessments materialised, caches filled
            targets = [
                *(("evidence", x.id, f"/api/evidence/{x.id}/review") for x in links[:3]),
                *(("incident", r.id, f"/api/incidents/{r.id}/review") for r in reports[:3]),
                *(
                    ("provision", f"{AGREEMENT}/{p}", f"/api/agreements/{AGREEMENT}/provisions/{p}/status")
                    for p in provisions[:2]
                    if p != "*"
                ),
            ]
            result = {
                "documents": len(doc_ids),
                "links": len(links),
                "clients": args.clients,
                "workers": args.workers,
                "rate": args.rate,
                "baseline": load(base, [("login", "/login")], args.clients, args.seconds),
                "mixed_reads": load(base, reads, args.clients, args.seconds, args.rate),
                "reviews": reviewers(base, store, args.reviewers, args.review_seconds or args.seconds, targets),
            }
        finally:
            process.terminate()
            process.wait(timeout=30)
        result["mixed_vs_baseline_rps"] = round(result["mixed_reads"]["rps"] / result["baseline"]["rps"], 2)
        print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
