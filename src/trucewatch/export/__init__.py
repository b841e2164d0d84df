"""Incidents in the formats analysts load elsewhere: ACLED CSV, PLOVER JSON, GeoJSON points, Parquet.

Each writer takes the event records of :func:`event_record` (one per report, with its
``incident_id``) and has a reader beside it, so a file written here reads back to the same
records (tested round trip). ACLED's columns are its public export's, in its order; fields this
system does not know (admin2, ISO code, interaction codes) stay empty rather than guessed. Its text
cells are neutralised against spreadsheet formulas (:mod:`trucewatch.export.formulas`).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sequence
from pathlib import Path

from trucewatch.export.formulas import neutralise_formula, restore_formula
from trucewatch.records import Incident

FORMATS = ("acled", "plover", "geojson", "parquet")
ACLED_COLUMNS = ("event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
                 "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
                 "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
                 "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
                 "fatalities", "tags", "timestamp")
_DISORDER = {"Battles": "Political violence", "Explosions/Remote violence": "Political violence",
             "Violence against civilians": "Political violence", "Protests": "Demonstrations",
             "Riots": "Demonstrations", "Strategic developments": "Strategic developments"}
_TIME_PRECISION = {"day": 1, "month": 3, "year": 3}  # ACLED: 1 day, 2 week, 3 month or vaguer
_PLACE_FIELDS = ("place", "place_id", "admin1", "latitude", "longitude")


def event_record(incident: Incident, incident_id: str | None = None, *, start: int | None = None,
                 end: int | None = None) -> dict:
    """One report as an output record (``start``/``end`` override the body offsets, e.g. with file offsets)."""
    return {"id": incident.id, "incident_id": incident_id or incident.id, "doc_id": incident.doc_id,
            "start": incident.start if start is None else start, "end": incident.end if end is None else end,
            "sentence": incident.sentence, "type": incident.type, "plover_type": incident.plover_type,
            "plover_mode": incident.plover_mode, "acled_event_type": incident.acled_event_type,
            "acled_sub_event_type": incident.acled_sub_event_type, "date": incident.date,
            "date_precision": incident.date_precision, **{f: getattr(incident, f) for f in _PLACE_FIELDS},
            "actors": incident.actors, "reported_by": incident.reported_by, "counts": incident.counts,
            "fatalities": incident.fatalities, "confidence": incident.confidence, "cue": incident.cue}


# -- ACLED ---------------------------------------------------------------------------------

def _actor(record: dict, role: str) -> tuple[str, str]:
    names = [a["name"] for a in record["actors"] if a.get("role") == role]
    return (names[0] if names else ""), "; ".join(names[1:])


def acled_row(record: dict) -> dict:
    actor1, assoc1 = _actor(record, "actor")
    actor2, assoc2 = _actor(record, "target")
    return {
        "event_id_cnty": record["id"], "event_date": (record["date"] or "")[:10], "year": (record["date"] or "")[:4],
        "time_precision": _TIME_PRECISION.get(record["date_precision"] or "", ""),
        "disorder_type": _DISORDER.get(record["acled_event_type"], ""), "event_type": record["acled_event_type"],
        "sub_event_type": record["acled_sub_event_type"], "actor1": actor1, "assoc_actor_1": assoc1, "inter1": "",
        "actor2": actor2, "assoc_actor_2": assoc2, "inter2": "", "interaction": "",
        "civilian_targeting": ("Civilian targeting" if record["acled_event_type"] == "Violence against civilians"
                               else ""),
        "iso": "", "region": "", "country": "", "admin1": record["admin1"] or "", "admin2": "", "admin3": "",
        "location": record["place"] or "", "latitude": "" if record["latitude"] is None else record["latitude"],
        "longitude": "" if record["longitude"] is None else record["longitude"],
        "geo_precision": 1 if record["latitude"] is not None else "", "source": record["reported_by"] or "",
        "source_scale": "",
        "notes": record["sentence"], "fatalities": record["fatalities"],
        "tags": f"incident_id={record['incident_id']}; doc_id={record['doc_id']}; type={record['type']}",
        "timestamp": "",
    }


def write_acled(records: Iterable[dict], path: str | Path) -> int:
    """ACLED rows of the incidents that are ACLED events; one ACLED codes as no event (a meeting, a disaster:
    no event type) has no row, since an ACLED file without an event type is not ACLED. Returns rows written."""
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=ACLED_COLUMNS)
        writer.writeheader()
        count = 0
        for record in records:
            if not record.get("acled_event_type"):
                continue
            writer.writerow({k: neutralise_formula(v) if isinstance(v, str) else v
                             for k, v in acled_row(record).items()})
            count += 1
    return count


def read_acled(path: str | Path) -> list[dict]:
    """The rows of an ACLED CSV, with numbers as numbers (empty cells as None)."""
    def number(value: str, kind: type) -> int | float | None:
        return kind(value) if value != "" else None

    with open(path, newline="", encoding="utf-8") as handle:
        rows = [{k: restore_formula(v) for k, v in row.items()} for row in csv.DictReader(handle)]
    for row in rows:
        row["latitude"], row["longitude"] = number(row["latitude"], float), number(row["longitude"], float)
        row["fatalities"] = number(row["fatalities"], int)
    return rows


# -- PLOVER --------------------------------------------------------------------------------

def plover_record(record: dict) -> dict:
    """A PLOVER/POLECAT-style event: event type and mode, the monitoring type as context, actors, place, size."""
    location = {k: record[k] for k in ("place", "admin1", "latitude", "longitude") if record.get(k) is not None}
    counts = record["counts"] or {}
    return {"id": record["id"], "incident_id": record["incident_id"], "date": record["date"],
            "event": record["plover_type"], "mode": record["plover_mode"] or "", "context": record["type"],
            "source": [a["name"] for a in record["actors"] if a.get("role") == "actor"],
            "target": [a["name"] for a in record["actors"] if a.get("role") == "target"],
            "eventText": record["cue"] or "", "text": record["sentence"], "eventLoc": location,
            "dead": counts.get("killed"), "injured": counts.get("wounded"), "size": counts,
            "reported_by": record["reported_by"], "doc_id": record["doc_id"], "confidence": record["confidence"]}


def write_plover(records: Iterable[dict], path: str | Path) -> int:
    items = [plover_record(r) for r in records]
    Path(path).write_text(json.dumps(items, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return len(items)


def read_json(path: str | Path):
    return json.loads(Path(path).read_text(encoding="utf-8"))


# -- GeoJSON -------------------------------------------------------------------------------

def write_geojson(records: Iterable[dict], path: str | Path) -> int:
    """Points of the placed reports (a report without coordinates has no point and is left out)."""
    features = [{"type": "Feature", "id": r["id"],
                 "geometry": {"type": "Point", "coordinates": [r["longitude"], r["latitude"]]},
                 "properties": {k: v for k, v in r.items() if k not in ("latitude", "longitude")}}
                for r in records if r["latitude"] is not None and r["longitude"] is not None]
    Path(path).write_text(json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False)
                          + "\n", encoding="utf-8")
    return len(features)


# -- Parquet -------------------------------------------------------------------------------

def write_parquet(records: Iterable[dict], path: str | Path) -> int:
    """One row per report; actors and counts as JSON text (they vary in shape)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [{**r, "actors": json.dumps(r["actors"], ensure_ascii=False), "counts": json.dumps(r["counts"])}
            for r in records]
    pq.write_table(pa.Table.from_pylist(rows, schema=_parquet_schema(pa)), str(path))
    return len(rows)


def read_parquet(path: str | Path) -> list[dict]:
    import pyarrow.parquet as pq

    rows = pq.read_table(str(path)).to_pylist()
    for row in rows:
        row["actors"], row["counts"] = json.loads(row["actors"]), json.loads(row["counts"])
    return rows


def _parquet_schema(pa):
    text, integer, real = pa.string(), pa.int64(), pa.float64()
    kinds = {"start": integer, "end": integer, "fatalities": integer, "latitude": real, "longitude": real,
             "confidence": real}
    return pa.schema([(name, kinds.get(name, text)) for name in RECORD_FIELDS])


RECORD_FIELDS: Sequence[str] = tuple(event_record(Incident("", 0, 0, "", "", "")).keys())
WRITERS = {"acled": write_acled, "plover": write_plover, "geojson": write_geojson, "parquet": write_parquet}
LEFT_OUT = {"acled": "with no ACLED event type", "geojson": "without coordinates"}  # why a writer skips a report
