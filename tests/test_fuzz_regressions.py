"""Every input the long fuzz run (``make fuzz``) found failing or slow, replayed from its seed: it must now pass."""

from __future__ import annotations

import json

from fuzz.run import REGRESSIONS, run_one


def test_every_fuzz_finding_stays_fixed() -> None:
    found = json.loads(REGRESSIONS.read_text(encoding="utf-8")) if REGRESSIONS.exists() else []
    for item in found:  # run_one raises what the stage raises; the time is measured by the fuzz run
        assert run_one(item["seed"]) == item["kind"], item
