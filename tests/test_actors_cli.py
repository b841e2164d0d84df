"""`trucewatch actors`: registry actors with their statement counts, and provisional speakers."""

from __future__ import annotations

import json

from click.testing import CliRunner

from trucewatch.cli import main
from trucewatch.records import Statement
from trucewatch.store import AnalysisRows, Store


def test_actors_lists_quoted_and_provisional_speakers(tmp_path) -> None:
    db = str(tmp_path / "a.db")
    store = Store(db)
    store.write_analysis("r1", [AnalysisRows("d1", {}, statements=[
        Statement("d1", "direct", 0, 10, "the ceasefire holds", speaker="ilham-aliyev", speaker_name="Ilham Aliyev"),
        Statement("d1", "direct", 20, 30, "it is stable", speaker="ilham-aliyev", speaker_name="Ilham Aliyev"),
        Statement("d1", "indirect", 40, 50, "talks went well", speaker="provisional:regional-studies-centre",
                  speaker_name="Regional Studies Centre"),
        Statement("d1", "indirect", 60, 70, "unknown source", speaker=None),
    ])])
    result = CliRunner().invoke(main, ["actors", "--db", db, "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = {r["id"]: r for r in map(json.loads, result.output.splitlines())}
    assert rows["ilham-aliyev"]["statements"] == 2 and rows["ilham-aliyev"]["side"] == "AZ"
    assert rows["provisional:regional-studies-centre"] == {
        "id": "provisional:regional-studies-centre", "name": "Regional Studies Centre", "type": None, "side": None,
        "statements": 1, "provisional": True}
    assert rows["vladimir-putin"]["statements"] == 0
    only = CliRunner().invoke(main, ["actors", "--db", db, "--provisional", "--format", "jsonl"])
    assert [json.loads(line)["id"] for line in only.output.splitlines()] == ["provisional:regional-studies-centre"]
