"""The fresh set's annotations (eval/fresh): well formed always; checked against the texts when they are at hand.

The texts are not redistributed (eval/fresh/README.md): ``TRUCEWATCH_FRESH_CORPUS`` names a folder holding them.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
from pathlib import Path

from trucewatch.evaluation.realdev import expand, read_annotations

FRESH = Path(__file__).resolve().parents[1] / "eval" / "fresh"
TYPES = {"attack", "shelling", "armed_clash", "ceasefire_violation_report", "casualties", "detainee_release",
         "prisoner_exchange", "bodies_transfer", "mine_incident", "minefield_maps_handover", "territory_handover",
         "troop_withdrawal", "peacekeeper_deployment", "humanitarian_access", "blockade", "negotiation_meeting",
         "agreement_signed", "ceasefire_declared", "protest"}


def _manifest() -> dict[str, dict[str, str]]:
    with open(FRESH / "MANIFEST.tsv", encoding="utf-8", newline="") as handle:
        return {row["file"]: row for row in csv.DictReader(handle, delimiter="\t")}


def test_every_annotation_is_well_formed_and_every_span_in_its_text_when_the_texts_are_at_hand() -> None:
    notes = read_annotations(FRESH)
    manifest = _manifest()
    assert [n["file"] for n in notes] == sorted(manifest) and len(notes) == 84
    for note in notes:
        assert all(q["kind"] in ("direct", "partial", "indirect") and q["text"] for q in note["quotes"]), note["file"]
        assert all(x["type"] in TYPES for x in note["incidents"]), note["file"]
        assert all(x["agreement"] and str(x["provision"]) for x in note["links"]), note["file"]
    groups = json.loads((FRESH / "incident_groups.json").read_text(encoding="utf-8"))["groups"]
    by_file = {n["file"]: n for n in notes}
    members = [m for group in groups.values() for m in group]
    assert len(members) == len(set(members))
    for group in groups.values():
        types = {by_file[file]["incidents"][int(index)]["type"] for file, index in (m.split("#") for m in group)}
        assert len(types) == 1 and len(group) >= 2, group
    folder = os.environ.get("TRUCEWATCH_FRESH_CORPUS")  # the texts are not redistributed (see the README)
    if folder:
        _check_spans_against(Path(folder))


def _check_spans_against(corpus: Path) -> None:
    for file, row in _manifest().items():
        assert hashlib.sha1((corpus / file).read_bytes()).hexdigest() == row["sha1"], file
    for note in read_annotations(FRESH, corpus):
        text = (corpus / note["file"]).read_text(encoding="utf-8")
        spans = [note["body_first"], note["body_last"], *note["boilerplate"]]
        spans += [q["text"] for q in note["quotes"]] + [x["sentence"] for x in note["links"] + note["incidents"]]
        assert not [s for s in spans if s and s not in text], note["file"]
    pairs = json.loads((FRESH / "contradictions.json").read_text(encoding="utf-8"))["pairs"]
    for pair in pairs:
        text = (corpus / pair["file"]).read_text(encoding="utf-8")
        assert all(expand(text, pair[side]["text"]) in text for side in ("first", "second")), pair["file"]
