"""Commands that run the stages after ingest: analyse, and the demo that runs everything."""

from __future__ import annotations

from pathlib import Path

import click

from trucewatch.cli import db_option, main, open_mapper, open_store
from trucewatch.cli.assessments import agreements_path_option, load_agreement_files
from trucewatch.cli.ingest import demo_corpus, print_report, progress_bar, run_ingest, say, summarise
from trucewatch.cli.report import write_report
from trucewatch.pipeline import AnalysisReport, analyse


def print_analysis(report: AnalysisReport) -> None:
    links = ", ".join(f"{n} for {agreement}" for agreement, n in report.links.most_common() if n)
    say(f"analysed {report.documents} documents: {report.statements} statements, evidence links: {links or 'none'}")
    for doc_id, reason in report.failed:
        say(f"  failed {doc_id}: {reason}")


@main.command("analyse", short_help="Extract statements and link evidence to agreements.")
@db_option
@click.option("--workers", type=click.IntRange(min=0), default=0,
              help="Process documents on a local Dask cluster of N workers.")
@click.option("--scheduler", default=None, metavar="ADDRESS", help="Use an existing Dask scheduler.")
@agreements_path_option
def analyse_command(db: str | None, workers: int, scheduler: str | None, agreement_paths: tuple[str, ...]) -> None:
    """Extract statements and link evidence to agreements for every canonical document.

    Re-running replaces each document's results, so it is idempotent.
    """
    agreements = list(load_agreement_files(agreement_paths).values())
    store = open_store(db)
    total = len(store.document_ids(include_duplicates=False))
    with open_mapper(workers, scheduler) as mapper, progress_bar("analysing", "documents") as progress:
        task = progress.add_task("analyse", total=total)
        report = analyse(store, agreements=agreements, mapper=mapper, on_progress=lambda n: progress.advance(task, n))
    print_analysis(report)
    if not total:
        say("no documents in the store: run `trucewatch ingest PATH` first")


DEMO_AGREEMENT = "karabakh-2020-11-10"


@main.command("demo", short_help="Ingest, analyse and report on the bundled demo corpus.")
@click.option("--db", default="trucewatch-demo.db", show_default=True, metavar="URL",
              help="Store for the demo (a SQLite file by default).")
@click.option("--out", default="trucewatch-demo-report.html", show_default=True, type=click.Path(dir_okay=False),
              help="Where to write the HTML report.")
def demo_command(db: str, out: str) -> None:
    """Run the whole job on the bundled demo corpus: ingest, analyse, report."""
    store = open_store(db, create=True)
    corpus = demo_corpus()
    say(f"demo corpus: {corpus}")
    print_report(run_ingest((str(corpus),), store, quiet=True), store)
    summarise(store)
    print_analysis(analyse(store))
    write_report(store, DEMO_AGREEMENT, None, out)
    say(f"open {Path(out).resolve()} in a browser, or explore the store: export TRUCEWATCH_DB={db}, then "
        f"trucewatch documents, trucewatch status --agreement {DEMO_AGREEMENT}, ...")
