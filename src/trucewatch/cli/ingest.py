"""Commands of the ingest stage: ingest, documents, demo."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from importlib.resources import files
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

import click
from rich.console import Console

from trucewatch.cli import db_option, main, open_mapper, open_store
from trucewatch.cli.output import emit, format_option

TABLE_ROWS = 200  # documents a table shows unless told otherwise: rich renders a row in about a millisecond

if TYPE_CHECKING:
    from rich.progress import Progress

    from trucewatch.ingest import IngestReport
    from trucewatch.records import Document
    from trucewatch.store import Store

err = Console(stderr=True)


def demo_corpus() -> Path:
    return Path(str(files("trucewatch") / "data" / "demo" / "corpus"))


def _count_files(paths: tuple[str, ...]) -> int | None:
    """Files to read, for the progress bar; None when the tree is too big to count quickly."""
    from trucewatch.sources import iter_files

    count = 0
    for count, _ in enumerate(iter_files(paths), start=1):
        if count > 200_000:
            return None
    return count


def progress_bar(doing: str, unit: str, *, quiet: bool = False) -> Progress:
    """A progress bar on stderr, shown only to a person at a terminal."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    return Progress(SpinnerColumn(), TextColumn(doing), BarColumn(), MofNCompleteColumn(), TextColumn(unit),
                    TimeElapsedColumn(), console=err, disable=quiet or not err.is_terminal, transient=True)


def run_ingest(paths: tuple[str, ...], store: Store, *, workers: int = 0, scheduler: str | None = None,
               quiet: bool = False, field_map: dict[str, str] | None = None) -> IngestReport:
    from trucewatch.ingest import ingest

    total = None if quiet else _count_files(paths)
    with open_mapper(workers, scheduler) as mapper, progress_bar("ingesting", "units",
                                                                             quiet=quiet) as progress:
        task = progress.add_task("ingest", total=total)
        return ingest(paths, store, mapper=mapper, on_progress=lambda n: progress.advance(task, n),
                      field_map=field_map)


def say(message: str) -> None:
    """A line for people on stderr, never wrapped (paths and reasons must stay greppable)."""
    click.echo(message, err=True)


def print_report(report: IngestReport, store: Store) -> None:
    say(f"{report.ingested} ingested ({report.duplicates} duplicates of other documents), "
        f"{report.unchanged} already in the store, {len(report.skipped)} skipped")
    for skip in report.skipped[:50]:
        say(f"  {skip}")
    if len(report.skipped) > 50:
        say(f"  ... and {len(report.skipped) - 50} more; all skips by reason: " + ", ".join(
            f"{n} {reason}" for reason, n in report.skip_reasons().most_common()))
    for where in report.cut[:50]:
        say(f"  cut {where}")
    if len(report.cut) > 50:
        say(f"  ... and {len(report.cut) - 50} more cut at the body budget")
    say(f"store: {store.location}")


@main.command("ingest", short_help="Read article files and folders into the store.")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@db_option
@click.option("--workers", type=click.IntRange(min=0), default=0,
              help="Process documents on a local Dask cluster of N workers.")
@click.option("--scheduler", default=None, metavar="ADDRESS", help="Use an existing Dask scheduler.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.option("--map", "mapping", multiple=True, metavar="FIELD=PATH",
              help="JSONL field holding a document's text, html, url, title, published or outlet, as a dotted "
                   "path (e.g. --map text=body --map outlet=source.name); repeatable. NewsAPI, GDELT DOC and "
                   "Media Cloud records are recognised without it.")
def ingest_command(paths: tuple[str, ...], db: str | None, workers: int, scheduler: str | None,
                   quiet: bool, mapping: tuple[str, ...]) -> None:
    """Read .txt, .html, .jsonl, .warc(.gz) and RSS/Atom (.rss, .atom, .xml) files and folders into the store.

    A feed URL (http:// or https://) given as a PATH is fetched and its entries read. Re-running adds only
    what is new. Exits non-zero only if nothing could be read.
    """
    from trucewatch.news_apis import parse_map

    try:
        field_map = parse_map(mapping)
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--map") from None
    store = open_store(db, create=True)
    report = run_ingest(paths, store, workers=workers, scheduler=scheduler, quiet=quiet, field_map=field_map)
    print_report(report, store)
    if report.read == 0:
        sys.exit(1)


def document_record(doc: Document, *, body: bool = True) -> dict:
    record = {
        "id": doc.id, "source_path": doc.source_path, "locator": doc.locator or None, "url": doc.url,
        "title": doc.title, "published": doc.published, "published_source": doc.published_source,
        "outlet": doc.outlet, "wire": doc.wire, "language": doc.language, "duplicate_of": doc.duplicate_of,
        "duplicate_reason": doc.duplicate_reason,
    }
    if body:
        record["body"] = doc.body
        record["body_offsets"] = [
            {"body_start": s.body_start, "start": s.raw_start, "end": s.raw_start + s.length} for s in doc.body_spans]
        record["removed"] = [
            {"kind": b.kind, "text": b.text, "start": b.raw_start, "end": b.raw_end, "reason": b.reason}
            for b in doc.removed]
    return record


@main.command("documents", short_help="List the stored documents: id, date, outlet, title.")
@db_option
@format_option()
@click.option("--canonical", is_flag=True, help="Only canonical copies, not their duplicates.")
@click.option("--limit", type=click.IntRange(min=0), default=None,
              help=f"At most N documents, 0 for all (default: {TABLE_ROWS:,} in a table, all in other formats).")
def documents_command(db: str | None, fmt: str, canonical: bool, limit: int | None) -> None:
    """List the stored documents in publication order: id, date, outlet, wire, duplicates, title.

    duplicate_reason says why a copy was grouped, or why a near-identical text was kept apart
    (similarity, and the rule: another day of one outlet, other dates or numbers, a text of its own).

    JSON and JSONL add the cleaned body, its offsets into the original text and what cleaning removed.
    A table shows the first rows only (a terminal cannot show twenty thousand); the other formats stream all.
    """
    from trucewatch.store import LISTED

    store = open_store(db)
    limit = (TABLE_ROWS if fmt == "table" else 0) if limit is None else limit
    if fmt in ("table", "csv"):  # the listed fields only: no text is read
        shown = emit(store.document_listing(include_duplicates=not canonical, limit=limit or None), fmt, LISTED,
                     widths={"title": 60, "source_path": 30, "duplicate_reason": 50})
        if fmt == "csv":
            return
        counts = store.count_documents()
        total = counts["documents"] - (counts["duplicates"] if canonical else 0)
        if shown < total:
            say(f"showing {shown:,} of {total:,} documents: --limit 0 for all, or --format jsonl or csv")
        return
    records: Iterator[dict] = (document_record(d, body=True)
                               for d in islice(store.documents(include_duplicates=not canonical), limit or None))
    emit(records, fmt, LISTED)


def summarise(store: Store) -> None:
    docs = list(store.documents())
    counts = store.count_documents()
    dated = sorted(d.published[:10] for d in docs if d.published)
    outlets = sorted({d.outlet for d in docs if d.outlet})
    say(f"{counts['documents']} documents, {counts['duplicates']} duplicates in "
        f"{counts['duplicate_groups']} groups")
    if dated:
        say(f"dates: {dated[0]} to {dated[-1]} ({len(dated)} dated, {len(docs) - len(dated)} undated)")
    if outlets:
        say("outlets: " + ", ".join(outlets))
