"""Commands of the views: stance, contradictions, report."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click
from rich.console import Console

from trucewatch.cli import db_option, main, open_store
from trucewatch.cli.assessments import agreements_path_option, load_agreement_files
from trucewatch.cli.output import emit, format_option

if TYPE_CHECKING:
    from trucewatch.agreements import Agreement
    from trucewatch.contradictions import Contradiction
    from trucewatch.records import Document
    from trucewatch.stance import StanceObservation
    from trucewatch.store import Store

err = Console(stderr=True)

agreement_option = click.option("--agreement", "agreement_id", metavar="ID", default=None,
                                help="Agreement id, e.g. karabakh-2020-11-10 (optional when only one is loaded).")
as_of_option = click.option("--as-of", "as_of", metavar="DATE", default=None,
                            help="Only what was known by this date, YYYY-MM-DD (default: newest document).")


def _agreement(agreement_id: str | None, paths: tuple[str, ...] = ()) -> Agreement:
    agreements = load_agreement_files(paths)
    if agreement_id is None:
        if len(agreements) == 1:
            return next(iter(agreements.values()))
        raise click.UsageError(f"choose an agreement with --agreement: {', '.join(sorted(agreements)) or 'none'}")
    if agreement_id not in agreements:
        raise click.UsageError(f"no agreement {agreement_id!r}; known: {', '.join(sorted(agreements))}")
    return agreements[agreement_id]


def _as_of(value: str | None, documents: dict[str, Document]) -> date:
    if value:
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)", param_hint="--as-of") from None
    dated = [d.published[:10] for d in documents.values() if d.published]
    return date.fromisoformat(max(dated)) if dated else datetime.now(UTC).date()


def _canonical(store: Store, agreement: Agreement | None) -> dict[str, Document]:
    from trucewatch.linking import in_scope

    return {d.id: d for d in store.documents(include_duplicates=False)
            if agreement is None or in_scope(d, agreement)}


def _known_by(value: str | None, as_of: date) -> bool:
    return value is None or value[:10] <= as_of.isoformat()


def _observations(store: Store, documents: dict[str, Document], as_of: date) -> list[StanceObservation]:
    from trucewatch.stance import stance

    return [o for o in stance(store.statements(), documents) if _known_by(o.date, as_of)]


def _contradictions(store: Store, agreement: Agreement, documents: dict[str, Document],
                    as_of: date) -> list[Contradiction]:
    from trucewatch.actors import load_registry
    from trucewatch.contradictions import claim_contradictions, text_contradictions

    registry = load_registry()
    statements = [s for s in store.statements() if s.doc_id in documents]
    published = {d.id: d.published for d in documents.values()}
    found = text_contradictions(statements, agreement, registry.countries, published)
    links = [x for x in store.evidence(agreement.id) if x.doc_id in documents]
    sides = {a.id: a.side for a in registry.actors.values()}
    names = {a.id: a.name for a in registry.actors.values()}
    found += claim_contradictions(links, sides, names)
    return [c for c in found if _known_by(c.date, as_of)]


def observation_record(o: StanceObservation) -> dict:
    record = asdict(o)
    record["explanation"] = o.explanation
    return record


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
    # --agreements is checked even when not filtering: a broken file must not pass silently
    agreement = _agreement(agreement_id, agreement_paths) if agreement_id else None
    if agreement is None and agreement_paths:
        load_agreement_files(agreement_paths)
    store = open_store(db)
    documents = _canonical(store, agreement)
    observations = _observations(store, documents, _as_of(as_of, documents))
    columns = ["date", "actor_name", "target", "score", "label", "explanation"]
    if fmt == "csv":  # with the provenance a spreadsheet needs
        columns = ["date", "actor", "actor_name", "target", "score", "label", "doc_id", "start", "end", "text",
                   "explanation"]
    emit((observation_record(o) for o in observations), fmt, columns, widths={"label": 28})
    _hint_if_unanalysed(store, documents)


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
    agreement = _agreement(agreement_id, agreement_paths)
    store = open_store(db)
    documents = _canonical(store, agreement)
    found = _contradictions(store, agreement, documents, _as_of(as_of, documents))
    columns = ["date", "kind", "provision", "summary", "reason"]
    if fmt == "csv":  # the two sides as JSON cells: documents, offsets, speakers
        columns = ["date", "kind", "agreement_id", "provision", "summary", "reason", "first", "second"]
    emit((asdict(c) for c in found), fmt, columns)
    _hint_if_unanalysed(store, documents)


def _hint_if_unanalysed(store: Store, documents: dict[str, Document]) -> None:
    """Empty results right after ingest usually mean the analysis has not run yet: say so."""
    if not documents:
        click.echo(f"no documents in {store.location} (for this agreement): run `trucewatch ingest PATH` first",
                   err=True)
    elif not store.statements():
        click.echo("no statements in the store: run `trucewatch analyse` first", err=True)


@main.command("report", short_help="Write the HTML implementation report.")
@db_option
@agreement_option
@as_of_option
@click.option("--out", "out", type=click.Path(dir_okay=False, writable=True), required=True,
              help="HTML file to write (one self-contained file).")
@agreements_path_option
def report_command(db: str | None, agreement_id: str | None, as_of: str | None, out: str,
                   agreement_paths: tuple[str, ...]) -> None:
    """Write the implementation report: matrix, evidence, timeline, stance, contradictions, sources.

    One self-contained HTML file (no network needed to open it), from what `trucewatch analyse` stored.
    """
    agreement = _agreement(agreement_id, agreement_paths)  # a wrong id fails before the store is touched
    write_report(open_store(db), agreement.id, as_of, out, agreement_paths)


def write_report(store: Store, agreement_id: str | None, as_of: str | None, out: str,
                 agreement_paths: tuple[str, ...] = ()) -> None:
    """Render the report of ``agreement_id`` from ``store`` into the file ``out``."""
    from trucewatch.actors import load_registry
    from trucewatch.report import ReportData, render

    agreement = _agreement(agreement_id, agreement_paths)
    documents = _canonical(store, agreement)
    day = _as_of(as_of, documents)
    copies = Counter(d.duplicate_of for d in store.documents() if d.duplicate_of)
    registry = load_registry()
    data = ReportData(
        agreement=agreement, as_of=day, documents=documents,
        links=[x for x in store.evidence(agreement.id) if x.doc_id in documents],
        observations=_observations(store, documents, day),
        contradictions=_contradictions(store, agreement, documents, day),
        duplicates=dict(copies), actor_names={a.id: a.name for a in registry.actors.values()},
        generated=datetime.now(UTC).isoformat(timespec="seconds"),
    )
    html = render(data)
    try:
        Path(out).write_text(html, encoding="utf-8")
    except OSError as error:
        raise click.ClickException(f"cannot write {out}: {error.strerror or error}") from None
    click.echo(f"report: {out} ({len(html) / 1024:.0f} KB; {len(documents)} documents, {len(data.links)} evidence "
               f"links, {len(data.observations)} stance observations, {len(data.contradictions)} contradictions, "
               f"as of {day})", err=True)
    if not data.links:
        err.print("no evidence links stored for this agreement: run `trucewatch analyse` first", style="yellow",
                  markup=False, highlight=False)
