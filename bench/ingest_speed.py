"""Ingestion throughput and memory, against trafilatura's own extraction of the same HTML.

    .venv/bin/python bench/ingest_speed.py [--docs 10000] [--small 1000]

Generates a corpus (half HTML, half plain text, 10% syndicated copies), then in one run:
1. baseline: ``trafilatura.extract`` over every HTML file of the corpus (in this process);
2. ``trucewatch ingest`` of the whole corpus into a fresh SQLite store (a child process,
   so its peak memory is its own), and of the HTML files alone;
3. the same ingest of a corpus ten times smaller, for peak memory at 1k vs 10k documents.
Speed is reported as ratios against the baseline measured in the same run.
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


def ingest_in_child(paths: list[Path], db: Path) -> dict:
    """Run ingest in a fresh process; return wall time and that process's peak RSS."""
    code = (
        "import json, resource, sys, time\n"
        "from trucewatch.ingest import ingest\nfrom trucewatch.store import Store\n"
        "store = Store(sys.argv[1]); t = time.perf_counter()\n"
        "report = ingest(sys.argv[2:], store)\n"
        "print(json.dumps({'seconds': time.perf_counter() - t, 'ingested': report.ingested,"
        " 'duplicates': report.duplicates, 'skipped': len(report.skipped),"
        " 'peak_mb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code, str(db), *map(str, paths)], check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def trafilatura_baseline(html_files: list[Path]) -> dict:
    import trafilatura

    pages = [p.read_text(encoding="utf-8") for p in html_files]
    start = time.perf_counter()
    extracted = sum(1 for page in pages if trafilatura.extract(page, with_metadata=True))
    return {"seconds": time.perf_counter() - start, "documents": len(pages), "extracted": extracted}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--small", type=int, default=1_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        big = write_corpus(generate(args.docs, seed=11), root / "big")
        small = write_corpus(generate(args.small, seed=12), root / "small")
        html_files = sorted(big.rglob("*.html"))
        base = trafilatura_baseline(html_files)
        html_dir = root / "html-only"
        html_dir.mkdir()
        for f in html_files:
            (html_dir / f.name).symlink_to(f)
        html_run = ingest_in_child([html_dir], root / "html.db")
        full = ingest_in_child([big], root / "big.db")
        rerun = ingest_in_child([big], root / "big.db")
        little = ingest_in_child([small], root / "small.db")
    base_rate = base["documents"] / base["seconds"]
    html_rate = html_run["ingested"] / html_run["seconds"]
    results = {
        "documents": args.docs,
        "html_documents": base["documents"],
        "trafilatura_extract_docs_per_s": round(base_rate, 1),
        "ingest_html_docs_per_s": round(html_rate, 1),
        "ingest_html_vs_trafilatura": round(html_rate / base_rate, 2),
        "ingest_all_docs_per_s": round(full["ingested"] / full["seconds"], 1),
        "ingest_all_vs_trafilatura": round(full["ingested"] / full["seconds"] / base_rate, 2),
        "duplicates_found": full["duplicates"],
        "rerun_seconds": round(rerun["seconds"], 2),
        "rerun_ingested": rerun["ingested"],
        f"peak_mb_{args.small}_docs": round(little["peak_mb"]),
        f"peak_mb_{args.docs}_docs": round(full["peak_mb"]),
        "peak_memory_ratio": round(full["peak_mb"] / little["peak_mb"], 2),
        "bench_process_peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
