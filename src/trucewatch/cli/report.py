"""Commands of the views: stance, contradictions, report."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click
from rich.console import Console

from trucewatch.cli import db_option, main, open_store
from trucewatch.cli.assessments import (
    agreement_option,
    agreements_path_option,
    as_of_option,
    as_of_or_default,
    chosen_agreement,
    load_agreement_files,
)
from trucewatch.cli.output import emit, format_option

if TYPE_CHECKING:  # the commands import what they use: `--help` loads no YAML, SQL or NLP
    from trucewatch.store import Store

err = Console(stderr=True)



@main.command("stance", short_help="How each actor assesses each target over time.")
@db_option
@agreement_option
@as_of_option
@agreements_path_option
@format_option()
def stance_command(db: str | None, agreement_id: str | None, as_of: str | None, agreement_paths: tuple[str, ...],
                   fmt: str) -> None:
    """How each actor assesses each target over time, with the words that scored it.

    Reads the statements written by `trucewatch analyse`; scores run from -2 (very negative) to +2 (very
    positive).
    """
    from trucewatch.assess.views import stance_view

    # --agreements is checked even when not filtering: a broken file must not pass silently
    agreement = chosen_agreement(agreement_id, agreement_paths) if agreement_id else None
    if agreement is None and agreement_paths:
        load_agreement_files(agreement_paths)
    store = open_store(db)
    observations = stance_view(store, agreement, as_of_or_default(store, agreement_id, as_of)[0])
    columns = ["date", "actor_name", "target", "score", "label", "explanation"]
    if fmt == "csv":  # with the provenance a spreadsheet needs
        columns = ["date", "actor", "actor_name", "target", "score", "label", "doc_id", "start", "end", "text",
                   "explanation"]
    emit(observations, fmt, columns, widths={"label": 28})
    _hint_if_unanalysed(store)


@main.command("contradictions", short_help="Claims the text does not support; conflicting claims.")
@db_option
@agreement_option
@as_of_option
@agreements_path_option
@format_option()
def contradictions_command(db: str | None, agreement_id: str | None, as_of: str | None,
                           agreement_paths: tuple[str, ...], fmt: str) -> None:
    """Claims the agreement text does not support, and actors contradicting each other on a provision.

    Reads the statements and evidence links written by `trucewatch analyse`.
    """
    from trucewatch.assess.views import contradictions_view

    agreement = chosen_agreement(agreement_id, agreement_paths)
    store = open_store(db)
    found = contradictions_view(store, agreement, as_of_or_default(store, agreement.id, as_of)[0])
    columns = ["date", "kind", "provision", "summary", "reason"]
    if fmt == "csv":  # the two sides as JSON cells: documents, offsets, speakers
        columns = ["date", "kind", "agreement_id", "provision", "summary", "reason", "first", "second"]
    emit(found, fmt, columns)
    _hint_if_unanalysed(store)


def _hint_if_unanalysed(store: Store) -> None:
    """Empty results right after ingest usually mean the analysis has not run yet: say so."""
    if not store.count_documents()["documents"]:
        click.echo(f"no documents in {store.location}: run `trucewatch ingest PATH` first", err=True)
    elif store.statements_version().startswith("0:"):
        click.echo("no statements in the store: run `trucewatch analyse` first", err=True)


@main.command("report", short_help="Write the HTML implementation report.")
@db_option
@agreement_option
@as_of_option
@click.option("--out", "out", type=click.Path(dir_okay=False, writable=True), required=True,
              help="HTML file to write (one self-contained file).")
@click.option("--since", "since", metavar="DATE", default=None, type=click.DateTime(["%Y-%m-%d"]),
              help="Start of the \"what changed since\" section: the previous report's as-of (default: 30 days "
                   "before the as-of; changeable in the page).")
@agreements_path_option
def report_command(db: str | None, agreement_id: str | None, as_of: str | None, out: str,
                   since: datetime | None, agreement_paths: tuple[str, ...]) -> None:
    """Write the implementation report: matrix, evidence, timeline, stance, contradictions, sources.

    One self-contained HTML file (no network needed to open it), from what `trucewatch analyse` stored.
    """
    agreement = chosen_agreement(agreement_id, agreement_paths)  # a wrong id fails before the store is touched
    write_report(open_store(db), agreement.id, as_of, out, agreement_paths, since=since.date() if since else None)


def write_report(store: Store, agreement_id: str | None, as_of: str | None, out: str,
                 agreement_paths: tuple[str, ...] = (), *, since: date | None = None) -> None:
    """Render the report of ``agreement_id`` from ``store`` into the file ``out``."""
    from trucewatch.actors import load_registry
    from trucewatch.report import gather, render

    agreement = chosen_agreement(agreement_id, agreement_paths)
    day, how = as_of_or_default(store, agreement.id, as_of)
    registry = load_registry()
    actors = registry.actors.values()
    data = gather(store, agreement, day, actor_names={a.id: a.name for a in actors},
                  actor_sides={a.id: a.side for a in actors}, since=since,
                  generated=datetime.now(UTC).isoformat(timespec="seconds"), as_of_note=how)
    html = render(data)
    try:
        Path(out).write_text(html, encoding="utf-8")
    except OSError as error:
        raise click.ClickException(f"cannot write {out}: {error.strerror or error}") from None
    links = sum(len(r["evidence"]) for r in data.statuses)
    click.echo(f"report: {out} ({len(html) / 1024:.0f} KB; {data.document_count} documents with evidence, {links} "
               f"evidence links, {len(data.observations)} stance observations, {len(data.contradictions)} "
               f"contradictions, {data.incidents.total} incident reports, as of {day})", err=True)
    if not links:
        err.print("no evidence links stored for this agreement: run `trucewatch analyse` first", style="yellow",
                  markup=False, highlight=False)
