"""Run every benchmark in turn and print their JSON results (`make bench`).

Each benchmark measures its baseline in the same run and reports ratios; the figures
recorded in docs/benchmarks.md come from these commands with the sizes given there (the
defaults here are small, so the whole set runs in minutes).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCHES = [
    ["cleaning_speed.py"],
    ["html_offsets.py"],
    ["ingest_speed.py"],
    ["statements_speed.py"],
    ["whole_pipeline.py", "--docs", "300", "--rounds", "2"],
    ["analyse_scale.py", "--small", "200", "--large", "1000"],
    ["cli_start.py", "--docs", "300", "--repeat", "5"],
    ["long_documents.py", "--sizes", "60000", "200000", "--repeat", "1"],
]


def main() -> int:
    here = Path(__file__).parent
    failed = 0
    for name, *args in BENCHES:
        print(f"== {name} {' '.join(args)}", flush=True)
        failed += subprocess.run([sys.executable, str(here / name), *args]).returncode != 0
    return failed


if __name__ == "__main__":
    sys.exit(main())
