"""``events`` and ``export``: incidents of a file (original offsets) or of the store, and round-tripped exports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from trucewatch.agreements import Place
from trucewatch.cli import main
from trucewatch.export import read_acled, read_json, read_parquet
from trucewatch.incidents.grouping import compatible, group_incidents, same_place
from trucewatch.records import Incident
from trucewatch.store import Store

ARTICLE = ("Border clash\n\nYEREVAN, May 14, 2021 - Azerbaijani forces shelled Tegh on Thursday. "
           "Two soldiers were wounded, the Armenian Defence Ministry said. The sides met in Moscow on Friday.\n")
FIELDS = {"id", "incident_id", "doc_id", "start", "end", "sentence", "type", "plover_type", "plover_mode",
          "acled_event_type", "acled_sub_event_type", "date", "date_precision", "place", "admin1", "latitude",
          "longitude", "actors", "reported_by", "counts", "fatalities", "confidence"}


def jsonl(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_events_of_a_file_give_every_field_and_offsets_into_the_original_text(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(main, ["events", str(path), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    records = jsonl(result.stdout)
    shelling = next(r for r in records if r["type"] == "shelling")
    assert set(shelling) >= FIELDS
    assert ARTICLE[shelling["start"]:shelling["end"]] == shelling["sentence"]
    assert (shelling["date"], shelling["place"], shelling["admin1"]) == ("2021-05-13", "Tegh", "Syunik")
    only = jsonl(CliRunner().invoke(main, ["events", str(path), "--type", "negotiation_meeting",
                                           "--format", "jsonl"]).stdout)
    assert [r["type"] for r in only] == ["negotiation_meeting"]


@pytest.fixture
def stored(tmp_path: Path) -> str:
    db = str(tmp_path / "store.db")
    other = ("Baku blames Yerevan\n\nBAKU, May 14, 2021 - Armenian forces shelled Tegh on Thursday and then "
             "accused Azerbaijan of the attack on their own village, a spokesman in Baku told reporters. The "
             "border has been tense for weeks and both capitals trade claims daily.\n")
    for name, text in (("a.txt", ARTICLE), ("b.txt", other)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", str(tmp_path), "--db", db, "--quiet"]).exit_code == 0
    assert runner.invoke(main, ["analyse", "--db", db]).exit_code == 0
    return db


def test_stored_events_are_filtered_and_reports_of_one_incident_share_its_id(stored: str):
    records = jsonl(CliRunner().invoke(main, ["events", "--db", stored, "--format", "jsonl", "--type", "shelling"]
                                       ).stdout)
    assert len(records) == 2 and len({r["doc_id"] for r in records}) == 2
    assert len({r["incident_id"] for r in records}) == 1  # same type, place and day: one incident, two reports
    assert {a["side"] for r in records for a in r["actors"] if a["role"] == "actor"} == {"AZ", "AM"}  # both kept
    later = jsonl(CliRunner().invoke(main, ["events", "--db", stored, "--format", "jsonl", "--from", "2021-05-14"]
                                     ).stdout)
    assert later and all(r["date"] >= "2021-05-14" for r in later)


def test_exports_round_trip(stored: str, tmp_path: Path):
    records = jsonl(CliRunner().invoke(main, ["events", "--db", stored, "--format", "jsonl"]).stdout)
    by_id = {r["id"]: r for r in records}
    for fmt in ("acled", "plover", "geojson", "parquet"):
        out = tmp_path / f"out.{fmt}"
        result = CliRunner().invoke(main, ["export", "--db", stored, "--format", fmt, "--out", str(out)])
        assert result.exit_code == 0, result.output
    acled = read_acled(tmp_path / "out.acled")
    assert list(acled[0])[:7] == ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type",
                                  "event_type", "sub_event_type"]
    assert {row["event_id_cnty"]: (row["event_date"], row["sub_event_type"], row["latitude"], row["fatalities"],
                                   row["notes"]) for row in acled} == {
        i: (r["date"][:10], r["acled_sub_event_type"], r["latitude"], r["fatalities"], r["sentence"])
        for i, r in by_id.items()}
    plover = read_json(tmp_path / "out.plover")
    assert {p["id"]: (p["event"], p["context"], p["text"]) for p in plover} == {
        i: (r["plover_type"], r["type"], r["sentence"]) for i, r in by_id.items()}
    features = read_json(tmp_path / "out.geojson")["features"]
    placed = {i for i, r in by_id.items() if r["latitude"] is not None}
    assert {f["id"] for f in features} == placed and placed
    assert all(f["geometry"]["coordinates"] == [by_id[f["id"]]["longitude"], by_id[f["id"]]["latitude"]]
               for f in features)
    assert {r["id"]: r for r in read_parquet(tmp_path / "out.parquet")} == {
        i: {k: v for k, v in r.items() if k not in ("locator", "url")} for i, r in by_id.items()}


def test_export_says_why_reports_were_left_out(stored: str, tmp_path: Path, monkeypatch):
    """ACLED leaves out what ACLED codes as no event, GeoJSON what has no point: each says which."""
    import trucewatch.cli.events as events

    records = events.stored_records(Store(stored), None, None, ())
    assert len(records) >= 2 and all(r["acled_event_type"] and r["latitude"] is not None for r in records)
    uncoded = [{**records[0], "acled_event_type": "", "acled_sub_event_type": ""}, *records[1:-1],
               {**records[-1], "latitude": None, "longitude": None}]
    monkeypatch.setattr(events, "stored_records", lambda *args: uncoded)
    acled = CliRunner().invoke(main, ["export", "--db", stored, "--format", "acled", "--out", str(tmp_path / "a")])
    assert acled.exit_code == 0, acled.output
    assert f"wrote {len(records) - 1} " in acled.stderr and "(1 with no ACLED event type left out)" in acled.stderr
    geo = CliRunner().invoke(main, ["export", "--db", stored, "--format", "geojson", "--out", str(tmp_path / "g")])
    assert "(1 without coordinates left out)" in geo.stderr


def report(doc: str, date: str | None, place: str | None, actors: list[dict], kind: str = "shelling") -> Incident:
    return Incident(doc_id=doc, start=0, end=10, sentence="s", type=kind, plover_type="ASSAULT", date=date,
                    date_precision="day", place=place, place_id=place, actors=actors)


def test_grouping_needs_same_type_close_dates_places_that_can_be_one_and_keeps_mutual_blame_together():
    az = [{"name": "Azerbaijani forces", "side": "AZ", "role": "actor"}, {"name": "Armenia", "side": "AM",
                                                                          "role": "target"}]
    am = [{"name": "Armenian forces", "side": "AM", "role": "actor"}, {"name": "Azerbaijan", "side": "AZ",
                                                                       "role": "target"}]
    ru = [{"name": "Russian forces", "side": "RU", "role": "actor"}]
    a, b = report("d1", "2021-05-13", "tegh", az), report("d2", "2021-05-14", "tegh", am)
    far, elsewhere = report("d3", "2021-05-20", "tegh", az), report("d4", "2021-05-13", "goris", az)
    other_type, unplaced = report("d5", "2021-05-13", "tegh", az, "protest"), report("d6", "2021-05-13", None, az)
    undated = report("d7", None, "tegh", az)
    groups = group_incidents([a, b, far, elsewhere, other_type, unplaced, undated])
    assert groups[a.id] == groups[b.id] == groups[unplaced.id]  # naming no place contradicts no place
    assert len({groups[x.id] for x in (a, far, elsewhere, other_type)}) == 4
    assert groups[undated.id] == groups[a.id]  # undated: of the two shellings there, the one more outlets tell of
    assert compatible(a, b) and not compatible(a, report("d8", "2021-05-13", "tegh", ru))


def test_grouping_places_a_village_within_its_district_and_never_chains_two_places_through_an_unplaced_report():
    known = [Place("hill", "Hill", "village", (), within="vale"), Place("vale", "Vale", "district", ()),
             Place("town", "Town", "town", (), admin1="Ridge"), Place("ridge", "Ridge", "district", ()),
             Place("far", "Far", "town", ())]
    places = {p.id: p for p in known}
    village, district = report("d1", "2021-05-13", "hill", []), report("d2", "2021-05-13", "vale", [])
    town, admin = report("d3", "2021-05-13", "town", []), report("d4", "2021-05-13", "ridge", [])
    assert same_place(village, district, places) and same_place(admin, town, places)
    assert not same_place(village, town, places)
    first, unplaced, second = (report("d5", "2021-06-01", "hill", []), report("d6", "2021-06-01", None, []),
                               report("d7", "2021-06-01", "far", []))
    groups = group_incidents([first, unplaced, second], places)
    assert groups[first.id] != groups[second.id] and groups[unplaced.id] in (groups[first.id], groups[second.id])


def test_events_of_a_stored_document_and_unknown_targets(stored: str):
    records = jsonl(CliRunner().invoke(main, ["events", "--db", stored, "--format", "jsonl"]).stdout)
    doc_id = records[0]["doc_id"]
    mine = jsonl(CliRunner().invoke(main, ["events", doc_id, "--db", stored, "--format", "jsonl"]).stdout)
    assert mine and {r["doc_id"] for r in mine} == {doc_id}
    assert {r["id"] for r in mine} == {r["id"] for r in records if r["doc_id"] == doc_id}
    missing = CliRunner().invoke(main, ["events", "no-such-doc", "--db", stored])
    assert missing.exit_code != 0 and "neither a file nor a document id" in missing.output
    assert CliRunner().invoke(main, ["events", "missing/file.txt"]).exit_code != 0


def test_user_places_resolve_on_events_and_analyse_and_a_bad_file_is_a_one_line_error(tmp_path: Path):
    article = tmp_path / "a.txt"
    article.write_text("Hill clash\n\nYEREVAN, May 14, 2021 - Azerbaijani forces shelled houses near Nor Zorakan "
                       "on Thursday. Two soldiers were wounded, the ministry said.\n", encoding="utf-8")
    places = tmp_path / "places.yaml"
    places.write_text("places:\n  - {id: nor-zorakan, name: Nor Zorakan, kind: village, admin1: Tavush,\n"
                      "     latitude: 41.1, longitude: 45.2, variants: [Zorakan]}\n", encoding="utf-8")
    runner = CliRunner()
    shelling = ["--type", "shelling", "--format", "jsonl"]
    plain = jsonl(runner.invoke(main, ["events", str(article), *shelling]).stdout)
    assert [(r["place"], r["latitude"]) for r in plain] == [("Nor Zorakan", None)]  # unknown: kept as written
    [found] = jsonl(runner.invoke(main, ["events", str(article), "--places", str(places), *shelling]).stdout)
    assert (found["place_id"], found["admin1"], found["latitude"]) == ("nor-zorakan", "Tavush", 41.1)
    db = str(tmp_path / "store.db")
    assert runner.invoke(main, ["ingest", str(article), "--db", db, "--quiet"]).exit_code == 0
    assert runner.invoke(main, ["analyse", "--db", db, "--places", str(places)]).exit_code == 0
    [stored] = jsonl(runner.invoke(main, ["events", "--db", db, *shelling]).stdout)
    assert stored["place_id"] == "nor-zorakan"
    bad = tmp_path / "bad.yaml"
    bad.write_text("places:\n  - {id: x, name: X, kind: planet}\n", encoding="utf-8")
    for command in (["events", str(article)], ["analyse", "--db", db]):
        result = runner.invoke(main, [*command, "--places", str(bad)])
        assert result.exit_code != 0 and "bad.yaml" in result.output and "kind" in result.output


def test_a_date_filter_that_is_no_day_is_an_error_not_an_empty_list(stored: str, tmp_path: Path):
    for bad in ("2021-5-14", "yesterday"):
        for command in (["events"], ["export", "--format", "plover", "--out", str(tmp_path / "p.json")]):
            result = CliRunner().invoke(main, [*command, "--db", stored, "--from", bad])
            assert result.exit_code == 2 and f"'{bad}' is not a date (YYYY-MM-DD)" in result.output, result.output
    later = jsonl(CliRunner().invoke(main, ["events", "--db", stored, "--format", "jsonl", "--to", "20210513"]).stdout)
    assert later and all(r["date"] <= "2021-05-13" for r in later)  # a basic-format day is read as that day
