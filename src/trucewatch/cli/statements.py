"""Commands of the statements stage (quotes, speakers, dates): ``quotes`` and ``eval quotes``."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from trucewatch.cli import db_option, evaluate, main, open_store, shared_dir
from trucewatch.cli.output import emit, format_option
from trucewatch.records import Document, SourceItem, Statement  # light: dataclasses only

COLUMNS = ["doc", "kind", "start", "end", "text", "cue", "speaker", "speaker_text", "speaker_start",
           "speaker_end", "said_on"]
TABLE_COLUMNS = ["doc", "kind", "start", "end", "said_on", "speaker", "speaker_text", "cue", "text"]


def statement_record(statement: Statement, doc: Document | None = None) -> dict:
    """One statement for output; with ``doc`` (read from a path), offsets are into the original file text."""
    def where(offset: int | None, end: bool = False) -> int | None:
        return offset if offset is None or doc is None else doc.raw_offset(offset, end)

    return {"doc": statement.doc_id, "kind": statement.kind, "start": where(statement.start),
            "end": where(statement.end, True), "text": statement.text, "cue": statement.cue,
            "speaker": statement.speaker_name, "speaker_id": statement.speaker,
            "speaker_text": statement.speaker_text, "speaker_start": where(statement.speaker_start),
            "speaker_end": where(statement.speaker_end, True), "said_on": statement.said_on,
            "said_on_precision": statement.said_on_precision, "sentence": statement.sentence_index}


@main.command("quotes", short_help="Who said what, when, in a file or a stored document.")
@click.argument("target", metavar="PATH_OR_DOC_ID")
@db_option
@format_option()
@click.option("--actors", "actor_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Extra actor registry YAML (same schema as the bundled one); repeatable.")
def quotes_command(target: str, db: str | None, fmt: str, actor_files: tuple[str, ...]) -> None:
    """Who said what, when: the quotations and reported statements of a file or a stored document.

    PATH_OR_DOC_ID is a file (read as ingest reads it; offsets are into the original file text) or
    a document id from `trucewatch documents` (offsets into the stored body; its analysed
    statements, or extracted now if it has none stored). The table shows each statement on one
    line; JSON, JSONL and CSV give the full text and the speaker's offsets.
    """
    from trucewatch.actors import RegistryError, load_registry
    from trucewatch.documents import build_document
    from trucewatch.sources import read_sources
    from trucewatch.statements import extract_statements

    try:
        registry = load_registry(actor_files)
    except RegistryError as error:
        raise click.ClickException(str(error)) from None
    records: list[dict] = []
    if Path(target).exists():
        for item in read_sources([target]):
            if not isinstance(item, SourceItem):
                click.echo(str(item), err=True)
                continue
            doc = build_document(item)
            records.extend(statement_record(s, doc) for s in extract_statements(doc, registry))
    elif _looks_like_path(target):
        raise click.ClickException(f"{target}: no such file")
    else:
        store = open_store(db)
        try:
            doc = store.document(target)
            if doc is None:
                raise click.ClickException(f"{target}: neither a file nor a document id in {store.location}")
            statements = store.statements(doc.id) or extract_statements(doc, registry)
            records = [statement_record(s) for s in statements]
        finally:
            store.close()
    count = emit(records, fmt, TABLE_COLUMNS if fmt == "table" else COLUMNS, widths={"text": 100, "speaker_text": 24},
                 title="Statements")
    if fmt == "table":
        click.echo(f"{count} statements", err=True)


def _looks_like_path(target: str) -> bool:
    """Document ids are bare hex; a separator or a file extension means the user meant a file."""
    return "/" in target or "\\" in target or Path(target).suffix != ""


@evaluate.command("quotes", short_help="Score quotes and speakers on PolNeAR and the seeds.")
@click.option("--polnear", "polnear_dir", type=click.Path(file_okay=False), default=None,
              help="PolNeAR split folder (default: $TRUCEWATCH_SHARED/eval/polnear/data/dev).")
@click.option("--seeds", "use_seeds", is_flag=True, help="Score the annotated seed articles.")
@click.option("--seeds-dir", type=click.Path(file_okay=False), default=None,
              help="Folder of the seed articles (default: $TRUCEWATCH_SHARED/corpus/karabakh-seeds).")
@click.option("--annotations", type=click.Path(file_okay=False), default=None,
              help="Folder of the seed annotations (*.json), e.g. tests/fixtures/quotes; needed for the seeds.")
@click.option("--no-baseline", is_flag=True, help="Skip textacy's direct quotations baseline.")
@format_option("table", "json")
def eval_quotes_command(polnear_dir: str | None, use_seeds: bool, seeds_dir: str | None, annotations: str | None,
                        no_baseline: bool, fmt: str) -> None:
    """Quote detection P/R/F1, speaker, said_on and kind accuracy, strict and lenient side by side.

    Without --polnear or --seeds, both are scored. Strict: one-to-one pairs overlapping by half of
    both spans; lenient: any overlap. textacy's direct quotations are the baseline.
    """
    from trucewatch.cli.evaluation import quote_rows, side_by_side
    from trucewatch.evaluation.polnear import read_polnear
    from trucewatch.evaluation.quotes import evaluate_polnear, evaluate_seeds, read_seed_annotations

    results: dict[str, dict] = {}
    both = polnear_dir is None and not use_seeds
    if polnear_dir is not None or both:
        folder = shared_dir("--polnear", polnear_dir, "eval", "polnear", "data", "dev")
        docs = list(read_polnear(folder)) if folder.is_dir() else []
        if not docs:
            raise click.ClickException(f"no PolNeAR articles with annotations in {folder} (see --polnear)")
        results["polnear-dev"] = evaluate_polnear(docs, baseline=not no_baseline)
    if use_seeds or both:
        if annotations is None:
            raise click.ClickException("give --annotations DIR (seed quote annotations, e.g. tests/fixtures/quotes)")
        try:
            notes = read_seed_annotations(annotations)
        except (KeyError, TypeError, ValueError) as error:  # JSON files of another shape, or not JSON
            raise click.ClickException(f"{annotations}: *.json there are not seed quote annotations ({error!r})"
                                       ) from None
        if not notes:
            raise click.ClickException(f"no seed annotations (*.json) in {annotations}")
        folder = shared_dir("--seeds-dir", seeds_dir, "corpus", "karabakh-seeds")
        try:
            results["seeds"] = evaluate_seeds(notes, folder, baseline=not no_baseline)
        except FileNotFoundError as error:
            raise click.ClickException(f"{error} (see --seeds-dir)") from None
    if fmt == "json":
        emit([results], "json", [])
        return
    side_by_side([row for data, systems in results.items() for system, report in systems.items()
                  for row in quote_rows(data, system, report)], "Quotes and speakers")
    sys.stdout.flush()
