"""Commands that run the stages after ingest: analyse, and the demo that runs everything."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from trucewatch.cli import db_option, main, open_mapper, open_store
from trucewatch.cli.assessments import agreements_path_option, load_agreement_files
from trucewatch.cli.events import load_place_files, places_option
from trucewatch.cli.ingest import demo_corpus, print_report, progress_bar, run_ingest, say, summarise
from trucewatch.cli.output import emit, format_option
from trucewatch.cli.report import write_report

if TYPE_CHECKING:
    from trucewatch.pipeline import AnalysisReport


def print_analysis(report: AnalysisReport) -> None:
    """One line per run: documents analysed, then the products of the stages that ran (a stage left out
    by ``--stages`` is not reported as zero)."""
    products = {"statements": f"{report.statements} statements", "incidents": f"{report.incidents} incidents",
                "links": "evidence links: " + (", ".join(f"{n} for {agreement}" for agreement, n
                                                         in report.links.most_common() if n) or "none")}
    made = ", ".join(products[name] for name in ("statements", "incidents", "links") if name in report.stored)
    say(f"run {report.run_id}: analysed {report.documents} documents ({report.unchanged} up to date"
        + (f", {report.forgotten} now copies" if report.forgotten else "") + f"): {made}")
    for language, n in sorted(report.not_analysed.items()):
        say(f"  {n} documents in {language}: no rules for {language}")
    for doc_id, reason in report.failed:
        say(f"  failed {doc_id}: {reason}")


@main.command("analyse", short_help="Extract statements and link evidence to agreements.")
@db_option
@click.option("--workers", type=click.IntRange(min=0), default=0,
              help="Process documents on a local Dask cluster of N workers.")
@click.option("--scheduler", default=None, metavar="ADDRESS", help="Use an existing Dask scheduler.")
@click.option("--all", "force", is_flag=True, help="Redo every document, not only new or stale ones.")
@click.option("--stages", default=None, metavar="NAMES",
              help="Comma-separated stage names to run, in order (default: all: sentences,statements,links,incidents).")
@click.option("--config", "config_file", default=None, type=click.Path(exists=True, dir_okay=False), metavar="FILE",
              help="Stages, their settings and data files from a TOML file (default: ./trucewatch.toml if present); "
                   "options win over it.")
@agreements_path_option
@places_option
def analyse_command(db: str | None, workers: int, scheduler: str | None, force: bool, stages: str | None,
                    config_file: str | None, agreement_paths: tuple[str, ...], place_files: tuple[str, ...]) -> None:
    """Extract statements and link evidence to agreements for every canonical document.

    Incremental: only documents that are new, became canonical, or whose analysis is stale (the
    code, the actors, the language rules or an agreement file changed) are processed; changing
    an agreement re-links without re-parsing. Every run is recorded (`trucewatch runs`).
    """
    from dataclasses import replace

    from trucewatch.pipeline import PipelineConfig, PipelineError, analyse, stores_anything
    from trucewatch.pipeline.config import DEFAULT_FILE, load_config

    if config_file is None and Path(DEFAULT_FILE).is_file():
        config_file = DEFAULT_FILE
    try:
        config = load_config(config_file) if config_file else PipelineConfig()
    except PipelineError as error:
        raise click.ClickException(str(error)) from None
    if stages:
        config = replace(config, stages=tuple(s.strip() for s in stages.split(",") if s.strip()))
    if agreement_paths:
        config = replace(config, agreement_paths=tuple(agreement_paths))
    if place_files:
        config = replace(config, place_paths=tuple(str(Path(p).resolve()) for p in place_files))
    if not stores_anything(config.stages):
        raise click.ClickException(f"stages {','.join(config.stages)!r} store nothing by themselves: add "
                                   "statements, links or incidents (default: sentences,statements,links,incidents)")
    load_agreement_files(config.agreement_paths)  # a bad file is a one-line error before any work
    load_place_files(config.place_paths)
    store = open_store(db)
    with open_mapper(workers, scheduler) as mapper, progress_bar("analysing", "documents") as progress:
        task = progress.add_task("analyse", total=None)
        try:
            report = analyse(store, config=config, force=force, mapper=mapper,
                             on_total=lambda n: progress.update(task, total=n),
                             on_progress=lambda n: progress.advance(task, n))
        except PipelineError as error:
            raise click.ClickException(str(error)) from None
    print_analysis(report)
    if not store.count_documents()["documents"]:
        say("no documents in the store: run `trucewatch ingest PATH` first")


@main.command("runs", short_help="The recorded analysis runs, newest first.")
@db_option
@format_option("table", "jsonl", "json", "csv")
def runs_command(db: str | None, fmt: str) -> None:
    """Every analysis run: when, with which code and data versions, and what it produced."""
    store = open_store(db)
    records = [{**run, "documents": run["counts"].get("documents"), "statements": run["counts"].get("statements"),
                "links": sum((run["counts"].get("links") or {}).values())} for run in store.runs()]
    emit(records, fmt, ["id", "started_at", "status", "code_version", "documents", "statements", "links"]
         if fmt == "table" else ["id", "started_at", "finished_at", "status", "code_version", "data_hash",
                                 "agreements_hash", "stages", "counts"], title="Analysis runs")


DEMO_AGREEMENT = "karabakh-2020-11-10"


@main.command("demo", short_help="Ingest, analyse and report on the bundled demo corpus.")
@click.option("--db", default="trucewatch-demo.db", show_default=True, metavar="URL",
              help="Store for the demo (a SQLite file by default).")
@click.option("--out", default="trucewatch-demo-report.html", show_default=True, type=click.Path(dir_okay=False),
              help="Where to write the HTML report.")
def demo_command(db: str, out: str) -> None:
    """Run the whole job on the bundled demo corpus: ingest, analyse, report."""
    from trucewatch.pipeline import analyse

    store = open_store(db, create=True)
    corpus = demo_corpus()
    say(f"demo corpus: {corpus}")
    print_report(run_ingest((str(corpus),), store, quiet=True), store)
    summarise(store)
    print_analysis(analyse(store))
    write_report(store, DEMO_AGREEMENT, None, out)
    say(f"open {Path(out).resolve()} in a browser, or explore the store: export TRUCEWATCH_DB={db}, then "
        f"trucewatch documents, trucewatch status --agreement {DEMO_AGREEMENT}, ...")
