"""The budget of issue 12: no known worst input (those that hung or slowed a run, the pathological ones) takes
more than about 2 s or 500 MB through every stage.

Times are ratios against a 23 KB article run in the same process (a busy machine slows both), memory is what
each input allocates (tracemalloc) and how far the process's peak rises over the warm one (getrusage); both are
measured by ``fuzz/run.py --budget`` in a subprocess of its own.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Through every stage the 23 KB article takes about 0.4 s: five times that is the 2 s of the issue, a target
# measured by `fuzz/run.py --budget` (docs/fuzzing.md), not asserted here: under a shared machine's noise the
# suite only fails an input past twice that, a superlinear step or a hang come back, not a slow minute.
MAX_RATIO = 10.0
MAX_MB = 500


@pytest.fixture(scope="module")
def measured() -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    run = subprocess.run([sys.executable, str(ROOT / "fuzz" / "run.py"), "--budget"], capture_output=True,
                         text=True, env=env, cwd=ROOT, timeout=1_800, check=True)
    return json.loads(run.stdout)


@pytest.mark.slow
def test_no_worst_input_takes_over_ten_times_an_ordinary_article(measured: dict) -> None:
    slow = [row for row in measured["inputs"] if row["ratio"] > MAX_RATIO]
    assert not slow, (measured["baseline_seconds"], slow)
    assert len(measured["inputs"]) >= 40  # the pathological inputs and the regression seeds were all run


@pytest.mark.slow
def test_no_worst_input_takes_500_mb(measured: dict) -> None:
    assert max(row["allocated_mb"] for row in measured["inputs"]) < MAX_MB
    assert measured["peak_mb"] - measured["warm_mb"] < MAX_MB, measured
