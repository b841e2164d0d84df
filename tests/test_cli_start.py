"""The command line starts light: --help and --version load none of the heavy libraries.

Every command pays for what ``trucewatch.cli`` imports at start; spaCy, Dask, trafilatura and
SQLAlchemy load only inside the commands that use them. Checked on ``sys.modules`` of a real
process, not by timing (speed is in bench/cli_start.py).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
HEAVY = ("spacy", "dask", "distributed", "trafilatura", "sqlalchemy", "alembic", "datasketch", "lingua",
         "jinja2", "jsonschema", "yaml", "htmldate", "scipy", "numpy")

PROBE = """
import json, runpy, sys
sys.argv = ["trucewatch", *sys.argv[1:]]
try:
    runpy.run_module("trucewatch", run_name="__main__")
except SystemExit as stop:
    code = stop.code
else:
    code = 0
sys.stdout.flush()
print("\\n" + json.dumps({"code": code, "modules": sorted({m.split(".")[0] for m in sys.modules})}))
"""


def _start(*args: str) -> tuple[str, dict]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, env=env,
                          check=True)
    output, _, last = done.stdout.rstrip("\n").rpartition("\n")
    return output, json.loads(last)


@pytest.mark.parametrize("args", [("--version",), ("--help",), ("status", "--help")])
def test_start_imports_no_heavy_library(args: tuple[str, ...]) -> None:
    output, probe = _start(*args)
    assert probe["code"] == 0
    assert output.strip()  # it did answer
    assert "trucewatch" in probe["modules"]
    loaded = sorted(set(HEAVY) & set(probe["modules"]))
    assert loaded == [], f"`trucewatch {' '.join(args)}` imported {loaded}"


def test_probe_sees_heavy_imports() -> None:
    """The probe can fail: a command that does real work imports what it needs."""
    _, probe = _start("agreements", "--format", "json")
    assert probe["code"] == 0
    assert "yaml" in probe["modules"]


@pytest.mark.parametrize("command", ["status", "stance", "contradictions"])
def test_read_commands_do_not_load_spacy_dask_or_alembic(tmp_path: Path, command: str) -> None:
    """A read is a query of a stored view: no parser, no cluster, no migration of an up-to-date store."""
    from trucewatch.store import Store

    db = str(tmp_path / "store.db")
    Store(db).close()
    _, probe = _start(command, "--db", db, "--agreement", "karabakh-2020-11-10", "--format", "json")
    assert probe["code"] == 0
    assert {"sqlalchemy", "trucewatch"} <= set(probe["modules"])  # it did read the store
    assert not {"spacy", "thinc", "dask", "alembic"} & set(probe["modules"])
