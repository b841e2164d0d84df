"""Commands of the incident stage: ``events`` (a file, a stored document, the store), ``export``, ``eval incidents``."""

from __future__ import annotations

import json
from datetime import date
from importlib import resources
from pathlib import Path

import click

from trucewatch.cli import db_option, evaluate, main, open_store, shared_dir
from trucewatch.cli.evaluation import realdev_corpus_option, realdev_split_option, source_metadata_option
from trucewatch.cli.output import emit, format_option
from trucewatch.records import SourceItem  # light: dataclasses only

COLUMNS = ["id", "incident_id", "doc_id", "locator", "url", "start", "end", "date", "date_precision", "type",
           "plover_type", "plover_mode", "acled_event_type", "acled_sub_event_type", "place", "place_id", "admin1",
           "latitude", "longitude", "actors", "reported_by", "counts", "fatalities", "confidence", "sentence"]
TABLE_COLUMNS = ["date", "type", "place", "counts", "reported_by", "confidence", "incident_id", "sentence"]


places_option = click.option(
    "--places", "place_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
    help="Extra places YAML (the schema of data/places/*.yaml), merged with the bundled gazetteer: an entry with a "
         "bundled id replaces it; repeatable.")


def load_place_files(paths: tuple[str, ...]):
    """The gazetteer with the user's places files, or a one-line error naming the file and the field."""
    from trucewatch.datafiles import DataFileError
    from trucewatch.incidents.gazetteer import load_gazetteer

    try:
        return load_gazetteer(tuple(str(Path(p).resolve()) for p in paths))
    except DataFileError as error:
        raise click.ClickException(str(error)) from None


def _types() -> list[str]:
    """The incident types, as the lexicon schema lists them (JSON, not YAML: ``--help`` stays light)."""
    schema = resources.files("trucewatch").joinpath("schemas/lang-incidents.schema.json").read_text(encoding="utf-8")
    return json.loads(schema)["$defs"]["type"]["enum"]


def _iso_date(_context, parameter, value: str | None) -> str | None:
    """A day as YYYY-MM-DD: dates are compared as text, so '2021-1-1' or 'yesterday' would filter silently."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)", param=parameter) from None


def _filters(function):
    for option in reversed([
        click.option("--from", "date_from", metavar="YYYY-MM-DD", callback=_iso_date,
                     help="Only incidents on or after this date."),
        click.option("--to", "date_to", metavar="YYYY-MM-DD", callback=_iso_date,
                     help="Only incidents on or before this date."),
        click.option("--type", "types", multiple=True, type=click.Choice(_types()),
                     help="Only these types; repeatable."),
    ]):
        function = option(function)
    return function


def stored_records(store, date_from: str | None, date_to: str | None, types: tuple[str, ...],
                   gazetteer=None) -> list[dict]:
    """The stored incident reports, each with the id of the incident it reports (grouped across documents)."""
    from trucewatch.export import event_record

    reports = list(store.incidents(date_from=date_from, date_to=date_to, types=types))
    # reviewed: merges and splits applied
    groups = store.incident_groups(reports, gazetteer.places if gazetteer is not None else None)
    return [event_record(r, groups[r.id]) for r in reports]


def _extract(doc, gazetteer, *, original: bool) -> list[dict]:
    """Incidents of one document found now; with ``original``, offsets into the original text."""
    from trucewatch.actors import load_registry
    from trucewatch.export import event_record
    from trucewatch.incidents import extract_incidents
    from trucewatch.statements import extract_statements
    from trucewatch.text.sentences import split_sentences

    registry = load_registry()
    sentences = split_sentences(doc)
    statements = extract_statements(doc, registry, sentences)
    records = []
    for incident in extract_incidents(doc, sentences, registry, gazetteer, statements):
        offsets = {"start": doc.raw_offset(incident.start), "end": doc.raw_offset(incident.end, end=True)
                   } if original else {}
        records.append({**event_record(incident, **offsets), "locator": doc.locator, "url": doc.url})
    return records


def _file_records(target: str, gazetteer) -> list[dict]:
    """Incidents of a file read as ingest reads it; offsets into the original text, each record's locator and url."""
    from trucewatch.documents import build_document
    from trucewatch.sources import read_sources

    records = []
    for item in read_sources([target]):
        if not isinstance(item, SourceItem):
            click.echo(str(item), err=True)
            continue
        records.extend(_extract(build_document(item), gazetteer, original=True))
    return records


@main.command("events", short_help="Incidents: in a file, a stored document, or every stored one.")
@click.argument("target", metavar="[PATH_OR_DOC_ID]", required=False)
@db_option
@_filters
@places_option
@format_option()
def events_command(target: str | None, db: str | None, date_from: str | None, date_to: str | None,
                   types: tuple[str, ...], place_files: tuple[str, ...], fmt: str) -> None:
    """Incidents (shelling, clashes, casualties, releases, handovers, blockades, meetings...): typed, dated, placed.

    With PATH_OR_DOC_ID: the incidents of a file (read as ingest reads it; offsets are into the original
    file text, a JSONL file gives each record's locator and url) or of a stored document (its analysed
    incidents, or found now if none are stored). Without: every stored incident report of `analyse`,
    filtered by --from/--to/--type, each with the id of the incident it reports (reports of one incident
    in several documents share it). JSONL, JSON and CSV give every field. --places adds your own places
    (name variants, admin area, coordinates) to those found now and to the grouping.
    """
    gazetteer = load_place_files(place_files)
    if target and Path(target).exists():
        records = _file_records(target, gazetteer)
    elif target and ("/" in target or "\\" in target or Path(target).suffix):
        raise click.ClickException(f"{target}: no such file")
    else:
        store = open_store(db)
        try:
            doc = store.document(target) if target else None
            if target and doc is None:
                raise click.ClickException(f"{target}: neither a file nor a document id in {store.location}")
            records = stored_records(store, date_from, date_to, types, gazetteer)
            if doc is not None:  # its analysed incidents, or found now if it has none stored
                records = [r for r in records if r["doc_id"] == target] or _extract(doc, gazetteer, original=False)
        finally:
            store.close()
    if target:
        records = [r for r in records if (not types or r["type"] in types)
                   and (not date_from or (r["date"] or "") >= date_from)
                   and (not date_to or (r["date"] or "")[:10] <= date_to)]
    count = emit(records, fmt, TABLE_COLUMNS if fmt == "table" else COLUMNS,
                 widths={"sentence": 80, "place": 24, "reported_by": 20}, title="Incidents")
    if fmt == "table":
        click.echo(f"{count} incident reports, {len({r['incident_id'] for r in records})} incidents", err=True)


@main.command("export", short_help="Write the stored incidents as ACLED CSV, PLOVER JSON, GeoJSON or Parquet.")
@db_option
@_filters
@click.option("--format", "fmt", type=click.Choice(("acled", "plover", "geojson", "parquet")), required=True,
              help="acled: ACLED's CSV columns; plover: PLOVER JSON records; geojson: points of placed incidents; "
                   "parquet: every field.")
@click.option("--out", "out", type=click.Path(dir_okay=False, writable=True), required=True, help="File to write.")
@places_option
def export_command(db: str | None, date_from: str | None, date_to: str | None, types: tuple[str, ...], fmt: str,
                   out: str, place_files: tuple[str, ...]) -> None:
    """Write the stored incident reports, one per report with its incident id, in a format other tools read."""
    from trucewatch.export import LEFT_OUT, WRITERS

    gazetteer = load_place_files(place_files)
    store = open_store(db)
    try:
        records = stored_records(store, date_from, date_to, types, gazetteer)
    finally:
        store.close()
    written = WRITERS[fmt](records, out)
    left = f" ({len(records) - written} {LEFT_OUT[fmt]} left out)" if written < len(records) else ""
    click.echo(f"wrote {written} incident reports to {out}{left}", err=True)


@evaluate.command("incidents", short_help="Score the incident stage on real-dev and the PLOVER gold records.")
@click.option("--annotations", type=click.Path(exists=True, file_okay=False), default=None,
              help="Folder of the NNN.json annotations with `incidents` (eval/real-dev of the source checkout).")
@realdev_corpus_option
@realdev_split_option
@source_metadata_option
@click.option("--plover", "plover_file", type=click.Path(exists=True, dir_okay=False), default=None,
              help="PLOVER gold records (default: $TRUCEWATCH_SHARED/eval/plover/PLOVER_GSR_CAMEO.txt).")
@format_option("table", "json")
def eval_incidents_command(annotations: str | None, corpus: str | None, split: str, source_metadata: str | None,
                           plover_file: str | None, fmt: str) -> None:
    """Incident recall with the right type, precision, date, counts and place on real-dev (strict: same sentence
    and type, one to one; lenient: the sentence found with any type); pairwise F1 of grouping reports into
    incidents where the annotations have an incident_groups.json; PLOVER event category accuracy.

    Without --annotations only PLOVER is scored. With --source-metadata, real-dev is scored three ways, each
    labelled: the text only, the text and its URL, the text, URL and metadata publication date.
    """
    from trucewatch.evaluation.incidents import evaluate_incidents, evaluate_plover
    from trucewatch.evaluation.realdev import SOURCE_VIEWS, read_source_metadata

    results: dict[str, dict] = {}
    if annotations:
        folder = shared_dir("--corpus", corpus, "corpus", "real-dev")
        views = list(SOURCE_VIEWS) if source_metadata else [None]
        try:
            results["realdev"] = {
                f"{name}, {view}" if view else name: scores for view in views
                for name, scores in evaluate_incidents(annotations, folder, (split,), read_source_metadata(
                    source_metadata, view) if view else None).items()}
        except FileNotFoundError as error:
            raise click.ClickException(f"{error} (see --annotations, --corpus)") from None
    plover = Path(plover_file) if plover_file else shared_dir("--plover", None, "eval", "plover",
                                                              "PLOVER_GSR_CAMEO.txt")
    if plover.is_file():
        results["plover"] = evaluate_plover(plover)
    elif plover_file is None and not annotations:
        raise click.ClickException(f"no PLOVER gold records at {plover} (see --plover)")
    if fmt == "json":
        emit([results], "json", [])
        return
    rows = [{"data": f"real-dev {name}", "gold": r["gold"], "predicted": r["predicted"],
             "recall (type right)": r["recall"], "precision": r["precision"], "f1": r["f1"],
             "any type": r["sentence_recall_any_type"], "date": r["date_right"], "counts": r["counts_exact"],
             "place": r["place_resolved"], "grouping P": (r.get("grouping") or {}).get("precision"),
             "grouping R": (r.get("grouping") or {}).get("recall"),
             "grouping F1 (pairwise)": (r.get("grouping") or {}).get("f1"),
             "grouping F1 (found pairs)": (r.get("grouping") or {}).get("f1_matched")}
            for name, r in results.get("realdev", {}).items()]
    if "plover" in results:
        p = results["plover"]
        rows.append({"data": "PLOVER gold", "gold": p["covered"], "recall (type right)": p["accuracy_covered"],
                     "precision": None, "any type": None, "false alarms": p["false_alarm_other"]})
    columns = list(dict.fromkeys(k for row in rows for k in row))
    emit(rows, "table", columns, title="Incidents (strict)")
