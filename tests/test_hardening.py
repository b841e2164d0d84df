"""Untrusted input: one bad record is one skip with its reason, never a crash, a hang or lost neighbours."""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

import pytest

from trucewatch.agreements import AgreementError, load_agreement
from trucewatch.export import read_acled, write_acled
from trucewatch.export.formulas import neutralise_formula
from trucewatch.ingest import ingest
from trucewatch.records import Skip, SourceItem
from trucewatch.sources import read_sources
from trucewatch.store import Store

ARTICLE = ("The ceasefire held overnight along the line of contact, the defence ministry said on Tuesday. "
           "Observers reported no violations in the district, according to the monitoring mission. ") * 3


def _units(path: Path) -> list:
    return list(read_sources([path]))


def test_a_fifo_is_skipped_not_read(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "feed.txt")
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    units = _units(tmp_path)
    assert [type(u) for u in units] == [Skip, SourceItem]
    assert "not a regular file" in units[0].reason


def test_bad_jsonl_records_are_skips_and_the_good_ones_stay(tmp_path: Path, store: Store) -> None:
    lines = [
        json.dumps({"text": ARTICLE, "title": "A \ud800 title"}),  # a lone surrogate escape
        "[" * 100_000,  # nested beyond any parser's recursion limit
        json.dumps({"text": ARTICLE.replace("Tuesday", "Wednesday\x00")}),
        '{"text": ' + '"' + "x" * 3_000 + '"',  # truncated
        json.dumps({"text": ARTICLE.replace("Tuesday", "Monday")}),
    ]
    folder = tmp_path / "feeds"
    folder.mkdir()
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = ingest([folder], store)
    assert report.ingested == 3
    reasons = sorted(s.reason for s in report.skipped)
    assert len(reasons) == 2 and "nested too deeply" in reasons[1]
    docs = list(store.documents())
    assert all("\x00" not in d.raw_text and "\ud800" not in (d.title or "") for d in docs)
    again = ingest([folder], store)  # a re-run neither crashes at the same record nor adds anything
    assert (again.ingested, again.unchanged, len(again.skipped)) == (0, 3, 2)


def test_an_enormous_jsonl_line_is_skipped_without_reading_it_whole(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        handle.write('{"text": "' + "a" * 3_000_000 + '"}\n')
        handle.write(json.dumps({"text": ARTICLE}) + "\n")
    units = list(read_sources([path], max_bytes=1_000_000))
    assert isinstance(units[0], Skip) and "too large" in units[0].reason
    assert isinstance(units[1], SourceItem) and units[1].locator == "line 2"


def test_a_corrupt_gzip_warc_is_a_skip(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(b"\x1f\x8b\x08\x00" + os.urandom(2000))
    (unit,) = _units(path)
    assert isinstance(unit, Skip) and "broken WARC" in unit.reason


@pytest.mark.parametrize("cell", ["=HYPERLINK(\"http://x\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tx", "\rx"])
def test_csv_cells_are_neutralised_against_formulas(cell: str) -> None:
    assert neutralise_formula(cell).startswith("'")


def test_plain_numbers_and_text_stay_as_they_are_in_csv() -> None:
    assert [neutralise_formula(c) for c in ("-0.5", "+2", "1e-3", "ceasefire", "")] == ["-0.5", "+2", "1e-3",
                                                                                       "ceasefire", ""]


def test_a_yaml_bomb_is_refused(tmp_path: Path) -> None:
    levels = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    levels += [f"a{i}: &a{i} [{','.join(['*a' + str(i - 1)] * 9)}]" for i in range(1, 9)]
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(levels) + "\n", encoding="utf-8")
    with pytest.raises(AgreementError, match="aliases"):
        load_agreement(path)


def test_a_file_that_is_no_agreement_is_never_echoed(tmp_path: Path) -> None:
    secret = "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n"
    path = tmp_path / "passwd"
    path.write_text(secret, encoding="utf-8")
    with pytest.raises(AgreementError) as error:
        load_agreement(path)
    assert "root:" not in str(error.value) and "daemon" not in str(error.value)


def test_special_and_huge_agreement_files_are_refused_at_once(tmp_path: Path) -> None:
    with pytest.raises(AgreementError, match="not a regular file"):
        load_agreement("/dev/zero")
    huge = tmp_path / "huge.yaml"
    with huge.open("wb") as handle:
        handle.truncate(60_000_000)  # sparse: costs no disk
    with pytest.raises(AgreementError, match="too large"):
        load_agreement(huge)


def test_acled_export_neutralises_formulas_and_reads_them_back(tmp_path: Path) -> None:
    hostile = '=HYPERLINK("http://example.invalid","click")'
    record = {"id": "i1", "incident_id": "i1", "doc_id": "d1", "type": "shelling", "date": "2021-05-14",
              "date_precision": "day", "acled_event_type": "Explosions/Remote violence",
              "acled_sub_event_type": "Shelling/artillery/missile attack", "actors": [
                  {"name": "@attacker", "role": "actor"}, {"name": "-target", "role": "target"}],
              "admin1": None, "place": "+place", "latitude": None, "longitude": None, "reported_by": None,
              "sentence": hostile, "fatalities": 2}
    path = tmp_path / "out.acled"
    no_event = record | {"id": "i2", "acled_event_type": "", "acled_sub_event_type": ""}
    assert write_acled([record, no_event], path) == 1  # an incident ACLED codes as no event has no row
    cells = next(csv.DictReader(path.open(encoding="utf-8")))
    assert [cells[k] for k in ("notes", "actor1", "actor2", "location")] == [
        "'" + hostile, "'@attacker", "'-target", "'+place"]
    assert cells["fatalities"] == "2"
    (row,) = read_acled(path)
    assert [row[k] for k in ("notes", "actor1", "actor2", "location")] == [hostile, "@attacker", "-target", "+place"]
