"""The long fuzz run (``make fuzz``): millions of generated inputs through every reader and stage, bounded in time.

Input ``n`` is built from seed ``base + n`` alone (:func:`case`), so any failure is replayed from
its seed. Records the inputs tried per kind, the exceptions and the slow inputs (over 2 s) with
their seeds, and appends each failing seed to ``fuzz/regressions.json``, which
``tests/test_fuzz_regressions.py`` replays on every test run.

    python fuzz/run.py --seconds 600 --inputs 1000000 --workers 2
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import resource
import signal
import sys
import tempfile
import time
import tracemalloc
from collections import Counter
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE.parent / "src")]

from fuzz import inputs  # noqa: E402
from fuzz.checks import SLOW_SECONDS, check_document, check_file, check_text, seconds, source_item, warm  # noqa: E402
from trucewatch.documents import build_document  # noqa: E402
from trucewatch.statements import TooManyQuotes, extract_statements  # noqa: E402

HANG_SECONDS = 60  # an input still running after this is stopped and recorded as a hang
KINDS = (("dates", 0.97), ("text", 0.015), ("html", 0.01), ("file", 0.005))  # by count: the stages cost 100x
REGRESSIONS = HERE / "regressions.json"
CHUNK = 200


def case(seed: int) -> tuple[str, int]:
    """The kind and size of input ``seed``: sizes log-uniform, up to 200 KB for one document in a hundred."""
    rng = random.Random(seed)
    kind = rng.choices([k for k, _ in KINDS], [w for _, w in KINDS])[0]
    largest = 400 if kind == "dates" else (200_000 if rng.random() < 0.01 else 5_000)
    return kind, int(math.exp(rng.uniform(0, math.log(largest))))


def run_one(seed: int) -> str:
    """Build input ``seed`` and put it through its stage; raises what the stage raised. Returns its kind."""
    kind, size = case(seed)
    rng = random.Random(seed ^ 0x5EED)
    if kind == "dates":
        check_text(inputs.text(rng, size), rng.choice(inputs.PUBLISHED))
    elif kind == "text":
        published = rng.choice(inputs.PUBLISHED)
        check_document(source_item(inputs.text(rng, size), hints={"published": published} if published else {}))
    elif kind == "html":
        check_document(source_item(inputs.html(rng, size), "html", {"url": rng.choice(["http://[::1", "x"])}))
    else:
        suffix = rng.choice(inputs.SUFFIXES)
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / f"input{suffix}"
            path.write_bytes(inputs.file_bytes(rng, suffix, size))
            check_file(path)
    return kind


class Hang(Exception):
    pass


def _alarm(signum, frame):
    raise Hang(f"still running after {HANG_SECONDS} s")


def run_chunk(seeds: range) -> dict:
    """Seeds of one chunk in a worker: counts per kind, failures and slow inputs with their seeds."""
    signal.signal(signal.SIGALRM, _alarm)
    tried: Counter[str] = Counter()
    failures, slow = [], []
    for seed in seeds:
        kind, size = case(seed)
        signal.alarm(HANG_SECONDS)
        try:
            elapsed = seconds(lambda s=seed: run_one(s))
        except Exception as error:  # what the run is for: every exception is a finding
            failures.append({"seed": seed, "kind": kind, "size": size,
                             "error": f"{type(error).__name__}: {str(error)[:300]}"})
            elapsed = 0.0
        finally:
            signal.alarm(0)
        tried[kind] += 1
        if elapsed > SLOW_SECONDS:
            slow.append({"seed": seed, "kind": kind, "size": size, "seconds": round(elapsed, 2)})
    return {"tried": tried, "failures": failures, "slow": slow}


def _worker() -> None:
    sys.stderr = open(os.devnull, "w")  # noqa: SIM115  warcio prints a warning per broken record
    warm()


def pathological() -> list[dict]:
    """Seconds of each input of issue 12 through its document and statements stages (one warm process)."""
    warm()
    timed = []
    for name, (content_type, raw) in inputs.PATHOLOGICAL.items():
        item = source_item(raw, content_type)
        elapsed = seconds(lambda item=item: check_document(item))
        doc = build_document(item)
        try:
            outcome = f"body {len(doc.body):,} characters, {len(extract_statements(doc))} statements"
        except TooManyQuotes as refused:
            outcome = f"statements refused: {refused}"
        timed.append({"input": name, "seconds": round(elapsed, 2), "outcome": outcome})
    return timed


BASELINE = "baseline: the same 23 KB article, flat HTML"
RETRY_RATIO, RETRIES = 2.5, 2  # an input this much slower than the baseline is timed again beside a new baseline


def budget() -> dict:
    """The worst inputs known (those of issue 12 and every regression seed) through every stage, in one warm
    process: each one's seconds set against the flat 23 KB article timed in the same process, then (a second
    pass, traced) the peak of memory it allocates; and the process's peak resident memory over the warm one."""
    warm()
    warm_mb = _peak_mb()
    content_type, raw = inputs.PATHOLOGICAL[BASELINE]
    item = source_item(raw, content_type)

    def reference() -> float:
        return seconds(lambda: check_document(item))

    baseline = min(reference() for _ in range(3))
    items = {name: source_item(raw, kind) for name, (kind, raw) in inputs.PATHOLOGICAL.items()}
    runs = [(name, lambda item=item: check_document(item)) for name, item in items.items()]
    runs += [(f"seed {entry['seed']} ({entry['kind']})", lambda seed=entry["seed"]: run_one(seed))
             for entry in json.loads(REGRESSIONS.read_text(encoding="utf-8"))]
    rows = []
    for name, run in runs:
        elapsed = seconds(run)
        ratio = elapsed / baseline
        for _ in range(RETRIES if ratio > RETRY_RATIO else 0):  # another session's burst, or the input's cost?
            ratio = min(ratio, seconds(run) / reference())       # timed again beside a fresh baseline
        rows.append({"input": name, "seconds": round(elapsed, 3), "ratio": round(ratio, 2)})
    tracemalloc.start()
    for row, (_, run) in zip(rows, runs, strict=True):
        tracemalloc.reset_peak()
        before = tracemalloc.get_traced_memory()[0]
        run()
        row["allocated_mb"] = round((tracemalloc.get_traced_memory()[1] - before) / 2**20, 1)
    tracemalloc.stop()
    return {"baseline_seconds": round(baseline, 3), "warm_mb": round(warm_mb), "peak_mb": round(_peak_mb()),
            "inputs": rows}


def _peak_mb() -> float:
    """Peak resident memory of this process so far (ru_maxrss is in KB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=600, help="stop submitting after this long")
    parser.add_argument("--inputs", type=int, default=1_000_000, help="stop after this many inputs")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--base", type=int, default=0, help="seed of the first input")
    parser.add_argument("--report", type=Path, help="write the figures here as JSON")
    parser.add_argument("--pathological", action="store_true", help="time the inputs of issue 12 instead")
    parser.add_argument("--budget", action="store_true",
                        help="time and measure the worst known inputs against a baseline instead (JSON)")
    args = parser.parse_args(argv)
    if args.budget:
        print(json.dumps(budget(), ensure_ascii=False))
        return 0
    if args.pathological:
        timed = pathological()
        for item in timed:
            print(json.dumps(item, ensure_ascii=False))
        return 1 if any(item["seconds"] > SLOW_SECONDS for item in timed) else 0
    started = time.monotonic()
    deadline = started + args.seconds
    tried: Counter[str] = Counter()
    failures: list[dict] = []
    slow: list[dict] = []
    next_seed, stop = args.base, args.base + args.inputs
    with ProcessPoolExecutor(args.workers, initializer=_worker) as pool:
        pending = set()
        while pending or (next_seed < stop and time.monotonic() < deadline):
            while len(pending) < 2 * args.workers and next_seed < stop and time.monotonic() < deadline:
                pending.add(pool.submit(run_chunk, range(next_seed, min(next_seed + CHUNK, stop))))
                next_seed += CHUNK
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                result = future.result()
                tried.update(result["tried"])
                failures += result["failures"]
                slow += result["slow"]
    elapsed = time.monotonic() - started
    figures = {"inputs": sum(tried.values()), "by_kind": dict(tried), "seconds": round(elapsed),
               "per_second": round(sum(tried.values()) / elapsed), "seeds": [args.base, next_seed],
               "exceptions": len(failures), "slow": len(slow), "failures": failures, "slow_inputs": slow}
    print(json.dumps({k: v for k, v in figures.items() if k not in ("failures", "slow_inputs")}))
    for item in failures + slow:
        print(json.dumps(item))
    if args.report:
        args.report.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    _keep(failures + slow)
    return 1 if failures or slow else 0


def _keep(found: list[dict]) -> None:
    """Append new failing seeds to the regression file the test suite replays."""
    if not found:
        return
    kept = json.loads(REGRESSIONS.read_text(encoding="utf-8")) if REGRESSIONS.exists() else []
    known = {item["seed"] for item in kept}
    kept += [{"seed": f["seed"], "kind": f["kind"], "found": f.get("error") or f"{f['seconds']} s"}
             for f in found if f["seed"] not in known]
    REGRESSIONS.write_text(json.dumps(kept, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
