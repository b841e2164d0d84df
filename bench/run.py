"""Run every benchmark in turn and print their JSON results (`make bench`).

Each benchmark measures its baseline in the same run and reports ratios; the figures
recorded in docs/benchmarks.md come from these commands.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCHES = ["cleaning_speed.py", "html_offsets.py", "ingest_speed.py", "statements_speed.py", "pipeline_speed.py"]


def main() -> int:
    here = Path(__file__).parent
    failed = 0
    for name in BENCHES:
        print(f"== {name}", flush=True)
        failed += subprocess.run([sys.executable, str(here / name)]).returncode != 0
    return failed


if __name__ == "__main__":
    sys.exit(main())
